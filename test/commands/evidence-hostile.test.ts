// `ofm evidence` against a server that misbehaves in every way it can: each link gets a finding,
// the run ends, and the report is written.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../scripts/lib/diagnostic.ts';
import type { EvidenceReport } from '../../scripts/lib/generated/evidence-report.ts';
import { runOfm } from '../helpers/cli.ts';
import { hostileServer, type HostileServer } from '../helpers/hostile-server.ts';
import { OPERATOR_YAML, submission, testProject } from '../helpers/project.ts';

let server: HostileServer;
beforeAll(async () => {
  server = await hostileServer();
});
afterAll(() => server.close());

/** What each path must come to: the rule of its finding, or "ok" for pages that read fine however deep. */
const expected: Record<string, string> = {
  '/reset-mid-body': 'evidence-unreachable',
  '/short-body': 'evidence-unreachable',
  '/trickle': 'evidence-unreachable',
  '/stall': 'evidence-unreachable',
  '/stall-after-headers': 'evidence-unreachable',
  '/close-at-once': 'evidence-unreachable',
  '/garbage': 'evidence-unreachable',
  '/huge-headers': 'evidence-unreachable',
  '/loop-a': 'evidence-redirect',
  '/redirect-chain': 'evidence-redirect',
  '/to-file': 'evidence-redirect',
  '/to-data': 'evidence-redirect',
  '/to-javascript': 'evidence-redirect',
  '/to-broken-url': 'evidence-redirect',
  '/to-metadata': 'evidence-refused',
  '/to-v4-compatible': 'evidence-refused',
  '/huge': 'evidence-content-type',
  '/slow.md': 'evidence-content-type',
  '/deep.html#bottom': 'ok',
  '/deep.md#deep': 'ok',
};

describe('ofm evidence against a hostile server', () => {
  it('gives every link a finding, finishes, and writes the report', { timeout: 120_000 }, async () => {
    expect(Object.keys(expected).map((p) => p.split('#')[0]).sort()).toEqual([...server.paths].sort());
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    const urls = Object.keys(expected).map((path) => `${server.origin}${path.includes('#') ? path : `${path}#top`}`);
    const claim = (feature: string, list: string[]) => `${feature}:\n  value: true\n  evidence:\n${list.map((u) => `    - title: Page\n      url: "${u}"`).join('\n')}`;
    const text = submission([claim('tlssp', urls.slice(0, 10)), claim('autfa', urls.slice(10))].join('\n'));
    await project.write('submissions/postgres/demo/1.2.0.yaml', text);

    const run = await runOfm(
      ['evidence', '--format', 'json', '--write-report', '--allow-address', '127.0.0.1', '--timeout', '1', '--retries', '1', '--per-host', '8', '--parse-timeout', '4', '--no-cache'],
      project.root,
    );
    // Standard error carries only progress: plain lines off a terminal, and the time taken.
    expect(run.stderr).toMatch(/^(\[\d+\.\d s\] \d+ link\(s\): .*\n)*ofm evidence: 20 link\(s\) in 1 file\(s\) checked in \d+\.\d s\.\n$/);
    expect(run.code).toBe(1);
    const { findings } = JSON.parse(run.stdout) as { findings: Diagnostic[] };
    const report = JSON.parse(await readFile(join(project.root, 'submissions/postgres/demo/1.2.0.evidence.json'), 'utf8')) as EvidenceReport;
    expect(report.links).toHaveLength(urls.length);

    const lines = text.split('\n');
    for (const [i, url] of urls.entries()) {
      const path = Object.keys(expected)[i]!;
      const line = lines.findIndex((l) => l.includes(`"${url}"`)) + 1;
      const found = findings.filter((f) => f.line === line).map((f) => f.rule);
      const link = report.links.find((l) => l.url === url)!;
      if (expected[path] === 'ok') {
        expect(link.status, path).toBe('verified');
        expect(found, path).toEqual([]);
      } else {
        expect(found, path).toContain(expected[path]);
        expect(link.status, path).toBe('broken');
        expect(link.message, path).toBeTruthy();
      }
    }
  });
});
