import { describe, expect, it } from 'vitest';
import { createAjv } from '../../../scripts/lib/ajv.ts';
import { exitCodeOf, summaryOf, type ConformanceReport, type FeatureResult } from '../../../scripts/lib/conformance/report.ts';
import { writeJson } from '../../../scripts/lib/conformance/writers/json.ts';
import { writeJunit } from '../../../scripts/lib/conformance/writers/junit.ts';
import { writeMarkdown } from '../../../scripts/lib/conformance/writers/markdown.ts';
import { schemas } from '../../../scripts/lib/schemas.ts';

const features: FeatureResult[] = [
  { feature: 'tlscu', support: 'full', verdict: 'confirmed', level: 'api', detail: 'Cluster has spec.certificates.', probes: [{ probe: 'schema Cluster', level: 'api', shows: 'present', observed: 'Cluster has spec.certificates.', duration_ms: 2 }] },
  { feature: 'uside', support: 'full', verdict: 'contradicted', level: 'api', detail: 'Claimed supported, but: <no> "sidecars" & | pipes\u0007', probes: [{ probe: 'schema Cluster', level: 'api', shows: 'absent', observed: 'no spec.sidecars', duration_ms: 1 }] },
  { feature: 'autfa', support: 'full', verdict: 'inconclusive', detail: 'timed out', probes: [] },
  { feature: 'kfkin', support: 'none', verdict: 'not-probeable', detail: 'No probe bears on this feature.', probes: [] },
];
const report: ConformanceReport = {
  $schema: schemas.conformanceReport.$id,
  tool: 'ofm 0.1.0',
  operator: 'demo',
  version: '1.2.0',
  catalogue: 'postgres@1.0.0',
  kubernetes: { version: 'v1.37.2', minor: '1.37' },
  level: 'api',
  started_at: '2026-12-03T10:00:00.000Z',
  finished_at: '2026-12-03T10:00:01.500Z',
  status: 'completed',
  features,
  summary: summaryOf(features),
};

describe('report writers', () => {
  it('JSON matches the report schema', () => {
    expect(createAjv().validate(schemas.conformanceReport.$id, JSON.parse(writeJson(report)))).toBe(true);
    expect(report.summary).toEqual({ confirmed: 1, contradicted: 1, inconclusive: 1, not_probeable: 1 });
  });

  it('JUnit: a test case per feature, contradicted ones failing, escaped', () => {
    const xml = writeJunit(report);
    expect(xml.match(/<testcase /g)).toHaveLength(4);
    expect(xml).toContain('tests="4" failures="1" errors="0" skipped="2" time="1.500"');
    expect(xml).toContain('<failure message="Claimed supported, but: &lt;no&gt; &quot;sidecars&quot; &amp; | pipes\ufffd" type="contradicted">');
    expect(xml).not.toMatch(/[\u0000-\u0008]/);
    expect(writeJunit({ ...report, status: 'failed', error: 'the cluster could not be reached' })).toContain('<error message="The run failed: the cluster could not be reached" type="failed"/>');
  });

  it('Markdown: the counts and a table per verdict, with pipes escaped', () => {
    const md = writeMarkdown(report);
    expect(md).toContain('| 1 | 1 | 1 | 1 |');
    expect(md).toContain('## Contradicted');
    expect(md).toContain('| `uside` | full | api | Claimed supported, but: <no> "sidecars" & \\| pipes\u0007 |');
    expect(md).toContain('Not probeable: `kfkin`.');
  });

  it('exits 1 on a contradiction and 3 when the run failed', () => {
    expect(exitCodeOf(report)).toBe(1);
    expect(exitCodeOf({ ...report, summary: { ...report.summary, contradicted: 0 } })).toBe(0);
    expect(exitCodeOf({ ...report, status: 'failed' })).toBe(3);
  });
});
