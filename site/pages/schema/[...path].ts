// Every schema, as it is in schema/ (generated/ too), at the address its `$id` names, so that
// editors and other validators can fetch what a data file's schema line or a report's `$schema`
// names. The `$id`s say where (scripts/lib/layout.ts PUBLISHED_SCHEMA_BASE); this page follows.
import type { APIRoute, GetStaticPaths } from 'astro';
import { PUBLISHED_SITE } from '../../../scripts/lib/layout.ts';

const files = import.meta.glob<string>('../../../schema/**/*.schema.json', { query: '?raw', import: 'default', eager: true });
const FOLDER = `${PUBLISHED_SITE}schema/`;

export const getStaticPaths: GetStaticPaths = () =>
  Object.entries(files).map(([file, text]) => {
    const id = (JSON.parse(text) as { $id?: unknown }).$id;
    if (typeof id !== 'string' || !id.startsWith(FOLDER)) throw new Error(`${file}: its $id ${JSON.stringify(id)} is not an address under ${FOLDER}, where the site publishes the schemas.`);
    return { params: { path: id.slice(FOLDER.length) }, props: { text } };
  });

export const GET: APIRoute = ({ props }) => new Response(props['text'] as string, { headers: { 'content-type': 'application/schema+json' } });
