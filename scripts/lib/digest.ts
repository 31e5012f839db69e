// Digests that tie a check's result to exactly what was checked: a claim (value, support and
// evidence) or a whole submission. A report whose digest no longer matches is stale.
import { createHash } from 'node:crypto';
import { isRecord } from './claims.ts';

/** JSON with object keys sorted at every level, so equal data gives equal text. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isRecord(value)) {
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** What a claim states, without its notes: the value, the support as written, the evidence links. */
export function claimDigest(claim: unknown): string {
  const { value, support, evidence } = isRecord(claim) ? claim : {};
  return sha256(canonical({ value, support, evidence }));
}

/** The submission's claims and the release they are for. */
export function submissionDigest(submission: unknown): string {
  const { catalogue, operator, version, features } = isRecord(submission) ? submission : {};
  return sha256(canonical({ catalogue, operator, version, features }));
}
