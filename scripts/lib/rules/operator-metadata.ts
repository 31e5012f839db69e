import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OPERATOR_FILE } from '../layout.ts';
import { error, type DataSubject, type Rule } from './rule.ts';

export const operatorMetadata: Rule<DataSubject> = {
  id: 'operator-metadata',
  description: 'Every submission has an operator.yaml beside it.',
  kinds: ['submission'],
  check({ absolutePath }) {
    if (existsSync(join(dirname(absolutePath), OPERATOR_FILE))) return [];
    return [
      error(
        { path: ['operator'] },
        `There is no ${OPERATOR_FILE} beside this submission.`,
        `Add ${OPERATOR_FILE} to this folder with the operator's id, name, vendor, homepage, repository, license, maintainers and documentation (\`npx ofm new\` creates one to fill in).`,
      ),
    ];
  },
};
