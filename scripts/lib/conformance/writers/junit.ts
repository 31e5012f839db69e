// JUnit XML, which CI systems show as test results: one test case per feature; a contradicted
// claim is a failure, an inconclusive or unprobeable one is skipped, a failed run is an error.
import type { ConformanceReport } from '../report.ts';

// XML 1.0 allows no C0 controls other than tab and line breaks.
const text = (value: string) =>
  value
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;');

const seconds = (ms: number) => (ms / 1000).toFixed(3);

export function writeJunit(report: ConformanceReport): string {
  const name = `ofm conform ${report.operator}${report.version ? ` ${report.version}` : ''} (${report.level})`;
  const total = Date.parse(report.finished_at) - Date.parse(report.started_at);
  const cases = report.features.map((f) => {
    const time = f.probes.reduce((sum, p) => sum + p.duration_ms, 0);
    const observed = f.probes.map((p) => `${p.probe} [${p.level}]: ${p.shows} — ${p.observed}${p.diagnostics ? `\n${p.diagnostics}` : ''}`).join('\n');
    const open = `    <testcase classname="${text(`${report.operator}.${f.feature}`)}" name="${text(`${f.feature}: ${f.verdict}`)}" time="${seconds(time)}">`;
    if (f.verdict === 'contradicted') return `${open}\n      <failure message="${text(f.detail)}" type="contradicted">${text(observed)}</failure>\n    </testcase>`;
    if (f.verdict !== 'confirmed') return `${open}\n      <skipped message="${text(`${f.verdict}: ${f.detail}`)}"/>\n    </testcase>`;
    return `${open}\n      <system-out>${text(observed)}</system-out>\n    </testcase>`;
  });
  if (report.status !== 'completed') {
    cases.push(`    <testcase classname="${text(report.operator)}" name="run" time="0">\n      <error message="${text(`The run ${report.status}: ${report.error ?? ''}`)}" type="${report.status}"/>\n    </testcase>`);
  }
  const failures = report.summary.contradicted;
  const skipped = report.summary.inconclusive + report.summary.not_probeable;
  const errors = report.status === 'completed' ? 0 : 1;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${text(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(total)}">`,
    `  <testsuite name="${text(name)}" tests="${cases.length}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${seconds(total)}" timestamp="${text(report.started_at)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
