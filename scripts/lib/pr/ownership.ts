// Who may change an operator's folder: one of the GitHub logins in its operator.yaml
// `maintainers` at the base. A new operator's folder may be added by a login it lists itself.
// Anything else is flagged, never silently accepted.
import type { Diagnostic } from '../diagnostic.ts';
import { locate } from '../locate.ts';
import { operatorPath } from '../layout.ts';
import { parseYaml, positionOf } from '../source.ts';
import { maintainersOf, type Changes, type PullRequestView } from './changes.ts';
import { checkOf, type Check } from './result.ts';

export const OWNERSHIP_TITLE = 'Changes come from the operator\'s maintainers';

/** Line and column of operator.yaml's `maintainers` key, or 1:1. */
function maintainersPosition(text: string | undefined): { line: number; column: number } {
  if (text === undefined) return { line: 1, column: 1 };
  try {
    const { document, lineCounter } = parseYaml(text);
    return positionOf(lineCounter, locate(document, ['maintainers'], 'key'));
  } catch {
    return { line: 1, column: 1 };
  }
}

const sameLogin = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

export async function ownershipCheck(view: PullRequestView, changes: Changes, author: string | undefined): Promise<Check> {
  if (changes.operators.length === 0) return checkOf('ownership', OWNERSHIP_TITLE, [], 'No operator folder changes.', true);
  if (author === undefined) {
    return checkOf('ownership', OWNERSHIP_TITLE, [], 'Not checked: no author given (pass --author <login>).', true);
  }
  const findings: Diagnostic[] = [];
  const passed: string[] = [];
  for (const operator of changes.operators) {
    const file = operatorPath(operator.technology, operator.id);
    const head = await view.readHead(file);
    const at = maintainersPosition(head);
    const listed = operator.new ? maintainersOf(head) : maintainersOf(await view.readBase(file));
    const where = operator.new ? `the new ${file}` : `${file} at the base`;
    if (listed?.some((login) => sameLogin(login, author))) {
      passed.push(`${author} maintains ${operator.id}${operator.new ? ' (new operator, listed in its own operator.yaml)' : ''}`);
      continue;
    }
    findings.push({
      file,
      ...at,
      rule: 'ownership',
      severity: 'error',
      message: listed && listed.length > 0
        ? `${author} is not among the maintainers of ${operator.id} in ${where} (${listed.join(', ')}).`
        : `${where} lists no maintainers, so no one can be recognised as its owner.`,
      hint: operator.new
        ? `Add your GitHub login (${author}) to \`maintainers\` in ${file}.`
        : `Ask a maintainer of ${operator.id} to open or approve this change, or to add ${author} to \`maintainers\` in a pull request of their own first.`,
    });
  }
  return checkOf('ownership', OWNERSHIP_TITLE, findings, passed.length > 0 ? `${passed.join('; ')}.` : 'No operator folder is changed by one of its maintainers.');
}
