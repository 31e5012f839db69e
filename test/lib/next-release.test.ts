import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { moveSubmission } from '../../scripts/lib/next-release.ts';
import { demoOperator, repoRoot } from '../helpers/project.ts';

const operator = demoOperator({ url: 'https://demo.example.org/docs/{major}.{minor}/' });
const previous = `# yaml-language-server: $schema=x
# What demo 1.2.0 supports; checked against tag v1.2.0.
catalogue: postgres@1.0.0
operator: demo
version: "1.2.0"
released: 2026-01-01
release_notes: https://demo.example.org/docs/1.2/release_notes/#version-120
features:
  # kept, with its blank line below

  tlssp:
    value: true
    evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.2/tls/" }]
  tblsp:
    value: true
    evidence:
      - title: Code
        url: https://github.com/demo/demo-operator/blob/v1.2.0/api/v1/cluster.go#L10
      - title: Commit
        url: https://github.com/demo/demo-operator/blob/0123456789abcdef0123456789abcdef01234567/x.go
    notes: Since 1.2.0.
`;

describe('moving a submission to the next release', () => {
  it('edits only the version, date, release notes, header and pinned links, keeping layout and comments', () => {
    const { text, moved, recheck } = moveSubmission(previous, { fromVersion: '1.2.0', version: '1.3.0', released: '2026-05-22', catalogueRef: 'postgres@1.0.0', operator });
    const before = previous.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
    expect(changed).toEqual([
      '# What demo 1.3.0 supports; checked against tag v1.3.0.',
      'version: "1.3.0"',
      'released: "2026-05-22"',
      'release_notes: https://demo.example.org/docs/1.3/release_notes/#version-130',
      '    evidence: [{ title: TLS, url: "https://demo.example.org/docs/1.3/tls/" }]',
      '        url: https://github.com/demo/demo-operator/blob/v1.3.0/api/v1/cluster.go#L10',
    ]);
    expect(moved).toEqual(['tlssp: https://demo.example.org/docs/1.3/tls/', 'tblsp: https://github.com/demo/demo-operator/blob/v1.3.0/api/v1/cluster.go#L10']);
    expect(recheck).toEqual([
      'tblsp: 1 link(s) still name 1.2.0 or a commit (https://github.com/demo/demo-operator/blob/0123456789abcdef0123456789abcdef01234567/x.go); make them show 1.3.0.',
      'tblsp: its notes name 1.2.0.',
    ]);
  });

  it('moves the shipped CloudNativePG 1.30.0 to 1.30.1 with a diff of only those lines', async () => {
    const source = await readFile(join(repoRoot, 'submissions/postgres/cloudnative-pg/1.30.0.yaml'), 'utf8');
    const cnpg = parse(await readFile(join(repoRoot, 'submissions/postgres/cloudnative-pg/operator.yaml'), 'utf8'));
    const { text } = moveSubmission(source, { fromVersion: '1.30.0', version: '1.30.1', released: '2026-12-01', catalogueRef: 'postgres@1.0.0', operator: cnpg });
    const before = source.split('\n');
    const after = text.split('\n');
    expect(after).toHaveLength(before.length);
    const changed = after.flatMap((line, i) => (line === before[i] ? [] : [line]));
    expect(changed.length).toBeGreaterThan(3);
    for (const line of changed) expect(line).toMatch(/^(# .*1\.30\.1|version: "1\.30\.1"|released: "2026-12-01"|release_notes: .*#version-1301|\s+(- )?url: .*1\.30\.1)/);
    expect(parse(text)).toMatchObject({ version: '1.30.1', released: '2026-12-01' });
    expect(parse(text).features).toEqual(
      Object.fromEntries(Object.entries(parse(source).features as Record<string, { evidence?: { url: string }[] }>).map(([id, claim]) => [id, claim.evidence ? { ...claim, evidence: claim.evidence.map((e) => ({ ...e, url: e.url.replaceAll('/v1.30.0/', '/v1.30.1/') })) } : claim])),
    );
  });
});
