import type { Step } from '../../../generated/conformance.ts';
import { messageOf } from '../../../kubernetes/cluster.ts';
import { describeRef, inNamespace, objectsOf } from '../objects.ts';
import { failed, ok, type StepKind } from '../step.ts';

/** Deletes the object (or every object with the labels) in the run's namespace. */
export const remove: StepKind<NonNullable<Step['delete']>> = {
  name: 'delete',
  async run({ object }, { cluster, namespace, touched }) {
    touched.push(object);
    try {
      const objects = await objectsOf(cluster, inNamespace(object, namespace));
      if (objects.length === 0) return failed(`${describeRef(object)} does not exist.`, true);
      for (const o of objects) await cluster.delete({ apiVersion: object.apiVersion, kind: object.kind, namespace, name: o.metadata?.name });
      return ok(`deleted ${objects.length} ${object.kind}`);
    } catch (error) {
      return failed(`Deleting ${describeRef(object)} failed: ${messageOf(error)}`, false);
    }
  },
};
