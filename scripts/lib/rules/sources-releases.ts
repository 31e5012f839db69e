import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { isRecord } from '../claims.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

export const sourcesReleases: Rule<DataSubject> = {
  id: 'sources-releases',
  description: 'Every release in sources.yaml has a submission beside it, and is listed once.',
  kinds: ['sources'],
  check({ data, absolutePath }) {
    const releases = isRecord(data) && Array.isArray(data['releases']) ? data['releases'] : [];
    const findings: RuleFinding[] = [];
    const seen = new Set<string>();
    releases.forEach((release, i) => {
      const version = isRecord(release) ? release['version'] : undefined;
      if (typeof version !== 'string') return;
      const at = { path: ['releases', i, 'version'] };
      if (seen.has(version)) findings.push(error(at, `Release ${version} is listed twice.`, 'Keep one entry per release.'));
      seen.add(version);
      if (!existsSync(join(dirname(absolutePath), `${version}.yaml`))) {
        findings.push(error(at, `There is no ${version}.yaml beside this file.`, 'List only releases that have a submission, or add the submission.'));
      }
    });
    return findings;
  },
};
