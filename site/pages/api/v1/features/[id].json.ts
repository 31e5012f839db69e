import type { APIRoute, GetStaticPaths } from 'astro';
import { featureDocument, json } from '../../../../lib/api.ts';
import { siteData } from '../../../../lib/data.ts';

export const getStaticPaths: GetStaticPaths = async () => (await siteData()).index.catalogue.features.map((feature) => ({ params: { id: feature.id } }));

export const GET: APIRoute = async ({ params }) => {
  const data = await siteData();
  return json(featureDocument(data, data.index.features.get(params['id']!)!));
};
