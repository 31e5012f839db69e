import type { APIRoute, GetStaticPaths } from 'astro';
import { json, operatorDocument } from '../../../../lib/api.ts';
import { siteData } from '../../../../lib/data.ts';

export const getStaticPaths: GetStaticPaths = async () => [...(await siteData()).operators.keys()].map((id) => ({ params: { id } }));

export const GET: APIRoute = async ({ params }) => json(operatorDocument(await siteData(), params['id']!));
