import { describe, expect, it } from 'vitest';
import { OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const SOURCES = (versions: string[]) => `# yaml-language-server: $schema=../../../schema/sources.schema.json
releases:
${versions
  .map(
    (v) => `  - version: "${v}"
    repositories:
      - url: https://github.com/demo/demo-operator
        ref: v${v}
        commit: 0123456789abcdef0123456789abcdef01234567
    checked: "2026-11-25"
    method: Read the docs source at the tag.`,
  )
  .join('\n')}
`;

async function projectWith(sources: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', submission(''));
  await project.write('submissions/postgres/demo/sources.yaml', sources);
  return project.validate('submissions/postgres/demo/sources.yaml');
}

describe('sources-releases', () => {
  it('accepts releases that have submissions', async () => {
    expect(await projectWith(SOURCES(['1.2.0']))).toEqual([]);
  });

  it('reports a release without a submission, and a release listed twice', async () => {
    const findings = await projectWith(SOURCES(['1.2.0', '1.3.0', '1.2.0']));
    expect(findings.map((f) => [f.rule, f.line, f.message])).toEqual([
      ['sources-releases', 10, 'There is no 1.3.0.yaml beside this file.'],
      ['sources-releases', 17, 'Release 1.2.0 is listed twice.'],
    ]);
  });

  it('checks the file against schema/sources.schema.json', async () => {
    const findings = await projectWith(SOURCES(['1.2.0']).replace('0123456789abcdef0123456789abcdef01234567', 'abc123'));
    expect(findings.map((f) => [f.rule, f.line])).toEqual([['schema', 7]]);
    expect(findings[0]?.message).toContain('must be a full 40-character commit id');
  });
});
