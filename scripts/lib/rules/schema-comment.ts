import { parseCatalogueRef } from '../catalogue.ts';
import { isRecord } from '../claims.ts';
import { schemaCommentFor, schemaLinksOf } from '../layout.ts';
import { folders } from './context.ts';
import { warning, type DataSubject, type Rule } from './rule.ts';

const PREFIX = '# yaml-language-server: $schema=';

export const schemaComment: Rule<DataSubject> = {
  id: 'schema-comment',
  description: 'A data file starts with the `# yaml-language-server: $schema=…` line, so editors check and complete it.',
  check({ kind, data, text, relativePath, absolutePath, project }) {
    // JSON has no comments; evidence reports are written by OFM, not by hand.
    if (relativePath === undefined || kind === 'evidence-report' || kind === 'conformance-report') return [];
    const technology =
      kind === 'submission' ? parseCatalogueRef(isRecord(data) ? data['catalogue'] : undefined)?.technology : folders(absolutePath).parent;
    if (!technology) return [];
    // A vendor's repository has no schema/ folder: its files name the published schemas, or keep
    // the line they will have in OFM's repository.
    const links = schemaLinksOf(project);
    const expected = schemaCommentFor(relativePath, kind, technology, links);
    const first = text.split(/\r?\n/, 1)[0] ?? '';
    if (first === expected || (links === 'published' && first === schemaCommentFor(relativePath, kind, technology))) return [];
    return [
      warning(
        { line: 1, column: 1 },
        first.startsWith(PREFIX) ? `The schema line points to ${first.slice(PREFIX.length)}.` : 'The file does not start with its schema line.',
        `Make the first line: ${expected}`,
      ),
    ];
  },
};
