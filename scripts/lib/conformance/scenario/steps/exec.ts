import type { Step } from '../../../generated/conformance.ts';
import { messageOf } from '../../../kubernetes/cluster.ts';
import { describeRef, inNamespace, objectsOf } from '../objects.ts';
import { failed, ok, type StepKind } from '../step.ts';

/** Runs a command in a pod of the run's namespace; it must exit 0 (and print what is asked). */
export const exec: StepKind<NonNullable<Step['exec']>> = {
  name: 'exec',
  async run({ pod, container, command, stdout_contains: wanted }, { cluster, namespace, deadline, touched }) {
    touched.push(pod);
    const [target] = await objectsOf(cluster, inNamespace({ ...pod, apiVersion: 'v1', kind: 'Pod' }, namespace));
    if (!target?.metadata?.name) return failed(`${describeRef(pod)} does not exist.`, false);
    try {
      const result = await cluster.exec(namespace, target.metadata.name, container, command, Math.max(1, deadline - Date.now()));
      if (result.exitCode !== 0) return failed(`${command.join(' ')} exited ${result.exitCode}: ${result.stderr.trim().slice(0, 500)}`, true);
      if (wanted !== undefined && !result.stdout.includes(wanted)) return failed(`${command.join(' ')} did not print "${wanted}": ${result.stdout.trim().slice(0, 500)}`, true);
      return ok(`${command.join(' ')} succeeded in ${target.metadata.name}`);
    } catch (error) {
      return failed(`${command.join(' ')} could not run in ${target.metadata.name}: ${messageOf(error)}`, false);
    }
  },
};
