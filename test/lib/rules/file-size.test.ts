import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES } from '../../../scripts/lib/source.ts';
import { submission, testProject } from '../../helpers/project.ts';

describe('file-size', () => {
  it('accepts a file at the limit', async () => {
    const project = await testProject();
    const text = submission('');
    await project.write('submissions/postgres/demo/1.2.0.yaml', text + '#'.repeat(MAX_FILE_BYTES - Buffer.byteLength(text)));
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(findings.filter((f) => f.rule === 'file-size')).toEqual([]);
  });

  it('refuses a larger file unread, saying the limit plainly', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/1.2.0.yaml', `features:\n${'  # padding\n'.repeat(300_000)}`);
    const findings = await project.validate('submissions/postgres/demo/1.2.0.yaml');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'file-size', line: 1, column: 1, message: 'The file is 3.4 MiB; OFM reads data files up to 256 KiB.' });
  });
});
