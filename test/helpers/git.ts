// Real git repositories for tests, built with the git command line.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll } from 'vitest';

const ENV = {
  ...process.env,
  GIT_AUTHOR_NAME: 'OFM tests',
  GIT_AUTHOR_EMAIL: 'tests@ofm.invalid',
  GIT_COMMITTER_NAME: 'OFM tests',
  GIT_COMMITTER_EMAIL: 'tests@ofm.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  HOME: tmpdir(),
};

const made: string[] = [];
afterAll(async () => {
  await Promise.all(made.map((dir) => rm(dir, { recursive: true, force: true })));
});

export interface TestRepository {
  readonly path: string;
  git(...args: string[]): string;
  /** Writes files and commits them, with the given commit date (YYYY-MM-DD). */
  commit(files: Record<string, string>, date?: string): Promise<string>;
  tag(name: string): void;
}

export async function gitRepository(): Promise<TestRepository> {
  const path = await mkdtemp(join(tmpdir(), 'ofm-git-'));
  made.push(path);
  const git = (...args: string[]) => execFileSync('git', ['-C', path, ...args], { env: ENV, encoding: 'utf8' });
  git('init', '-q', '-b', 'main');
  return {
    path,
    git,
    async commit(files, date = '2026-01-01') {
      for (const [file, content] of Object.entries(files)) {
        await mkdir(dirname(join(path, file)), { recursive: true });
        await writeFile(join(path, file), content);
      }
      git('add', '-A');
      execFileSync('git', ['-C', path, 'commit', '-q', '-m', 'docs'], {
        env: { ...ENV, GIT_AUTHOR_DATE: `${date}T12:00:00Z`, GIT_COMMITTER_DATE: `${date}T12:00:00Z` },
      });
      return git('rev-parse', 'HEAD').trim();
    },
    tag(name) {
      git('tag', name);
    },
  };
}
