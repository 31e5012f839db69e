// `ofm conform --level scenario` against a real control plane (API server, controller-manager,
// scheduler, a kwok node) with CloudNativePG's real manager running: what its controller creates
// confirms claims at the controller level; what needs a working database stays inconclusive; and
// an interrupted run leaves nothing behind.
import { spawn } from 'node:child_process';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { conform } from '../../../scripts/commands/conform.ts';
import type { ConformanceReport } from '../../../scripts/lib/conformance/report.ts';
import type { KubernetesObject } from '../../../scripts/lib/kubernetes/cluster.ts';
import { addNodesAndVolumes, installOperator, startCloudnativePg, testCluster, type RunningOperator, type TestCluster } from '../../helpers/control-plane.ts';
import { repoRoot, testProject } from '../../helpers/project.ts';

let tc: TestCluster;
let operator: RunningOperator;
beforeAll(async () => {
  tc = await testCluster({ nodes: true });
  await installOperator(tc.cluster, 'cloudnative-pg', '1.30.0');
  await addNodesAndVolumes(tc.cluster, 12);
  operator = await startCloudnativePg(tc);
}, 3_600_000);
afterAll(async () => {
  await operator?.stop();
  await tc?.stop();
});

const never = new AbortController().signal;
const runNamespaces = async () => (await tc.cluster.list({ apiVersion: 'v1', kind: 'Namespace', labels: { 'app.kubernetes.io/managed-by': 'ofm-conform' } })).map((n) => n.metadata!.name!);

async function until(check: () => Promise<boolean>, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return false;
}

/** A test project with CloudNativePG's folder, and conformance.yaml's scenarios replaced by `scenarios`. */
async function projectWithScenarios(scenarios: string) {
  const project = await testProject();
  await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
  const file = join(project.root, 'submissions/postgres/cloudnative-pg/conformance.yaml');
  const text = await readFile(file, 'utf8');
  await writeFile(file, `${text.slice(0, text.indexOf('\nscenarios:'))}\nscenarios:\n${scenarios}`);
  return project;
}

describe("ofm conform --level scenario, with CloudNativePG's real controller", () => {
  it('confirms at the controller level what the controller creates: Services, PodDisruptionBudget, TLS and user Secrets, anti-affinity, a pooler', { timeout: 600_000 }, async () => {
    const path = join(tc.dir, 'scenario.json');
    const result = await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'pgsrv,depau,tlssp,mgmup,apdnd,conpl', keep: false, cwd: repoRoot, signal: never, kubeconfig: tc.kubeconfig, report: path });
    const report = JSON.parse(await readFile(path, 'utf8')) as ConformanceReport;
    expect(result.exitCode).toBe(0);
    const byFeature = Object.fromEntries(report.features.map((f) => [f.feature, `${f.verdict} ${f.level ?? ''}`.trim()]));
    expect(byFeature).toEqual({ pgsrv: 'confirmed controller', depau: 'confirmed controller', tlssp: 'confirmed controller', mgmup: 'confirmed controller', apdnd: 'confirmed controller', conpl: 'confirmed controller' });
    expect(report.namespace).toMatch(/^ofm-conform-[0-9a-f]{8}$/);
    expect(report.cleanup?.every((c) => c.deleted)).toBe(true);
    expect(report.cleanup?.at(-1)?.object).toBe(`Namespace ${report.namespace}`);
    expect(await until(async () => !(await runNamespaces()).includes(report.namespace!), 60_000)).toBe(true);
  });

  it('does not run a behaviour scenario on fake nodes, whose pods run no database: inconclusive, never confirmed', { timeout: 300_000 }, async () => {
    const project = await projectWithScenarios(`  - id: failover
    title: A two-instance cluster becomes ready
    features: [autfa]
    proves: behaviour
    steps:
      - apply: { manifest: { apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: { name: ofm-ready }, spec: { instances: 2, storage: { size: 1Gi } } } }
      - wait: { object: { apiVersion: postgresql.cnpg.io/v1, kind: Cluster, name: ofm-ready }, expect: [{ path: "$.status.readyInstances", equals: 2 }] }
        timeout: 8
`);
    const path = join(project.root, 'report.json');
    await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'autfa', keep: false, cwd: project.root, signal: never, kubeconfig: tc.kubeconfig, report: path });
    const report = JSON.parse(await readFile(path, 'utf8')) as ConformanceReport;
    const autfa = report.features.find((f) => f.feature === 'autfa')!;
    expect(autfa.verdict).toBe('inconclusive');
    expect(autfa.detail).toBe('"A two-instance cluster becomes ready" was not run: every node of this cluster is a kwok node, whose pods run no database, so behaviour cannot be observed.');
    expect(autfa.probes.find((p) => p.probe === 'scenario:failover')).toMatchObject({ level: 'behaviour', shows: 'unknown' });
    expect(await tc.cluster.list({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', namespace: report.namespace })).toEqual([]);
  });

  it('reports a definite failure as contradicted, with a readable diff and diagnostics', { timeout: 300_000 }, async () => {
    const project = await projectWithScenarios(`  - id: services
    title: The read-write Service selects replicas (it does not)
    features: [pgsrv]
    proves: controller
    steps:
      - apply: { manifest: { apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: { name: ofm-wrong }, spec: { instances: 1, storage: { size: 1Gi } } } }
      - wait: { object: { apiVersion: v1, kind: Service, name: ofm-wrong-rw } }
        timeout: 60
      - assert: { object: { apiVersion: v1, kind: Service, name: ofm-wrong-rw }, matches: { spec: { selector: { cnpg.io/instanceRole: replica } } } }
`);
    const path = join(project.root, 'report.json');
    const result = await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'pgsrv', keep: false, cwd: project.root, signal: never, kubeconfig: tc.kubeconfig, report: path });
    const report = JSON.parse(await readFile(path, 'utf8')) as ConformanceReport;
    expect(result.exitCode).toBe(1);
    expect(report.features[0]).toMatchObject({ feature: 'pgsrv', verdict: 'contradicted', level: 'controller' });
    expect(report.features[0]!.detail).toContain('spec.selector.cnpg.io/instanceRole: expected "replica", found "primary"');
    const diagnostics = report.features[0]!.probes.find((p) => p.probe === 'scenario:services')!.diagnostics!;
    expect(diagnostics).toContain(`Events in ${report.namespace}:`);
    expect(diagnostics).toContain('Service ofm-wrong-rw:');
    // The operator's log is collected too where its pod runs; here the manager runs outside the cluster.
  });

  it('patches a status subresource when a step says so, as plugins such as `kubectl cnpg promote` do, and refuses unknown fields', { timeout: 300_000 }, async () => {
    // A kind of the test's own, so that no controller rewrites the status in between.
    await tc.cluster.create({
      apiVersion: 'apiextensions.k8s.io/v1',
      kind: 'CustomResourceDefinition',
      metadata: { name: 'ofmprobes.test.ofm.example' },
      spec: {
        group: 'test.ofm.example',
        scope: 'Namespaced',
        names: { plural: 'ofmprobes', singular: 'ofmprobe', kind: 'OfmProbe' },
        versions: [
          {
            name: 'v1',
            served: true,
            storage: true,
            subresources: { status: {} },
            schema: {
              openAPIV3Schema: {
                type: 'object',
                properties: { spec: { type: 'object', properties: { instances: { type: 'integer' } } }, status: { type: 'object', properties: { targetPrimary: { type: 'string' } } } },
              },
            },
          },
        ],
      },
    } as KubernetesObject);
    expect(await until(async () => (await tc.cluster.namespaced('test.ofm.example/v1', 'OfmProbe')) === true, 30_000)).toBe(true);
    const probe = '{ apiVersion: test.ofm.example/v1, kind: OfmProbe, name: ofm-status }';
    const project = await projectWithScenarios(`  - id: switchover
    title: The status of an object can be patched
    features: [swtch]
    proves: controller
    steps:
      - apply: { manifest: { apiVersion: test.ofm.example/v1, kind: OfmProbe, metadata: { name: ofm-status }, spec: { instances: 2 } } }
      - patch: { object: ${probe}, merge: { status: { targetPrimary: ofm-status-2 } } }
      - assert: { object: ${probe}, expect: [{ path: "$.status", exists: false }] }
      - patch: { object: ${probe}, subresource: status, merge: { status: { targetPrimary: ofm-status-2 } } }
      - assert: { object: ${probe}, expect: [{ path: "$.status.targetPrimary", equals: ofm-status-2 }] }
`);
    const path = join(project.root, 'report.json');
    const result = await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'swtch', keep: false, cwd: project.root, signal: never, kubeconfig: tc.kubeconfig, report: path });
    const report = JSON.parse(await readFile(path, 'utf8')) as ConformanceReport;
    // The plain patch left the status alone (the API server ignores it there); the subresource patch set it.
    expect(report.features[0], report.features[0]?.detail).toMatchObject({ feature: 'swtch', verdict: 'confirmed', level: 'controller' });
    expect(result.exitCode).toBe(0);

    // A field the kind does not have is refused, not silently dropped.
    const misspelt = await projectWithScenarios(`  - id: switchover
    title: A patch with a field the kind does not have
    features: [swtch]
    proves: controller
    steps:
      - apply: { manifest: { apiVersion: test.ofm.example/v1, kind: OfmProbe, metadata: { name: ofm-status }, spec: { instances: 2 } } }
      - patch: { object: ${probe}, merge: { spec: { instance: 3 } } }
`);
    await conform({ operator: 'cloudnative-pg', technology: 'postgres', level: 'scenario', only: 'swtch', keep: false, cwd: misspelt.root, signal: never, kubeconfig: tc.kubeconfig, report: path });
    const refused = (JSON.parse(await readFile(path, 'utf8')) as ConformanceReport).features[0]!;
    expect(refused.verdict).toBe('contradicted');
    expect(refused.detail).toContain('unknown field "spec.instance"');
  });

  it('on SIGINT stops, deletes everything it created, and still writes its report', { timeout: 300_000 }, async () => {
    const project = await projectWithScenarios(`  - id: slow
    title: Waits for longer than anyone will
    features: [autfa]
    proves: controller
    steps:
      - apply: { manifest: { apiVersion: postgresql.cnpg.io/v1, kind: Cluster, metadata: { name: ofm-interrupted }, spec: { instances: 1, storage: { size: 1Gi } } } }
      - apply: { manifest: { apiVersion: v1, kind: ConfigMap, metadata: { name: ofm-interrupted }, data: { a: b } } }
      - wait: { object: { apiVersion: postgresql.cnpg.io/v1, kind: Cluster, name: ofm-interrupted }, expect: [{ path: "$.status.readyInstances", equals: 5 }] }
        timeout: 600
`);
    const child = spawn(process.execPath, [join(repoRoot, 'scripts/ofm.js'), 'conform', '--operator', 'cloudnative-pg', '--level', 'scenario', '--only', 'autfa', '--kubeconfig', tc.kubeconfig, '--report', 'out.json'], { cwd: project.root, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
    // Interrupt once the run's objects exist.
    let namespace = '';
    expect(
      await until(async () => {
        [namespace = ''] = await runNamespaces();
        return namespace !== '' && (await tc.cluster.list({ apiVersion: 'v1', kind: 'ConfigMap', namespace, labels: {} })).some((c) => c.metadata?.name === 'ofm-interrupted');
      }, 60_000),
    ).toBe(true);
    child.kill('SIGINT');
    expect(await exited).toBe(3);
    expect(stderr).toContain('SIGINT: stopping, cleaning up');
    const report = JSON.parse(await readFile(join(project.root, 'out.json'), 'utf8')) as ConformanceReport;
    expect(report.status).toBe('interrupted');
    expect(report.cleanup?.map((c) => c.object)).toEqual([`ConfigMap ${namespace}/ofm-interrupted`, `Cluster ${namespace}/ofm-interrupted`, `Namespace ${namespace}`]);
    // Nothing of the run is left: the namespace and everything in it are gone.
    expect(await until(async () => !(await runNamespaces()).includes(namespace), 60_000)).toBe(true);
    expect(await tc.cluster.list({ apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', namespace })).toEqual([]);
  });
});
