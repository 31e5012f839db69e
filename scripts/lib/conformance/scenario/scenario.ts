// Runs one scenario of conformance.yaml as a probe of the features it lists: its steps in order,
// each within its own timeout and the scenario's, in the run's namespace. On a failure it collects
// what helps to understand it: the namespace's events, the objects the steps named, and the end
// of the operator's log.
import { dumpYaml } from '@kubernetes/client-node';
import type { Scenario, Step } from '../../generated/conformance.ts';
import type { Cluster } from '../../kubernetes/cluster.ts';
import type { Observation, OperatorInCluster } from '../probe.ts';
import type { CleanupRecorder } from './cleanup.ts';
import { describeRef, inNamespace, objectsOf } from './objects.ts';
import type { StepContext, StepKind, StepOutcome } from './step.ts';
import { apply } from './steps/apply.ts';
import { assert } from './steps/assert.ts';
import { remove } from './steps/delete.ts';
import { exec } from './steps/exec.ts';
import { patch } from './steps/patch.ts';
import { sleep } from './steps/sleep.ts';
import { wait } from './steps/wait.ts';

const STEPS = { apply, patch, assert, wait, delete: remove, exec, sleep } as const;
type StepName = keyof typeof STEPS;

/** Seconds a step may take when neither it nor its scenario says. */
export const DEFAULT_STEP_TIMEOUT = 60;
export const DEFAULT_SCENARIO_TIMEOUT = 600;

export interface ScenarioRun {
  readonly cluster: Cluster;
  readonly namespace: string;
  readonly cleanup: CleanupRecorder;
  readonly operator: OperatorInCluster;
  /** Aborted when the whole run is interrupted. */
  readonly signal: AbortSignal;
  /** Told when each step ends. */
  readonly onStep?: (scenario: Scenario, index: number, name: string, outcome: StepOutcome, ms: number) => void;
}

const nameOf = (step: Step): StepName => (Object.keys(STEPS) as StepName[]).find((name) => name in step)!;

async function diagnostics(run: ScenarioRun, touched: StepContext['touched']): Promise<string> {
  const parts: string[] = [];
  const events = await run.cluster.events(run.namespace).catch(() => []);
  parts.push(`Events in ${run.namespace}:\n${events.slice(-30).map((e) => `  ${e}`).join('\n') || '  (none)'}`);
  for (const ref of touched.slice(-5)) {
    const objects = await objectsOf(run.cluster, inNamespace(ref, run.namespace)).catch(() => []);
    for (const object of objects.slice(0, 2)) parts.push(`${describeRef(ref)}:\n${dumpYaml(object).trimEnd().replace(/^/gm, '  ')}`);
  }
  const deployment = run.operator.deployment;
  const pods = deployment?.metadata?.namespace
    ? await run.cluster.list({ apiVersion: 'v1', kind: 'Pod', namespace: deployment.metadata.namespace, labels: deployment.spec?.selector.matchLabels }).catch(() => [])
    : [];
  for (const pod of pods.slice(0, 1)) {
    const log = await run.cluster.logs(deployment!.metadata!.namespace!, pod.metadata!.name!, run.operator.container, 50);
    if (log) parts.push(`Operator log (${pod.metadata!.name}, last 50 lines):\n${log.trimEnd().replace(/^/gm, '  ')}`);
  }
  return parts.join('\n\n');
}

export async function runScenario(scenario: Scenario, run: ScenarioRun): Promise<Observation> {
  const scenarioDeadline = Date.now() + (scenario.timeout ?? DEFAULT_SCENARIO_TIMEOUT) * 1000;
  const touched: StepContext['touched'] = [];
  for (const [index, step] of scenario.steps.entries()) {
    const name = nameOf(step);
    const deadline = Math.min(scenarioDeadline, Date.now() + (step.timeout ?? DEFAULT_STEP_TIMEOUT) * 1000);
    const signal = AbortSignal.any([run.signal, AbortSignal.timeout(Math.max(1, deadline - Date.now()))]);
    const started = Date.now();
    const context: StepContext = { cluster: run.cluster, namespace: run.namespace, cleanup: run.cleanup, signal, deadline, operator: run.operator, touched };
    let outcome: StepOutcome;
    try {
      outcome = await (STEPS[name] as StepKind<unknown>).run(step[name], context);
    } catch (error) {
      outcome = { ok: false, definite: false, message: `The ${name} step failed: ${error instanceof Error ? error.message : String(error)}` };
    }
    run.onStep?.(scenario, index, name, outcome, Date.now() - started);
    if (!outcome.ok) {
      const where = `Step ${index + 1} (${name}) of "${scenario.title}"`;
      const interrupted = run.signal.aborted ? ' The run was interrupted.' : '';
      return {
        shows: outcome.definite ? 'absent' : 'unknown',
        observed: `${where}: ${outcome.message}${interrupted}`,
        diagnostics: run.signal.aborted ? undefined : await diagnostics(run, touched),
      };
    }
  }
  return { shows: 'present', observed: `"${scenario.title}": all ${scenario.steps.length} steps passed.` };
}
