import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

describe('file-path', () => {
  it('accepts files where their content says they belong', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(''));
    expect(only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'file-path')).toEqual([]);
    expect(only(await project.validate('submissions/postgres/demo/operator.yaml'), 'file-path')).toEqual([]);
    expect(only(await project.validate('features/postgres/catalogue.yaml'), 'file-path')).toEqual([]);
  });

  it('reports a version that differs from the file name, and an operator that differs from the folder', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.1.yaml', submission('', { operator: 'other' }));
    const findings = only(await project.validate('submissions/postgres/demo/1.2.1.yaml'), 'file-path');
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [3, 'operator "other" does not match the folder "demo".'],
      [4, 'version "1.2.0" does not match the file name "1.2.1.yaml".'],
    ]);
    expect(findings[1]?.hint).toBe('Name the file 1.2.0.yaml, or correct the version.');
  });

  it('reports an operator.yaml whose id differs from its folder', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/other/operator.yaml', OPERATOR_YAML.replace(/\.\.\/\.\.\/\.\.\//, '../../../'));
    const [finding] = only(await project.validate('submissions/postgres/other/operator.yaml'), 'file-path');
    expect(finding?.message).toBe('id "demo" does not match the folder "other".');
  });

  it('reports a submission under the wrong technology folder', async () => {
    const project = await testProject();
    await project.write('submissions/mysql/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/mysql/demo/1.2.0.yaml', submission(''));
    const [finding] = only(await project.validate('submissions/mysql/demo/1.2.0.yaml'), 'file-path');
    expect(finding?.message).toBe('catalogue "postgres@1.0.0" does not match the folder submissions/mysql/.');
  });

  it('reports a catalogue whose technology differs from its folder', async () => {
    const project = await testProject();
    const { readFile } = await import('node:fs/promises');
    const text = await readFile(`${project.root}/features/postgres/catalogue.yaml`, 'utf8');
    await project.write('features/mysql/catalogue.yaml', text);
    const [finding] = only(await project.validate('features/mysql/catalogue.yaml'), 'file-path');
    expect(finding?.message).toBe('technology "postgres" does not match the folder features/mysql/.');
  });
});
