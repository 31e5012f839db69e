// The one contract every probe implements. A probe looks at the cluster and says whether it
// shows the feature; it never decides the verdict (verdict.ts compares that with the claim) and
// never prints.
import type { Claim, Support } from '../claims.ts';
import type { Feature } from '../catalogue.ts';
import type { ConformanceDefinitions } from '../generated/conformance.ts';
import type { Cluster, ServerVersion, V1CustomResourceDefinition, V1Deployment } from '../kubernetes/cluster.ts';

/** Whether the cluster shows the feature; unknown when the probe could not tell; skipped when it did not run at this level. */
export type Shows = 'present' | 'absent' | 'unknown' | 'skipped';

/** How deep a probe looks: the API server, the operator's controller, the database's behaviour. */
export type ProofLevel = 'api' | 'controller' | 'behaviour';

export interface Observation {
  readonly shows: Shows;
  /** What was seen, in one or two sentences. */
  readonly observed: string;
  /** For failures of scenarios: events, object YAML, operator logs. */
  readonly diagnostics?: string;
}

/** The operator as found in the cluster. */
export interface OperatorInCluster {
  readonly deployment?: V1Deployment;
  /** The container running the operator. */
  readonly container?: string;
  readonly version?: string;
  /** The operator's CRDs (of the groups in conformance.yaml). */
  readonly crds: readonly V1CustomResourceDefinition[];
  /** Why the Deployment was not found, when it was not. */
  readonly missing?: string;
}

export interface ProbeContext {
  readonly cluster: Cluster;
  readonly server: ServerVersion;
  readonly operator: OperatorInCluster;
  readonly definitions: ConformanceDefinitions;
  readonly feature: Feature;
  readonly claim: Claim | undefined;
  readonly support: Support;
  /** Where server-side dry runs are made (nothing is stored there). */
  readonly dryRunNamespace: string;
  readonly signal: AbortSignal;
}

export interface Probe {
  /** As shown in reports: a built-in probe's name, or a kind and its target. */
  readonly name: string;
  readonly level: ProofLevel;
  run(context: ProbeContext): Promise<Observation>;
}

export const unknown = (observed: string): Observation => ({ shows: 'unknown', observed });
