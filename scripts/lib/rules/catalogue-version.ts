import { parseCatalogueRef } from '../catalogue.ts';
import { isRecord } from '../claims.ts';
import { cataloguePath } from '../layout.ts';
import { error, type DataSubject, type Rule } from './rule.ts';

export const catalogueVersion: Rule<DataSubject> = {
  id: 'catalogue-version',
  description: 'The `catalogue` a submission names exists and is a released version of it.',
  kinds: ['submission'],
  check({ data, project }) {
    const written = isRecord(data) ? data['catalogue'] : undefined;
    const ref = parseCatalogueRef(written);
    if (!ref) return [];
    const at = { path: ['catalogue'] };
    const index = project.catalogues.get(ref.technology);
    if (!index) {
      if (project.brokenCatalogues.has(ref.technology)) {
        return [error(at, `The ${ref.technology} catalogue cannot be read.`, `Fix the findings in ${cataloguePath(ref.technology)} first.`)];
      }
      const known = [...project.catalogues.keys()];
      return [error(at, `There is no catalogue for "${ref.technology}".`, known.length ? `Use one of: ${known.map((t) => `${t}@${project.catalogues.get(t)!.catalogue.version}`).join(', ')}.` : 'Add the catalogue under features/ first.')];
    }
    if (index.versions.has(ref.version)) return [];
    const released = [...index.versions].map((v) => `${ref.technology}@${v}`);
    return [error(at, `${String(written)} is not a released version of the ${ref.technology} catalogue.`, `Use one of: ${released.join(', ')} (newest: ${ref.technology}@${index.catalogue.version}).`)];
  },
};
