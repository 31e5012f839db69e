// The npm package of the `ofm` command (npm run package:cli) as a vendor gets it: built, packed,
// installed from the tarball into an empty folder outside the repository, and run there on the
// vendor's own submissions, judged by the catalogue the package ships.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import { PUBLISHED_SCHEMA_BASE } from '../../scripts/lib/layout.ts';
import { CLI_PACKAGE } from '../../scripts/lib/tool.ts';
import { runCommand, type Run } from '../helpers/cli.ts';
import { fixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { gitRepository } from '../helpers/git.ts';
import { githubStandIn, type StandIn } from '../helpers/github-standin.ts';
import { OPERATOR_YAML, repoRoot, submission } from '../helpers/project.ts';

// Node.js 24 first on PATH, for npm and for the package's `#!/usr/bin/env node` entry.
const PATH = [join(repoRoot, 'node_modules/node/bin'), process.env['PATH'] ?? ''].join(delimiter);

const run = (command: string, args: readonly string[], cwd: string): Promise<Run> => runCommand(command, args, cwd, { PATH });

let work: string;
let tarball: string;
/** A vendor's repository, with the package installed in its node_modules. */
let vendor: string;
let ofm: string;
let server: FixtureServer;
let api: StandIn;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'ofm-package-'));
  server = await fixtureServer();
  const repo = await gitRepository();
  await repo.commit({ 'README.md': '# Demo\n\n## Installation\n' });
  repo.tag('v1.2.0');
  api = await githubStandIn({ 'demo/demo-operator': repo.path });
  const built = await run(process.execPath, [join(repoRoot, 'scripts/package-cli.ts'), '--out', join(work, 'build/cli')], repoRoot);
  expect(built).toMatchObject({ code: 0, stderr: '' });
  tarball = /^Packed (.+\.tgz):/m.exec(built.stdout)![1]!;
  console.info(built.stdout.trim());

  vendor = join(work, 'vendor');
  await mkdir(vendor);
  const started = performance.now();
  // From the tarball alone: the package has no dependencies, so nothing is fetched.
  const installed = await run('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], vendor);
  expect(installed.code, installed.stderr).toBe(0);
  console.info(`Installed ${CLI_PACKAGE} into an empty folder in ${Math.round(performance.now() - started)} ms.`);
  ofm = join(vendor, 'node_modules/.bin/ofm');
}, 180_000);

afterAll(async () => {
  await server?.close();
  await api?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

describe(`the ${CLI_PACKAGE} package`, () => {
  it('holds the bundled CLI, the catalogues, schemas and docs, and no sources, tests, site or node_modules', async () => {
    const entries = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).trim().split('\n').map((e) => e.replace(/^package\//, ''));
    for (const path of ['package.json', 'README.md', 'LICENSE', 'THIRD-PARTY-NOTICES.md', 'bin/ofm.js', 'lib/cli.js', 'lib/page-worker.js', 'features/postgres/catalogue.yaml', 'schema/submission.schema.json', 'schema/submission.md', 'schema/generated/postgres.submission.schema.json', 'docs/rules.md']) {
      expect(entries).toContain(path);
    }
    expect(entries.filter((e) => /(^|\/)(test|site|dist|node_modules|submissions|scripts)\/|\.test\.|\.ts$/.test(e))).toEqual([]);
    expect(entries.filter((e) => !/^(bin|lib|features|schema|docs)\/|^[A-Z-]+\.md$|^LICENSE$|^package\.json$/.test(e))).toEqual([]);

    const manifest = JSON.parse(await readFile(join(vendor, 'node_modules', CLI_PACKAGE, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest).toMatchObject({ name: CLI_PACKAGE, bin: { ofm: 'bin/ofm.js' }, engines: { node: '>=24' } });
    expect(manifest['dependencies']).toBeUndefined();
    // Only the package was installed: nothing beside it in node_modules.
    expect((await readdir(join(vendor, 'node_modules'))).filter((name) => !name.startsWith('.'))).toEqual([CLI_PACKAGE.split('/')[0]]);
    expect((await stat(tarball)).size).toBeLessThan(3 * 1024 * 1024);
  });

  it('validates a vendor\'s submissions outside any OFM project, and points at a broken claim', async () => {
    const folder = join(vendor, 'submissions/postgres/cloudnative-pg');
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), folder, { recursive: true });
    const files = (await readdir(folder)).filter((name) => /\.(ya?ml|json)$/.test(name)).length;
    const valid = await run(ofm, ['validate', 'submissions/postgres/cloudnative-pg'], vendor);
    expect(valid).toMatchObject({ code: 0, stdout: `✔ ${files} files checked, no problems.\n`, stderr: '' });

    // An id the catalogue does not have, where the first claim's id was.
    const path = join(folder, '1.30.0.yaml');
    const lines = (await readFile(path, 'utf8')).split('\n');
    const features = lines.indexOf('features:');
    const at = lines.findIndex((line, i) => i > features && /^ {2}[a-z0-9]+:/.test(line));
    expect(features).toBeGreaterThan(0);
    lines[at] = lines[at]!.replace(/^ {2}[a-z0-9]+:/, '  nosuchfeature:');
    await writeFile(path, lines.join('\n'));
    const broken = await run(ofm, ['validate', 'submissions/postgres/cloudnative-pg'], vendor);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toContain(`submissions/postgres/cloudnative-pg/1.30.0.yaml:${at + 1}:3  error  unknown-feature  "nosuchfeature" is not a feature of postgres@`);
  });

  it('writes a new submission in an empty folder, naming the published schemas, and validates it there', async () => {
    const fresh = join(work, 'fresh');
    await mkdir(fresh);
    const created = await run(ofm, ['new', '--operator', 'acme', '--version', '1.0.0', '--released', '2026-01-02'], fresh);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Wrote submissions/postgres/acme/1.0.0.yaml and submissions/postgres/acme/operator.yaml.');
    expect(created.stdout).toContain(`npx ${CLI_PACKAGE} validate submissions/postgres/acme`);
    const text = await readFile(join(fresh, 'submissions/postgres/acme/1.0.0.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe(`# yaml-language-server: $schema=${PUBLISHED_SCHEMA_BASE}generated/postgres.submission.schema.json`);

    // With no paths, the repository's submissions/ are checked; only operator.yaml's blanks are errors.
    const check = await run(ofm, ['validate', '--format', 'json'], fresh);
    const findings = (JSON.parse(check.stdout) as { findings: Diagnostic[] }).findings;
    expect([...new Set(findings.filter((f) => f.severity === 'error').map((f) => f.file))]).toEqual(['submissions/postgres/acme/operator.yaml']);
    expect(findings.filter((f) => f.rule === 'schema-comment')).toEqual([]);
  });

  it('checks evidence links and runs conform with the packages it bundles', async () => {
    const folder = join(work, 'links/submissions/postgres/demo');
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'operator.yaml'), OPERATOR_YAML);
    const claim = (feature: string, url: string) => `${feature}:\n  value: true\n  evidence:\n    - title: Docs\n      url: "${url}"`;
    const claims = [
      claim('tlssp', `${server.origin}/docs/1.2/backup.html#retention-policies`),
      claim('autfa', `${server.origin}/docs/1.2/backup.html#failover`),
      claim('pgsrv', 'https://github.com/demo/demo-operator/blob/v1.2.0/README.md#installation'),
    ];
    await writeFile(join(folder, '1.2.0.yaml'), submission(claims.join('\n')));
    // undici fetches the pages and a piscina worker parses them; Octokit asks the GitHub API.
    const links = await run(ofm, ['evidence', '--allow-address', '127.0.0.1', '--github-api-url', api.url, '--no-cache', '--retries', '0', 'submissions/postgres/demo'], join(work, 'links'));
    expect(links.code).toBe(1);
    expect(links.stdout).toContain('error  evidence-anchor');
    expect(links.stdout).toContain('3 evidence link(s) checked online: 2 verified (0 with warnings), 1 broken, 0 not checkable.');

    // The Kubernetes client: a cluster that does not answer ends the run with exit 3 and a report.
    const cluster = join(work, 'cluster');
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg'), join(cluster, 'submissions/postgres/cloudnative-pg'), { recursive: true });
    const kubeconfig = join(cluster, 'nowhere.kubeconfig');
    await writeFile(kubeconfig, 'apiVersion: v1\nkind: Config\nclusters: [{ name: nowhere, cluster: { server: "https://127.0.0.1:1" } }]\nusers: [{ name: nobody, user: { token: x } }]\ncontexts: [{ name: nowhere, context: { cluster: nowhere, user: nobody } }]\ncurrent-context: nowhere\n');
    const conform = await run(ofm, ['conform', '--operator', 'cloudnative-pg', '--kubeconfig', kubeconfig, '--report', 'failed.json'], cluster);
    expect(conform.code).toBe(3);
    expect(conform.stderr).not.toMatch(/\n\s+at /);
    expect(JSON.parse(await readFile(join(cluster, 'failed.json'), 'utf8'))).toMatchObject({ status: 'failed', error: expect.stringContaining('the cluster could not be reached') });
  });

  const systemNode = '/usr/bin/node';
  const systemMajor = existsSync(systemNode) ? Number(execFileSync(systemNode, ['--version'], { encoding: 'utf8' }).slice(1).split('.')[0]) : undefined;
  it.runIf(systemMajor !== undefined && systemMajor < 24)('says plainly that it needs Node.js 24 when started by an older one', async () => {
    const old = await run(systemNode, [ofm, '--version'], vendor);
    expect(old.code).toBe(2);
    expect(old.stderr).toMatch(/^ofm needs Node\.js 24 or later; this is Node\.js v\d+/);
    expect(old.stdout).toBe('');
  });
});
