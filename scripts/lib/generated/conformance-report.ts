// Generated from schema/conformance-report.schema.json by `npm run generate`. Do not edit.

/**
 * confirmed: what the cluster shows agrees with the claim; contradicted: it disagrees; inconclusive: probes ran but could not decide; not-probeable: nothing the runner can observe bears on the claim (at this level).
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Verdict".
 */
export type Verdict = 'confirmed' | 'contradicted' | 'inconclusive' | 'not-probeable';
/**
 * How deep the confirmation goes: api (the API server shows it), controller (the operator's controller created what the claim promises), behaviour (the database behaved as claimed).
 *
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "Level".
 */
export type Level = 'api' | 'controller' | 'behaviour';

/**
 * What `ofm conform` found on a live cluster for one operator release (<version>.conformance.json beside its submission): per feature, whether the cluster confirms or contradicts the claim, and what each probe observed.
 */
export interface ConformanceReport {
  /**
   * The schema this file follows.
   */
  $schema?: string;
  /**
   * The OFM version that ran.
   */
  tool: string;
  operator: string;
  /**
   * The operator release the claims are for (the submission's version).
   */
  version?: string;
  /**
   * The release the running operator reports, when it was found.
   */
  detected_version?: string;
  /**
   * Project-relative path of the submission checked.
   */
  submission?: string;
  /**
   * sha256 of the submission's claims when the run started.
   */
  submission_digest?: string;
  /**
   * The catalogue the claims refer to, <technology>@<version>.
   */
  catalogue: string;
  /**
   * The API server's version.
   */
  kubernetes?: {
    /**
     * As the server reports it, e.g. v1.37.2.
     */
    version: string;
    /**
     * major.minor, e.g. 1.37.
     */
    minor?: string;
  };
  /**
   * api: read-only look-ups and server-side dry runs; scenario: also the scenarios, which create objects in a namespace of their own.
   */
  level: 'api' | 'scenario';
  /**
   * The namespace a scenario run created and deleted.
   */
  namespace?: string;
  started_at: string;
  finished_at: string;
  /**
   * completed: every probe ran; interrupted: stopped by a signal or a deadline; failed: the cluster could not be reached or the runner failed (see error).
   */
  status: 'completed' | 'interrupted' | 'failed';
  error?: string;
  features: FeatureResult[];
  /**
   * What the run created and deleted again, last first.
   */
  cleanup?: {
    object: string;
    deleted: boolean;
    error?: string;
  }[];
  summary: {
    confirmed: number;
    contradicted: number;
    inconclusive: number;
    not_probeable: number;
  };
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "FeatureResult".
 */
export interface FeatureResult {
  /**
   * Feature id.
   */
  feature: string;
  /**
   * The claim's support level when the run started.
   */
  support: 'full' | 'partial' | 'none' | 'unknown';
  /**
   * sha256 of the claim (value, support, evidence) the verdict is about.
   */
  claim_digest?: string;
  verdict: Verdict;
  level?: Level;
  /**
   * One sentence a reader can act on.
   */
  detail: string;
  probes: ProbeResult[];
}
/**
 * This interface was referenced by `ConformanceReport`'s JSON-Schema
 * via the `definition` "ProbeResult".
 */
export interface ProbeResult {
  /**
   * What ran: a built-in probe's name, a probe kind with its target, or scenario:<id>.
   */
  probe: string;
  level: Level;
  /**
   * present / absent: whether the cluster shows the feature; unknown: the probe could not tell (an error, a timeout, nothing to look at); skipped: not run at this level.
   */
  shows: 'present' | 'absent' | 'unknown' | 'skipped';
  /**
   * What the probe saw.
   */
  observed: string;
  duration_ms: number;
  /**
   * Scenario failures: events, object YAML and operator logs collected at the failure.
   */
  diagnostics?: string;
}
