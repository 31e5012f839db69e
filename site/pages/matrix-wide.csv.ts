import type { APIRoute } from 'astro';
import { matrixExport, matrixWideCsv } from '../../scripts/lib/matrix.ts';
import { siteData } from '../lib/data.ts';

export const GET: APIRoute = async () => {
  const data = await siteData();
  return new Response(matrixWideCsv(matrixExport(data.index, data.releases, new Date()), data.cells), { headers: { 'content-type': 'text/csv; charset=utf-8' } });
};
