import { csvRecord } from '../../scripts/lib/csv-safety.ts';
import { spreadsheetCsv } from '../../scripts/lib/csv.ts';
import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import type { Submission } from '../../scripts/lib/claims.ts';
import type { EvidenceReport } from '../../scripts/lib/generated/evidence-report.ts';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { cellFor, dataQuality, firstClaimed, latestReleases, linkFigures, matrixCsv, matrixExport, type Release } from '../../scripts/lib/matrix.ts';
import { openProject } from '../../scripts/lib/project.ts';
import { createAjv } from '../../scripts/lib/ajv.ts';
import { claimDigest } from '../../scripts/lib/digest.ts';
import { schemas } from '../../scripts/lib/schemas.ts';
import { demoOperator, repoRoot } from '../helpers/project.ts';

const index = (await openProject(repoRoot)).catalogues.get('postgres')!;
const feature = (id: string) => index.features.get(id)!;
const operator = demoOperator({ url: 'https://demo.example.org/docs/{major}.{minor}/' });
const release = (version: string, features: Submission['features'], evidence?: EvidenceReport): Release => ({
  operator,
  submission: { catalogue: 'postgres@1.0.0', operator: 'demo', version, released: `2026-0${version[2]}-01`, features },
  ...(evidence ? { evidence } : {}),
});
const autfa = { value: true, evidence: [{ title: 'Failover', url: 'https://demo.example.org/docs/1.2/failover/' }] };
const report = (status: 'verified' | 'broken', claim: object = autfa): EvidenceReport => ({
  submission: 'x', submission_digest: '0'.repeat(64), operator: 'demo', version: '1.2.0', checked_at: '2026-11-20T08:00:00Z', mode: 'online', tool: 'ofm',
  links: [{ feature: 'autfa', index: 0, url: 'https://demo.example.org/docs/1.2/failover/', claim_digest: claimDigest(claim), status, via: 'http', anchor: 'none', pinned: true }],
  summary: { links: 1, verified: status === 'verified' ? 1 : 0, broken: status === 'broken' ? 1 : 0, not_checkable: 0, with_warnings: 0 },
});

describe('matrix cells', () => {
  it('show the support in words, or the value for text features', () => {
    const r = release('1.2.0', { autfa, techa: { value: 'Patroni' }, scpua: { value: ['amd64', 'other: riscv64'], support: 'partial', notes: 'x' }, hugpa: { value: false } });
    expect(cellFor(index, r, feature('autfa'))).toMatchObject({ support: 'full', display: 'Yes', symbol: '✓' });
    expect(cellFor(index, r, feature('techa'))).toMatchObject({ display: 'Patroni', symbol: '✓' });
    expect(cellFor(index, r, feature('scpua'))).toMatchObject({ display: 'amd64, riscv64 (partial)', symbol: '◐' });
    expect(cellFor(index, r, feature('hugpa'))).toMatchObject({ display: 'No', symbol: '✗' });
    expect(cellFor(index, r, feature('tblsp'))).toMatchObject({ support: 'unknown', display: 'Unknown' });
    expect(cellFor(index, r, feature('tblsp')).knowledge).toBeUndefined();
  });

  it('say how much is known: declared, or evidence-checked with the date of the check', () => {
    expect(cellFor(index, release('1.2.0', { autfa }), feature('autfa')).knowledge).toMatchObject({ level: 'declared', since: '2026-02-01' });
    expect(cellFor(index, release('1.2.0', { autfa }, report('broken')), feature('autfa')).knowledge?.level).toBe('declared');
    const checked = cellFor(index, release('1.2.0', { autfa }, report('verified')), feature('autfa'));
    expect(checked.knowledge).toMatchObject({ level: 'evidence-checked', since: '2026-11-20' });
    expect(checked.evidence).toEqual([{ title: 'Failover', url: 'https://demo.example.org/docs/1.2/failover/', check: 'verified' }]);
  });

  it('count a check only for the link and the claim it checked: a changed URL or claim is stale', () => {
    const moved = { value: true, evidence: [{ title: 'Failover', url: 'https://example.com/never-checked' }] };
    const cell = cellFor(index, release('1.2.0', { autfa: moved }, report('verified')), feature('autfa'));
    expect(cell.knowledge).toMatchObject({ level: 'declared', detail: expect.stringContaining('the evidence check is older than this claim') });
    expect(cell.evidence).toEqual([{ title: 'Failover', url: 'https://example.com/never-checked', stale: true }]);
    // Same URL, other value: the check was of another claim.
    const changed = cellFor(index, release('1.2.0', { autfa: { ...autfa, support: 'partial', notes: 'x' } }, report('verified')), feature('autfa'));
    expect(changed.knowledge?.level).toBe('declared');
    expect(changed.evidence[0]?.stale).toBe(true);
  });

  it('find the newest release of each operator and the first release that claimed a feature', () => {
    const releases = [release('1.2.0', { autfa }), release('1.10.0', { autfa }), release('1.1.0', { hugpa: { value: true } })];
    expect(latestReleases(releases).map((r) => r.submission.version)).toEqual(['1.10.0']);
    expect(firstClaimed(index, releases, feature('autfa'))?.submission.version).toBe('1.2.0');
  });

  it('count data quality without adding up a score', () => {
    const r = release('1.2.0', { autfa, hugpa: { value: true } }, report('verified'));
    const quality = dataQuality(index.catalogue.features.map((f) => cellFor(index, r, f)));
    expect(quality).toEqual({ cells: 101, known: 2, positive: 2, positiveWithEvidence: 1, evidenceChecked: 1, confirmed: 0, contradicted: 0 });
  });
});

describe('exports', () => {
  it('JSON matches its schema; CSV has a line per cell and defuses formulas', () => {
    const data = matrixExport(index, [release('1.2.0', { autfa: { ...autfa, notes: '=HYPERLINK("https://evil.example")' } })], new Date('2026-11-25T00:00:00Z'));
    expect(createAjv().validate(schemas.matrixExport.$id, data)).toBe(true);
    const rows = parse(matrixCsv(data), { columns: true }) as Array<Record<string, string>>;
    expect(rows).toHaveLength(101);
    expect(rows[0]).toMatchObject({ feature: 'instm', support: 'unknown' });
    expect(rows.find((r) => r['feature'] === 'autfa')?.['notes']).toBe(`'=HYPERLINK("https://evil.example")`);
  });

  it.each(['\n=1+1', ' =1+1', '\u00a0@SUM(A1)', '\u200b-2+3', '\uff1dHYPERLINK("x")', '+1'])('CSV defuses a formula behind blanks or in full width: %j', (notes) => {
    const data = matrixExport(index, [release('1.2.0', { autfa: { ...autfa, notes } })], new Date('2026-11-25T00:00:00Z'));
    const rows = parse(matrixCsv(data), { columns: true }) as Array<Record<string, string>>;
    expect(rows.find((r) => r['feature'] === 'autfa')?.['notes']).toBe(`'${notes}`);
  });
});

describe('evidence link figures of the shipped data', () => {
  it('count Percona 3.0.0 links as verified, broken and not checkable, with the reason in words', async () => {
    const folder = join(repoRoot, 'submissions/postgres/percona');
    const percona: Release = {
      operator: parseYaml(await readFile(join(folder, 'operator.yaml'), 'utf8')),
      submission: parseYaml(await readFile(join(folder, '3.0.0.yaml'), 'utf8')),
      evidence: JSON.parse(await readFile(join(folder, '3.0.0.evidence.json'), 'utf8')),
    };
    const figures = linkFigures(index.catalogue.features.map((f) => cellFor(index, percona, f)));
    expect(figures.verified + figures.broken + figures.notCheckable + figures.notChecked).toBe(figures.links);
    expect(figures.notChecked).toBe(0);
    expect(figures.verified).toBeGreaterThan(0);
    expect(figures.notCheckable).toBeGreaterThan(0);
    expect(figures.reasons[0]![0]).toMatch(/^Not checked offline: the local copy of the docs branch "2\.0" \(last commit [\d-]+\) is older than release 3\.0\.0 \(2026-05-22\)\.$/);
  });
});

describe('CSV written in the page', () => {
  // The site's "this view" download writes CSV without csv-stringify; it must read back the same.
  it.each([
    [['plain', 'with, comma', 'with "quotes"', 'two\nlines', 'cr\r', '', ' =1+1', '=SUM(A1)', '+1', '-2', '@x', '\tx', '\uff1dHYPERLINK("x")', 'é', true, false, 3]],
    [['a', '', '', '']],
  ])('gives what csv-stringify gives: %j', (row) => {
    expect(`${csvRecord(row)}\n`).toBe(spreadsheetCsv([row]));
  });
});
