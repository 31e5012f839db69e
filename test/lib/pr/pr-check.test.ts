// The pull-request checks on real git repositories: an OFM project committed on main, and a
// branch per case, compared as GitHub compares a pull request (merge base to head).
import { cp, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPullRequest } from '../../../scripts/lib/pr/check.ts';
import { CODEOWNERS_PATH, codeownersText, operatorOwners } from '../../../scripts/lib/pr/codeowners.ts';
import { digestOf, renderComment } from '../../../scripts/lib/pr/comment.ts';
import { gitView } from '../../../scripts/lib/pr/git-view.ts';
import { checkOf, type PrCheckResult } from '../../../scripts/lib/pr/result.ts';
import { openProject } from '../../../scripts/lib/project.ts';
import { createAjv, validatorFor } from '../../../scripts/lib/ajv.ts';
import { schemas } from '../../../scripts/lib/schemas.ts';
import { gitRepository, type TestRepository } from '../../helpers/git.ts';
import { repoRoot } from '../../helpers/project.ts';

const OPERATOR = 'submissions/postgres/cloudnative-pg';
let repo: TestRepository;
let submission: string;
let operatorYaml: string;

async function branch(name: string, files: Record<string, string | null>): Promise<void> {
  repo.git('checkout', '-q', '-B', name, 'main');
  for (const [path, content] of Object.entries(files)) if (content === null) await rm(join(repo.path, path));
  await repo.commit(Object.fromEntries(Object.entries(files).filter(([, c]) => c !== null)) as Record<string, string>);
}

async function check(author?: string): Promise<PrCheckResult> {
  const view = await gitView(repo.path, 'main');
  return checkPullRequest({ project: await openProject(repo.path), view, base: 'main', ...(author ? { author } : {}) });
}

const outcome = (result: PrCheckResult, id: string) => result.checks.find((c) => c.id === id)!.outcome;
const rulesUrl = 'https://example.test/docs/rules.md';

beforeAll(async () => {
  repo = await gitRepository();
  await cp(join(repoRoot, 'schema'), join(repo.path, 'schema'), { recursive: true });
  await cp(join(repoRoot, 'features'), join(repo.path, 'features'), { recursive: true });
  submission = await readFile(join(repoRoot, OPERATOR, '1.30.0.yaml'), 'utf8');
  operatorYaml = (await readFile(join(repoRoot, OPERATOR, 'operator.yaml'), 'utf8')).replace(/maintainers:\n(\s+- .+\n)+/, 'maintainers:\n  - cnpg-maintainer\n');
  const files = { [`${OPERATOR}/operator.yaml`]: operatorYaml, [`${OPERATOR}/1.30.0.yaml`]: submission };
  await repo.commit(files);
  await repo.commit({ [CODEOWNERS_PATH]: codeownersText(await operatorOwners(repo.path)) });
}, 60_000);

describe('ofm pr-check on real git branches', () => {
  it('passes a maintainer\'s change to their operator and labels it', async () => {
    await branch('maintainer', { [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "2026-06-30"') });
    const result = await check('cnpg-maintainer');
    expect(result.changes.files).toEqual([{ path: `${OPERATOR}/1.30.0.yaml`, status: 'modified' }]);
    expect(result.changes.operators).toEqual([{ technology: 'postgres', id: 'cloudnative-pg', new: false }]);
    expect(outcome(result, 'ownership')).toBe('pass');
    expect(outcome(result, 'validate')).not.toBe('fail');
    expect(result.labels).toEqual(['operator/cloudnative-pg', 'submission']);
    expect(validatorFor(createAjv(), schemas.prCheck.$id)(result)).toBe(true);
  });

  it('flags and labels a change by someone who is not a maintainer, at operator.yaml\'s maintainers line', async () => {
    await branch('outsider', { [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "2026-06-30"') });
    const result = await check('someone-else');
    const ownership = result.checks.find((c) => c.id === 'ownership')!;
    expect(ownership.outcome).toBe('fail');
    const line = operatorYaml.split('\n').findIndex((l) => l.startsWith('maintainers:')) + 1;
    expect(ownership.findings[0]).toMatchObject({ file: `${OPERATOR}/operator.yaml`, line, column: 1, rule: 'ownership' });
    expect(ownership.findings[0]!.message).toContain('cnpg-maintainer');
    expect(result.labels).toContain('ownership-check');
  });

  it('does not let a pull request add its author to an existing operator\'s maintainers', async () => {
    await branch('self-added', {
      [`${OPERATOR}/operator.yaml`]: operatorYaml.replace('  - cnpg-maintainer\n', '  - cnpg-maintainer\n  - intruder\n'),
      [CODEOWNERS_PATH]: codeownersText([{ technology: 'postgres', id: 'cloudnative-pg', maintainers: ['cnpg-maintainer', 'intruder'] }]),
    });
    const result = await check('intruder');
    expect(outcome(result, 'ownership')).toBe('fail');
    expect(outcome(result, 'codeowners')).toBe('pass');
  });

  it('accepts a new operator whose operator.yaml lists its author, and refuses one that does not', async () => {
    const dir = 'submissions/postgres/example-operator';
    const newOperator = operatorYaml.replace('id: cloudnative-pg', 'id: example-operator').replace('  - cnpg-maintainer\n', '  - new-vendor\n');
    const owners = [
      { technology: 'postgres', id: 'cloudnative-pg', maintainers: ['cnpg-maintainer'] },
      { technology: 'postgres', id: 'example-operator', maintainers: ['new-vendor'] },
    ];
    await branch('new-operator', {
      [`${dir}/operator.yaml`]: newOperator,
      [`${dir}/1.30.0.yaml`]: submission.replace('operator: cloudnative-pg', 'operator: example-operator'),
      [CODEOWNERS_PATH]: codeownersText(owners),
    });
    const result = await check('new-vendor');
    expect(result.changes.operators).toEqual([{ technology: 'postgres', id: 'example-operator', new: true }]);
    expect(outcome(result, 'ownership')).toBe('pass');
    expect(outcome(result, 'codeowners')).toBe('pass');
    expect(result.labels).toEqual(['new-operator', 'operator/example-operator', 'submission']);
    const other = await check('not-listed');
    expect(outcome(other, 'ownership')).toBe('fail');
    expect(other.checks.find((c) => c.id === 'ownership')!.findings[0]!.hint).toContain('not-listed');
  });

  it('fails when CODEOWNERS is not regenerated after maintainers change', async () => {
    await branch('stale-codeowners', { [`${OPERATOR}/operator.yaml`]: operatorYaml.replace('  - cnpg-maintainer\n', '  - cnpg-maintainer\n  - second-maintainer\n') });
    const result = await check('cnpg-maintainer');
    expect(outcome(result, 'codeowners')).toBe('fail');
    expect(result.checks.find((c) => c.id === 'codeowners')!.findings[0]!.hint).toContain('ofm codeowners');
  });

  it('asks for one operator per pull request', async () => {
    await branch('two-operators', {
      [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "2026-06-30"'),
      'submissions/postgres/other-operator/1.0.0.yaml': submission.replace('operator: cloudnative-pg', 'operator: other-operator').replace('version: "1.30.0"', 'version: "1.0.0"'),
    });
    const result = await check('cnpg-maintainer');
    const one = result.checks.find((c) => c.id === 'one-operator')!;
    expect(one.outcome).toBe('fail');
    expect(one.findings.map((f) => f.file)).toEqual(['submissions/postgres/other-operator/1.0.0.yaml']);
  });

  it('checks file names: .yml, a report without its submission, a version that is not the file name', async () => {
    await branch('names', {
      [`${OPERATOR}/1.31.0.yml`]: submission,
      [`${OPERATOR}/1.29.0.evidence.json`]: '{}\n',
      [`${OPERATOR}/1.32.0.yaml`]: submission,
      [`${OPERATOR}/notes.txt`]: 'hello\n',
    });
    const names = (await check('cnpg-maintainer')).checks.find((c) => c.id === 'file-names')!;
    expect(names.outcome).toBe('fail');
    const byFile = Object.fromEntries(names.findings.map((f) => [f.file.split('/').pop(), f]));
    expect(byFile['1.31.0.yml']!.hint).toContain('1.31.0.yaml');
    expect(byFile['1.29.0.evidence.json']!.message).toContain('no submission 1.29.0.yaml');
    expect(byFile['1.32.0.yaml']).toMatchObject({ line: submission.split('\n').findIndex((l) => l.startsWith('version:')) + 1, column: 10 });
    expect(byFile['notes.txt']!.message).toContain('not a file OFM knows');
  });

  it('warns when a submission is removed', async () => {
    await branch('removal', { [`${OPERATOR}/1.30.0.yaml`]: null });
    const names = (await check('cnpg-maintainer')).checks.find((c) => c.id === 'file-names')!;
    expect(names.outcome).toBe('warn');
  });

  it('refuses a submission two catalogue versions behind, and accepts one behind', async () => {
    const catalogue = await readFile(join(repo.path, 'features/postgres/catalogue.yaml'), 'utf8');
    const newer = (v: string) => `  - version: ${v}\n    date: "2026-12-0${v === '1.1.0' ? 1 : 2}"\n    changes: Test release.\n`;
    const twoMore = catalogue.replace('version: 1.0.0\n', 'version: 1.2.0\n').replace('versions:\n', `versions:\n${newer('1.2.0')}${newer('1.1.0')}`);
    await branch('old-catalogue', { 'features/postgres/catalogue.yaml': twoMore, [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "2026-06-30"') });
    const result = await check('cnpg-maintainer');
    const version = result.checks.find((c) => c.id === 'catalogue-version')!;
    expect(version.outcome).toBe('fail');
    expect(version.findings[0]!.message).toContain('postgres@1.2.0');
    expect(result.labels).toContain('catalogue-change');
    await branch('one-behind', {
      'features/postgres/catalogue.yaml': catalogue.replace('version: 1.0.0\n', 'version: 1.1.0\n').replace('versions:\n', `versions:\n${newer('1.1.0')}`),
      [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "2026-06-30"'),
    });
    expect(outcome(await check('cnpg-maintainer'), 'catalogue-version')).toBe('pass');
  });

  it('renders one comment: escaped findings, a digest that changes only with the content', async () => {
    await branch('hostile', { [`${OPERATOR}/1.30.0.yaml`]: submission.replace('released: "2026-06-29"', 'released: "<img src=x onerror=alert(1)> @everyone"') });
    const result = await check('cnpg-maintainer');
    expect(outcome(result, 'validate')).toBe('fail');
    const comment = renderComment(result, { rulesUrl, baseRef: 'main' });
    expect(comment.startsWith('<!-- ofm-pr-check -->\n## OFM check: ❌')).toBe(true);
    expect(comment).not.toMatch(/<img|@everyone/);
    expect(comment).toContain(`](${rulesUrl})`);
    expect(comment).toContain('npx ofm pr-check --base main');
    expect(digestOf(comment)).toMatch(/^[0-9a-f]{64}$/);
    expect(digestOf(renderComment(result, { rulesUrl, baseRef: 'main' }))).toBe(digestOf(comment));
    const fixed = { ...result, checks: result.checks.map((c) => ({ ...c, outcome: 'pass' as const, findings: [] })) };
    const clean = renderComment(fixed, { rulesUrl });
    expect(clean).toContain('## OFM check: ✅ all 7 checks passed');
    expect(digestOf(clean)).not.toBe(digestOf(comment));
  });
});

describe('the comment\'s size', () => {
  it('stays under GitHub\'s 65,536 characters whatever the result holds, listing fewer findings as needed', () => {
    const finding = { file: 'submissions/postgres/x/1.0.0.yaml', line: 1, column: 1, rule: 'schema', severity: 'error' as const, message: 'm'.repeat(4000), hint: 'h'.repeat(4000) };
    const result: PrCheckResult = {
      tool: 'ofm test',
      pull: { base: 'main', base_sha: 'a'.repeat(40), head_sha: 'b'.repeat(40) },
      changes: { files: [], operators: [], catalogue: false, schema: false },
      checks: [checkOf('validate', 'Valid', Array.from({ length: 5000 }, (_, i) => ({ ...finding, line: i + 1 })), 's'.repeat(1000))],
      labels: [],
    };
    const comment = renderComment(result, { rulesUrl });
    expect(comment.length).toBeLessThanOrEqual(60_000);
    expect(comment).toContain('more finding(s)');
    expect(digestOf(comment)).toMatch(/^[0-9a-f]{64}$/);
    const few = renderComment({ ...result, checks: [checkOf('validate', 'Valid', [finding], 'one')] }, { rulesUrl });
    expect(few).toContain('mmm…<br>');
  });
});
