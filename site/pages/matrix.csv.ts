import type { APIRoute } from 'astro';
import { matrixCsv, matrixExport } from '../../scripts/lib/matrix.ts';
import { siteData } from '../lib/data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(matrixCsv(matrixExport(data.index, data.releases, new Date())), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
