// `npm run control-plane -- build`: builds the local Kubernetes control plane the conformance
// tests use (etcd, kube-apiserver, controller-manager, scheduler, kubectl, kwok, CloudNativePG's manager)
// and the tools other tests run (actionlint) from the Go module proxy into the cache, if not
// there yet. `… start`: runs one on 127.0.0.1 (with --nodes: controllers, scheduler and a kwok
// node) and prints its kubeconfig path, until Ctrl-C. Needs Go 1.26 or later.
import { binaries, cacheRoot, ensureBinaries, missingComponents, tools } from './lib/kubernetes/binaries.ts';
import { connect, type KubernetesObject } from './lib/kubernetes/cluster.ts';
import { fakeNode, startLocalCluster } from './lib/kubernetes/local-cluster.ts';

const [command = 'build', ...flags] = process.argv.slice(2);
const log = (line: string) => process.stderr.write(`${line}\n`);

if (command === 'build') {
  const missing = missingComponents();
  if (missing.length === 0) log(`The control plane and tools are built: ${cacheRoot()}.`);
  const started = Date.now();
  const took = await ensureBinaries(log);
  for (const [component, seconds] of took) log(`Built ${component} in ${seconds.toFixed(0)} s.`);
  if (took.size > 0) log(`Built ${took.size} component(s) in ${((Date.now() - started) / 1000).toFixed(0)} s; binaries: ${[...Object.values(binaries()), ...Object.values(tools())].join(', ')}`);
} else if (command === 'start') {
  await ensureBinaries(log);
  const nodes = flags.includes('--nodes');
  const cluster = await startLocalCluster({ nodes });
  if (nodes) await connect({ kubeconfig: cluster.kubeconfig }).create(fakeNode() as KubernetesObject);
  process.stdout.write(`export KUBECONFIG=${cluster.kubeconfig}\n`);
  log(`A local control plane${nodes ? ' with a kwok node' : ''} runs at ${cluster.server}; kubectl: ${binaries().kubectl}. Ctrl-C stops it.`);
  const stop = () => void cluster.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} else {
  log('Usage: node scripts/control-plane.ts build | start [--nodes]');
  process.exitCode = 2;
}
