// The contract of a scenario step: one module per kind of step, each given the run's context
// and its own deadline.
import type { Cluster } from '../../kubernetes/cluster.ts';
import type { OperatorInCluster } from '../probe.ts';
import type { CleanupRecorder } from './cleanup.ts';

export interface StepContext {
  readonly cluster: Cluster;
  /** The run's own namespace: the only place steps write. */
  readonly namespace: string;
  readonly cleanup: CleanupRecorder;
  /** Aborted when the step's time is up or the run is interrupted. */
  readonly signal: AbortSignal;
  /** When the step's time is up (ms since the epoch). */
  readonly deadline: number;
  readonly operator: OperatorInCluster;
  /** Objects the steps named, for diagnostics after a failure. */
  readonly touched: Array<{ apiVersion: string; kind: string; name?: string; labels?: Record<string, string> }>;
}

/** ok; or failed — `definite` when the cluster answered otherwise, not when time ran out or a call failed. */
export type StepOutcome = { readonly ok: true; readonly note: string } | { readonly ok: false; readonly definite: boolean; readonly message: string };

export interface StepKind<Spec> {
  readonly name: string;
  run(spec: Spec, context: StepContext): Promise<StepOutcome>;
}

/** Resolves after `ms`, or rejects when `signal` aborts first. */
export function delay(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

export const ok = (note: string): StepOutcome => ({ ok: true, note });
export const failed = (message: string, definite: boolean): StepOutcome => ({ ok: false, definite, message });
