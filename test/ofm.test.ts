// The `ofm` launcher (scripts/ofm.js): it runs OFM from a bundle rebuilt whenever a file it was
// built from changes, and that bundle caches derived results under its own name.
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../scripts/lib/diagnostic.ts';
import { runOfm, type Run } from './helpers/cli.ts';
import { OPERATOR_YAML, repoRoot, submission, testProject } from './helpers/project.ts';

const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the tool (its files, and node_modules as links to this one's packages), with or without esbuild. */
async function toolCopy({ esbuild = true } = {}): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'ofm-tool-'));
  copies.push(dir);
  for (const path of ['scripts', 'schema', 'features', 'package.json', 'package-lock.json']) await cp(join(repoRoot, path), join(dir, path), { recursive: true });
  await mkdir(join(dir, 'node_modules'));
  for (const name of await readdir(join(repoRoot, 'node_modules'))) {
    if (name === '.cache' || (!esbuild && (name === 'esbuild' || name === '@esbuild'))) continue;
    await symlink(join(repoRoot, 'node_modules', name), join(dir, 'node_modules', name));
  }
  return dir;
}

const run = (tool: string, args: string[], env: Record<string, string> = {}): Promise<Run> => runOfm(args, tool, { tool, env });

const bundleFolder = async (tool: string): Promise<string> => (JSON.parse(await readFile(join(tool, 'node_modules/.cache/ofm/bundle.json'), 'utf8')) as { folder: string }).folder;

describe('the ofm launcher', () => {
  it('builds a bundle on first use and a new one when a source or schema file changes', async () => {
    const tool = await toolCopy();
    const first = await run(tool, ['validate', 'features']);
    expect(first).toMatchObject({ code: 0, stderr: '' });
    const built = await bundleFolder(tool);
    expect(await readdir(join(tool, 'node_modules/.cache/ofm', built))).toContain('cli.js');

    expect((await run(tool, ['--version'])).code).toBe(0);
    expect(await bundleFolder(tool)).toBe(built);

    // A changed source is used at once: the new bundle answers with it.
    const source = join(tool, 'scripts/lib/tool.ts');
    await writeFile(source, (await readFile(source, 'utf8')).replace('packageJson.version;', '`${packageJson.version}-edited`;'));
    expect((await run(tool, ['--version'])).stdout.trim()).toMatch(/-edited$/);
    const rebuilt = await bundleFolder(tool);
    expect(rebuilt).not.toBe(built);

    const schemaFile = join(tool, 'schema/operator.schema.json');
    await writeFile(schemaFile, (await readFile(schemaFile, 'utf8')).replace('"description"', '"$comment": "edited", "description"'));
    expect((await run(tool, ['--version'])).code).toBe(0);
    expect(await bundleFolder(tool)).not.toBe(rebuilt);
  });

  it('runs the sources when esbuild is not installed, or when OFM_NO_BUNDLE is set', async () => {
    const tool = await toolCopy({ esbuild: false });
    const withoutEsbuild = await run(tool, ['validate', 'features', '--format', 'json']);
    expect(withoutEsbuild.code).toBe(0);
    await expect(readFile(join(tool, 'node_modules/.cache/ofm/bundle.json'))).rejects.toThrow();
    const unbundled = await run(tool, ['--version'], { OFM_NO_BUNDLE: '1' });
    expect(unbundled).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('results cached by the bundle', () => {
  it('reads a catalogue once, and again when its bytes change', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission('tlssp:\n  support: unknown\n  notes: Not known.'));
    const validate = async () => JSON.parse((await runOfm(['validate', '--format', 'json', 'submissions/postgres/demo/1.2.0.yaml'], project.root)).stdout) as { findings: Diagnostic[] };
    const derived = () => readdir(join(project.root, '.ofm-cache/derived')).then((names) => names.filter((n) => n.startsWith('catalogue-')), () => []);

    const before = await validate();
    expect(before.findings.map((f) => f.rule)).not.toContain('unknown-feature');
    expect(await derived()).toHaveLength(1);
    expect(await validate()).toEqual(before);

    const catalogue = join(project.root, 'features/postgres/catalogue.yaml');
    await writeFile(catalogue, (await readFile(catalogue, 'utf8')).replace(/^(\s*- id: )tlssp$/m, '$1tlsxx'));
    const after = await validate();
    expect(after.findings).toContainEqual(expect.objectContaining({ rule: 'unknown-feature', message: expect.stringContaining('"tlssp"') }));
    expect(await derived()).toHaveLength(2);
  });
});
