// The reusable Action (action.yml) as a vendor's workflow runs it: its shell steps are executed
// with bash the way the runner does (inputs through env, outputs through $GITHUB_OUTPUT, the job
// summary through $GITHUB_STEP_SUMMARY), in a vendor's repository outside this one. Only
// setup-node is left out (Node.js 24 is first on PATH). The install step installs the packed
// command-line package, as it installs the published one; or, when that cannot be had, runs
// OFM from the action's own files (this checkout, whose packages are installed already).
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoRoot } from '../helpers/project.ts';

interface Step {
  readonly name?: string;
  readonly id?: string;
  readonly if?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly env?: Record<string, string>;
}
interface Action {
  readonly inputs: Record<string, { default?: string }>;
  readonly runs: { readonly using: string; readonly steps: readonly Step[] };
}

const actionText = await readFile(join(repoRoot, 'action.yml'), 'utf8');
const action = parse(actionText) as Action;
const node24 = dirname(process.execPath);

interface ActionRun {
  readonly outputs: Record<string, Record<string, string>>;
  readonly stdout: string;
  readonly summary: string;
  readonly failed: boolean;
}

/** ${{ … }} as the steps use it: inputs, earlier steps' outputs (with `|| 'default'`), the action's path. */
function evaluate(expression: string, inputs: Record<string, string>, outputs: ActionRun['outputs']): string {
  return expression.replace(/\$\{\{\s*(.+?)\s*\}\}/g, (_, body: string) => {
    const [term, fallback] = body.split('||').map((s) => s.trim()) as [string, string | undefined];
    const path = term.split('.');
    const value = path[0] === 'inputs' ? inputs[path[1]!] : path[0] === 'steps' ? outputs[path[1]!]?.[path[3]!] : path.join('.') === 'github.action_path' ? repoRoot : undefined;
    if (value === undefined && fallback === undefined) throw new Error(`the test does not know ${term}`);
    return value || (fallback ?? '').replace(/^'|'$/g, '');
  });
}

function condition(expression: string | undefined, inputs: Record<string, string>): boolean {
  if (expression === undefined) return true;
  const found = /^inputs\.([a-z-]+) == '([^']*)'$/.exec(expression.trim());
  if (!found) throw new Error(`the test does not know the condition ${expression}`);
  return inputs[found[1]!] === found[2];
}

async function runAction(cwd: string, given: Record<string, string>): Promise<ActionRun> {
  const inputs = { ...Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, v.default?.includes('${{') ? '' : (v.default ?? '')])), ...given };
  const summaryFile = join(cwd, '.summary.md');
  await writeFile(summaryFile, '');
  const outputs: ActionRun['outputs'] = {};
  let stdout = '';
  for (const step of action.runs.steps) {
    if (step.uses || !step.run || !condition(step.if, inputs)) continue;
    const outputFile = join(cwd, `.output-${step.id ?? 'step'}`);
    await writeFile(outputFile, '');
    const env = Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, evaluate(v, inputs, outputs)]));
    // The runner's `shell: bash`: bash --noprofile --norc -eo pipefail {0}.
    const run = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, ...env, PATH: `${node24}:${process.env['PATH']}`, GITHUB_ACTION_PATH: repoRoot, GITHUB_OUTPUT: outputFile, GITHUB_STEP_SUMMARY: summaryFile, RUNNER_TEMP: runnerTemp, NO_COLOR: '1' },
    });
    stdout += run.stdout;
    if (step.id) outputs[step.id] = Object.fromEntries((await readFile(outputFile, 'utf8')).split('\n').filter(Boolean).map((l) => l.split(/=(.*)/s).slice(0, 2) as [string, string]));
    if (run.status !== 0) return { outputs, stdout, summary: await readFile(summaryFile, 'utf8'), failed: true };
  }
  return { outputs, stdout, summary: await readFile(summaryFile, 'utf8'), failed: false };
}

let vendor: string;
let runnerTemp: string;
let tarball: string;
beforeAll(async () => {
  vendor = await mkdtemp(join(tmpdir(), 'ofm-vendor-'));
  runnerTemp = await mkdtemp(join(tmpdir(), 'ofm-runner-'));
  const built = spawnSync(process.execPath, [join(repoRoot, 'scripts/package-cli.ts'), '--out', join(runnerTemp, 'build/cli')], { cwd: repoRoot, encoding: 'utf8', env: { ...process.env, PATH: `${node24}:${process.env['PATH']}` } });
  if (built.status !== 0) throw new Error(`package:cli failed: ${built.stderr}`);
  tarball = join(runnerTemp, 'build', (await readdir(join(runnerTemp, 'build'))).find((f) => f.endsWith('.tgz'))!);
  for (const file of ['operator.yaml', '1.30.0.yaml', '1.29.2.yaml']) {
    await cp(join(repoRoot, 'submissions/postgres/cloudnative-pg', file), join(vendor, 'submissions/postgres/cloudnative-pg', file));
  }
}, 120_000);
afterAll(async () => {
  await rm(vendor, { recursive: true, force: true });
  await rm(runnerTemp, { recursive: true, force: true });
});

describe('action.yml', () => {
  it('is a composite action whose actions are pinned to commits and whose scripts take inputs only through env', () => {
    expect(action.runs.using).toBe('composite');
    for (const step of action.runs.steps.filter((s) => s.uses)) expect(step.uses).toMatch(/^[\w.-]+\/[\w.-]+@[0-9a-f]{40}$/);
    for (const line of actionText.split('\n').filter((l) => l.includes('uses:'))) expect(line).toMatch(/ # v\d+\.\d+\.\d+$/);
    // An expression inside a script is pasted into it before bash reads it: script injection.
    for (const step of action.runs.steps) expect(step.run ?? '').not.toContain('${{');
  });

  it('installs the command-line package and passes a vendor\'s valid submissions with a job summary', async () => {
    const run = await runAction(vendor, { paths: 'submissions', package: tarball });
    expect(run.outputs['install']).toEqual({ ofm: join(runnerTemp, 'ofm-cli/node_modules/.bin/ofm') });
    expect(run.failed).toBe(false);
    expect(run.outputs['result']).toEqual({ result: 'pass' });
    expect(run.summary).toMatch(/^## (✅|⚠️) ofm validate: 0 error\(s\)/);
    expect(run.outputs['evidence']).toBeUndefined();
  });

  it('fails on a broken claim: a few annotations, every finding in the summary', async () => {
    const file = join(vendor, 'submissions/postgres/cloudnative-pg/1.30.0.yaml');
    const text = await readFile(file, 'utf8');
    const broken = text.replace(/^features:\n/m, 'features:\n  not-a-feature-a: { value: true }\n  not-a-feature-b: { value: true }\n  not-a-feature-c: { value: true }\n');
    expect(broken).not.toBe(text);
    await writeFile(file, broken);
    try {
      // A package that cannot be installed: OFM runs from the action's own files.
      const run = await runAction(vendor, { paths: 'submissions/postgres/cloudnative-pg', annotations: '2', package: join(runnerTemp, 'no-such-package.tgz') });
      expect(run.stdout).toContain('::notice title=ofm::');
      expect(run.outputs['install']).toEqual({ ofm: join(repoRoot, 'scripts/ofm.js') });
      expect(run.failed).toBe(true);
      expect(run.outputs['result']).toEqual({ result: 'fail' });
      const annotations = run.stdout.split('\n').filter((l) => l.startsWith('::error'));
      expect(annotations).toHaveLength(2);
      expect(annotations[0]).toMatch(/^::error file=submissions\/postgres\/cloudnative-pg\/1\.30\.0\.yaml,line=\d+,col=\d+,title=ofm unknown-feature::/);
      expect(run.stdout).toMatch(/::notice title=ofm::\d+ more finding\(s\)/);
      expect(run.summary.match(/not\\-a\\-feature/g)?.length).toBeGreaterThanOrEqual(3);
    } finally {
      await writeFile(file, text);
    }
  });
});
