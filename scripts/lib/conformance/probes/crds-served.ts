import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';
import { isEstablished } from './crds.ts';

/** The operator's CustomResourceDefinitions are served (Management via CRDs). */
export const crdsServed: Probe = {
  name: 'crds-served',
  level: 'api',
  async run({ operator, definitions }) {
    const groups = definitions.detect.crd_groups.join(', ');
    if (operator.crds.length === 0) return unknown(`No CustomResourceDefinition of ${groups} is installed in this cluster.`);
    const served = operator.crds.filter(isEstablished);
    if (served.length === 0) return unknown(`The CustomResourceDefinitions of ${groups} exist but none is established.`);
    const kinds = served.map((crd) => crd.spec.names.kind).sort();
    const withStatus = served.filter((crd) => crd.spec.versions.some((v) => v.served && v.subresources?.status)).length;
    return {
      shows: 'present',
      observed: `${served.length} CustomResourceDefinition(s) of ${groups} are served (${kinds.join(', ')}); ${withStatus} of them with a status subresource.`,
    };
  },
};
