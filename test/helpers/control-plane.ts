// A real control plane for a test file: built once into the cache (scripts/control-plane.ts),
// started on 127.0.0.1 with fresh ports and data, and loaded with operators' real CRDs and
// install manifests from ../shared/fixtures/operators.
import { execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, copyFile, mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { promisify } from 'node:util';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAllYaml } from '@kubernetes/client-node';
import { parseAllDocuments, stringify } from 'yaml';
import { binaries, ensureBinaries } from '../../scripts/lib/kubernetes/binaries.ts';
import { connect, statusOf, type Cluster, type KubernetesObject } from '../../scripts/lib/kubernetes/cluster.ts';
import { fakeNode, startLocalCluster, type LocalCluster, type LocalClusterOptions } from '../../scripts/lib/kubernetes/local-cluster.ts';

const execFileAsync = promisify(execFile);
// Not from project.ts: benchmarks use this helper outside vitest.
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const FIXTURES = process.env['OFM_FIXTURES'] ?? join(repoRoot, '..', 'shared', 'fixtures', 'operators');

export interface TestCluster extends LocalCluster {
  readonly cluster: Cluster;
}

export async function testCluster(options: LocalClusterOptions = {}): Promise<TestCluster> {
  await ensureBinaries((line) => process.stderr.write(`${line}\n`));
  const local = await startLocalCluster(options);
  return { ...local, cluster: connect({ kubeconfig: local.kubeconfig }) };
}

const WEBHOOKS = new Set(['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration']);
const ORDER = ['Namespace', 'CustomResourceDefinition', 'ServiceAccount', 'ClusterRole', 'Role', 'ClusterRoleBinding', 'RoleBinding', 'ConfigMap'];
const rank = (kind: string) => (ORDER.includes(kind) ? ORDER.indexOf(kind) : ORDER.length);

async function documents(folder: string): Promise<KubernetesObject[]> {
  if (!existsSync(folder)) return [];
  const objects: KubernetesObject[] = [];
  for (const file of (await readdir(folder)).filter((f) => /\.ya?ml$/.test(f)).sort()) {
    // Some CRDs (StackGres's) use YAML 1.1 merge keys, as kubectl reads them; the yaml library
    // expands them. Then client-node's own loader, which keeps the x-kubernetes-* keys of CRDs.
    const expanded = parseAllDocuments(await readFile(join(folder, file), 'utf8'), { merge: true }).map((d) => stringify(d.toJS({ maxAliasCount: -1 })));
    objects.push(...(loadAllYaml(expanded.join('---\n')) as KubernetesObject[]).filter((o) => o?.kind));
  }
  return objects;
}

async function createWithRetry(cluster: Cluster, object: KubernetesObject): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      await cluster.create(object);
      return;
    } catch (error) {
      const status = statusOf(error);
      if (status === 409) return;
      // A just-established CRD's kind answers 404 for a few seconds.
      if (status !== 404 || attempt > 40) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

/**
 * Installs an operator's CRDs and install manifests (without its webhook configurations, whose
 * server does not run here), as a cluster where the operator is installed looks.
 */
export async function installOperator(cluster: Cluster, operator: string, version: string, options: { webhooks?: boolean } = {}): Promise<KubernetesObject[]> {
  const root = join(FIXTURES, operator, version);
  if (!existsSync(join(root, 'crds'))) throw new Error(`No fixtures of ${operator} ${version} in ${FIXTURES} (set OFM_FIXTURES to ../shared/fixtures/operators).`);
  const objects = [...(await documents(join(root, 'crds'))), ...(await documents(join(root, 'install')))]
    .filter((o) => options.webhooks || !WEBHOOKS.has(o.kind!))
    .sort((a, b) => rank(a.kind!) - rank(b.kind!));
  // Some manifests expect their namespace to exist already.
  const namespaces = new Set(objects.map((o) => o.metadata?.namespace).filter((n): n is string => n !== undefined));
  for (const name of namespaces) await createWithRetry(cluster, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
  for (const object of objects) await createWithRetry(cluster, object);
  // Established within a second or so.
  const groups = new Set(objects.filter((o) => o.kind === 'CustomResourceDefinition').map((o) => (o as { spec: { group: string } }).spec.group));
  for (let i = 0; i < 100; i++) {
    const crds = (await cluster.customResourceDefinitions()).filter((c) => groups.has(c.spec.group));
    if (crds.every((c) => c.status?.conditions?.some((x) => x.type === 'Established' && x.status === 'True'))) break;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return objects;
}

/** Adds kwok's fake node and a few static volumes, so that pods are scheduled and PVCs bind. */
export async function addNodesAndVolumes(cluster: Cluster, volumes = 8): Promise<void> {
  await createWithRetry(cluster, fakeNode() as KubernetesObject);
  for (let i = 0; i < volumes; i++) {
    await createWithRetry(cluster, {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: `ofm-pv-${i}` },
      spec: { capacity: { storage: '10Gi' }, accessModes: ['ReadWriteOnce'], persistentVolumeReclaimPolicy: 'Retain', hostPath: { path: `/tmp/ofm-pv-${i}` } },
    } as KubernetesObject);
  }
}

export interface RunningOperator {
  stop(): Promise<void>;
}

/**
 * Runs CloudNativePG's real manager (built from the module proxy) outside the cluster, as its
 * Deployment would: the `controller` command, its namespace, a self-signed certificate so that
 * it skips its own PKI, and its binary at ./operator/manager_<arch>, which it hashes.
 */
export async function startCloudnativePg(local: LocalCluster, log?: (line: string) => void): Promise<RunningOperator> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-cnpg-'));
  await mkdir(join(dir, 'operator'));
  await mkdir(join(dir, 'certs'));
  await copyFile(binaries().cloudnativePgManager, join(dir, 'operator', `manager_${process.arch === 'x64' ? 'amd64' : process.arch}`));
  await chmod(join(dir, 'operator', `manager_${process.arch === 'x64' ? 'amd64' : process.arch}`), 0o755);
  // Its webhook server's certificate, under the names it looks for.
  await execFileAsync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=cnpg-webhook-service.cnpg-system.svc', '-keyout', join(dir, 'certs', 'apiserver.key'), '-out', join(dir, 'certs', 'apiserver.crt')]);
  const port = async () => new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = server.address() as { port: number };
      server.close(() => resolve(p));
    });
  });
  const child = spawn(join(dir, 'operator', `manager_${process.arch === 'x64' ? 'amd64' : process.arch}`), ['controller', '--leader-elect=false', `--webhook-port=${await port()}`, `--metrics-bind-address=127.0.0.1:${await port()}`, '--config-map-name=cnpg-controller-manager-config', '--log-level=info'], {
    cwd: dir,
    env: { ...process.env, KUBECONFIG: local.kubeconfig, OPERATOR_NAMESPACE: 'cnpg-system', OPERATOR_IMAGE_NAME: 'ghcr.io/cloudnative-pg/cloudnative-pg:1.30.0', WEBHOOK_CERT_DIR: join(dir, 'certs'), MONITORING_QUERIES_CONFIGMAP: 'cnpg-default-monitoring' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const forward = (data: Buffer) => {
    for (const line of data.toString().split('\n').filter(Boolean)) log?.(line);
  };
  child.stdout.on('data', forward);
  child.stderr.on('data', forward);
  return {
    async stop() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve));
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
        await exited;
        clearTimeout(timer);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
