// Reading files of a git repository at a ref with the git command line, without a work tree
// (bare mirrors work too).
import { execFile, spawn } from 'node:child_process';
import { stat } from 'node:fs/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const GIT_ENV = { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' };

/** git's standard output, or undefined when the command fails. */
export async function git(repository: string, args: string[]): Promise<string | undefined> {
  try {
    const { stdout } = await run('git', ['-C', repository, ...args], { env: GIT_ENV, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
    return stdout;
  } catch {
    return undefined;
  }
}

export async function isGitRepository(path: string): Promise<boolean> {
  return (await git(path, ['rev-parse', '--git-dir'])) !== undefined;
}

export async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then((s) => s.isDirectory(), () => false);
}

/** The commit a ref (tag, branch, commit id) points to, or undefined when it does not exist. */
export async function resolveRef(repository: string, ref: string): Promise<string | undefined> {
  const out = await git(repository, ['rev-parse', '--verify', '--quiet', `${ref}^{commit}`]);
  return out?.trim() || undefined;
}

/** What a path is at a commit: a file, a folder, or nothing. */
/** The committer date of a commit, YYYY-MM-DD. */
export async function commitDate(repository: string, commit: string): Promise<string | undefined> {
  return (await git(repository, ['show', '-s', '--format=%cs', commit]))?.trim() || undefined;
}

export async function pathType(repository: string, commit: string, path: string): Promise<'blob' | 'tree' | undefined> {
  if (path === '') return 'tree';
  const out = await git(repository, ['cat-file', '-t', `${commit}:${path}`]);
  const type = out?.trim();
  return type === 'blob' || type === 'tree' ? type : undefined;
}

export async function readFileAt(repository: string, commit: string, path: string): Promise<string | undefined> {
  return git(repository, ['cat-file', 'blob', `${commit}:${path}`]);
}

export async function listFiles(repository: string, commit: string, folder: string): Promise<string[]> {
  const out = await git(repository, ['ls-tree', '-r', '--name-only', commit, '--', folder]);
  return out ? out.split('\n').filter(Boolean) : [];
}

/** Reads many files at one commit with a single `git cat-file --batch`. */
export function readFilesAt(repository: string, commit: string, paths: readonly string[]): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['-C', repository, 'cat-file', '--batch'], { env: GIT_ENV });
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', reject);
    child.on('close', () => {
      const out = Buffer.concat(chunks);
      const files = new Map<string, string>();
      let offset = 0;
      for (const path of paths) {
        const newline = out.indexOf(0x0a, offset);
        if (newline < 0) break;
        const header = out.subarray(offset, newline).toString('utf8');
        offset = newline + 1;
        const match = header.match(/^[0-9a-f]+ (\w+) (\d+)$/);
        if (!match) continue; // "<object> missing"
        const size = Number(match[2]);
        if (match[1] === 'blob') files.set(path, out.subarray(offset, offset + size).toString('utf8'));
        offset += size + 1;
      }
      resolve(files);
    });
    child.stdin.end(paths.map((p) => `${commit}:${p}\n`).join(''));
  });
}
