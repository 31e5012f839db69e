import { randomBytes } from 'node:crypto';
import type { Manifest } from '../../generated/conformance.ts';
import type { KubernetesObject } from '../../kubernetes/cluster.ts';
import type { Probe } from '../probe.ts';
import { unknown } from '../probe.ts';

/** HTTP statuses that mean "the object is invalid", as opposed to "something else went wrong". */
const INVALID = new Set([400, 422]);

/** The manifest with a fresh name in the dry-run namespace, so it meets no existing object. */
function candidate(manifest: Manifest, namespace: string): KubernetesObject {
  const metadata = manifest.metadata as { name: string } & Record<string, unknown>;
  return { ...manifest, metadata: { ...metadata, name: `${metadata.name}-${randomBytes(3).toString('hex')}`, namespace } } as KubernetesObject;
}

/** The API server accepts (or, for `expect: "reject"`, refuses as invalid) the object in a server-side dry run. */
export function dryRunProbe(manifest: Manifest, expect: 'accept' | 'reject'): Probe {
  const target = `${manifest.kind} ${manifest.metadata.name}`;
  return {
    name: `${expect === 'accept' ? 'accepts' : 'rejects'} ${target}`,
    level: 'api',
    async run({ cluster, dryRunNamespace }) {
      const result = await cluster.dryRunCreate(candidate(manifest, dryRunNamespace));
      if (result.accepted) {
        return expect === 'accept'
          ? { shows: 'present', observed: `The API server accepts ${target} (dry run).` }
          : { shows: 'absent', observed: `The API server accepts ${target} (dry run), which the probe expects refused.` };
      }
      if (!INVALID.has(result.status ?? 0)) return unknown(`The dry run of ${target} failed with HTTP ${result.status}: ${result.message}`);
      return expect === 'reject'
        ? { shows: 'present', observed: `The API server refuses ${target} as invalid: ${result.message}` }
        : { shows: 'absent', observed: `The API server refuses ${target}: ${result.message}` };
    },
  };
}
