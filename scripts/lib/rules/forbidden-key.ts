import { isScalar, visit } from 'yaml';
import { error, type DocumentSubject, type Rule, type RuleFinding } from './rule.ts';

// Keys that change JavaScript objects' prototypes when data is copied naively.
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export const forbiddenKey: Rule<DocumentSubject> = {
  id: 'forbidden-key',
  description: 'Keys are plain text, and never `__proto__`, `constructor`, `prototype` or the merge key `<<`.',
  check({ document }) {
    const findings: RuleFinding[] = [];
    visit(document, {
      Pair(_key, pair) {
        const key = pair.key;
        const offset = (key as { range?: [number, number, number] } | null)?.range?.[0];
        if (offset === undefined) return;
        if (!isScalar(key)) {
          findings.push(
            error({ offset }, 'A key must be plain text, not a list, mapping or alias.', 'Write the key as a plain word, such as a feature id.'),
          );
        } else if (key.value === '<<') {
          findings.push(
            error(
              { offset },
              'Merge keys (<<) are not supported.',
              'Write the keys out in this mapping: YAML 1.2 has no merge keys, and tools that read them disagree.',
            ),
          );
        } else if (FORBIDDEN.has(String(key.value))) {
          findings.push(
            error(
              { offset },
              `The key "${String(key.value)}" is not allowed.`,
              'Remove it: it has no meaning in OFM data and is refused for safety.',
            ),
          );
        }
      },
    });
    return findings;
  },
};
