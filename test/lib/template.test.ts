import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { newOperatorText, newSubmissionText } from '../../scripts/lib/template.ts';
import { OPERATOR_YAML, testProject } from '../helpers/project.ts';

describe('new submission template', () => {
  it('lists every feature as unknown, explained in comments, and validates as written', async () => {
    const project = await testProject();
    const index = (await project.open()).catalogues.get('postgres')!;
    const relativePath = 'submissions/postgres/demo/1.2.0.yaml';
    const text = newSubmissionText(index, { relativePath, operator: 'demo', version: '1.2.0', released: '2026-05-22' });
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=../../../schema/generated/postgres.submission.schema.json');
    expect(text).toContain('# instm: Installation mechanism (main feature)');
    expect(text).toContain('# What: The ways a user can install the operator itself');
    expect(text).toContain('# To claim: List every installation method');
    expect(text).toContain('# ── Backups ');
    expect(text).toContain('released: "2026-05-22" # release date, YYYY-MM-DD');
    const data = parse(text) as { features: Record<string, unknown> };
    expect(Object.keys(data.features)).toHaveLength(101);
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write(relativePath, text);
    // Valid as written: what is left are the unknowns to fill in or explain.
    const findings = await project.validate(relativePath);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.rule === 'omitted-feature' && f.severity === 'warning')).toBe(true);
    expect(findings[0]!.message).toBe('instm is unknown, without a note.');
  });

  it('writes an operator.yaml whose blanks the validator asks for', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', newOperatorText('submissions/postgres/demo/operator.yaml', 'demo'));
    const findings = await project.validate('submissions/postgres/demo/operator.yaml');
    expect(findings.map((f) => f.message)).toEqual([
      'name is empty.',
      'vendor is empty.',
      'homepage: the text "" is not valid: it must be an absolute https:// URL with a host name and no user name or password, such as https://example.org/docs/.',
      'repository: the text "" is not valid: it must be an absolute https:// URL with a host name and no user name or password, such as https://example.org/docs/.',
      'license: the text "" is not valid: it must be an SPDX license expression such as "Apache-2.0".',
      'maintainers is empty.',
    ]);
  });
});
