// Starts a real, local Kubernetes control plane on 127.0.0.1 with fresh ports and data folders:
// etcd and kube-apiserver, and when asked kube-controller-manager, kube-scheduler and kwok with
// one fake node (pods on it report Running). Used by tests and benchmarks; stopped in reverse.
import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent, request } from 'undici';
import { binaries as cachedBinaries, type Binaries } from './binaries.ts';

export interface LocalClusterOptions {
  /** Also run kube-controller-manager, kube-scheduler and kwok with a fake node. */
  readonly nodes?: boolean;
  readonly binaries?: Binaries;
  /** Where each component's output goes (for debugging). */
  readonly log?: (component: string, line: string) => void;
}

export interface LocalCluster {
  /** https://127.0.0.1:<port> */
  readonly server: string;
  /** A kubeconfig file for an administrator. */
  readonly kubeconfig: string;
  readonly token: string;
  /** The folder of this cluster's data, certificates and kubeconfig. */
  readonly dir: string;
  stop(): Promise<void>;
}

const FAKE_NODE = 'kwok-node-0';

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function start(name: string, command: string, args: readonly string[], env: NodeJS.ProcessEnv, options: LocalClusterOptions, cwd?: string): ChildProcess {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const forward = (data: Buffer) => {
    for (const line of data.toString().split('\n').filter(Boolean)) options.log?.(name, line);
  };
  child.stdout?.on('data', forward);
  child.stderr?.on('data', forward);
  return child;
}

async function stopProcess(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

/** Waits until `check` is true, or fails after `ms` with what `describe` says. */
async function until(check: () => Promise<boolean>, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what} did not become ready within ${ms / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** An environment without etcd's ETCD_* variables, which it would read as flags. */
const cleanEnv = (): NodeJS.ProcessEnv => Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('ETCD_')));

export async function startLocalCluster(options: LocalClusterOptions = {}): Promise<LocalCluster> {
  const bin = options.binaries ?? cachedBinaries();
  const dir = await mkdtemp(join(tmpdir(), 'ofm-cluster-'));
  const processes: ChildProcess[] = [];
  const insecure = new Agent({ connect: { rejectUnauthorized: false } });
  const stop = async () => {
    // The API server first: stopped together with etcd, it hangs.
    for (const child of [...processes].reverse()) await stopProcess(child);
    await insecure.close();
    await rm(dir, { recursive: true, force: true });
  };
  try {
    const [clientPort, peerPort, apiPort] = [await freePort(), await freePort(), await freePort()];
    const token = randomBytes(16).toString('hex');
    const server = `https://127.0.0.1:${apiPort}`;
    const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, publicKeyEncoding: { type: 'spki', format: 'pem' }, privateKeyEncoding: { type: 'pkcs8', format: 'pem' } });
    await mkdir(join(dir, 'certs'));
    await writeFile(join(dir, 'sa.pub'), publicKey);
    await writeFile(join(dir, 'sa.key'), privateKey);
    await writeFile(join(dir, 'tokens.csv'), `${token},admin,admin,system:masters\n`);
    const kubeconfig = join(dir, 'kubeconfig');
    await writeFile(
      kubeconfig,
      `apiVersion: v1\nkind: Config\nclusters:\n- name: local\n  cluster:\n    server: ${server}\n    insecure-skip-tls-verify: true\nusers:\n- name: admin\n  user:\n    token: ${token}\ncontexts:\n- name: local\n  context:\n    cluster: local\n    user: admin\ncurrent-context: local\n`,
    );

    processes.push(
      start('etcd', bin.etcd, [
        `--data-dir=${join(dir, 'etcd')}`,
        '--name=default',
        `--listen-client-urls=http://127.0.0.1:${clientPort}`,
        `--advertise-client-urls=http://127.0.0.1:${clientPort}`,
        `--listen-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${peerPort}`,
        `--initial-cluster=default=http://127.0.0.1:${peerPort}`,
        '--unsafe-no-fsync',
        '--log-level=warn',
      ], cleanEnv(), options),
    );
    processes.push(
      start('kube-apiserver', bin.kubeApiserver, [
        `--etcd-servers=http://127.0.0.1:${clientPort}`,
        '--bind-address=127.0.0.1',
        '--advertise-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--cert-dir=${join(dir, 'certs')}`,
        `--token-auth-file=${join(dir, 'tokens.csv')}`,
        '--authorization-mode=RBAC',
        '--service-account-issuer=https://kubernetes.default.svc',
        `--service-account-key-file=${join(dir, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(dir, 'sa.key')}`,
        '--service-cluster-ip-range=10.96.0.0/16',
        // 127.0.0.1 is refused by the default endpoint reconciler.
        '--endpoint-reconciler-type=none',
        // Without a controller-manager nobody creates the default ServiceAccount, and pods would be refused.
        ...(options.nodes ? [] : ['--disable-admission-plugins=ServiceAccount']),
        '--allow-privileged=true',
      ], process.env, options),
    );
    await until(async () => {
      const response = await request(`${server}/readyz`, { dispatcher: insecure, headers: { authorization: `Bearer ${token}` } });
      await response.body.dump();
      return response.statusCode === 200;
    }, 60_000, 'kube-apiserver');

    if (options.nodes) {
      const common = [`--kubeconfig=${kubeconfig}`, '--leader-elect=false', '--bind-address=127.0.0.1', '--secure-port=0'];
      processes.push(
        start('kube-controller-manager', bin.kubeControllerManager, [
          ...common,
          `--service-account-private-key-file=${join(dir, 'sa.key')}`,
          `--root-ca-file=${join(dir, 'certs', 'apiserver.crt')}`,
          '--use-service-account-credentials=false',
          '--controllers=*,-nodeipam,-attachdetach',
        ], process.env, options),
      );
      processes.push(start('kube-scheduler', bin.kubeScheduler, common, process.env, options));
      processes.push(
        start('kwok', bin.kwok, [
          `--kubeconfig=${kubeconfig}`,
          `--config=${bin.kwokStages}`,
          '--manage-all-nodes=false',
          '--manage-nodes-with-annotation-selector=kwok.x-k8s.io/node=fake',
          '--node-lease-duration-seconds=40',
          '--cidr=10.0.0.1/24',
          '--node-ip=10.0.0.1',
        ], process.env, options),
      );
    }
    return { server, kubeconfig, token, dir, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** The fake node's manifest: kwok manages it (and the pods scheduled on it). */
export const fakeNode = () => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name: FAKE_NODE, annotations: { 'kwok.x-k8s.io/node': 'fake' }, labels: { 'kubernetes.io/hostname': FAKE_NODE, type: 'kwok' } },
  status: { allocatable: { cpu: '32', memory: '256Gi', pods: '110' }, capacity: { cpu: '32', memory: '256Gi', pods: '110' } },
});
