import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/data.ts';
import { atom, releasesFeed } from '../../../lib/feeds.ts';

// Written only when the site's address is known (OFM_SITE_URL): feeds need it for their links.
export const getStaticPaths: GetStaticPaths = async () => (import.meta.env.SITE ? [...(await siteData()).operators.keys()].map((id) => ({ params: { id } })) : []);

export const GET: APIRoute = async ({ params, site }) => atom(releasesFeed(await siteData(), site, params['id']));
