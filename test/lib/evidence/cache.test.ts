import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openCache } from '../../../scripts/lib/evidence/cache.ts';

describe('the evidence result cache', () => {
  it('keeps results for its time-to-live across runs, then drops them', async () => {
    const file = join(await mkdtemp(join(tmpdir(), 'ofm-cache-')), 'nested', 'evidence.json');
    let now = 1_000_000;
    const first = await openCache(file, 60_000, () => now);
    first.set('http:https://a.example/x', { status: 200 });
    await first.save();

    now += 59_000;
    const second = await openCache(file, 60_000, () => now);
    expect(second.get('http:https://a.example/x')).toEqual({ status: 200 });

    now += 2_000;
    const third = await openCache(file, 60_000, () => now);
    expect(third.get('http:https://a.example/x')).toBeUndefined();
    third.set('other', 1);
    await third.save();
    expect(Object.keys(JSON.parse(await readFile(file, 'utf8')).entries)).toEqual(['other']);
  });

  it('starts empty when the file is unreadable', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ofm-cache-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(dir, 'evidence.json'), '{not json');
    expect((await openCache(join(dir, 'evidence.json'), 60_000)).get('x')).toBeUndefined();
  });
});
