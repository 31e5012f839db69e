import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { progressReporter } from '../../scripts/commands/evidence.ts';
import { createAjv } from '../../scripts/lib/ajv.ts';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import type { EvidenceReport } from '../../scripts/lib/generated/evidence-report.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { runOfm } from '../helpers/cli.ts';
import { fixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { gitRepository, type TestRepository } from '../helpers/git.ts';
import { githubStandIn, type StandIn } from '../helpers/github-standin.ts';
import { OPERATOR_YAML, submission, testProject } from '../helpers/project.ts';

let server: FixtureServer;
let api: StandIn;
let repo: TestRepository;
beforeAll(async () => {
  server = await fixtureServer();
  repo = await gitRepository();
  await repo.commit({ 'README.md': '# Demo\n\n## Installation\n', 'docs/backup.md': '# Backup\n\n## Retention\n', 'docs/index.md': '# Demo\n' });
  repo.tag('v1.2.0');
  api = await githubStandIn({ 'demo/demo-operator': repo.path });
});
afterAll(async () => {
  await server.close();
  await api.close();
});

const claim = (feature: string, ...urls: string[]) =>
  `${feature}:\n  value: true\n  evidence:\n${urls.map((u) => `    - title: Docs\n      url: "${u}"`).join('\n')}`;

const OPERATOR_WITH_SOURCE = `${OPERATOR_YAML}  source:
    repository: https://github.com/demo/demo-operator
    ref: v{version}
    pages: ['docs/{path}.md']
    index: docs/index.md
`;

async function onlineProject() {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write(
    'submissions/postgres/demo/1.2.0.yaml',
    submission(
      [
        claim('tlssp', `${server.origin}/docs/1.2/backup.html#retention-policies`, 'https://github.com/demo/demo-operator/blob/v1.2.0/README.md#installation'),
        claim('autfa', `${server.origin}/docs/1.2/backup.html#failover`),
        claim('hugpa', `${server.origin}/gone`),
        claim('reqli', `${server.origin}/moved`),
        claim('tblsp', 'https://github.com/demo/demo-operator/blob/v1.2.0/README.md#L1-L99'),
      ].join('\n'),
    ),
  );
  return project;
}

const online = (extra: string[] = []) => ['evidence', '--allow-address', '127.0.0.1', '--github-api-url', api.url, '--retries', '0', ...extra];

describe('ofm evidence, online', () => {
  it('reports each broken or redirected link at its URL, and exits 1', async () => {
    const project = await onlineProject();
    const run = await runOfm(online(['--format', 'json', '--no-cache']), project.root);
    // Standard error carries only progress: plain lines off a terminal, and the time taken.
    expect(run.stderr).toMatch(/^(\[\d+\.\d s\] \d+ link\(s\): .*\n)*ofm evidence: 6 link\(s\) in 1 file\(s\) checked in \d+\.\d s\.\n$/);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Diagnostic[] };
    expect(findings.map((f) => [f.line, f.column, f.rule, f.severity])).toEqual([
      [18, 14, 'evidence-anchor', 'error'],
      [23, 14, 'evidence-not-found', 'error'],
      [28, 14, 'evidence-redirect', 'warning'],
      [33, 14, 'evidence-anchor', 'error'],
    ]);
    expect(findings[2]?.hint).toBe(`Use the new address: ${server.origin}/docs/1.2/backup.html`);
    expect(api.violations).toEqual([]);
  });

  it('writes a schema-valid evidence report beside the submission', async () => {
    const project = await onlineProject();
    const run = await runOfm(online(['--write-report', '--no-cache']), project.root);
    expect(run.stdout).toContain('6 evidence link(s) checked online: 3 verified (1 with warnings), 3 broken, 0 not checkable.');
    expect(run.stdout).toContain('Wrote submissions/postgres/demo/1.2.0.evidence.json.');
    const report = JSON.parse(await readFile(join(project.root, 'submissions/postgres/demo/1.2.0.evidence.json'), 'utf8')) as EvidenceReport;
    expect(createAjv().validate(schemas.evidenceReport.$id, report)).toBe(true);
    expect(report).toMatchObject({ submission: 'submissions/postgres/demo/1.2.0.yaml', operator: 'demo', version: '1.2.0', mode: 'online', summary: { links: 6, verified: 3, broken: 3, not_checkable: 0, with_warnings: 1 } });
    expect(report.links[1]).toMatchObject({ feature: 'tlssp', index: 1, status: 'verified', via: 'github-api', anchor: 'found', pinned: true });
    expect(report.links[3]).toMatchObject({ feature: 'hugpa', status: 'broken', http_status: 404, message: 'The page does not exist (HTTP 404).' });
    // `ofm validate` checks evidence reports too.
    expect((await runOfm(['validate', 'submissions/postgres/demo/1.2.0.evidence.json'], project.root)).code).toBe(0);
  });

  it('refuses loopback addresses unless told otherwise', async () => {
    const project = await onlineProject();
    const run = await runOfm(['evidence', '--format', 'json', '--github-api-url', api.url, '--no-cache', 'submissions/postgres/demo/1.2.0.yaml'], project.root);
    const rules = (JSON.parse(run.stdout).findings as Diagnostic[]).map((f) => f.rule);
    // The four links to the fixture server; GitHub links go to the API, which is configured, not linked.
    expect(rules.filter((r) => r === 'evidence-refused')).toHaveLength(4);
  });

  it('caches results on disk between runs', async () => {
    const project = await onlineProject();
    const cache = join(project.root, 'cache.json');
    await runOfm(online(['--cache', cache]), project.root);
    const hits = server.hits.get('/docs/1.2/backup.html');
    const again = await runOfm(online(['--cache', cache]), project.root);
    expect(again.code).toBe(1);
    expect(server.hits.get('/docs/1.2/backup.html')).toBe(hits);
    expect(existsSync(cache)).toBe(true);
  });
});

describe('ofm evidence --offline', () => {
  it('checks documentation links against the docs source and says what it skipped', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_WITH_SOURCE);
    await project.write(
      'submissions/postgres/demo/1.2.0.yaml',
      submission(
        [
          claim('tlssp', 'https://demo.example.org/docs/1.2/backup/#retention', 'https://github.com/demo/demo-operator/blob/v1.2.0/README.md#installation'),
          claim('autfa', 'https://demo.example.org/docs/1.2/backup/#failover'),
          claim('pubit', 'https://example.org/issues'),
        ].join('\n'),
      ),
    );
    const run = await runOfm(['evidence', '--offline', '--docs-source', `demo=${repo.path}`, '--write-report'], project.root);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('submissions/postgres/demo/1.2.0.yaml:18:14  error  evidence-anchor  The file has no heading with the anchor "#failover".');
    expect(run.stdout).toContain('4 evidence link(s) checked offline: 2 verified (0 with warnings), 1 broken, 1 not checkable.');
    expect(run.stdout).toContain('  not checkable (1): Not checked offline: example.org is neither the documentation site nor a repository with a local copy (check online).');
    const report = JSON.parse(await readFile(join(project.root, 'submissions/postgres/demo/1.2.0.evidence.json'), 'utf8')) as EvidenceReport;
    expect(report.links.map((l) => [l.via, l.status])).toEqual([
      ['docs-source', 'verified'],
      ['repository', 'verified'],
      ['docs-source', 'broken'],
      ['none', 'not-checkable'],
    ]);
  });

  it('reports evidence entries with no link to check instead of skipping them unsaid', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_WITH_SOURCE);
    const entries = '  tlssp:\n    value: true\n    evidence:\n      - null\n      - title: No address\n      - { title: Backup, url: "https://demo.example.org/docs/1.2/backup/" }\n  autfa:\n    value: true\n    evidence: "https://demo.example.org/docs/1.2/backup/"';
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(entries));
    const run = await runOfm(['evidence', '--offline', '--docs-source', `demo=${repo.path}`, '--format', 'json'], project.root);
    expect(run.code).toBe(1);
    const findings = (JSON.parse(run.stdout) as { findings: Diagnostic[] }).findings.filter((f) => f.rule === 'evidence-malformed');
    expect(findings.map((f) => [f.line, f.column])).toEqual([[10, 11], [11, 11], [15, 17]]);
  });

  it.each([
    [['evidence', '--docs-source', 'demo=.'], '--docs-source and --repository are for --offline checks.'],
    [['evidence', '--offline', '--docs-source', 'Demo Operator=.'], '--docs-source takes <operator-id>=<path>'],
    [['evidence', '--offline', '--docs-source', 'demo=no/such/folder'], '--docs-source: no such folder: no/such/folder'],
    [['evidence', '--offline', '--repository', 'https://gitlab.com/a/b=.'], '--repository takes <https://github.com/owner/repo>=<path>'],
    [['evidence', '--concurrency', '0'], '--concurrency takes a positive number.'],
    [['evidence', '--offline', 'features/postgres/catalogue.yaml'], 'features/postgres/catalogue.yaml is not a submission; ofm evidence checks the links of submissions'],
  ])('exits 2 on %j', async (args, message) => {
    const run = await runOfm(args, (await testProject()).root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe('ofm evidence progress', () => {
  const result = (status: 'verified' | 'broken' | 'not-checkable', url = 'https://demo.example.org/x') =>
    ({ feature: 'tlssp', claim_digest: 'x', index: 0, url, status, via: 'http', anchor: 'none', pinned: true }) as const;

  it('prints a plain line every 25 links off a terminal', () => {
    const out: string[] = [];
    const report = progressReporter((text) => out.push(text), false);
    for (let i = 0; i < 60; i++) report(result(i % 10 === 0 ? 'broken' : 'verified'));
    expect(out).toHaveLength(2);
    expect(out[1]).toMatch(/^\[\d+\.\d s\] 50 link\(s\): 45 verified, 5 broken, 0 not checkable\n$/);
  });

  it('rewrites one status line on a terminal, naming the link just checked, its controls shown', () => {
    const out: string[] = [];
    const report = progressReporter((text) => out.push(text), true);
    report(result('not-checkable', 'https://demo.example.org/\u001b[2J'));
    expect(out).toEqual([expect.stringMatching(/^\r\u001b\[K\[\d+\.\d s\] 1 link\(s\): 0 verified, 0 broken, 1 not checkable · https:\/\/demo\.example\.org\/\u241b\[2J$/)]);
  });
});
