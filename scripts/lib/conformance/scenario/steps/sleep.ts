import { delay, failed, ok, type StepKind } from '../step.ts';

export const sleep: StepKind<number> = {
  name: 'sleep',
  async run(seconds, { signal }) {
    try {
      await delay(seconds * 1000, signal);
      return ok(`slept ${seconds} s`);
    } catch {
      return failed(`Interrupted while sleeping ${seconds} s.`, false);
    }
  },
};
