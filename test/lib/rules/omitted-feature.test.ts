import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const claims = 'tblsp:\n  value: false\nhugpa:\n  support: unknown';

async function check(files: Record<string, string>, target: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  for (const [version, text] of Object.entries(files)) await project.write(`submissions/postgres/demo/${version}.yaml`, text);
  return only(await project.validate(`submissions/postgres/demo/${target}.yaml`), 'omitted-feature');
}

describe('omitted-feature', () => {
  it('warns on the newest release about features left out and unknowns without a note', async () => {
    const findings = await check({ '1.2.0': submission(claims) }, '1.2.0');
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({ severity: 'warning', line: 6, column: 1 });
    expect(findings[0]!.message).toMatch(/^\d+ feature\(s\) of the catalogue have no claim: .*\binstm\b/);
    expect(findings[0]!.message).not.toMatch(/\btblsp\b/);
    expect(findings[1]).toMatchObject({ severity: 'warning', line: 9, column: 3, message: 'hugpa is unknown, without a note.' });
  });

  it('only notes the same gaps in an older release', async () => {
    const older = submission(claims, { version: '"1.1.0"' });
    const findings = await check({ '1.1.0': older, '1.2.0': submission(claims) }, '1.1.0');
    expect(findings.map((f) => f.severity)).toEqual(['info', 'info']);
  });

  it('accepts an unknown that says what would settle it', async () => {
    const findings = await check({ '1.2.0': submission('hugpa:\n  support: unknown\n  notes: The docs do not say; a test with huge pages would settle it.') }, '1.2.0');
    expect(findings.map((f) => f.message)).not.toContain('hugpa is unknown, without a note.');
  });
});
