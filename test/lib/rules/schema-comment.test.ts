import { describe, expect, it } from 'vitest';
import { only, submission, SUBMISSION_SCHEMA_LINE, testProject, withSubmission } from '../../helpers/project.ts';

describe('schema-comment', () => {
  it('accepts the expected first line in submissions and the catalogue', async () => {
    expect(only(await withSubmission(submission('')), 'schema-comment')).toEqual([]);
    const project = await testProject();
    expect(await project.validate('features/postgres/catalogue.yaml')).toEqual([]);
  });

  it('warns, with the exact line to use, when it is missing', async () => {
    const [finding] = only(await withSubmission(submission('').replace(`${SUBMISSION_SCHEMA_LINE}\n`, '')), 'schema-comment');
    expect(finding).toMatchObject({ severity: 'warning', line: 1, column: 1, hint: `Make the first line: ${SUBMISSION_SCHEMA_LINE}` });
  });

  it('warns when it points elsewhere', async () => {
    const [finding] = only(await withSubmission(submission('').replace('generated/postgres', 'generated/mysql')), 'schema-comment');
    expect(finding?.message).toBe('The schema line points to ../../../schema/generated/mysql.submission.schema.json.');
  });
});
