import type { Step } from '../../../generated/conformance.ts';
import { messageOf, statusOf } from '../../../kubernetes/cluster.ts';
import { describeRef, inNamespace } from '../objects.ts';
import { failed, ok, type StepKind } from '../step.ts';

/** Merge-patches an object of the run's namespace, or its status. */
export const patch: StepKind<NonNullable<Step['patch']>> = {
  name: 'patch',
  async run({ object, merge, subresource }, { cluster, namespace, touched }) {
    if (!object.name) return failed('A patch names its object.', true);
    touched.push(object);
    try {
      await cluster.mergePatch(inNamespace(object, namespace), merge, subresource);
      return ok(`patched ${subresource ? `the ${subresource} of ` : ''}${describeRef(object)}`);
    } catch (error) {
      // Refused as invalid (a field the kind does not have, a value out of range) is definite.
      return failed(`Patching ${describeRef(object)} failed: ${messageOf(error)}`, statusOf(error) === 422 || statusOf(error) === 400);
    }
  },
};
