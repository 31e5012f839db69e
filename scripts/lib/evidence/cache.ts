// A small on-disk cache of check results with a time-to-live, so that CI re-runs do not fetch
// every page again. One JSON file; entries older than the TTL are ignored and dropped on save.
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

interface Entry {
  readonly at: number;
  readonly value: unknown;
}

export interface ResultCache {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): void;
  save(): Promise<void>;
}

export const NO_CACHE: ResultCache = { get: () => undefined, set: () => undefined, save: async () => undefined };

export async function openCache(file: string, ttlMs: number, now: () => number = Date.now): Promise<ResultCache> {
  let entries: Record<string, Entry> = {};
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as { version?: number; entries?: Record<string, Entry> };
    if (parsed.version === 1 && parsed.entries && typeof parsed.entries === 'object') entries = parsed.entries;
  } catch {
    // No cache yet, or an unreadable one: start empty.
  }
  const fresh = (entry: Entry | undefined) => entry !== undefined && now() - entry.at < ttlMs;
  let dirty = false;
  return {
    get: <T>(key: string) => (fresh(entries[key]) ? (entries[key]!.value as T) : undefined),
    set(key, value) {
      entries[key] = { at: now(), value };
      dirty = true;
    },
    async save() {
      if (!dirty) return;
      const kept = Object.fromEntries(Object.entries(entries).filter(([, entry]) => fresh(entry)));
      await mkdir(dirname(file), { recursive: true });
      const temporary = `${file}.${process.pid}.tmp`;
      await writeFile(temporary, JSON.stringify({ version: 1, entries: kept }));
      await rename(temporary, file);
    },
  };
}
