// What the repository's own npm scripts (package:cli, package:data) share: the repository's
// root, their arguments, and how they stop with a message. Like the CLI entry, only scripts exit.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

export function fail(message: string, code = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

/** The script's options; wrong ones stop it with exit 2 and the usage line. */
export function scriptOptions<T extends ParseArgsOptionsConfig>(options: T, usage: string) {
  try {
    return parseArgs({ options }).values;
  } catch (error) {
    return fail(`${(error as Error).message}\nUsage: ${usage}`, 2);
  }
}
