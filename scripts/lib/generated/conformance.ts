// Generated from schema/conformance.schema.json by `npm run generate`. Do not edit.

/**
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Name".
 */
export type Name = string;
/**
 * One API-level probe: exactly one of schema, accepts, rejects.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Probe".
 */
export type Probe = {
  /**
   * Why this probe shows the feature, for reviewers.
   */
  note?: string;
  /**
   * The served CRD's OpenAPI schema has every field in `fields` and none in `absent`.
   */
  schema?: {
    resource: Resource;
    fields?: FieldPath[];
    absent?: FieldPath[];
  };
  /**
   * The API server accepts this object in a server-side dry run (nothing is stored).
   */
  accepts?: {
    manifest: Manifest;
  };
  /**
   * The API server rejects this object in a server-side dry run, as invalid.
   */
  rejects?: {
    manifest: Manifest;
  };
} & Probe1;
/**
 * A dotted path into an object, such as spec.certificates.serverTLSSecret; list items are entered on their own.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "FieldPath".
 */
export type FieldPath = string;
export type Probe1 = {
  [k: string]: unknown;
};
/**
 * Seconds.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Timeout".
 */
export type Timeout = number;
/**
 * One step of a scenario: exactly one action, with an optional timeout in seconds.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Step".
 */
export type Step = {
  timeout?: Timeout;
  /**
   * Create (or update) an object in the run's namespace; it is deleted at the end of the run.
   */
  apply?: {
    manifest: Manifest;
  };
  /**
   * Merge-patch an object of the run's namespace, or its status subresource (as `kubectl cnpg promote` and similar plugins do).
   */
  patch?: {
    object: ObjectRef;
    merge: {};
    /**
     * Patch this subresource instead of the object itself.
     */
    subresource?: 'status';
  };
  /**
   * The object exists now and contains `matches` (a subset), and every expectation holds.
   */
  assert?: {
    object: ObjectRef;
    matches?: {};
    expect?: Expectation[];
  };
  /**
   * Wait until the object exists (and contains `matches`, and every expectation holds), or is gone.
   */
  wait?: {
    object: ObjectRef;
    matches?: {};
    expect?: Expectation[];
    gone?: boolean;
  };
  /**
   * Delete an object of the run's namespace.
   */
  delete?: {
    object: ObjectRef;
  };
  /**
   * Run a command in a container of a pod of the run's namespace; it must exit 0, and print `stdout_contains` if given.
   */
  exec?: {
    pod: ObjectRef;
    container?: string;
    /**
     * @minItems 1
     */
    command: string[];
    stdout_contains?: string;
  };
  /**
   * Seconds to wait.
   */
  sleep?: number;
} & Step1;
export type Step1 = {
  [k: string]: unknown;
};

/**
 * How `ofm conform` checks one operator's claims on a live cluster (submissions/<technology>/<operator-id>/conformance.yaml): how to find the operator, API-level probes per feature, and scenarios that exercise its controller.
 */
export interface ConformanceDefinitions {
  /**
   * Operator id, equal to the folder name.
   */
  operator: string;
  detect: Detect;
  /**
   * Probes per feature id. Each probe says what the API shows when the feature exists; together with the claim, the results confirm or contradict it.
   */
  features?: {
    /**
     * @minItems 1
     * @maxItems 20
     */
    [k: string]: Probe[];
  };
  /**
   * Declarative runs against the operator's controller, for `ofm conform --level scenario`. Each works only in the run's own namespace.
   *
   * @maxItems 50
   */
  scenarios?: Scenario[];
}
/**
 * How to recognise the operator in a cluster.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Detect".
 */
export interface Detect {
  /**
   * API groups of the operator's CustomResourceDefinitions.
   *
   * @minItems 1
   */
  crd_groups: string[];
  /**
   * The operator's Deployment, by name or labels; searched in every namespace unless one is given.
   */
  deployment: {
    [k: string]: unknown;
  } & {
    name?: Name;
    namespace?: Name;
    labels?: {
      [k: string]: string;
    };
    /**
     * The container running the operator (the first when left out).
     */
    container?: string;
  };
  /**
   * Where the running release number is read: the image tag (default), a label of the Deployment, or an environment variable of the container.
   */
  version?: {
    from?: 'image-tag' | 'label' | 'env';
    /**
     * The label or variable name.
     */
    name?: string;
  };
}
/**
 * A kind of object, by API group, version and kind.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Resource".
 */
export interface Resource {
  /**
   * API group; empty or left out for the core group.
   */
  group?: string;
  /**
   * Served version; the storage version when left out.
   */
  version?: string;
  kind: string;
}
/**
 * A Kubernetes object as YAML; its namespace is always the run's.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Manifest".
 */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: {
    name: Name;
  };
}
/**
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Scenario".
 */
export interface Scenario {
  id: string;
  title: string;
  /**
   * The features a successful run shows.
   *
   * @minItems 1
   */
  features: string[];
  /**
   * controller: the operator's controller created what the claim promises; behaviour: the database behaved as claimed (needs real database pods).
   */
  proves: 'controller' | 'behaviour';
  timeout?: Timeout;
  /**
   * @minItems 1
   * @maxItems 100
   */
  steps: Step[];
}
/**
 * An object of the run's namespace, by name or label selector.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "ObjectRef".
 */
export interface ObjectRef {
  apiVersion: string;
  kind: string;
  name?: Name;
  labels?: {
    [k: string]: string;
  };
}
/**
 * A JSONPath into the object (or, with labels, the list of matching objects as `items`) and what its value must be.
 *
 * This interface was referenced by `ConformanceDefinitions`'s JSON-Schema
 * via the `definition` "Expectation".
 */
export interface Expectation {
  path: string;
  equals?: unknown;
  at_least?: number;
  exists?: boolean;
}
