import { isScalar, visit } from 'yaml';
import { error, type DocumentSubject, type Rule, type RuleFinding } from './rule.ts';

/**
 * Numbers are read as JavaScript numbers: a whole number beyond 2^53 would be silently rounded
 * (12345678901234567890 becomes 12345678901234567000), and .inf or .nan are no values a feature
 * can take.
 */
export const numberRange: Rule<DocumentSubject> = {
  id: 'number-range',
  description: 'Numbers are finite, and whole numbers lie within ±(2^53 − 1), so that every tool reads them exactly.',
  check({ document, text }) {
    const findings: RuleFinding[] = [];
    visit(document, {
      Scalar(_key, node) {
        if (!isScalar(node) || typeof node.value !== 'number' || !node.range) return;
        const written = text.slice(node.range[0], node.range[1]).trim();
        const shown = written.length > 40 ? `${written.slice(0, 37)}…` : written;
        if (!Number.isFinite(node.value)) {
          findings.push(error({ offset: node.range[0] }, `${shown} is not a finite number.`, 'Write a number, or quote the value if it is text.'));
        } else if (Number.isInteger(node.value) && !Number.isSafeInteger(node.value)) {
          findings.push(
            error({ offset: node.range[0] }, `The number ${shown} is too large to be read exactly.`, 'Quote it if it is text (an id, a version); otherwise use a smaller number.'),
          );
        }
      },
    });
    return findings;
  },
};
