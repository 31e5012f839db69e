import type { APIRoute } from 'astro';
import { matrixExport } from '../../scripts/lib/matrix.ts';
import { siteData } from '../lib/data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(`${JSON.stringify(matrixExport(data.index, data.releases, new Date()), null, 2)}\n`, { headers: { 'content-type': 'application/json' } });
};
