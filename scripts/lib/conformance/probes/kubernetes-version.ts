import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';
import { isEstablished } from './crds.ts';

// What the operator's CRDs use, and the first Kubernetes minor whose API server applies it
// (enabled by default). An API server before that version drops the field, so the CRD would not
// behave as shipped.
const NEEDS: ReadonlyArray<{ readonly key: string; readonly within?: string; readonly minor: number; readonly what: string }> = [
  { key: 'x-kubernetes-validations', minor: 25, what: 'CEL validation rules (x-kubernetes-validations)' },
  { key: 'messageExpression', within: 'x-kubernetes-validations', minor: 27, what: 'CEL messageExpression' },
  { key: 'reason', within: 'x-kubernetes-validations', minor: 28, what: 'CEL validation reasons' },
  { key: 'fieldPath', within: 'x-kubernetes-validations', minor: 28, what: 'CEL validation field paths' },
  { key: 'optionalOldSelf', within: 'x-kubernetes-validations', minor: 30, what: 'CEL optionalOldSelf' },
];

/** The newest requirement among the CRDs' served versions: apiextensions.k8s.io/v1 needs 1.16. */
export function minimumMinor(crds: Parameters<Probe['run']>[0]['operator']['crds']): { minor: number; what: string } {
  let best = { minor: 16, what: 'apiextensions.k8s.io/v1 CustomResourceDefinitions' };
  const need = (minor: number, what: string) => {
    if (minor > best.minor) best = { minor, what };
  };
  for (const crd of crds) {
    for (const version of crd.spec.versions.filter((v) => v.served)) {
      if ((version as { selectableFields?: unknown[] }).selectableFields?.length) need(31, 'selectable fields (selectableFields)');
      const stack: Array<{ node: unknown; parent: string }> = [{ node: version.schema?.openAPIV3Schema, parent: '' }];
      while (stack.length > 0) {
        const { node, parent } = stack.pop()!;
        if (Array.isArray(node)) {
          for (const item of node) stack.push({ node: item, parent });
        } else if (node && typeof node === 'object') {
          for (const [key, value] of Object.entries(node)) {
            for (const n of NEEDS) if (key === n.key && (n.within === undefined || parent === n.within)) need(n.minor, n.what);
            stack.push({ node: value, parent: key });
          }
        }
      }
    }
  }
  return best;
}

const minorOf = (version: string) => Number(version.split('.')[1]);

/** The claimed Kubernetes versions against this server, and against what the operator's CRDs need. */
export const kubernetesVersion: Probe = {
  name: 'kubernetes-version',
  level: 'api',
  async run({ operator, server, claim }) {
    const claimed = (Array.isArray(claim?.value) ? claim.value : []).filter((v): v is string => typeof v === 'string' && /^1\.\d+$/.test(v));
    if (claimed.length === 0) return unknown('The claim lists no Kubernetes versions to compare.');
    const served = operator.crds.filter(isEstablished);
    if (served.length === 0) return unknown("The operator's CustomResourceDefinitions are not served here.");
    const needed = minimumMinor(served);
    const tooOld = claimed.filter((v) => minorOf(v) < needed.minor);
    if (tooOld.length > 0) {
      return {
        shows: 'absent',
        observed: `The claim lists ${tooOld.join(', ')}, but the CRDs use ${needed.what}, which API servers before 1.${needed.minor} do not apply.`,
      };
    }
    if (claimed.includes(server.minor)) return { shows: 'present', observed: `This cluster runs ${server.gitVersion} (${server.minor}, a claimed version) and serves the CRDs.` };
    return unknown(`This cluster runs ${server.minor}, which the claim does not list; the CRDs need 1.${needed.minor} or later, which every claimed version meets.`);
  },
};
