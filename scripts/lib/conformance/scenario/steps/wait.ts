import type { Step } from '../../../generated/conformance.ts';
import { describeRef, inNamespace, mismatches, objectsOf } from '../objects.ts';
import { delay, failed, ok, type StepKind } from '../step.ts';

const POLL_MS = 500;

/** Waits until the object exists and is as expected (or, with `gone`, until it is deleted). */
export const wait: StepKind<NonNullable<Step['wait']>> = {
  name: 'wait',
  async run({ object, matches, expect, gone }, { cluster, namespace, signal, touched }) {
    touched.push(object);
    const ref = inNamespace(object, namespace);
    let last = 'it never appeared';
    const started = Date.now();
    for (;;) {
      const objects = await objectsOf(cluster, ref);
      if (gone) {
        if (objects.length === 0) return ok(`${describeRef(object)} is gone after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        last = 'it still exists';
      } else if (objects.length > 0) {
        const problems = mismatches(objects, matches, expect, object.name !== undefined);
        if (problems.length === 0) return ok(`${describeRef(object)} is as expected after ${((Date.now() - started) / 1000).toFixed(1)} s`);
        last = `it differs:\n  ${problems.join('\n  ')}`;
      }
      try {
        await delay(POLL_MS, signal);
      } catch {
        return failed(`Gave up waiting for ${describeRef(object)}${gone ? ' to go' : ''}: ${last}`, false);
      }
    }
  },
};
