// What every command returns. Commands never print or exit; the CLI entry does both.
export interface CommandResult {
  /** 0: no errors; 1: errors found; 2: the command was used wrongly; 3: the cluster could not be reached, or the run failed (ofm conform). */
  readonly exitCode: 0 | 1 | 2 | 3;
  readonly stdout: string;
  readonly stderr: string;
}

/** A mistake in how a command was called; the message says how to call it right. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const ok = (stdout: string, stderr = ''): CommandResult => ({ exitCode: 0, stdout, stderr });
