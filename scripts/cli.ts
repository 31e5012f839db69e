// The `ofm` command line: parses arguments, runs one command, prints its output and exits with
// its code. This is the only module that touches process.exit.
import { readFileSync } from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CommandResult } from './commands/command.ts';
import { evidence } from './commands/evidence.ts';
import { exportOfm, importOfm } from './commands/interchange.ts';
import { newSubmission } from './commands/new.ts';
import { validate } from './commands/validate.ts';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  readonly options: NonNullable<ParseArgsConfig['options']>;
  readonly run: (values: Record<string, string | boolean | string[] | undefined>, positionals: string[]) => Promise<CommandResult>;
}

const color = process.stdout.isTTY === true && !process.env['NO_COLOR'];

const commands: Record<string, CommandSpec> = {
  validate: {
    summary: 'Check catalogues and submissions (all of them, or the given files and folders).',
    usage: 'ofm validate [paths…] [--format text|json|github]',
    options: { format: { type: 'string', default: 'text' } },
    run: (values, positionals) =>
      validate({ paths: positionals, format: String(values['format']), cwd: process.cwd(), color }),
  },
  evidence: {
    summary: 'Check the evidence links of submissions: online over HTTP and the GitHub API, or --offline against local documentation sources.',
    usage:
      'ofm evidence [paths…] [--offline --docs-source <operator-id>=<path>… --repository <github-url>=<path>…] [--write-report] [--format text|json|github] [--no-cache] [--cache-ttl <hours>] [--concurrency <n>] [--per-host <n>] [--timeout <seconds>] [--retries <n>] [--parse-timeout <seconds>]',
    options: {
      format: { type: 'string', default: 'text' },
      offline: { type: 'boolean', default: false },
      'docs-source': { type: 'string', multiple: true, default: [] },
      repository: { type: 'string', multiple: true, default: [] },
      'write-report': { type: 'boolean', default: false },
      cache: { type: 'string' },
      'no-cache': { type: 'boolean', default: false },
      'cache-ttl': { type: 'string', default: '24' },
      concurrency: { type: 'string', default: '8' },
      'per-host': { type: 'string', default: '2' },
      timeout: { type: 'string', default: '15' },
      retries: { type: 'string', default: '3' },
      'parse-timeout': { type: 'string', default: '10' },
      'allow-address': { type: 'string', multiple: true, default: [] },
      'github-api-url': { type: 'string' },
    },
    run: (values, positionals) =>
      evidence({
        paths: positionals,
        format: String(values['format']),
        cwd: process.cwd(),
        color,
        offline: values['offline'] === true,
        docsSources: values['docs-source'] as string[],
        repositories: values['repository'] as string[],
        writeReport: values['write-report'] === true,
        cacheFile: values['cache'] as string | undefined,
        noCache: values['no-cache'] === true,
        cacheTtlHours: Number(values['cache-ttl']),
        concurrency: Number(values['concurrency']),
        perHost: Number(values['per-host']),
        timeoutSeconds: Number(values['timeout']),
        retries: Number(values['retries']),
        parseTimeoutMs: Number(values['parse-timeout']) * 1000,
        allowAddresses: values['allow-address'] as string[],
        githubApiUrl: values['github-api-url'] as string | undefined,
        githubToken: process.env['GITHUB_TOKEN'] || undefined,
      }),
  },
  new: {
    summary: 'Write a submission to fill in, listing every feature of the catalogue with its definition and criteria (and operator.yaml if missing).',
    usage: 'ofm new --operator <id> --version <release> [--released YYYY-MM-DD] [--from <earlier release>] [--technology postgres] [--force]',
    options: {
      operator: { type: 'string' },
      version: { type: 'string' },
      released: { type: 'string' },
      from: { type: 'string' },
      technology: { type: 'string', default: 'postgres' },
      force: { type: 'boolean', default: false },
    },
    run: (values) =>
      newSubmission({
        operator: values['operator'] as string | undefined,
        version: values['version'] as string | undefined,
        released: values['released'] as string | undefined,
        from: values['from'] as string | undefined,
        technology: String(values['technology']),
        force: values['force'] === true,
        cwd: process.cwd(),
        today: new Date().toISOString().slice(0, 10),
      }),
  },
  conform: {
    summary: 'Check an operator\'s claims on a live Kubernetes cluster (API level: read-only and dry runs; scenario level: in a namespace of its own, deleted afterwards) and write the report.',
    usage:
      'ofm conform --operator <id> [--submission <file>] [--level api|scenario] [--only <feature-ids>] [--kubeconfig <file>] [--context <name>] [--report <file.json>] [--junit <file.xml>] [--markdown <file.md>] [--keep] [--timeout <seconds>] [--dry-run-namespace <name>] [--technology postgres]',
    options: {
      operator: { type: 'string' },
      submission: { type: 'string' },
      level: { type: 'string', default: 'api' },
      only: { type: 'string' },
      kubeconfig: { type: 'string' },
      context: { type: 'string' },
      report: { type: 'string' },
      junit: { type: 'string' },
      markdown: { type: 'string' },
      keep: { type: 'boolean', default: false },
      timeout: { type: 'string' },
      'dry-run-namespace': { type: 'string' },
      technology: { type: 'string', default: 'postgres' },
    },
    run: async (values) => {
      // The first Ctrl-C or SIGTERM stops the run, which then cleans up and writes its report; a
      // second one ends the process at once.
      const interruption = new AbortController();
      const stop = (signal: NodeJS.Signals) => {
        if (interruption.signal.aborted) process.exit(130);
        process.stderr.write(`ofm: ${signal}: stopping, cleaning up (again to quit at once)…\n`);
        interruption.abort(new Error(`stopped by ${signal}`));
      };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      const { conform } = await import('./commands/conform.ts');
      try {
        return await conform({
          operator: values['operator'] as string | undefined,
          technology: String(values['technology']),
          submission: values['submission'] as string | undefined,
          level: String(values['level']),
          only: values['only'] as string | undefined,
          kubeconfig: values['kubeconfig'] as string | undefined,
          context: values['context'] as string | undefined,
          report: values['report'] as string | undefined,
          junit: values['junit'] as string | undefined,
          markdown: values['markdown'] as string | undefined,
          keep: values['keep'] === true,
          timeoutSeconds: values['timeout'] === undefined ? undefined : Number(values['timeout']),
          dryRunNamespace: values['dry-run-namespace'] as string | undefined,
          cwd: process.cwd(),
          signal: interruption.signal,
          progress: (line) => process.stderr.write(line),
          interactive: process.stderr.isTTY === true,
        });
      } finally {
        process.off('SIGINT', stop);
        process.off('SIGTERM', stop);
      }
    },
  },
  'import-ofm': {
    summary: 'Convert a submission in the community OFM 1.0-BETA1 layout into an OFM submission.',
    usage: 'ofm import-ofm <file> [--operator <id>] [--out <file>|-] [--technology postgres] [--force]',
    options: {
      operator: { type: 'string' },
      out: { type: 'string' },
      technology: { type: 'string', default: 'postgres' },
      force: { type: 'boolean', default: false },
    },
    run: (values, positionals) =>
      importOfm({
        file: positionals[0],
        operator: values['operator'] as string | undefined,
        out: values['out'] as string | undefined,
        technology: String(values['technology']),
        force: values['force'] === true,
        cwd: process.cwd(),
      }),
  },
  'export-ofm': {
    summary: 'Convert an OFM submission into the community OFM 1.0-BETA1 layout (to standard output unless --out).',
    usage: 'ofm export-ofm <submission> [--out <file>] [--force]',
    options: { out: { type: 'string' }, force: { type: 'boolean', default: false } },
    run: (values, positionals) =>
      exportOfm({ file: positionals[0], out: values['out'] as string | undefined, force: values['force'] === true, cwd: process.cwd() }),
  },
};

function help(): string {
  const lines = Object.values(commands).map((c) => `  ${c.usage}\n      ${c.summary}`);
  return `ofm ${version} — the Operator Feature Matrix toolkit\n\nUsage:\n${lines.join('\n')}\n\nExit codes: 0 no errors, 1 errors found (conform: a claim contradicted), 2 wrong usage, 3 cluster unreachable or run failed.\nRun \`ofm <command> --help\` for one command.\n`;
}

async function main(argv: string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { exitCode: 0, stdout: help(), stderr: '' };
  if (name === '--version' || name === '-v') return { exitCode: 0, stdout: `${version}\n`, stderr: '' };
  const command = commands[name];
  if (!command) throw new UsageError(`Unknown command "${name}".\n\n${help()}`);
  const { values, positionals } = parseArgs({
    args: rest,
    options: { ...command.options, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values['help']) return { exitCode: 0, stdout: `${command.usage}\n\n${command.summary}\n`, stderr: '' };
  try {
    return await command.run(values as Record<string, string | boolean | string[] | undefined>, positionals);
  } catch (cause) {
    if (cause instanceof UsageError) throw new UsageError(`${cause.message}\n\nUsage: ${command.usage}`);
    throw cause;
  }
}

let result: CommandResult;
try {
  result = await main(process.argv.slice(2));
} catch (cause) {
  // Errors carry codes of any type (a DOMException's is a number): only Node's string codes count.
  const code = (cause as { code?: unknown } | null)?.code;
  const usage = cause instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
  const message = cause instanceof Error ? cause.message : String(cause);
  result = usage
    ? { exitCode: 2, stdout: '', stderr: `ofm: ${message}\n` }
    : { exitCode: 2, stdout: '', stderr: `ofm: unexpected failure: ${message}\nThis is a bug in OFM; please report it.\n` };
}
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
