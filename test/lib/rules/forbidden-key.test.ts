import { describe, expect, it } from 'vitest';
import { submission, withSubmission } from '../../helpers/project.ts';

describe('forbidden-key', () => {
  it.each(['__proto__', 'constructor', 'prototype'])('refuses the key %s', async (key) => {
    const findings = await withSubmission(submission(`${key}:\n  polluted: true`));
    expect(findings).toEqual([expect.objectContaining({ rule: 'forbidden-key', line: 7, column: 3, message: `The key "${key}" is not allowed.` })]);
  });

  it('refuses keys that are lists or mappings', async () => {
    const findings = await withSubmission(submission('? [a, b]\n: 1'));
    expect(findings).toEqual([expect.objectContaining({ rule: 'forbidden-key', line: 7, column: 5 })]);
  });

  it('refuses merge keys, which YAML 1.2 does not have and tools read differently', async () => {
    const findings = await withSubmission(submission('tlssp: &t\n  value: true\ntlscu:\n  <<: *t'));
    expect(findings).toContainEqual(expect.objectContaining({ rule: 'forbidden-key', line: 10, column: 5, message: 'Merge keys (<<) are not supported.' }));
  });
});
