import { describe, expect, it } from 'vitest';
import { completeSubmission, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

async function validateBytes(bytes: Uint8Array) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  await project.write('submissions/postgres/demo/1.2.0.yaml', bytes);
  return project.validate('submissions/postgres/demo/1.2.0.yaml');
}

describe('encoding', () => {
  it('accepts UTF-8 with a byte-order mark and CRLF line endings', async () => {
    const text = completeSubmission('tlssp:\n  support: unknown\n  notes: "Zürich — ✓"').replaceAll('\n', '\r\n');
    const findings = await validateBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
    expect(findings).toEqual([]);
  });

  it('refuses UTF-16', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(submission(''), 'utf16le')]);
    const findings = await validateBytes(bytes);
    expect(findings).toEqual([expect.objectContaining({ rule: 'encoding', line: 1, column: 1, message: 'The file is encoded as UTF-16 (or UTF-32).' })]);
  });

  it('points at the first invalid byte of a Latin-1 file', async () => {
    const bytes = Buffer.from(submission('tlssp:\n  support: unknown\n  notes: Zürich'), 'latin1');
    const [finding] = await validateBytes(bytes);
    expect(finding).toMatchObject({ rule: 'encoding', line: 9, column: 13 });
    expect(finding?.message).toContain('0xfc');
    expect(finding?.hint).toContain('UTF-8');
  });

  it('refuses NUL bytes', async () => {
    const [finding] = await validateBytes(Buffer.from('catalogue: postgres@1.0.0\n\0\0'));
    expect(finding).toMatchObject({ rule: 'encoding', line: 2, column: 1 });
  });
});
