// Results derived from a file's bytes by one build of OFM, kept in the project's .ofm-cache/ so
// that short runs need not derive them again. An entry is named by the digest of the bytes and
// of the build, so it is never read for other bytes or other code; without a build id (OFM run
// from its sources, as in tests) nothing is cached.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_ID } from './tool.ts';

const folder = (root: string): string => join(root, '.ofm-cache', 'derived');

function entryPath(root: string, kind: string, bytes: Uint8Array, build: string): string {
  return join(folder(root), `${kind}-${createHash('sha256').update(`${build}\0${kind}\0`).update(bytes).digest('hex').slice(0, 32)}.json`);
}

/** What `derive` returns for these bytes, from the cache when this build stored it before. */
export function cachedDerivation<T>(root: string, kind: string, bytes: Uint8Array, derive: () => T, build = BUILD_ID): T {
  if (!build) return derive();
  const path = entryPath(root, kind, bytes, build);
  try {
    return (JSON.parse(readFileSync(path, 'utf8')) as { value: T }).value;
  } catch {
    // Not cached yet, or unreadable: derive it again.
  }
  const value = derive();
  try {
    mkdirSync(folder(root), { recursive: true });
    const staging = `${path}.${process.pid}.tmp`;
    writeFileSync(staging, JSON.stringify({ value }));
    renameSync(staging, path);
  } catch {
    // A read-only checkout: run without the cache.
  }
  return value;
}
