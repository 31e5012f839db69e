import { isRecord } from '../claims.ts';
import { folders } from './context.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/** A conformance.yaml speaks of features of its technology's catalogue, and names each scenario once. */
export const conformanceFeatures: Rule<DataSubject> = {
  id: 'conformance-features',
  description: "conformance.yaml probes only features of its technology's catalogue, and its scenario ids are unique.",
  kinds: ['conformance'],
  check({ data, absolutePath, project }) {
    if (!isRecord(data)) return [];
    const technology = folders(absolutePath).grandparent;
    const index = project.catalogues.get(technology);
    if (!index) return [];
    const findings: RuleFinding[] = [];
    const known = (id: string) => index.features.has(id) || index.aliases.has(id);
    const unknown = (id: string) => `"${id}" is not a feature of ${technology}@${index.catalogue.version}.`;
    const hint = `Use a feature id of features/${technology}/catalogue.yaml.`;
    for (const id of Object.keys(isRecord(data['features']) ? data['features'] : {})) {
      if (!known(id)) findings.push(error({ path: ['features', id], part: 'key' }, unknown(id), hint));
    }
    const seen = new Set<string>();
    (Array.isArray(data['scenarios']) ? data['scenarios'] : []).forEach((scenario, i) => {
      if (!isRecord(scenario)) return;
      const id = scenario['id'];
      if (typeof id === 'string') {
        if (seen.has(id)) findings.push(error({ path: ['scenarios', i, 'id'] }, `The scenario id "${id}" is used twice.`, 'Give each scenario its own id.'));
        seen.add(id);
      }
      (Array.isArray(scenario['features']) ? scenario['features'] : []).forEach((feature, k) => {
        if (typeof feature === 'string' && !known(feature)) findings.push(error({ path: ['scenarios', i, 'features', k] }, unknown(feature), hint));
      });
    });
    return findings;
  },
};
