// The site's view of the data: the catalogue, every release with its operator and evidence
// report, the newest release of each operator, and the matrix cells. Built once per build.
import { getCollection } from 'astro:content';
import { indexCatalogue, type Catalogue, type CatalogueIndex, type Feature } from '../../scripts/lib/catalogue.ts';
import { technologyData } from '../../scripts/lib/dataset.ts';
import type { OperatorMetadata } from '../../scripts/lib/generated/operator.ts';
import { cellFor, latestReleases, type Cell, type Release } from '../../scripts/lib/matrix.ts';
import { claimsById } from '../../scripts/lib/releases.ts';

export interface OperatorView {
  readonly metadata: OperatorMetadata;
  /** Newest first. */
  readonly releases: Release[];
}

export interface SiteData {
  readonly index: CatalogueIndex;
  readonly releases: Release[];
  /** Newest release of each operator, by operator name: the matrix columns. */
  readonly latest: Release[];
  readonly operators: Map<string, OperatorView>;
  /** Cells of the newest releases, by "<feature>/<operator>". */
  readonly cells: Map<string, Cell>;
  readonly categories: Array<{ id: string; name: string; features: Feature[] }>;
}

let loading: Promise<SiteData> | undefined;

async function load(): Promise<SiteData> {
  // Every entry was validated against its schema by the loaders (site/lib/loaders.ts).
  const catalogues = (await getCollection('catalogues')).map((e) => e.data as unknown as Catalogue);
  const catalogue = catalogues.find((c) => c.technology === 'postgres') ?? catalogues[0];
  if (!catalogue) throw new Error('No valid catalogue to build the site from (features/<technology>/catalogue.yaml).');
  const index = indexCatalogue(catalogue);
  const entries = async (name: 'operators' | 'submissions' | 'evidence' | 'conformance') => (await getCollection(name)).map((e) => ({ id: e.id, data: e.data }));
  const { releases } = technologyData(index, {
    operators: await entries('operators'),
    submissions: await entries('submissions'),
    evidence: await entries('evidence'),
    conformance: await entries('conformance'),
  });
  const latest = latestReleases(releases);
  const cells = new Map<string, Cell>();
  for (const release of latest) {
    const claims = claimsById(index, release.submission);
    for (const feature of catalogue.features) cells.set(`${feature.id}/${release.operator.id}`, cellFor(index, release, feature, claims));
  }
  const views = new Map<string, OperatorView>();
  for (const release of latest) views.set(release.operator.id, { metadata: release.operator, releases: releases.filter((r) => r.operator.id === release.operator.id) });
  const categories = catalogue.categories.map((c) => ({
    id: c.id,
    name: c.name,
    // Main features first, then the catalogue's order.
    features: catalogue.features.filter((f) => f.category === c.id).sort((a, b) => Number(b.main === true) - Number(a.main === true)),
  }));
  return { index, releases, latest, operators: views, cells, categories };
}

export const siteData = (): Promise<SiteData> => (loading ??= load());

/** A path inside the site, below its base. */
export const href = (path: string): string => `${import.meta.env.BASE_URL.replace(/\/$/, '')}/${path.replace(/^\//, '')}`;
