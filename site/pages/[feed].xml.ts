// feed.xml: claims by release for every operator. Feeds need the site's address (OFM_SITE_URL)
// for their links, so without one no feed is written.
import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../lib/data.ts';
import { atom, releasesFeed } from '../lib/feeds.ts';

export const getStaticPaths: GetStaticPaths = () => (import.meta.env.SITE ? [{ params: { feed: 'feed' } }] : []);

export const GET: APIRoute = async ({ site }) => atom(releasesFeed(await siteData(), site));
