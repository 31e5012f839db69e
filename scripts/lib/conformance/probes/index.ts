// Every probe the runner knows: the built-in ones the catalogue names per feature, and those an
// operator's conformance.yaml defines.
import type { Feature } from '../../catalogue.ts';
import type { ConformanceDefinitions } from '../../generated/conformance.ts';
import type { Probe } from '../probe.ts';
import { crdSchemaProbe } from './crd-schema.ts';
import { crdsServed } from './crds-served.ts';
import { dryRunProbe } from './dry-run.ts';
import { fineGrainedRbac } from './fine-grained-rbac.ts';
import { kubernetesVersion } from './kubernetes-version.ts';
import { noPrivilegedMode } from './no-privileged-mode.ts';
import { printerColumns } from './printer-columns.ts';

export const BUILTIN_PROBES: Readonly<Record<NonNullable<Feature['probes']>[number], Probe>> = {
  'crds-served': crdsServed,
  'kubernetes-version': kubernetesVersion,
  'fine-grained-rbac': fineGrainedRbac,
  'no-privileged-mode': noPrivilegedMode,
  'printer-columns': printerColumns,
};

/** The API-level probes of a feature: the catalogue's built-in ones, then the operator's own. */
export function apiProbesFor(feature: Feature, definitions: ConformanceDefinitions): Probe[] {
  const builtin = (feature.probes ?? []).map((name) => BUILTIN_PROBES[name]);
  const own = (definitions.features?.[feature.id] ?? []).map((probe) => {
    if (probe.schema) return crdSchemaProbe(probe.schema);
    if (probe.accepts) return dryRunProbe(probe.accepts.manifest, 'accept');
    return dryRunProbe(probe.rejects!.manifest, 'reject');
  });
  return [...builtin, ...own];
}
