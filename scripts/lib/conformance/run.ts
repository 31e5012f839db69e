// A conformance run: find the operator, run every probe of every feature (API level: read-only
// look-ups and server-side dry runs), and at scenario level the scenarios in a namespace of the
// run's own, deleted again at the end whatever happens. It never throws: a cluster that cannot
// be reached, an interruption or a bug end in a report that says so.
import { randomBytes } from 'node:crypto';
import pLimit from 'p-limit';
import type { CatalogueIndex, Feature } from '../catalogue.ts';
import type { Claim, Submission, Support } from '../claims.ts';
import { claimDigest, submissionDigest } from '../digest.ts';
import type { ConformanceDefinitions, Scenario } from '../generated/conformance.ts';
import type { Cluster, ServerVersion } from '../kubernetes/cluster.ts';
import { claimsById, compareVersions, effectiveSupport } from '../releases.ts';
import { schemas } from '../schemas.ts';
import { detectOperator } from './operator.ts';
import type { Observation, OperatorInCluster, ProbeContext } from './probe.ts';
import { apiProbesFor } from './probes/index.ts';
import { summaryOf, type ConformanceReport, type FeatureResult, type ProbeResult } from './report.ts';
import { CleanupRecorder } from './scenario/cleanup.ts';
import { runScenario } from './scenario/scenario.ts';
import type { StepOutcome } from './scenario/step.ts';
import { verdictFor } from './verdict.ts';

export type ConformLevel = 'api' | 'scenario';

export type ProgressEvent =
  | { readonly type: 'start'; readonly server: ServerVersion; readonly operator: OperatorInCluster }
  | { readonly type: 'probe'; readonly feature: string; readonly result: ProbeResult }
  | { readonly type: 'scenario'; readonly scenario: Scenario; readonly namespace: string }
  | { readonly type: 'step'; readonly scenario: Scenario; readonly index: number; readonly name: string; readonly outcome: StepOutcome; readonly ms: number }
  | { readonly type: 'cleanup'; readonly objects: number };

export interface ConformOptions {
  /** Connects to the cluster; a throw here is an unreachable cluster. */
  readonly connect: () => Cluster;
  readonly definitions: ConformanceDefinitions;
  readonly index: CatalogueIndex;
  /**
   * The operator's submissions, path (project-relative) and data. With one, its claims are
   * checked; with several, the one of the release found running, else the newest.
   */
  readonly submissions: ReadonlyArray<{ readonly path: string; readonly submission: Submission }>;
  readonly level: ConformLevel;
  /** Only these feature ids. */
  readonly only?: ReadonlySet<string>;
  /** Leave the scenario namespace in place, for debugging. */
  readonly keep?: boolean;
  /** Where dry runs are made (nothing is stored): an existing namespace. */
  readonly dryRunNamespace?: string;
  readonly signal: AbortSignal;
  readonly tool: string;
  readonly now?: () => Date;
  readonly onProgress?: (event: ProgressEvent) => void;
}

const API_CONCURRENCY = 8;
const RUN_LABEL = 'ofm.invalid/conformance-run';

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** The features the run looks at: the catalogue's, without deprecated ones, maybe only some. */
function featuresOf(options: ConformOptions): Feature[] {
  return options.index.catalogue.features.filter((f) => !f.deprecated && (!options.only || options.only.has(f.id)));
}

/** The submission whose claims a run checks: the running release's, else the newest. */
export function chooseSubmission<T extends { readonly submission: Submission }>(submissions: readonly T[], running: string | undefined): T | undefined {
  return submissions.find((s) => s.submission.version === running) ?? [...submissions].sort((a, b) => compareVersions(b.submission.version, a.submission.version))[0];
}

export async function conform(options: ConformOptions): Promise<ConformanceReport> {
  const now = options.now ?? (() => new Date());
  const started = now().toISOString();
  let chosen = chooseSubmission(options.submissions, undefined);
  let claims: ReadonlyMap<string, { readonly key: string; readonly claim: Claim }> = new Map();
  const results = new Map<string, ProbeResult[]>();
  const add = (feature: string, result: ProbeResult) => {
    results.set(feature, [...(results.get(feature) ?? []), result]);
    options.onProgress?.({ type: 'probe', feature, result });
  };
  const cleanup = new CleanupRecorder();
  let server: ServerVersion | undefined;
  let detected: OperatorInCluster | undefined;
  let namespace: string | undefined;
  let failure: string | undefined;

  try {
    const cluster = options.connect();
    server = await cluster.version().catch((error: unknown) => {
      throw new Error(`the cluster could not be reached: ${message(error)}`);
    });
    const operator = await detectOperator(cluster, options.definitions);
    detected = operator;
    chosen = chooseSubmission(options.submissions, operator.version);
    claims = chosen ? claimsById(options.index, chosen.submission) : new Map();
    options.onProgress?.({ type: 'start', server, operator });
    const features = featuresOf(options);
    const supportOf = (feature: Feature): Support => effectiveSupport(claims.get(feature.id)?.claim);
    const installed = operator.crds.length > 0;

    const limit = pLimit(API_CONCURRENCY);
    await Promise.all(
      features.flatMap((feature) =>
        apiProbesFor(feature, options.definitions).map((probe) =>
          limit(async () => {
            if (options.signal.aborted) return;
            const context: ProbeContext = {
              cluster,
              server: server!,
              operator,
              definitions: options.definitions,
              feature,
              claim: claims.get(feature.id)?.claim,
              support: supportOf(feature),
              dryRunNamespace: options.dryRunNamespace ?? 'default',
              signal: options.signal,
            };
            const start = performance.now();
            let observation: Observation;
            if (!installed) observation = { shows: 'unknown', observed: `The operator is not installed in this cluster: no CustomResourceDefinition of ${options.definitions.detect.crd_groups.join(', ')}.` };
            else observation = await probe.run(context).catch((error: unknown) => ({ shows: 'unknown' as const, observed: `The probe failed: ${message(error)}` }));
            add(feature.id, { probe: probe.name, level: probe.level, ...observation, duration_ms: Math.round(performance.now() - start) });
          }),
        ),
      ),
    );

    const wanted = new Set(features.map((f) => f.id));
    const scenarios = (options.definitions.scenarios ?? []).filter((s) => s.features.some((f) => wanted.has(f)));
    const record = (scenario: Scenario, observation: Observation, ms: number) => {
      for (const feature of scenario.features.filter((f) => wanted.has(f))) add(feature, { probe: `scenario:${scenario.id}`, level: scenario.proves, ...observation, duration_ms: ms });
    };
    if (options.level === 'api' || !installed) {
      const why = options.level === 'api' ? 'Scenarios run at --level scenario.' : 'The operator is not installed in this cluster.';
      for (const scenario of scenarios) record(scenario, { shows: options.level === 'api' ? 'skipped' : 'unknown', observed: why }, 0);
    } else if (scenarios.length > 0 && !options.signal.aborted) {
      // On fake (kwok) nodes pods run no database: what needs one cannot be observed, and a status
      // the operator derives from fake pods would confirm a behaviour that never happened.
      const nodes = await cluster.list({ apiVersion: 'v1', kind: 'Node' });
      const fake = nodes.length > 0 && nodes.every((n) => n.metadata?.annotations?.['kwok.x-k8s.io/node'] !== undefined);
      namespace = `ofm-conform-${randomBytes(4).toString('hex')}`;
      const runNamespace = namespace;
      await cluster.createNamespace(runNamespace, { [RUN_LABEL]: runNamespace, 'app.kubernetes.io/managed-by': 'ofm-conform' });
      cleanup.record(`Namespace ${runNamespace}`, () => cluster.deleteNamespace(runNamespace));
      for (const scenario of scenarios) {
        if (options.signal.aborted) {
          record(scenario, { shows: 'unknown', observed: 'The run was interrupted before this scenario.' }, 0);
          continue;
        }
        if (fake && scenario.proves === 'behaviour') {
          record(scenario, { shows: 'unknown', observed: `"${scenario.title}" was not run: every node of this cluster is a kwok node, whose pods run no database, so behaviour cannot be observed.` }, 0);
          continue;
        }
        options.onProgress?.({ type: 'scenario', scenario, namespace: runNamespace });
        const start = performance.now();
        const observation = await runScenario(scenario, {
          cluster,
          namespace: runNamespace,
          cleanup,
          operator,
          signal: options.signal,
          onStep: (s, index, name, outcome, ms) => options.onProgress?.({ type: 'step', scenario: s, index, name, outcome, ms }),
        });
        record(scenario, observation, Math.round(performance.now() - start));
      }
    }
  } catch (error) {
    failure = message(error);
  }

  let cleaned: ConformanceReport['cleanup'];
  if (cleanup.size > 0 && !options.keep) {
    options.onProgress?.({ type: 'cleanup', objects: cleanup.size });
    cleaned = await cleanup.runAll();
  }

  const featureResults: FeatureResult[] = featuresOf(options).map((feature) => {
    const entry = claims.get(feature.id);
    const support = effectiveSupport(entry?.claim);
    const probes = results.get(feature.id) ?? [];
    return { feature: feature.id, support, ...(entry ? { claim_digest: claimDigest(entry.claim) } : {}), ...verdictFor(support, probes), probes };
  });
  const interrupted = options.signal.aborted;
  const submission = chosen?.submission;
  const errors = [
    failure,
    !failure && interrupted ? `Interrupted: ${message(options.signal.reason)}` : undefined,
    namespace && options.keep ? `The namespace ${namespace} was kept (--keep); delete it when done.` : undefined,
  ].filter(Boolean);
  return {
    $schema: schemas.conformanceReport.$id,
    tool: options.tool,
    operator: options.definitions.operator,
    ...(submission ? { version: submission.version, submission: chosen!.path, submission_digest: submissionDigest(submission) } : {}),
    catalogue: submission?.catalogue ?? `${options.index.catalogue.technology}@${options.index.catalogue.version}`,
    level: options.level,
    started_at: started,
    ...(detected?.version ? { detected_version: detected.version } : {}),
    ...(server ? { kubernetes: { version: server.gitVersion, minor: server.minor } } : {}),
    ...(namespace ? { namespace } : {}),
    finished_at: now().toISOString(),
    status: failure ? 'failed' : interrupted ? 'interrupted' : 'completed',
    ...(errors.length > 0 ? { error: errors.join(' ') } : {}),
    features: featureResults,
    ...(cleaned ? { cleanup: cleaned } : {}),
    summary: summaryOf(featureResults),
  };
}
