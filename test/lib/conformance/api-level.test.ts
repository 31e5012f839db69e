// `ofm conform --level api` against a real kube-apiserver on 127.0.0.1 with every operator's real
// CRDs and install manifests: shipped claims are confirmed where the API can show them, false
// ones contradicted on the right claims, and the validator then reports the contradictions.
import { existsSync } from 'node:fs';
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAllYaml } from '@kubernetes/client-node';
import { parseDocument } from 'yaml';
import { conform } from '../../../scripts/commands/conform.ts';
import { definitionsPath, loadDefinitions } from '../../../scripts/lib/conformance/definitions.ts';
import type { ProbeContext } from '../../../scripts/lib/conformance/probe.ts';
import { dryRunProbe } from '../../../scripts/lib/conformance/probes/dry-run.ts';
import { createAjv } from '../../../scripts/lib/ajv.ts';
import type { ConformanceReport } from '../../../scripts/lib/conformance/report.ts';
import type { KubernetesObject } from '../../../scripts/lib/kubernetes/cluster.ts';
import { openProject } from '../../../scripts/lib/project.ts';
import { schemas } from '../../../scripts/lib/schemas.ts';
import { runOfm } from '../../helpers/cli.ts';
import { installOperator, testCluster, type TestCluster } from '../../helpers/control-plane.ts';
import { repoRoot, testProject } from '../../helpers/project.ts';

const OPERATORS = [
  ['cloudnative-pg', '1.30.0'],
  ['pgo', '6.0.3'],
  ['percona', '3.0.0'],
  ['zalando', '2.0.1'],
  ['stackgres', '1.18.6'],
] as const;

let tc: TestCluster;
beforeAll(async () => {
  tc = await testCluster();
  for (const [operator, version] of OPERATORS) await installOperator(tc.cluster, operator, version);
}, 3_600_000);
afterAll(() => tc?.stop());

const never = new AbortController().signal;

async function run(cwd: string, operator: string, extra: Partial<Parameters<typeof conform>[0]> = {}): Promise<{ exitCode: number; report: ConformanceReport }> {
  const path = extra.report ?? join(tc.dir, `${operator}-${Math.random().toString(36).slice(2)}.json`);
  const result = await conform({ operator, technology: 'postgres', level: 'api', keep: false, cwd, signal: never, kubeconfig: tc.kubeconfig, ...extra, report: path });
  return { exitCode: result.exitCode, report: JSON.parse(await readFile(path, 'utf8')) as ConformanceReport };
}

describe('ofm conform at the API level, on a real API server', () => {
  it.each(OPERATORS.filter(([operator]) => existsSync(join(repoRoot, 'submissions/postgres', operator, 'conformance.yaml'))))(
    "confirms %s's shipped claims where the API shows them, and contradicts none",
    async (operator, version) => {
      const { exitCode, report } = await run(repoRoot, operator);
      expect(createAjv().validate(schemas.conformanceReport.$id, report)).toBe(true);
      expect(report).toMatchObject({ operator, version, status: 'completed', kubernetes: { minor: '1.37' } });
      expect(report.features.filter((f) => f.verdict === 'contradicted').map((f) => `${f.feature}: ${f.detail}`)).toEqual([]);
      expect(exitCode).toBe(0);
      expect(report.summary.confirmed).toBeGreaterThanOrEqual(10);
      expect(report.features.find((f) => f.feature === 'mcrds')?.verdict).toBe('confirmed');
    },
  );

  it('contradicts false claims, each on its own claim, and `ofm validate` then reports them', async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const file = join(project.root, 'submissions/postgres/cloudnative-pg/1.30.0.yaml');
    const doc = parseDocument(await readFile(file, 'utf8'));
    doc.setIn(['features', 'k8ver', 'value'], ['1.24', '1.23']); // older than the CEL rules the CRDs use
    doc.setIn(['features', 'tblsp', 'value'], false); // the Cluster has spec.tablespaces
    doc.deleteIn(['features', 'tblsp', 'evidence']);
    doc.setIn(['features', 'uside', 'value'], true); // the Cluster has no spec.sidecars
    doc.setIn(['features', 'uside', 'evidence'], [{ title: 'Sidecars', url: 'https://cloudnative-pg.io/docs/1.30/sidecars/' }]);
    await writeFile(file, doc.toString());
    // A wildcard rule for the operator's service account: no longer fine-grained.
    const role = { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'ofm-test-everything' }, rules: [{ apiGroups: ['*'], resources: ['*'], verbs: ['get'] }] };
    const binding = {
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'ClusterRoleBinding',
      metadata: { name: 'ofm-test-everything' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'ofm-test-everything' },
      subjects: [{ kind: 'ServiceAccount', name: 'cnpg-manager', namespace: 'cnpg-system' }],
    };
    await tc.cluster.create(role as KubernetesObject);
    await tc.cluster.create(binding as KubernetesObject);
    try {
      const { exitCode, report } = await run(project.root, 'cloudnative-pg', { report: join(project.root, 'submissions/postgres/cloudnative-pg/1.30.0.conformance.json') });
      expect(exitCode).toBe(1);
      const contradicted = Object.fromEntries(report.features.filter((f) => f.verdict === 'contradicted').map((f) => [f.feature, f.detail]));
      expect(Object.keys(contradicted).sort()).toEqual(['fgopp', 'k8ver', 'tblsp', 'uside']);
      expect(contradicted['k8ver']).toContain('The claim lists 1.24, 1.23, but the CRDs use CEL');
      expect(contradicted['tblsp']).toBe('Claimed not supported, but: Cluster.postgresql.cnpg.io v1 has spec.tablespaces.name, spec.tablespaces.storage.');
      expect(contradicted['uside']).toContain('has no spec.sidecars');
      expect(contradicted['fgopp']).toContain('ClusterRole/ofm-test-everything grants get on */* to cnpg-system/cnpg-manager');
    } finally {
      await tc.cluster.delete({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRoleBinding', name: 'ofm-test-everything' });
      await tc.cluster.delete({ apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', name: 'ofm-test-everything' });
    }
    const check = await runOfm(['validate', '--format', 'json', 'submissions/postgres/cloudnative-pg'], project.root);
    const findings = (JSON.parse(check.stdout) as { findings: Array<{ rule: string; line: number; message: string }> }).findings.filter((f) => f.rule === 'conformance-report');
    expect(findings.map((f) => f.message.replace(/ on Kubernetes.*/, ''))).toHaveLength(4);
    expect(findings.every((f) => f.message.includes('contradicts this claim'))).toBe(true);
  });

  it('through the CLI: exits 1 on a contradiction, 3 when the cluster cannot be reached, and always writes the reports', async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const file = join(project.root, 'submissions/postgres/cloudnative-pg/1.30.0.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace(/  tblsp:\n    value: true/, '  tblsp:\n    value: false'));
    const contradicted = await runOfm(['conform', '--operator', 'cloudnative-pg', '--kubeconfig', tc.kubeconfig, '--junit', 'out/junit.xml', '--markdown', 'out/summary.md'], project.root);
    expect(contradicted.code).toBe(1);
    expect(contradicted.stdout).toContain('1 contradicted');
    expect(contradicted.stderr).toMatch(/^Kubernetes v1\.37\.2; operator Deployment cnpg-system\/cnpg-controller-manager, release 1\.30\.0; 11 CRD\(s\)\.$/m);
    expect(await readFile(join(project.root, 'out/junit.xml'), 'utf8')).toContain('<failure message="Claimed not supported');
    expect(await readFile(join(project.root, 'out/summary.md'), 'utf8')).toContain('## Contradicted');
    expect(existsSync(join(project.root, 'submissions/postgres/cloudnative-pg/1.30.0.conformance.json'))).toBe(true);

    const nowhere = join(project.root, 'nowhere.kubeconfig');
    await writeFile(nowhere, (await readFile(tc.kubeconfig, 'utf8')).replace(/server: .*/, 'server: https://127.0.0.1:1'));
    const unreachable = await runOfm(['conform', '--operator', 'cloudnative-pg', '--kubeconfig', nowhere, '--report', 'out/failed.json'], project.root);
    expect(unreachable.code).toBe(3);
    expect(unreachable.stderr).not.toMatch(/\n\s+at /);
    const failed = JSON.parse(await readFile(join(project.root, 'out/failed.json'), 'utf8')) as ConformanceReport;
    expect(failed).toMatchObject({ status: 'failed', error: expect.stringContaining('the cluster could not be reached') });
  });

  it('calls nothing confirmed when the operator is not installed', async () => {
    const project = await testProject();
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(project.root, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const definitions = join(project.root, 'submissions/postgres/cloudnative-pg/conformance.yaml');
    await writeFile(definitions, (await readFile(definitions, 'utf8')).replace('crd_groups: [postgresql.cnpg.io]', 'crd_groups: [not-installed.example.org]'));
    const { exitCode, report } = await run(project.root, 'cloudnative-pg');
    expect(exitCode).toBe(0);
    expect(report.summary.confirmed + report.summary.contradicted).toBe(0);
    expect(report.features.find((f) => f.feature === 'tlscu')?.detail).toContain('The operator is not installed in this cluster');
  });

  it('refuses, rather than passes, an `accepts` manifest with a field the CRD does not have', async () => {
    await tc.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ofm-strict' } });
    const manifest = { apiVersion: 'postgresql.cnpg.io/v1', kind: 'Cluster', metadata: { name: 'ofm-sidecars' }, spec: { instances: 1, storage: { size: '1Gi' }, sidecars: [{ name: 'a', image: 'b' }] } };
    const observation = await dryRunProbe(manifest, 'accept').run({ cluster: tc.cluster, dryRunNamespace: 'ofm-strict' } as ProbeContext);
    expect(observation.shows).toBe('absent');
    expect(observation.observed).toContain('unknown field "spec.sidecars"');
  });

  it("dry-runs every manifest that the shipped scenarios apply against the operators' real CRDs: no misspelt or unknown field", async () => {
    await tc.cluster.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'ofm-scenario-manifests' } });
    const project = await openProject(repoRoot);
    const refused: string[] = [];
    const notServed = new Set<string>();
    let checked = 0;
    for (const [operator] of OPERATORS) {
      const loaded = await loadDefinitions(project, definitionsPath(project, 'postgres', operator));
      if (!('definitions' in loaded)) throw new Error(`${operator}: conformance.yaml does not load`);
      for (const scenario of loaded.definitions.scenarios ?? []) {
        for (const step of scenario.steps) {
          if (!step.apply) continue;
          const { manifest } = step.apply;
          if ((await tc.cluster.namespaced(manifest.apiVersion, manifest.kind)) === undefined) {
            notServed.add(`${manifest.apiVersion} ${manifest.kind}`);
            continue;
          }
          const result = await tc.cluster.dryRunCreate({ ...manifest, metadata: { ...manifest.metadata, namespace: 'ofm-scenario-manifests' } } as KubernetesObject);
          checked++;
          if (!result.accepted) refused.push(`${operator} ${scenario.id}: ${manifest.kind} ${manifest.metadata.name}: ${result.message}`);
        }
      }
    }
    expect(refused).toEqual([]);
    expect(checked).toBeGreaterThan(90);
    // Every kind applied is served by Kubernetes or the operator's own CRDs.
    expect([...notServed]).toEqual([]);
  });

  it('ships an in-cluster Job, service account and RBAC that the API server accepts', async () => {
    const documents = loadAllYaml(await readFile(join(repoRoot, 'deploy/conformance-job.yaml'), 'utf8')) as KubernetesObject[];
    expect(documents.map((d) => d.kind)).toEqual(['Namespace', 'ServiceAccount', 'ClusterRole', 'ClusterRoleBinding', 'ClusterRole', 'ClusterRoleBinding', 'Job']);
    await tc.cluster.create(documents[0]!);
    for (const document of documents.slice(1)) expect(await tc.cluster.dryRunCreate(document), document.kind).toMatchObject({ accepted: true });
  });
});
