import type { Step } from '../../../generated/conformance.ts';
import { describeRef, inNamespace, mismatches, objectsOf } from '../objects.ts';
import { failed, ok, type StepKind } from '../step.ts';

/** The object exists now, contains `matches`, and meets every expectation. */
export const assert: StepKind<NonNullable<Step['assert']>> = {
  name: 'assert',
  async run({ object, matches, expect }, { cluster, namespace, touched }) {
    touched.push(object);
    const objects = await objectsOf(cluster, inNamespace(object, namespace));
    if (objects.length === 0) return failed(`${describeRef(object)} does not exist.`, true);
    const problems = mismatches(objects, matches, expect, object.name !== undefined);
    return problems.length === 0 ? ok(`${describeRef(object)} is as expected`) : failed(`${describeRef(object)} differs:\n  ${problems.join('\n  ')}`, true);
  },
};
