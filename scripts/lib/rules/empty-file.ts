import { isScalar } from 'yaml';
import { error, type DocumentSubject, type Rule } from './rule.ts';

export const emptyFile: Rule<DocumentSubject> = {
  id: 'empty-file',
  description: 'The file holds data, not only comments or blank lines.',
  check({ document }) {
    const contents = document.contents;
    if (contents !== null && !(isScalar(contents) && contents.value === null)) return [];
    return [
      error(
        { line: 1, column: 1 },
        'The file has no data.',
        'Fill it in, or delete it. `npx ofm new --operator <id> --version <version>` writes a submission to start from.',
      ),
    ];
  },
};
