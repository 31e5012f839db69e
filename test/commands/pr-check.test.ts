// `ofm pr-check` and `ofm codeowners` as a user runs them: the real entry point in a child process.
import { cp, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runOfm } from '../helpers/cli.ts';
import { gitRepository, type TestRepository } from '../helpers/git.ts';
import { repoRoot } from '../helpers/project.ts';
import { codeownersText, operatorOwners } from '../../scripts/lib/pr/codeowners.ts';

let repo: TestRepository;

beforeAll(async () => {
  repo = await gitRepository();
  await cp(join(repoRoot, 'schema'), join(repo.path, 'schema'), { recursive: true });
  await cp(join(repoRoot, 'features'), join(repo.path, 'features'), { recursive: true });
  await repo.commit({ 'README.md': 'test\n' });
  repo.git('checkout', '-q', '-b', 'change');
  const operator = await readFile(join(repoRoot, 'submissions/postgres/cloudnative-pg/operator.yaml'), 'utf8');
  await repo.commit({ 'submissions/postgres/cloudnative-pg/operator.yaml': operator });
}, 60_000);

describe('ofm pr-check', () => {
  it('says how to call it without --base (exit 2)', async () => {
    const run = await runOfm(['pr-check'], repo.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('--base origin/main');
  });

  it('explains an unknown base (exit 2)', async () => {
    const run = await runOfm(['pr-check', '--base', 'no-such-branch'], repo.path);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('git fetch');
  });

  it('prints the comment and exits 1 when a check fails (here: CODEOWNERS missing, no such maintainer)', async () => {
    const run = await runOfm(['pr-check', '--base', 'main', '--author', 'someone'], repo.path);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^<!-- ofm-pr-check -->\n## OFM check: ❌ 2 of \d checks failed/);
    expect(run.stdout).toContain('npx ofm codeowners');
  });

  it('writes the JSON result with --output, and passes once the author and CODEOWNERS are right', async () => {
    const owners = codeownersText(await operatorOwners(repo.path));
    await repo.commit({ '.github/CODEOWNERS': owners });
    const run = await runOfm(['pr-check', '--base', 'main', '--author', 'ofm-maintainers', '--format', 'json', '--output', 'result.json'], repo.path);
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.checks.find((c: { id: string }) => c.id === 'ownership').outcome).toBe('pass');
    expect(result.labels).toEqual(['new-operator', 'operator/cloudnative-pg', 'submission']);
  });
});

describe('ofm codeowners', () => {
  it('keeps this repository\'s CODEOWNERS current', async () => {
    const run = await runOfm(['codeowners', '--check'], repoRoot);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });

  it('fails --check when the file is stale, and writes it otherwise', async () => {
    const project = await gitRepository();
    await cp(join(repoRoot, 'schema'), join(project.path, 'schema'), { recursive: true });
    await cp(join(repoRoot, 'features'), join(project.path, 'features'), { recursive: true });
    await cp(join(repoRoot, 'submissions/postgres/zalando'), join(project.path, 'submissions/postgres/zalando'), { recursive: true });
    const stale = await runOfm(['codeowners', '--check'], project.path);
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('is missing');
    expect((await runOfm(['codeowners'], project.path)).stdout).toContain('Wrote .github/CODEOWNERS');
    expect((await runOfm(['codeowners', '--check'], project.path)).code).toBe(0);
  });
});

describe('ofm pr-report', () => {
  it('says what is missing (exit 2), and posts nothing for an artifact that names no pull request', async () => {
    const noArtifact = await runOfm(['pr-report'], repo.path, { env: { GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'o/r' } });
    expect(noArtifact.code).toBe(2);
    expect(noArtifact.stderr).toContain('--artifact');
    const noToken = await runOfm(['pr-report', '--artifact', 'x.json', '--head-sha', 'a'.repeat(40), '--repository', 'o/r'], repo.path, { env: { GITHUB_TOKEN: '' } });
    expect(noToken.code).toBe(2);
    expect(noToken.stderr).toContain('GITHUB_TOKEN');
    await writeFile(join(repo.path, 'garbage.json'), '{"pull": {"number": "7; rm -rf /"}}');
    const garbage = await runOfm(['pr-report', '--artifact', 'garbage.json', '--head-sha', 'a'.repeat(40), '--repository', 'o/r'], repo.path, { env: { GITHUB_TOKEN: 't', GITHUB_API_URL: 'http://127.0.0.1:9' } });
    expect(garbage.code).toBe(1);
    expect(garbage.stderr).toContain('names no pull request; nothing was posted');
  });
});
