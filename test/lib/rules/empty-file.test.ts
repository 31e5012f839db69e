import { describe, expect, it } from 'vitest';
import { testProject } from '../../helpers/project.ts';

describe('empty-file', () => {
  it.each([
    ['an empty file', ''],
    ['only comments', '# yaml-language-server: $schema=x\n# nothing yet\n'],
    ['only a null', '~\n'],
  ])('reports %s', async (_, text) => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/1.2.0.yaml', text);
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(findings).toEqual([expect.objectContaining({ rule: 'empty-file', line: 1, column: 1, message: 'The file has no data.' })]);
  });

  it('says nothing about a file with data', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/1.2.0.yaml', 'catalogue: postgres@1.0.0\n');
    expect((await project.validate('submissions/postgres/demo/1.2.0.yaml')).filter((f) => f.rule === 'empty-file')).toEqual([]);
  });
});
