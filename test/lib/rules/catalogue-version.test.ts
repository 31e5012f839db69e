import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject, withSubmission } from '../../helpers/project.ts';

describe('catalogue-version', () => {
  it('accepts a released catalogue version', async () => {
    expect(only(await withSubmission(submission('')), 'catalogue-version')).toEqual([]);
  });

  it('reports an unreleased version and lists the released ones', async () => {
    const [finding] = only(await withSubmission(submission('', { catalogue: 'postgres@9.9.9' })), 'catalogue-version');
    expect(finding).toMatchObject({ line: 2, column: 12, message: 'postgres@9.9.9 is not a released version of the postgres catalogue.' });
    expect(finding?.hint).toContain('postgres@1.0.0');
  });

  it('reports an unknown technology', async () => {
    const [finding] = only(await withSubmission(submission('', { catalogue: 'mysql@1.0.0' })), 'catalogue-version');
    expect(finding?.message).toBe('There is no catalogue for "mysql".');
  });

  it('says to fix a broken catalogue first, without checking claims against it', async () => {
    const project = await testProject();
    await project.write('features/postgres/catalogue.yaml', 'technology: postgres\nfeatures: [\n');
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission('tlsp:\n  value: true'));
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(only(findings, 'catalogue-version')[0]?.hint).toBe('Fix the findings in features/postgres/catalogue.yaml first.');
    expect(only(findings, 'unknown-feature')).toEqual([]);
  });
});
