import type { Step } from '../../../generated/conformance.ts';
import { messageOf, statusOf, type KubernetesObject } from '../../../kubernetes/cluster.ts';
import { delay, failed, ok, type StepKind } from '../step.ts';

/** Creates the object in the run's namespace, and records its deletion. Cluster-scoped kinds are refused. */
export const apply: StepKind<NonNullable<Step['apply']>> = {
  name: 'apply',
  async run({ manifest }, { cluster, namespace, cleanup, signal, touched }) {
    const { apiVersion, kind } = manifest;
    const name = manifest.metadata.name;
    const namespaced = await cluster.namespaced(apiVersion, kind);
    if (namespaced === undefined) return failed(`The API server does not serve ${kind} (${apiVersion}).`, true);
    if (!namespaced) return failed(`${kind} is cluster-scoped; scenarios write only inside their own namespace.`, true);
    const object = { ...manifest, metadata: { ...manifest.metadata, namespace } } as KubernetesObject;
    const ref = { apiVersion, kind, name, namespace };
    touched.push({ apiVersion, kind, name });
    // A kind whose CRD was just established can answer 404 for a few seconds.
    for (;;) {
      try {
        await cluster.create(object, { strict: true });
        cleanup.record(`${kind} ${namespace}/${name}`, () => cluster.delete(ref));
        return ok(`created ${kind} ${name}`);
      } catch (error) {
        if (statusOf(error) !== 404 || signal.aborted) return failed(`Creating ${kind} ${name} failed: ${messageOf(error)}`, statusOf(error) === 422 || statusOf(error) === 400);
        await delay(500, signal).catch(() => undefined);
      }
    }
  },
};
