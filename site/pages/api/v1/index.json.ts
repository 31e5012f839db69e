import type { APIRoute } from 'astro';
import { indexDocument, json } from '../../../lib/api.ts';
import { siteData } from '../../../lib/data.ts';

export const GET: APIRoute = async () => json(indexDocument(await siteData()));
