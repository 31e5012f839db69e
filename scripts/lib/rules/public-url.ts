import { expand, versionParts } from '../releases.ts';
import { publicUrlProblem } from '../untrusted/public-url.ts';
import { urlFields } from '../url-fields.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

/** What the schemas already require of every URL (https, a host, no credentials): reported there. */
const PORTABLE_URL = /^https:\/\/[^/?#@\s[\]]+(?:[/?#]|$)/;

/**
 * Every URL field — evidence, release notes, homepage, repositories, documentation templates —
 * points at a public site: the schema checks the form in any validator; this rule adds what a
 * schema cannot say (a public host name, valid %-escapes, no hidden characters).
 */
export const publicUrl: Rule<DataSubject> = {
  id: 'public-url',
  description: 'Every URL (evidence, release notes, homepage, repositories, documentation) is an absolute https:// link to a public host name: no credentials, IP addresses, localhost or private names, malformed %-escapes or invisible characters.',
  kinds: ['submission', 'operator', 'sources'],
  check({ kind, data }) {
    const findings: RuleFinding[] = [];
    for (const { path, value, template } of urlFields(kind, data)) {
      if (!PORTABLE_URL.test(value)) continue;
      const problem = publicUrlProblem(template ? expand(value, versionParts('1.2.3')) : value);
      if (problem) findings.push(error({ path }, problem.message, problem.hint));
    }
    return findings;
  },
};
