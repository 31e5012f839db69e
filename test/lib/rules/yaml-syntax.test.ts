import { describe, expect, it } from 'vitest';
import { OPERATOR_YAML, testProject } from '../../helpers/project.ts';

async function validateText(text: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', text);
  return project.validate('submissions/postgres/demo/1.2.0.yaml');
}

describe('yaml-syntax', () => {
  it('reports tabs used for indentation, with the fix', async () => {
    const findings = await validateText('catalogue: postgres@1.0.0\nfeatures:\n\ttlssp:\n\t\tvalue: true\n');
    expect(findings[0]).toMatchObject({ rule: 'yaml-syntax', line: 3, column: 1 });
    expect(findings[0]?.hint).toBe('Indent with spaces: YAML does not allow tabs for indentation.');
  });

  it('reports an unclosed quote at its line', async () => {
    const findings = await validateText('catalogue: postgres@1.0.0\noperator: "demo\nversion: 1.2.0\n');
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'yaml-syntax')).toBe(true);
    expect(findings[0]?.line).toBeGreaterThanOrEqual(2);
  });

  it('reports a second document', async () => {
    const findings = await validateText('catalogue: postgres@1.0.0\n---\ncatalogue: postgres@1.0.0\n');
    expect(findings).toEqual([expect.objectContaining({ rule: 'yaml-syntax', line: 2, hint: 'Keep one YAML document per file: remove the "---" line and what follows it.' })]);
  });

  it('refuses YAML tags', async () => {
    const findings = await validateText('catalogue: !!binary cG9zdGdyZXM=\nfeatures: !custom {}\n');
    expect(findings.map((f) => [f.rule, f.line, f.column]).sort()).toEqual([
      ['yaml-syntax', 1, 12],
      ['yaml-syntax', 2, 11],
    ]);
  });
});

describe('yaml-syntax: what changes how YAML reads', () => {
  it('refuses a %YAML 1.1 directive, which would turn on merge keys and timestamps', async () => {
    const findings = await validateText('%YAML 1.1\n---\ncatalogue: postgres@1.0.0\nfeatures:\n  a: &x {v: 1}\n  b:\n    <<: *x\n');
    expect(findings.find((f) => f.rule === 'yaml-syntax')).toMatchObject({ line: 1, column: 1, message: 'The file asks for YAML 1.1; OFM files are YAML 1.2.' });
  });

  it('accepts an explicit %YAML 1.2 and refuses %TAG', async () => {
    expect((await validateText('%YAML 1.2\n---\ncatalogue: postgres@1.0.0\n')).filter((f) => f.rule === 'yaml-syntax')).toEqual([]);
    const findings = await validateText('# comment\n%TAG !e! tag:example.com,2000:\n---\ncatalogue: postgres@1.0.0\n');
    expect(findings.find((f) => f.rule === 'yaml-syntax')).toMatchObject({ line: 2, message: 'The file declares a %TAG directive.' });
  });

  it('points at a tag quickly however much text comes before it', async () => {
    const comment = `# ${'!&'.repeat(3000)}\n# ${'!'.repeat(60_000)}\n`;
    const start = performance.now();
    const findings = await validateText(`${comment}catalogue: postgres@1.0.0\nfeatures:\n  tlssp: &a !foo {}\n`);
    expect(performance.now() - start).toBeLessThan(5000);
    expect(findings).toEqual([expect.objectContaining({ rule: 'yaml-syntax', line: 5, column: 13, message: 'The YAML tag !foo is not allowed.' })]);
  });
});
