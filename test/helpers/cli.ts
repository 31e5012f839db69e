import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { repoRoot } from './project.ts';

export interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** The Node.js to start it with. */
  readonly node?: string;
  /** A copy of the tool to run instead of this repository's. */
  readonly tool?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs the real `ofm` entry point in a child process. */
export function runOfm(args: readonly string[], cwd: string, { node = process.execPath, tool = repoRoot, env = {} }: RunOptions = {}): Promise<Run> {
  return runCommand(node, [join(tool, 'scripts/ofm.js'), ...args], cwd, env);
}

/** Runs a command in a child process, without colour, and collects what it prints. */
export function runCommand(command: string, args: readonly string[], cwd: string, env: Readonly<Record<string, string>> = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
