import { isCollection, isSeq } from 'yaml';
import { claimEntries, evidenceItems } from '../claims.ts';
import { warning, type DataSubject, type Fix, type Rule, type RuleFinding } from './rule.ts';

/** Removing a block list item: its whole lines, from the "- " to the end of its last line. */
function removalFix(subject: DataSubject, path: readonly (string | number)[]): Fix | undefined {
  const { document, text } = subject;
  const list = document?.getIn(path.slice(0, -1), true);
  const item = document?.getIn(path, true);
  if (!isSeq(list) || list.flow || !isCollection(item) || !item.range) return undefined;
  const start = text.lastIndexOf('\n', item.range[0] - 1) + 1;
  if (!/^[ ]*-[ ]+$/.test(text.slice(start, item.range[0]))) return undefined;
  const end = text.indexOf('\n', item.range[1] - 1) + 1 || text.length;
  return { start, end, text: '' };
}

/** A link given twice in one claim counts once: the second copy only makes the list longer. */
export const duplicateEvidence: Rule<DataSubject> = {
  id: 'duplicate-evidence',
  description: 'A claim lists each evidence URL once (`ofm fix` removes the later copies).',
  kinds: ['submission'],
  check(subject) {
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(subject.data)) {
      const seen = new Map<string, number>();
      for (const { index, url } of evidenceItems(claim)) {
        if (typeof url !== 'string') continue;
        const first = seen.get(url);
        if (first === undefined) {
          seen.set(url, index);
          continue;
        }
        const path = ['features', id, 'evidence', index];
        const fix = subject.document ? removalFix(subject, path) : undefined;
        const finding = warning({ path: [...path, 'url'] }, `This link is already evidence item ${first + 1} of ${id}.`, 'Remove this item (`npx ofm fix` does), or link the page this item was meant to show.');
        findings.push(fix ? { ...finding, fix } : finding);
      }
    }
    return findings;
  },
};
