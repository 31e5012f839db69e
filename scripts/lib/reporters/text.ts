import { codeFrameColumns } from '@babel/code-frame';
import { styleText } from 'node:util';
import type { FindingsReport } from '../diagnostic.ts';
import { printable } from './printable.ts';

export interface TextOptions {
  /** Decoded text of each file with findings, for code frames. */
  readonly sources: ReadonlyMap<string, string>;
  readonly color: boolean;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `file:line:col  severity  rule  message`, then the hint and a code frame. */
export function formatText(report: FindingsReport, options: TextOptions): string {
  const paint = (format: Parameters<typeof styleText>[0], text: string) =>
    options.color ? styleText(format, text, { validateStream: false }) : text;
  // Each file is split into lines once; a frame is made from the few lines around its finding.
  const linesOf = new Map<string, string[]>();
  const frameAt = (source: string, file: string, line: number, column: number): string => {
    let lines = linesOf.get(file);
    if (!lines) linesOf.set(file, (lines = source.split('\n')));
    const first = Math.max(1, line - 1);
    const window = printable(lines.slice(first - 1, line + 1).join('\n'));
    // code-frame counts columns from 0; findings count from 1. Its highlighting is for JavaScript, so it stays off.
    return codeFrameColumns(window, { start: { line, column: column - 1 } }, { linesAbove: 1, linesBelow: 1, startLine: first });
  };
  const blocks = report.findings.map((d) => {
    const severity = d.severity === 'error' ? paint('red', 'error') : d.severity === 'warning' ? paint('yellow', 'warning') : paint('cyan', 'info');
    const lines = [`${paint('bold', printable(`${d.file}:${d.line}:${d.column}`))}  ${severity}  ${paint('dim', d.rule)}  ${printable(d.message)}`];
    lines.push(`  hint: ${printable(d.hint)}`);
    const source = options.sources.get(d.file);
    if (source !== undefined) {
      const frame = frameAt(source, d.file, d.line, d.column);
      if (frame) lines.push(frame.replace(/^/gm, '    '));
    }
    return lines.join('\n');
  });
  const { files, errors, warnings, infos = 0 } = report.summary;
  const notes = infos > 0 ? ` (${plural(infos, 'note')})` : '';
  const summary =
    errors + warnings === 0
      ? paint('green', `✔ ${plural(files, 'file')} checked, no problems${notes}.`)
      : paint(errors > 0 ? 'red' : 'yellow', `✖ ${plural(errors, 'error')} and ${plural(warnings, 'warning')} in ${plural(files, 'file')} checked${notes}.`);
  return [...blocks, summary].join('\n\n') + '\n';
}
