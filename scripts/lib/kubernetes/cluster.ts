// The only code that talks to a Kubernetes cluster, over @kubernetes/client-node. Everything
// above it takes the Cluster interface, so tests run the real thing against a real API server
// on 127.0.0.1 and swap nothing but the address.
import { Writable } from 'node:stream';
import {
  ApiextensionsV1Api,
  AppsV1Api,
  CoreV1Api,
  Exec,
  KubeConfig,
  KubernetesObjectApi,
  HttpMethod,
  PatchStrategy,
  RbacAuthorizationV1Api,
  VersionApi,
  type KubernetesObject,
  type V1ClusterRole,
  type V1ClusterRoleBinding,
  type V1CustomResourceDefinition,
  type V1Deployment,
  type V1Role,
  type V1RoleBinding,
  type V1Status,
} from '@kubernetes/client-node';

export type { KubernetesObject, V1ClusterRole, V1ClusterRoleBinding, V1CustomResourceDefinition, V1Deployment, V1Role, V1RoleBinding };

/** How to reach a cluster: a kubeconfig file and context, or the defaults (KUBECONFIG, ~/.kube/config, in-cluster). */
export interface ConnectOptions {
  readonly kubeconfig?: string;
  readonly context?: string;
}

export interface ServerVersion {
  /** As reported, e.g. v1.37.2. */
  readonly gitVersion: string;
  /** e.g. 1.37 */
  readonly minor: string;
}

/** A reference to one object, or to the objects matching labels. */
export interface ObjectRef {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name?: string;
  readonly labels?: Readonly<Record<string, string>>;
}

export interface DryRunResult {
  readonly accepted: boolean;
  /** HTTP status of a refusal. */
  readonly status?: number;
  readonly message: string;
}

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface Cluster {
  version(): Promise<ServerVersion>;
  customResourceDefinitions(): Promise<V1CustomResourceDefinition[]>;
  deployments(selector: { namespace?: string; name?: string; labels?: Readonly<Record<string, string>> }): Promise<V1Deployment[]>;
  clusterRoleBindings(): Promise<V1ClusterRoleBinding[]>;
  roleBindings(): Promise<V1RoleBinding[]>;
  clusterRole(name: string): Promise<V1ClusterRole | undefined>;
  role(namespace: string, name: string): Promise<V1Role | undefined>;
  /** Whether objects of the kind live in a namespace; undefined when the server does not serve the kind. */
  namespaced(apiVersion: string, kind: string): Promise<boolean | undefined>;
  /** Server-side dry run of a create, with unknown fields refused: nothing is stored. */
  dryRunCreate(object: KubernetesObject): Promise<DryRunResult>;
  /**
   * Creates the object. `strict`: as written, for plain manifests (not client-node's typed
   * objects), with fields the server does not know refused instead of dropped.
   */
  create(object: KubernetesObject, options?: { strict?: boolean }): Promise<KubernetesObject>;
  /** Merge-patches the object, or its status subresource; fields the server does not know are refused. */
  mergePatch(ref: ObjectRef, patch: object, subresource?: 'status'): Promise<KubernetesObject>;
  /** The object, or undefined when it does not exist. */
  get(ref: ObjectRef): Promise<KubernetesObject | undefined>;
  list(ref: ObjectRef): Promise<KubernetesObject[]>;
  /** Deletes the object; true when it existed. */
  delete(ref: ObjectRef): Promise<boolean>;
  createNamespace(name: string, labels: Readonly<Record<string, string>>): Promise<void>;
  deleteNamespace(name: string): Promise<boolean>;
  exec(namespace: string, pod: string, container: string | undefined, command: readonly string[], timeoutMs: number): Promise<ExecResult>;
  /** The last lines of a container's log, or undefined when there is none. */
  logs(namespace: string, pod: string, container: string | undefined, tailLines: number): Promise<string | undefined>;
  /** Events of a namespace, oldest first, one line each. */
  events(namespace: string): Promise<string[]>;
}

/** An HTTP status from the API server, when the error is one. */
export const statusOf = (error: unknown): number | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
};

/** The server's message for a failed call, in one line. */
export function messageOf(error: unknown): string {
  const body = (error as { body?: unknown } | null)?.body;
  let parsed: unknown = body;
  if (typeof body === 'string') {
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = body;
    }
  }
  const message = (parsed as V1Status | null)?.message ?? (typeof parsed === 'string' ? parsed : undefined) ?? (error instanceof Error ? error.message : String(error));
  return String(message).replace(/\s+/g, ' ').trim().slice(0, 2000);
}

const selector = (labels: Readonly<Record<string, string>> | undefined) =>
  labels ? Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(',') : undefined;

/** The generic object API, with its discovery of whether a kind is namespaced made public, and strict writes of plain manifests. */
class ObjectApi extends KubernetesObjectApi {
  async namespaced(apiVersion: string, kind: string): Promise<boolean | undefined> {
    return (await this.resource(apiVersion, kind))?.namespaced;
  }

  /**
   * Creates the object as written (no client-side typing), refusing fields the server does not
   * know instead of dropping them, so a misspelt or absent field fails rather than passes.
   */
  async createStrict(object: KubernetesObject, dryRun: boolean): Promise<KubernetesObject> {
    return this.send(HttpMethod.POST, await this.specUriPath(object, 'create'), object, 'application/json', dryRun);
  }

  /** Merge-patches the object or a subresource of it (client-node's generic API has no call for that), strictly as above. */
  async mergePatchStrict(object: KubernetesObject, subresource?: 'status'): Promise<KubernetesObject> {
    const path = await this.specUriPath(object, 'patch');
    return this.send(HttpMethod.PATCH, subresource ? `${path}/${subresource}` : path, object, PatchStrategy.MergePatch, false);
  }

  private send(method: HttpMethod, path: string, body: object, contentType: string, dryRun: boolean): Promise<KubernetesObject> {
    const request = this.configuration.baseServer.makeRequestContext(path, method);
    request.setQueryParam('fieldValidation', 'Strict');
    if (dryRun) request.setQueryParam('dryRun', 'All');
    request.setHeaderParam('Accept', 'application/json');
    request.setHeaderParam('Content-Type', contentType);
    request.setBody(JSON.stringify(body));
    return this.requestPromise(request);
  }
}

const header = (ref: ObjectRef) => ({ apiVersion: ref.apiVersion, kind: ref.kind, metadata: { name: ref.name ?? '', ...(ref.namespace ? { namespace: ref.namespace } : {}) } });

class ClientNodeCluster implements Cluster {
  private readonly config: KubeConfig;
  private readonly objects: ObjectApi;
  private readonly core: CoreV1Api;
  private readonly apps: AppsV1Api;
  private readonly rbac: RbacAuthorizationV1Api;
  private readonly extensions: ApiextensionsV1Api;

  constructor(config: KubeConfig) {
    this.config = config;
    this.objects = config.makeApiClient(ObjectApi);
    this.core = config.makeApiClient(CoreV1Api);
    this.apps = config.makeApiClient(AppsV1Api);
    this.rbac = config.makeApiClient(RbacAuthorizationV1Api);
    this.extensions = config.makeApiClient(ApiextensionsV1Api);
  }

  async version(): Promise<ServerVersion> {
    const info = await this.config.makeApiClient(VersionApi).getCode();
    // Some servers report the minor as "37+".
    const minor = `${info.major}.${Number.parseInt(info.minor, 10)}`;
    return { gitVersion: info.gitVersion, minor };
  }

  async customResourceDefinitions(): Promise<V1CustomResourceDefinition[]> {
    return (await this.extensions.listCustomResourceDefinition()).items;
  }

  async deployments({ namespace, name, labels }: { namespace?: string; name?: string; labels?: Readonly<Record<string, string>> }): Promise<V1Deployment[]> {
    const labelSelector = selector(labels);
    const fieldSelector = name ? `metadata.name=${name}` : undefined;
    const list = namespace
      ? await this.apps.listNamespacedDeployment({ namespace, labelSelector, fieldSelector })
      : await this.apps.listDeploymentForAllNamespaces({ labelSelector, fieldSelector });
    return list.items;
  }

  async clusterRoleBindings(): Promise<V1ClusterRoleBinding[]> {
    return (await this.rbac.listClusterRoleBinding()).items;
  }

  async roleBindings(): Promise<V1RoleBinding[]> {
    return (await this.rbac.listRoleBindingForAllNamespaces()).items;
  }

  async clusterRole(name: string): Promise<V1ClusterRole | undefined> {
    return this.rbac.readClusterRole({ name }).catch((error: unknown) => (statusOf(error) === 404 ? undefined : Promise.reject(error)));
  }

  async role(namespace: string, name: string): Promise<V1Role | undefined> {
    return this.rbac.readNamespacedRole({ namespace, name }).catch((error: unknown) => (statusOf(error) === 404 ? undefined : Promise.reject(error)));
  }

  namespaced(apiVersion: string, kind: string): Promise<boolean | undefined> {
    return this.objects.namespaced(apiVersion, kind).catch((error: unknown) => (statusOf(error) === 404 ? undefined : Promise.reject(error)));
  }

  async dryRunCreate(object: KubernetesObject): Promise<DryRunResult> {
    try {
      await this.objects.createStrict(object, true);
      return { accepted: true, message: 'accepted' };
    } catch (error) {
      const status = statusOf(error);
      if (status === undefined) throw error;
      return { accepted: false, status, message: messageOf(error) };
    }
  }

  create(object: KubernetesObject, { strict = false }: { strict?: boolean } = {}): Promise<KubernetesObject> {
    return strict ? this.objects.createStrict(object, false) : this.objects.create(object);
  }

  mergePatch(ref: ObjectRef, patch: object, subresource?: 'status'): Promise<KubernetesObject> {
    return this.objects.mergePatchStrict({ ...header(ref), ...patch }, subresource);
  }

  async get(ref: ObjectRef): Promise<KubernetesObject | undefined> {
    if (!ref.name) return (await this.list(ref))[0];
    try {
      return await this.objects.read(header(ref));
    } catch (error) {
      if (statusOf(error) === 404) return undefined;
      throw error;
    }
  }

  async list(ref: ObjectRef): Promise<KubernetesObject[]> {
    const fieldSelector = ref.name ? `metadata.name=${ref.name}` : undefined;
    const list = await this.objects.list(ref.apiVersion, ref.kind, ref.namespace, undefined, undefined, undefined, fieldSelector, selector(ref.labels));
    return list.items;
  }

  async delete(ref: ObjectRef): Promise<boolean> {
    try {
      await this.objects.delete(header(ref), undefined, undefined, undefined, undefined, 'Background');
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async createNamespace(name: string, labels: Readonly<Record<string, string>>): Promise<void> {
    await this.core.createNamespace({ body: { metadata: { name, labels: { ...labels } } } });
  }

  async deleteNamespace(name: string): Promise<boolean> {
    try {
      await this.core.deleteNamespace({ name, propagationPolicy: 'Background' });
      return true;
    } catch (error) {
      if (statusOf(error) === 404) return false;
      throw error;
    }
  }

  async exec(namespace: string, pod: string, container: string | undefined, command: readonly string[], timeoutMs: number): Promise<ExecResult> {
    let stdout = '';
    let stderr = '';
    const sink = (append: (text: string) => void) =>
      new Writable({
        write(chunk: Buffer, _encoding, callback) {
          append(chunk.toString('utf8'));
          callback();
        },
      });
    const done = new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the command did not finish within ${timeoutMs / 1000} s`)), timeoutMs);
      new Exec(this.config)
        .exec(namespace, pod, container ?? '', [...command], sink((t) => (stdout += t)), sink((t) => (stderr += t)), null, false, (status) => {
          clearTimeout(timer);
          const cause = status.details?.causes?.find((c) => c.reason === 'ExitCode');
          resolve(status.status === 'Success' ? 0 : Number(cause?.message ?? 1));
        })
        .catch((error: unknown) => {
          clearTimeout(timer);
          reject(error);
        });
    });
    return { exitCode: await done, stdout, stderr };
  }

  async logs(namespace: string, pod: string, container: string | undefined, tailLines: number): Promise<string | undefined> {
    try {
      return await this.core.readNamespacedPodLog({ namespace, name: pod, ...(container ? { container } : {}), tailLines });
    } catch {
      return undefined;
    }
  }

  async events(namespace: string): Promise<string[]> {
    const list = await this.core.listNamespacedEvent({ namespace });
    return list.items
      .sort((a, b) => String(a.lastTimestamp ?? a.eventTime ?? '').localeCompare(String(b.lastTimestamp ?? b.eventTime ?? '')))
      .map((e) => `${e.type ?? ''} ${e.reason ?? ''} ${e.involvedObject.kind}/${e.involvedObject.name}: ${e.message ?? ''}`.trim());
  }
}

/** Connects with the standard kubeconfig loading (KUBECONFIG, ~/.kube/config, in-cluster service account). */
export function connect(options: ConnectOptions = {}): Cluster {
  const config = new KubeConfig();
  if (options.kubeconfig) config.loadFromFile(options.kubeconfig);
  else config.loadFromDefault();
  if (options.context) {
    if (!config.getContextObject(options.context)) throw new Error(`the kubeconfig has no context named "${options.context}"`);
    config.setCurrentContext(options.context);
  }
  if (!config.getCurrentCluster()) throw new Error('no cluster is configured (set KUBECONFIG, or pass --kubeconfig)');
  return new ClientNodeCluster(config);
}
