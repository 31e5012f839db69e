// `ofm codeowners`: writes .github/CODEOWNERS from every operator's maintainers, or with --check
// says whether the committed file is current.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { findProjectRoot } from '../lib/layout.ts';
import { CODEOWNERS_PATH, codeownersText, operatorOwners } from '../lib/pr/codeowners.ts';
import { UsageError, type CommandResult } from './command.ts';

export async function codeowners(options: { readonly cwd: string; readonly check: boolean }): Promise<CommandResult> {
  const root = findProjectRoot(options.cwd);
  if (!root) throw new UsageError('This is not inside an OFM project (no features/ and schema/ folders above).');
  const expected = codeownersText(await operatorOwners(root));
  const path = join(root, CODEOWNERS_PATH);
  const actual = await readFile(path, 'utf8').catch(() => undefined);
  if (options.check) {
    return actual === expected
      ? { exitCode: 0, stdout: `${CODEOWNERS_PATH} is current.\n`, stderr: '' }
      : { exitCode: 1, stdout: '', stderr: `${CODEOWNERS_PATH} ${actual === undefined ? 'is missing' : 'is out of date'}: run \`npx ofm codeowners\` and commit it.\n` };
  }
  if (actual === expected) return { exitCode: 0, stdout: `${CODEOWNERS_PATH} is already current.\n`, stderr: '' };
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, expected);
  return { exitCode: 0, stdout: `Wrote ${CODEOWNERS_PATH}.\n`, stderr: '' };
}
