import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';
import { isEstablished, servedVersion } from './crds.ts';

/** `kubectl get` shows columns of the operator's own (Resource display columns). */
export const printerColumns: Probe = {
  name: 'printer-columns',
  level: 'api',
  async run({ operator }) {
    const served = operator.crds.filter(isEstablished);
    if (served.length === 0) return unknown("The operator's CustomResourceDefinitions are not served here.");
    const columns = served
      .map((crd) => ({ kind: crd.spec.names.kind, names: (servedVersion(crd)?.additionalPrinterColumns ?? []).map((c) => c.name).filter((n) => n !== 'Age') }))
      .filter((c) => c.names.length > 0);
    if (columns.length === 0) return { shows: 'absent', observed: `None of ${served.map((c) => c.spec.names.kind).join(', ')} defines printer columns beyond Age.` };
    return { shows: 'present', observed: `Printer columns: ${columns.map((c) => `${c.kind} (${c.names.join(', ')})`).join('; ')}.` };
  },
};
