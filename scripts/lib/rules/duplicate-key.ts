import { isPair, isScalar, visit } from 'yaml';
import { positionOf } from '../source.ts';
import { error, type DocumentSubject, type Rule, type RuleFinding } from './rule.ts';

export const duplicateKey: Rule<DocumentSubject> = {
  id: 'duplicate-key',
  description: 'No key appears twice in the same mapping.',
  check({ document, lineCounter }) {
    const findings: RuleFinding[] = [];
    visit(document, {
      Map(_key, map) {
        const seen = new Map<string, number>();
        for (const item of map.items) {
          if (!isPair(item) || !isScalar(item.key) || !item.key.range) continue;
          const key = String(item.key.value);
          const first = seen.get(key);
          if (first === undefined) {
            seen.set(key, item.key.range[0]);
            continue;
          }
          const { line } = positionOf(lineCounter, first);
          findings.push(
            error(
              { offset: item.key.range[0] },
              `The key "${key}" appears again; it is already on line ${line}.`,
              'Keep one of the two: YAML tools disagree on which one wins, so a duplicate is never what was meant.',
            ),
          );
        }
      },
    });
    return findings;
  },
};
