import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

describe('operator-metadata', () => {
  it('accepts a submission with operator.yaml beside it', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(''));
    expect(only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'operator-metadata')).toEqual([]);
  });

  it('reports a missing operator.yaml at the operator key', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(''));
    const [finding] = only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'operator-metadata');
    expect(finding).toMatchObject({ line: 3, column: 11, message: 'There is no operator.yaml beside this submission.' });
    expect(finding?.hint).toContain('npx ofm new');
  });
});
