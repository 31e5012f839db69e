import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runOfm } from '../helpers/cli.ts';
import { OPERATOR_YAML, submission, testProject } from '../helpers/project.ts';

const operator = `${OPERATOR_YAML}  unpinned:\n    - https://demo.example.org/docs/latest/\n`;
const text = submission(
  [
    '# kept: a comment',
    'tlssp:',
    '  value: true',
    '  evidence:',
    '    - { title: TLS, url: "https://demo.example.org/docs/latest/tls/" }',
    '    - title: Code',
    '      url: https://github.com/demo/demo-operator/blob/v1.1.0/tls.go#L3',
    '  notes: yes',
    'tblsp:',
    '  value: false',
  ].join('\n'),
  { released: '2026-05-22' },
);

async function project() {
  const p = await testProject();
  await p.write('submissions/postgres/demo/operator.yaml', operator);
  await p.write('submissions/postgres/demo/1.2.0.yaml', text);
  return p;
}

describe('ofm fix', () => {
  it('shows the safe fixes as a diff with --dry-run, and writes nothing', async () => {
    const p = await project();
    const run = await runOfm(['fix', '--dry-run', 'submissions/postgres/demo/1.2.0.yaml'], p.root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('-released: 2026-05-22\n+released: "2026-05-22"');
    expect(run.stdout).toContain('+      - { title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }');
    expect(run.stdout).toContain('+        url: https://github.com/demo/demo-operator/blob/v1.2.0/tls.go#L3');
    expect(run.stdout).toContain('+    notes: "yes"');
    expect(run.stdout).toMatch(/Would fix 4 finding\(s\) in 1 file\(s\)/);
    expect(await readFile(join(p.root, 'submissions/postgres/demo/1.2.0.yaml'), 'utf8')).toBe(text);
  });

  it('edits the file in place, keeping comments and layout, until nothing is left to fix', async () => {
    const p = await project();
    expect((await runOfm(['fix', 'submissions/postgres/demo/1.2.0.yaml'], p.root)).stdout).toMatch(/^Fixed 4 finding\(s\) in 1 file\(s\)/);
    const fixed = await readFile(join(p.root, 'submissions/postgres/demo/1.2.0.yaml'), 'utf8');
    expect(fixed.split('\n')).toHaveLength(text.split('\n').length);
    expect(fixed).toContain('  # kept: a comment\n');
    const check = JSON.parse((await runOfm(['validate', '--format', 'json', 'submissions/postgres/demo/1.2.0.yaml'], p.root)).stdout);
    expect(check.findings.filter((f: { rule: string }) => ['portable-yaml', 'evidence-pinning'].includes(f.rule))).toEqual([]);
    expect((await runOfm(['fix', 'submissions/postgres/demo/1.2.0.yaml'], p.root)).stdout).toMatch(/^Fixed 0 finding\(s\) in 0 file\(s\)/);
  });

  it('puts claims in the catalogue\'s order with their comments, drops repeated links, then fixes inside the moved claims', async () => {
    const p = await testProject();
    await p.write('submissions/postgres/demo/operator.yaml', operator);
    const unordered = submission(
      [
        '# ── Security ──',
        'tlssp:',
        '  value: true',
        '  evidence:',
        '    - title: TLS',
        '      url: https://github.com/demo/demo-operator/blob/v1.2.0/tls.go',
        '    - title: TLS again',
        '      url: https://github.com/demo/demo-operator/blob/v1.2.0/tls.go',
        '  notes: yes',
        '',
        '# ── General ──',
        '# installs with Helm',
        'instm:',
        '  value: [Helm]',
        '  evidence:',
        '    - title: Helm',
        '      url: https://github.com/demo/demo-operator/blob/v1.2.0/README.md',
        'mcrds:',
        '  value: true',
        '  evidence:',
        '    - title: CRDs',
        '      url: https://github.com/demo/demo-operator/blob/v1.2.0/crds.yaml',
      ].join('\n'),
    );
    await p.write('submissions/postgres/demo/1.2.0.yaml', unordered);
    const before = JSON.parse((await runOfm(['validate', '--format', 'json', 'submissions/postgres/demo/1.2.0.yaml'], p.root)).stdout);
    expect(before.findings).toContainEqual(expect.objectContaining({ rule: 'feature-order', severity: 'info', line: 19, message: expect.stringContaining('instm comes before tlssp') }));
    expect(before.findings).toContainEqual(expect.objectContaining({ rule: 'duplicate-evidence', severity: 'warning', line: 14, message: 'This link is already evidence item 1 of tlssp.' }));

    const run = await runOfm(['fix', 'submissions/postgres/demo/1.2.0.yaml'], p.root);
    expect(run.stdout).toMatch(/^Fixed 3 finding\(s\) in 1 file\(s\)/);
    const fixed = await readFile(join(p.root, 'submissions/postgres/demo/1.2.0.yaml'), 'utf8');
    const features = fixed.slice(fixed.indexOf('features:\n'));
    expect(features).toBe(
      [
        'features:',
        '  ', // the blank line above General moves with it
        '  # ── General ──',
        '  # installs with Helm',
        '  instm:',
        '    value: [Helm]',
        '    evidence:',
        '      - title: Helm',
        '        url: https://github.com/demo/demo-operator/blob/v1.2.0/README.md',
        '  mcrds:',
        '    value: true',
        '    evidence:',
        '      - title: CRDs',
        '        url: https://github.com/demo/demo-operator/blob/v1.2.0/crds.yaml',
        '  # ── Security ──',
        '  tlssp:',
        '    value: true',
        '    evidence:',
        '      - title: TLS',
        '        url: https://github.com/demo/demo-operator/blob/v1.2.0/tls.go',
        '    notes: "yes"',
        '',
      ].join('\n'),
    );
    const after = JSON.parse((await runOfm(['validate', '--format', 'json', 'submissions/postgres/demo/1.2.0.yaml'], p.root)).stdout);
    expect(after.findings.filter((f: { rule: string }) => ['feature-order', 'duplicate-evidence', 'portable-yaml'].includes(f.rule))).toEqual([]);
  });
});
