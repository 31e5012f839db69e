// A catalogue indexed for look-ups: features by id and by former id, categories, versions.
import type { Catalogue, Category, Feature } from './generated/catalogue.ts';

export type { Catalogue, Category, Feature };

export interface CatalogueIndex {
  readonly catalogue: Catalogue;
  readonly features: ReadonlyMap<string, Feature>;
  /** Former ids (aliases) to the feature that now carries them. */
  readonly aliases: ReadonlyMap<string, Feature>;
  readonly categories: ReadonlyMap<string, Category>;
  readonly versions: ReadonlySet<string>;
}

export function indexCatalogue(catalogue: Catalogue): CatalogueIndex {
  const features = new Map<string, Feature>();
  const aliases = new Map<string, Feature>();
  for (const feature of catalogue.features) {
    if (!features.has(feature.id)) features.set(feature.id, feature);
    for (const alias of feature.aliases ?? []) if (!aliases.has(alias)) aliases.set(alias, feature);
  }
  return {
    catalogue,
    features,
    aliases,
    categories: new Map(catalogue.categories.map((c) => [c.id, c])),
    versions: new Set(catalogue.versions.map((v) => v.version)),
  };
}

export interface ResolvedFeature {
  readonly feature: Feature;
  /** The id was a former id (alias) of the feature. */
  readonly viaAlias: boolean;
}

export function resolveFeature(index: CatalogueIndex, id: string): ResolvedFeature | undefined {
  const feature = index.features.get(id);
  if (feature) return { feature, viaAlias: false };
  const renamed = index.aliases.get(id);
  return renamed ? { feature: renamed, viaAlias: true } : undefined;
}

export interface CatalogueRef {
  readonly technology: string;
  readonly version: string;
}

/** Splits `postgres@1.0.0`. */
export function parseCatalogueRef(ref: unknown): CatalogueRef | undefined {
  if (typeof ref !== 'string') return undefined;
  const at = ref.indexOf('@');
  if (at <= 0 || at === ref.length - 1) return undefined;
  return { technology: ref.slice(0, at), version: ref.slice(at + 1) };
}

export const formatCatalogueRef = (catalogue: Catalogue): string => `${catalogue.technology}@${catalogue.version}`;
