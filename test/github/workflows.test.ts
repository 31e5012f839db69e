// The repository's own GitHub workflows: actionlint (built into the cache by
// `npm run control-plane -- build`, as .ci/run does) and the project's workflow policy.
import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { isBuilt, tools, VERSIONS } from '../../scripts/lib/kubernetes/binaries.ts';
import { checkWorkflow, parseWorkflow } from '../../scripts/lib/workflow-policy.ts';

const execFileAsync = promisify(execFile);
const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const workflowsFolder = join(repoRoot, '.github', 'workflows');
const workflowFiles = readdirSync(workflowsFolder)
  .filter((name) => /\.ya?ml$/.test(name))
  .sort()
  .map((name) => join('.github', 'workflows', name));
// The example vendors copy (docs/conformance.md) is held to the same checks.
const exampleWorkflows = [join('docs', 'examples', 'conformance.yml')];

const actionlint = tools().actionlint;
const inCi = Boolean(process.env['CI']);
// Outside CI a missing binary skips (a contributor need not build it); in CI it fails.
const skipActionlint = !isBuilt('actionlint') && !inCi;

interface ActionlintError {
  readonly message: string;
  readonly filepath: string;
  readonly line: number;
  readonly column: number;
  readonly kind: string;
}

/** actionlint's errors for the files; exit status 1 means "found some", anything else is a failure to run. */
async function runActionlint(files: readonly string[], cwd: string): Promise<ActionlintError[]> {
  // Empty paths turn the shellcheck and pyflakes integrations off, so that results do not
  // depend on what else the machine has installed.
  const args = ['-shellcheck=', '-pyflakes=', '-no-color', '-format', '{{json .}}', ...files];
  try {
    const { stdout } = await execFileAsync(actionlint, args, { cwd });
    return JSON.parse(stdout) as ActionlintError[];
  } catch (error) {
    const failure = error as { code?: unknown; stdout?: string; stderr?: string };
    if (failure.code === 1 && failure.stdout) return JSON.parse(failure.stdout) as ActionlintError[];
    throw error;
  }
}

const describeActionlint = skipActionlint ? describe.skip : describe;
const actionlintTitle = skipActionlint
  ? `actionlint ${VERSIONS.actionlint} (skipped: not built at ${actionlint}; run \`npm run control-plane -- build\`, which CI does)`
  : `actionlint ${VERSIONS.actionlint}`;

describeActionlint(actionlintTitle, () => {
  it('is built (CI builds it with `npm run control-plane -- build`)', () => {
    expect(isBuilt('actionlint'), `actionlint is not built at ${actionlint}; run \`npm run control-plane -- build\``).toBe(true);
  });

  it('reports a broken workflow, so that silence below means something', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ofm-actionlint-'));
    try {
      await writeFile(
        join(dir, 'broken.yml'),
        'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credential: false\n',
      );
      const errors = await runActionlint(['broken.yml'], dir);
      expect(errors).toEqual([expect.objectContaining({ filepath: 'broken.yml', line: 8, kind: 'action', message: expect.stringContaining('persist-credential') })]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('finds nothing wrong in .github/workflows and the example workflow', async () => {
    expect(workflowFiles.length).toBeGreaterThan(0);
    const errors = await runActionlint([...workflowFiles, ...exampleWorkflows], repoRoot);
    expect(errors.map((e) => `${e.filepath}:${e.line}:${e.column}: ${e.message} [${e.kind}]`)).toEqual([]);
  });
});

describe('workflow policy', () => {
  it('has workflows to check', () => {
    expect(workflowFiles.length).toBeGreaterThan(0);
  });

  it.each([...workflowFiles, ...exampleWorkflows])('%s meets the workflow policy', (file) => {
    const findings = checkWorkflow(parseWorkflow(readFileSync(join(repoRoot, file), 'utf8')));
    expect(findings.map((f) => `${file}:${f.line}:${f.column}: ${f.message} [${f.rule}] ${f.hint}`)).toEqual([]);
  });
});
