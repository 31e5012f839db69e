import type { Catalogue } from '../catalogue.ts';
import { isRecord } from '../claims.ts';
import { compareVersions } from '../releases.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';


/** Consistency a schema cannot express: unique ids, known categories, a coherent version history. */
export const catalogueIntegrity: Rule<DataSubject> = {
  id: 'catalogue-integrity',
  description: 'A catalogue is consistent: unique feature ids and aliases, known categories, values only on text features, a version history that includes the current version.',
  kinds: ['catalogue'],
  check({ data }) {
    if (!isRecord(data) || !Array.isArray(data['features']) || !Array.isArray(data['categories'])) return [];
    const catalogue = data as unknown as Catalogue;
    const findings: RuleFinding[] = [];
    const categories = new Set(catalogue.categories.map((c) => c?.id));
    const versions = Array.isArray(catalogue.versions) ? catalogue.versions.map((v) => v?.version) : [];
    const taken = new Map<string, string>();
    const claim = (id: string, what: string, path: (string | number)[]) => {
      const previous = taken.get(id);
      if (previous) findings.push(error({ path }, `"${id}" is already used as ${previous}.`, 'Ids and aliases must be unique across the whole catalogue.'));
      else taken.set(id, what);
    };

    if (typeof catalogue.version === 'string' && !versions.includes(catalogue.version)) {
      findings.push(error({ path: ['version'] }, `Version ${catalogue.version} is not in "versions".`, 'Add an entry for it to "versions", with its date and changes.'));
    }
    versions.forEach((version, i) => {
      const previous = versions[i - 1];
      if (i > 0 && typeof version === 'string' && typeof previous === 'string' && compareVersions(previous, version) >= 0) {
        findings.push(error({ path: ['versions', i, 'version'] }, `Version ${version} does not come after ${previous}.`, 'List versions oldest first, each once.'));
      }
    });

    catalogue.features.forEach((feature, i) => {
      if (!isRecord(feature) || typeof feature.id !== 'string') return;
      claim(feature.id, `the id of feature #${i + 1}`, ['features', i, 'id']);
      (Array.isArray(feature.aliases) ? feature.aliases : []).forEach((alias, k) =>
        claim(alias, `an alias of ${feature.id}`, ['features', i, 'aliases', k]),
      );
      if (typeof feature.category === 'string' && !categories.has(feature.category)) {
        findings.push(error({ path: ['features', i, 'category'] }, `Category "${feature.category}" is not defined.`, `Use one of: ${[...categories].join(', ')}.`));
      }
      if (feature.values && (feature.type === 'boolean' || feature.type === 'integer')) {
        findings.push(error({ path: ['features', i, 'values'], part: 'key' }, `${feature.id} is ${feature.type}, so it cannot list values.`, 'Remove "values", or change the type.'));
      }
      const allowed = feature.values?.allowed?.map((a) => a?.value) ?? [];
      allowed.forEach((value, k) => {
        if (allowed.indexOf(value) !== k) findings.push(error({ path: ['features', i, 'values', 'allowed', k] }, `Value "${value}" is listed twice.`, 'List each value once.'));
      });
      for (const field of ['since'] as const) {
        const v = feature[field];
        if (typeof v === 'string' && !versions.includes(v)) findings.push(error({ path: ['features', i, field] }, `Version ${v} is not in "versions".`, 'Use a released catalogue version.'));
      }
      if (feature.deprecated?.since && !versions.includes(feature.deprecated.since)) {
        findings.push(error({ path: ['features', i, 'deprecated', 'since'] }, `Version ${feature.deprecated.since} is not in "versions".`, 'Use a released catalogue version.'));
      }
    });
    catalogue.features.forEach((feature, i) => {
      const replacement = isRecord(feature) ? feature.deprecated?.replaced_by : undefined;
      if (replacement && !catalogue.features.some((f) => f?.id === replacement)) {
        findings.push(error({ path: ['features', i, 'deprecated', 'replaced_by'] }, `Feature "${replacement}" does not exist.`, 'Name an existing feature id.'));
      }
    });
    return findings;
  },
};
