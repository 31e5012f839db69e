import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { decodeComponent, isPlainName, pathInside, realPathInside } from '../../../scripts/lib/untrusted/paths.ts';

const base = await mkdtemp(join(tmpdir(), 'ofm-paths-'));
afterAll(() => rm(base, { recursive: true, force: true }));

describe('paths from data', () => {
  it('decodes percent-encoding, and answers undefined for a malformed one instead of throwing', () => {
    expect(decodeComponent('a%20b%C3%A9')).toBe('a bé');
    expect(decodeComponent('%E0%A4')).toBeUndefined();
    expect(decodeComponent('%')).toBeUndefined();
  });

  it('stays inside its folder', () => {
    expect(pathInside('/srv/docs', 'guide/backup.md')).toBe('/srv/docs/guide/backup.md');
    for (const escape of ['../etc/passwd', 'a/../../etc', '/etc/passwd', 'a\\..\\b', 'a\0b']) expect(pathInside('/srv/docs', escape), escape).toBeUndefined();
  });

  it('follows symbolic links only while they stay inside', async () => {
    await mkdir(join(base, 'docs'));
    await writeFile(join(base, 'secret.txt'), 'x');
    await writeFile(join(base, 'docs/page.md'), 'x');
    await symlink(join(base, 'secret.txt'), join(base, 'docs/out.md'));
    await symlink(join(base, 'docs/page.md'), join(base, 'docs/in.md'));
    const docs = join(base, 'docs');
    expect(await realPathInside(docs, 'page.md')).toBe(join(docs, 'page.md'));
    expect(await realPathInside(docs, 'in.md')).toBe(join(docs, 'page.md'));
    expect(await realPathInside(docs, 'out.md')).toBeUndefined();
    expect(await realPathInside(docs, 'missing.md')).toBeUndefined();
  });

  it('knows a plain file name', () => {
    expect(isPlainName('v1.2.0')).toBe(true);
    for (const name of ['', '.', '..', 'a/b', 'a\\b', 'a\0']) expect(isPlainName(name), JSON.stringify(name)).toBe(false);
  });
});
