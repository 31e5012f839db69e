// `npm run bench:conform`: how long `ofm conform` takes against a real, local control plane.
// API level: each operator's run against a warm API server with its CRDs and manifests installed
// (median of 3). Scenario level: CloudNativePG's controller-level scenarios with its real manager
// and a kwok node. Also the control plane's own start-up. It prints numbers, asserts nothing.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { conform } from '../scripts/commands/conform.ts';
import { addNodesAndVolumes, installOperator, startCloudnativePg, testCluster } from '../test/helpers/control-plane.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const OPERATORS = [['cloudnative-pg', '1.30.0'], ['pgo', '6.0.3'], ['percona', '3.0.0'], ['zalando', '2.0.1'], ['stackgres', '1.18.6']] as const;
const never = new AbortController().signal;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

let start = performance.now();
const api = await testCluster();
console.log(`API server (etcd + kube-apiserver) ready in ${seconds(performance.now() - start)}`);
try {
  console.log('\n| Operator | Install CRDs + manifests | API-level run (median of 3) | Confirmed | Contradicted | Inconclusive |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  for (const [operator, version] of OPERATORS) {
    start = performance.now();
    await installOperator(api.cluster, operator, version);
    const install = performance.now() - start;
    const times: number[] = [];
    let summary = '';
    for (let i = 0; i < 3; i++) {
      start = performance.now();
      const result = await conform({ operator, technology: 'postgres', level: 'api', keep: false, cwd: root, signal: never, kubeconfig: api.kubeconfig, report: join(api.dir, `${operator}.json`) });
      times.push(performance.now() - start);
      summary = result.stdout.trim().split('\n').at(-2) ?? '';
    }
    const [confirmed, contradicted, inconclusive] = [/(\d+) confirmed/, /(\d+) contradicted/, /(\d+) inconclusive/].map((re) => re.exec(summary)?.[1] ?? '?');
    console.log(`| ${operator} ${version} | ${seconds(install)} | ${seconds(median(times))} | ${confirmed} | ${contradicted} | ${inconclusive} |`);
  }
} finally {
  await api.stop();
}

start = performance.now();
const full = await testCluster({ nodes: true });
const ready = performance.now() - start;
try {
  await installOperator(full.cluster, 'cloudnative-pg', '1.30.0');
  await addNodesAndVolumes(full.cluster, 12);
  const manager = await startCloudnativePg(full);
  try {
    start = performance.now();
    const result = await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'pgsrv,depau,tlssp,mgmup,apdnd,conpl', keep: false, cwd: root, signal: never, kubeconfig: full.kubeconfig, report: join(full.dir, 'scenario.json') });
    console.log(`\nControl plane with controllers, scheduler and kwok ready in ${seconds(ready)}.`);
    console.log(`Scenario run (5 controller-level scenarios, CloudNativePG's manager): ${seconds(performance.now() - start)} — ${result.stdout.trim().split('\n').at(-2)}`);
  } finally {
    await manager.stop();
  }
} finally {
  await full.stop();
}
