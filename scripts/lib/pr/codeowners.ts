// .github/CODEOWNERS, generated from each operator's `maintainers`, so GitHub asks the right
// people to review a change to an operator's folder. `ofm codeowners` writes it; the pull-request
// check fails when it is out of date.
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ID_PATTERN, operatorDir, operatorPath, SUBMISSIONS_DIR } from '../layout.ts';
import { maintainersOf } from './changes.ts';

export const CODEOWNERS_PATH = '.github/CODEOWNERS';

/** A GitHub login as the operator schema allows it; anything else never reaches CODEOWNERS. */
const LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

export interface OperatorOwners {
  readonly technology: string;
  readonly id: string;
  readonly maintainers: readonly string[];
}

export function codeownersText(operators: readonly OperatorOwners[]): string {
  const lines = [
    '# Generated from the `maintainers` of every submissions/<technology>/<operator>/operator.yaml',
    '# by `npx ofm codeowners`. Do not edit: change operator.yaml and run it again.',
    '',
  ];
  const sorted = [...operators].sort((a, b) => `${a.technology}/${a.id}`.localeCompare(`${b.technology}/${b.id}`));
  for (const { technology, id, maintainers } of sorted) {
    const logins = maintainers.filter((m) => LOGIN.test(m));
    if (logins.length > 0) lines.push(`/${operatorDir(technology, id)}/ ${logins.map((m) => `@${m}`).join(' ')}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Every operator's maintainers, read from the project on disk. */
export async function operatorOwners(root: string): Promise<OperatorOwners[]> {
  const owners: OperatorOwners[] = [];
  const submissions = join(root, SUBMISSIONS_DIR);
  if (!existsSync(submissions)) return owners;
  for (const technology of await readdir(submissions, { withFileTypes: true })) {
    if (!technology.isDirectory() || !ID_PATTERN.test(technology.name)) continue;
    for (const operator of await readdir(join(submissions, technology.name), { withFileTypes: true })) {
      if (!operator.isDirectory() || !ID_PATTERN.test(operator.name)) continue;
      const text = await readFile(join(root, operatorPath(technology.name, operator.name)), 'utf8').catch(() => undefined);
      owners.push({ technology: technology.name, id: operator.name, maintainers: maintainersOf(text) ?? [] });
    }
  }
  return owners;
}
