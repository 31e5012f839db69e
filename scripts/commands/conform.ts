// `ofm conform`: check an operator's claims on a live cluster and write the report.
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import type { Submission } from '../lib/claims.ts';
import { definitionsPath, loadDefinitions } from '../lib/conformance/definitions.ts';
import { exitCodeOf, type ConformanceReport } from '../lib/conformance/report.ts';
import { conform as runConformance, type ConformLevel, type ProgressEvent } from '../lib/conformance/run.ts';
import { writeJson } from '../lib/conformance/writers/json.ts';
import { writeJunit } from '../lib/conformance/writers/junit.ts';
import { writeMarkdown } from '../lib/conformance/writers/markdown.ts';
import { toReport } from '../lib/diagnostic.ts';
import { connect } from '../lib/kubernetes/cluster.ts';
import { classifyPath, CONFORMANCE_REPORT_SUFFIX, ID_PATTERN, operatorDir, projectRelative } from '../lib/layout.ts';
import { openProject, placeFor } from '../lib/project.ts';
import { formatReport } from '../lib/reporters/index.ts';
import { printable } from '../lib/reporters/printable.ts';
import { dataFiles, loadDataFile } from '../lib/validate.ts';
import { TOOL } from '../lib/tool.ts';
import { UsageError, type CommandResult } from './command.ts';


export interface ConformCommandOptions {
  readonly operator: string | undefined;
  readonly technology: string;
  readonly submission?: string;
  readonly level: string;
  /** Comma-separated feature ids. */
  readonly only?: string;
  readonly kubeconfig?: string;
  readonly context?: string;
  readonly report?: string;
  readonly junit?: string;
  readonly markdown?: string;
  readonly keep: boolean;
  /** Seconds for the whole run. */
  readonly timeoutSeconds?: number;
  readonly dryRunNamespace?: string;
  readonly cwd: string;
  /** Aborted on Ctrl-C or SIGTERM: the run stops, cleans up and writes its report. */
  readonly signal: AbortSignal;
  /** Where progress lines go as the run goes (the CLI writes them to standard error). */
  readonly progress?: (line: string) => void;
  /** A terminal shows elapsed time on each line. */
  readonly interactive?: boolean;
}

const LEVELS: readonly ConformLevel[] = ['api', 'scenario'];

/** One progress line per event. */
function progressLine(event: ProgressEvent, started: number, interactive: boolean): string | undefined {
  const at = interactive ? `[${((Date.now() - started) / 1000).toFixed(1).padStart(5)} s] ` : '';
  switch (event.type) {
    case 'start': {
      const { operator, server } = event;
      const where = operator.deployment ? `${operator.deployment.metadata?.namespace}/${operator.deployment.metadata?.name}` : `not found (${operator.missing})`;
      return `${at}Kubernetes ${server.gitVersion}; operator Deployment ${where}${operator.version ? `, release ${operator.version}` : ''}; ${operator.crds.length} CRD(s).`;
    }
    case 'probe':
      return `${at}${event.feature.padEnd(6)} ${event.result.shows.padEnd(8)} ${event.result.probe} (${event.result.duration_ms} ms)`;
    case 'scenario':
      return `${at}scenario ${event.scenario.id}: ${event.scenario.title} (namespace ${event.namespace})`;
    case 'step':
      return `${at}  step ${event.index + 1} ${event.name}: ${event.outcome.ok ? event.outcome.note : `FAILED ${event.outcome.message.split('\n')[0]}`} (${(event.ms / 1000).toFixed(1)} s)`;
    case 'cleanup':
      return `${at}cleaning up ${event.objects} object(s), last first`;
  }
}

function summaryTable(report: ConformanceReport): string {
  const rows = report.features.filter((f) => f.verdict !== 'not-probeable');
  const width = Math.max(7, ...rows.map((f) => f.feature.length));
  const lines = rows.map((f) => `${f.feature.padEnd(width)}  ${f.verdict.padEnd(12)}  ${(f.level ?? '').padEnd(10)}  ${f.detail.replace(/\s+/g, ' ').slice(0, 140)}`);
  const { confirmed, contradicted, inconclusive, not_probeable } = report.summary;
  return [
    `${'feature'.padEnd(width)}  ${'verdict'.padEnd(12)}  ${'level'.padEnd(10)}  detail`,
    ...lines,
    '',
    `${report.operator}${report.version ? ` ${report.version}` : ''} on Kubernetes ${report.kubernetes?.version ?? '(unreachable)'}, level ${report.level}: ${confirmed} confirmed, ${contradicted} contradicted, ${inconclusive} inconclusive, ${not_probeable} not probeable.${report.status === 'completed' ? '' : ` The run ${report.status}: ${report.error ?? ''}`}`,
  ].join('\n');
}

export async function conform(options: ConformCommandOptions): Promise<CommandResult> {
  const { operator } = options;
  if (!operator || !ID_PATTERN.test(operator)) throw new UsageError('Give --operator <id>, the folder name under submissions/<technology>/, for example --operator cloudnative-pg.');
  if (!LEVELS.includes(options.level as ConformLevel)) throw new UsageError(`--level takes ${LEVELS.join(' or ')}.`);
  const timeout = options.timeoutSeconds;
  if (timeout !== undefined && !(Number.isFinite(timeout) && timeout > 0)) throw new UsageError('--timeout takes a positive number of seconds.');
  // Outside an OFM project, the folder it runs in is taken as a vendor's repository.
  const place = placeFor(options.cwd);
  const { root } = place;
  const project = await openProject(root, place.catalogueRoot);
  const index = project.catalogues.get(options.technology);
  if (!index) throw new UsageError(`There is no usable catalogue for "${options.technology}".`);

  const definitionsFile = definitionsPath(project, options.technology, operator);
  if (!existsSync(definitionsFile)) throw new UsageError(`There is no ${operatorDir(options.technology, operator)}/conformance.yaml; write one first (see schema/conformance.md).`);
  const loaded = await loadDefinitions(project, definitionsFile);
  if ('diagnostics' in loaded) {
    return { exitCode: 2, stdout: formatReport('text', toReport(loaded.diagnostics, 1), { sources: loaded.sources, color: false }), stderr: 'ofm: conformance.yaml has errors; fix them and run again.\n' };
  }

  const folder = join(root, operatorDir(options.technology, operator));
  const paths = options.submission ? [resolve(options.cwd, options.submission)] : (await dataFiles(project, [folder])).filter((f) => classifyPath(projectRelative(root, f) ?? '') === 'submission');
  const submissions: Array<{ path: string; submission: Submission; absolutePath: string }> = [];
  for (const absolutePath of paths) {
    const file = await loadDataFile(project, absolutePath);
    if (file.data === undefined) throw new UsageError(`${file.file} cannot be read; run \`ofm validate ${file.file}\` first.`);
    submissions.push({ path: file.file, submission: file.data as Submission, absolutePath });
  }

  const only = options.only ? new Set(options.only.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
  for (const id of only ?? []) if (!index.features.has(id)) throw new UsageError(`--only: "${id}" is not a feature of ${index.catalogue.technology}@${index.catalogue.version}.`);

  const started = Date.now();
  const signal = timeout ? AbortSignal.any([options.signal, AbortSignal.timeout(timeout * 1000)]) : options.signal;
  const report = await runConformance({
    connect: () => connect({ kubeconfig: options.kubeconfig ? resolve(options.cwd, options.kubeconfig) : undefined, context: options.context }),
    definitions: loaded.definitions,
    index,
    submissions,
    level: options.level as ConformLevel,
    only,
    keep: options.keep,
    dryRunNamespace: options.dryRunNamespace,
    signal,
    tool: TOOL,
    onProgress: (event) => {
      const line = progressLine(event, started, options.interactive ?? false);
      if (line) options.progress?.(`${printable(line)}\n`);
    },
  });

  // The report is written whatever happened; by default beside the submission it is about.
  const about = submissions.find((s) => s.path === report.submission);
  const reportPath = options.report ? resolve(options.cwd, options.report) : about ? join(dirname(about.absolutePath), `${about.submission.version}${CONFORMANCE_REPORT_SUFFIX}`) : undefined;
  const written: string[] = [];
  for (const [path, content] of [
    [reportPath, writeJson(report)],
    [options.junit && resolve(options.cwd, options.junit), writeJunit(report)],
    [options.markdown && resolve(options.cwd, options.markdown), writeMarkdown(report)],
  ] as const) {
    if (!path) continue;
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, content);
    written.push(projectRelative(root, path) ?? path);
  }
  const stdout = `${printable(summaryTable(report))}\n${written.length > 0 ? `Wrote ${written.join(', ')}.\n` : 'No submission to write the report beside; give --report <file.json>.\n'}`;
  return { exitCode: exitCodeOf(report), stdout, stderr: '' };
}
