import type { APIRoute, GetStaticPaths } from 'astro';
import { siteData } from '../../../lib/data.ts';
import { shareCardPng } from '../../../lib/share-card.ts';

// The picture shown when an operator page is shared (og:image). Written only when the site's
// address is known (OFM_SITE_URL), since og:image must be an absolute address.
export const getStaticPaths: GetStaticPaths = async () => (import.meta.env.SITE ? [...(await siteData()).operators.keys()].map((id) => ({ params: { id } })) : []);

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  const png = await shareCardPng(data, data.operators.get(params['id']!)!);
  return new Response(new Uint8Array(png), { headers: { 'content-type': 'image/png' } });
};
