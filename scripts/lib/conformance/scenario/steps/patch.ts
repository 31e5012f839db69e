import type { Step } from '../../../generated/conformance.ts';
import { messageOf } from '../../../kubernetes/cluster.ts';
import { describeRef, inNamespace } from '../objects.ts';
import { failed, ok, type StepKind } from '../step.ts';

/** Merge-patches an object of the run's namespace. */
export const patch: StepKind<NonNullable<Step['patch']>> = {
  name: 'patch',
  async run({ object, merge }, { cluster, namespace, touched }) {
    if (!object.name) return failed('A patch names its object.', true);
    touched.push(object);
    try {
      await cluster.mergePatch(inNamespace(object, namespace), merge);
      return ok(`patched ${describeRef(object)}`);
    } catch (error) {
      return failed(`Patching ${describeRef(object)} failed: ${messageOf(error)}`, false);
    }
  },
};
