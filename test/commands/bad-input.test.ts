import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import { runOfm } from '../helpers/cli.ts';
import { completeSubmission, OPERATOR_YAML, submission, testProject } from '../helpers/project.ts';

const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
for (let i = 1; i < 10; i++) laughs.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);

/** Malformed files a pull request could contain, each with the rule expected to catch it. */
const badFiles: Array<[name: string, content: string | Buffer, rule: string]> = [
  ['syntax', 'catalogue: postgres@1.0.0\nfeatures:\n  tlssp: [true\n', 'yaml-syntax'],
  ['tabs', 'catalogue: postgres@1.0.0\nfeatures:\n\ttlssp: {}\n', 'yaml-syntax'],
  ['duplicate', submission('tlssp:\n  support: unknown\ntlssp:\n  support: unknown'), 'duplicate-key'],
  ['laughs', `${laughs.join('\n')}\n`, 'alias-limit'],
  ['huge', `catalogue: postgres@1.0.0\n${'# x\n'.repeat(70_000)}`, 'file-size'],
  ['proto', submission('__proto__:\n  isAdmin: true'), 'forbidden-key'],
  ['list', '- catalogue: postgres@1.0.0\n- features: {}\n', 'schema'],
  ['features-list', submission('- tlssp'), 'schema'],
  ['empty', '', 'empty-file'],
  ['comments', '# nothing here\n', 'empty-file'],
  ['utf16', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(submission(''), 'utf16le')]), 'encoding'],
  ['latin1', Buffer.from(submission('tlssp:\n  support: unknown\n  notes: Zürich'), 'latin1'), 'encoding'],
  ['binary', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00, 0x00]), 'encoding'],
  ['deep', `features: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`, 'nesting-depth'],
  ['tag', submission('tlssp: !!js/function "function () {}"'), 'yaml-syntax'],
  ['two-docs', `${submission('')}---\nmore: true\n`, 'yaml-syntax'],
  ['scalar', 'just some text\n', 'schema'],
];

describe('bad input', () => {
  it('answers every malformed file with a located finding and a hint, and still checks the good files', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(completeSubmission('tlssp:\n  support: unknown\n  notes: Not known.').replaceAll('\n', '\r\n'))]));
    for (const [name, content] of badFiles) await project.write(`submissions/postgres/demo/${name}.yaml`, content);

    const run = await runOfm(['validate', '--format', 'json', 'submissions'], project.root);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(1);
    const { findings, summary } = JSON.parse(run.stdout) as { findings: Diagnostic[]; summary: { files: number } };
    expect(summary.files).toBe(badFiles.length + 2);
    expect(findings.filter((f) => f.file.endsWith('/1.2.0.yaml') || f.file.endsWith('/operator.yaml'))).toEqual([]);
    for (const [name, , rule] of badFiles) {
      const mine = findings.filter((f) => f.file === `submissions/postgres/demo/${name}.yaml`);
      expect(mine.map((f) => f.rule), name).toContain(rule);
      for (const f of mine) {
        expect(f.line, name).toBeGreaterThanOrEqual(1);
        expect(f.column, name).toBeGreaterThanOrEqual(1);
        expect(f.hint.length, name).toBeGreaterThan(10);
        expect(f.rule, name).not.toBe('internal-error');
      }
    }
  });

  it('refuses a named pipe given as a file at once, instead of waiting for a writer', async () => {
    const project = await testProject();
    const pipe = join(project.root, 'submissions/postgres/demo/1.2.0.yaml');
    await mkdir(dirname(pipe), { recursive: true });
    execFileSync('mkfifo', [pipe]);
    const run = await runOfm(['validate', '--format', 'json', pipe], project.root);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Diagnostic[] };
    expect(findings).toEqual([expect.objectContaining({ file: 'submissions/postgres/demo/1.2.0.yaml', line: 1, column: 1, message: 'The file could not be read (ENOTFILE).' })]);
  });
});
