import { claimEntries, evidenceItems } from '../claims.ts';
import { error, type DataSubject, type Rule, type RuleFinding } from './rule.ts';

const IP_LITERAL = /^(\d{1,3}(\.\d{1,3}){3}|\[[0-9a-f:.]+\])$/i;

/** What is wrong with an evidence URL, or undefined when it is a plain public https link. */
export function evidenceUrlProblem(raw: string): { message: string; hint: string } | undefined {
  const https = 'Link the public https:// page, for example https://example.org/docs/1.2/backup/#retention.';
  if (raw !== raw.trim() || /\s/.test(raw)) return { message: 'The URL contains spaces.', hint: 'Remove spaces; encode them as %20 inside a path.' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { message: `"${raw}" is not an absolute URL.`, hint: https };
  }
  if (url.protocol === 'http:') return { message: 'The URL uses http://.', hint: 'Use https://; evidence must be served securely.' };
  if (url.protocol !== 'https:') return { message: `The URL scheme "${url.protocol}" is not allowed.`, hint: https };
  if (!url.hostname) return { message: 'The URL has no host.', hint: https };
  if (url.username || url.password) return { message: 'The URL contains credentials.', hint: 'Remove the user name and password; evidence must be public.' };
  if (IP_LITERAL.test(url.hostname) || url.hostname === 'localhost' || !url.hostname.includes('.')) {
    return { message: `The host "${url.hostname}" is not a public domain name.`, hint: https };
  }
  return undefined;
}

export const evidenceUrl: Rule<DataSubject> = {
  id: 'evidence-url',
  description: 'Evidence URLs are absolute https:// links to a public host, without credentials or other schemes (javascript:, data:, file:…).',
  kinds: ['submission'],
  check({ data }) {
    const findings: RuleFinding[] = [];
    for (const { id, claim } of claimEntries(data)) {
      for (const { index, url } of evidenceItems(claim)) {
        if (typeof url !== 'string') continue;
        const problem = evidenceUrlProblem(url);
        if (problem) findings.push(error({ path: ['features', id, 'evidence', index, 'url'] }, problem.message, problem.hint));
      }
    }
    return findings;
  },
};
