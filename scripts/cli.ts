// The `ofm` command line: parses arguments, runs one command, prints its output and exits with
// its code. This is the only module that touches process.exit. Each command's module is loaded
// only when that command runs, so `ofm validate` starts without the evidence checker's HTTP and
// GitHub clients, or the Kubernetes client.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type CommandResult } from './commands/command.ts';
import { closest } from './lib/suggest.ts';
import { TOOL_VERSION } from './lib/tool.ts';

type Values = Record<string, string | boolean | string[] | undefined>;

interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly multiple?: boolean;
  readonly default?: string | boolean | string[];
  readonly short?: string;
  /** What the option does, for --help. */
  readonly description: string;
  /** The value's shape in --help, such as <hours>. */
  readonly value?: string;
}

interface CommandSpec {
  readonly summary: string;
  readonly usage: string;
  readonly examples: readonly string[];
  readonly options: Readonly<Record<string, OptionSpec>>;
  readonly run: (values: Values, positionals: string[], context: Context) => Promise<CommandResult>;
}

interface Context {
  readonly color: boolean;
}

const FORMAT: OptionSpec = { type: 'string', default: 'text', value: '<text|json|github|sarif>', description: 'How to print findings: text for people, json (schema/findings.schema.json), github workflow annotations, or SARIF 2.1.0 for code-review tools.' };
const TECHNOLOGY: OptionSpec = { type: 'string', default: 'postgres', value: '<id>', description: 'The catalogue (technology) to use.' };
const SUMMARY: OptionSpec = { type: 'string', value: '<file>', description: 'Also append every finding as Markdown (grouped per file, with hints and links to the rules) to this file, such as "$GITHUB_STEP_SUMMARY".' };
const ANNOTATIONS: OptionSpec = { type: 'string', value: '<n>', description: 'With --format github: at most this many annotations, errors first (GitHub shows 10 per step); the summary lists the rest.' };
const FORCE: OptionSpec = { type: 'boolean', default: false, description: 'Overwrite the file if it exists.' };
/** Options every command takes. */
const COMMON: Readonly<Record<string, OptionSpec>> = {
  color: { type: 'boolean', description: 'Colour the output even when it is not a terminal (FORCE_COLOR does the same).' },
  'no-color': { type: 'boolean', description: 'Never colour the output (NO_COLOR does the same).' },
  help: { type: 'boolean', short: 'h', description: 'Show this help.' },
};

const commands: Record<string, CommandSpec> = {
  validate: {
    summary: 'Check catalogues, operator metadata and submissions: all of them, or the files and folders given. Each finding gives file:line:column, a rule id (docs/rules.md), what is wrong and how to fix it. Exit 0: no errors; 1: errors; 2: wrong usage.',
    usage: 'ofm validate [paths…] [options]',
    examples: ['ofm validate', 'ofm validate submissions/postgres/cloudnative-pg', 'ofm validate --format sarif > ofm.sarif'],
    options: { format: FORMAT, summary: SUMMARY, annotations: ANNOTATIONS },
    run: async (values, positionals, { color }) => {
      const [{ validate }, { annotationLimit }] = await Promise.all([import('./commands/validate.ts'), import('./commands/summary.ts')]);
      const annotations = annotationLimit(values['annotations'] as string | undefined);
      return validate({ paths: positionals, format: String(values['format']), cwd: process.cwd(), color, summary: values['summary'] as string | undefined, ...(annotations === undefined ? {} : { annotations }) });
    },
  },
  fix: {
    summary: 'Apply the fixes that are safe and mechanical — quote values that YAML 1.1 reads differently, point evidence links at the release\'s documentation or tag, put claims in the catalogue\'s order (each with its comments), drop repeated evidence links — editing each file in place, so comments and layout stay. Other findings are left for a person.',
    usage: 'ofm fix [paths…] [options]',
    examples: ['ofm fix --dry-run submissions/postgres/example-operator', 'ofm fix submissions/postgres/example-operator/2.5.0.yaml'],
    options: { 'dry-run': { type: 'boolean', default: false, description: 'Show the changes as a diff; write nothing.' } },
    run: async (values, positionals) => {
      const { fix } = await import('./commands/fix.ts');
      return fix({ paths: positionals, cwd: process.cwd(), dryRun: values['dry-run'] === true });
    },
  },
  evidence: {
    summary: 'Check the evidence links of submissions: online over HTTP and the GitHub API, or --offline against local copies of the documentation source and repositories. Each link ends verified, broken or not checkable (with the reason).',
    usage: 'ofm evidence [paths…] [options]',
    examples: [
      'ofm evidence submissions/postgres/example-operator',
      'ofm evidence --offline --docs-source example-operator=../example-docs --write-report submissions/postgres/example-operator',
    ],
    options: {
      format: FORMAT,
      summary: SUMMARY,
      annotations: ANNOTATIONS,
      offline: { type: 'boolean', default: false, description: 'Check against local copies instead of the network.' },
      'docs-source': { type: 'string', multiple: true, default: [], value: '<operator-id>=<path>', description: 'Offline: a local clone of an operator\'s documentation source (repeatable).' },
      repository: { type: 'string', multiple: true, default: [], value: '<github-url>=<path>', description: 'Offline: a local clone of a GitHub repository that evidence links to (repeatable).' },
      'write-report': { type: 'boolean', default: false, description: 'Save the results beside each submission as <version>.evidence.json.' },
      cache: { type: 'string', value: '<file>', description: 'Where to cache online results. Default: .ofm-cache/evidence.json in the project.' },
      'no-cache': { type: 'boolean', default: false, description: 'Neither read nor write the cache.' },
      'cache-ttl': { type: 'string', default: '24', value: '<hours>', description: 'How long a cached result is used.' },
      concurrency: { type: 'string', default: '8', value: '<n>', description: 'Links checked at once.' },
      'per-host': { type: 'string', default: '2', value: '<n>', description: 'Requests at once to one host.' },
      timeout: { type: 'string', default: '15', value: '<seconds>', description: 'Time allowed for one page, body included.' },
      retries: { type: 'string', default: '3', value: '<n>', description: 'Retries after a timeout, a reset or HTTP 429/5xx.' },
      'parse-timeout': { type: 'string', default: '10', value: '<seconds>', description: 'Time allowed to parse one page for its anchors.' },
      'allow-address': { type: 'string', multiple: true, default: [], value: '<ip>', description: 'Let the checker connect to this otherwise refused (loopback or private) address; for tests (repeatable).' },
      'github-api-url': { type: 'string', value: '<url>', description: 'GitHub API base URL (GitHub Enterprise, tests). Default: https://api.github.com. GITHUB_TOKEN raises the rate limit.' },
    },
    run: async (values, positionals, { color }) => {
      const [{ evidence }, { annotationLimit }] = await Promise.all([import('./commands/evidence.ts'), import('./commands/summary.ts')]);
      const annotations = annotationLimit(values['annotations'] as string | undefined);
      return evidence({
        paths: positionals,
        summary: values['summary'] as string | undefined,
        ...(annotations === undefined ? {} : { annotations }),
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
        progress: (text) => process.stderr.write(text),
        interactive: process.stderr.isTTY === true,
      });
    },
  },
  new: {
    summary: 'Write a submission to fill in, listing every feature of the catalogue with its definition and criteria (and operator.yaml if missing). With --from, edit a copy of an earlier release in place and list what to re-check.',
    usage: 'ofm new --operator <id> --version <release> [options]',
    examples: ['ofm new --operator example-operator --version 2.4.0 --released 2026-03-02', 'ofm new --operator example-operator --version 2.5.0 --from 2.4.0'],
    options: {
      operator: { type: 'string', value: '<id>', description: 'The operator\'s id: lower-case letters, digits and dashes.' },
      version: { type: 'string', value: '<release>', description: 'The release, such as 1.30.0 (no leading "v").' },
      released: { type: 'string', value: '<YYYY-MM-DD>', description: 'The release date. Default: today.' },
      from: { type: 'string', value: '<release>', description: 'An earlier release of the same operator to start from.' },
      technology: TECHNOLOGY,
      force: FORCE,
    },
    run: async (values) => {
      const { newSubmission } = await import('./commands/new.ts');
      return newSubmission({
        operator: values['operator'] as string | undefined,
        version: values['version'] as string | undefined,
        released: values['released'] as string | undefined,
        from: values['from'] as string | undefined,
        technology: String(values['technology']),
        force: values['force'] === true,
        cwd: process.cwd(),
        today: new Date().toISOString().slice(0, 10),
      });
    },
  },
  conform: {
    summary: 'Check an operator\'s claims on a live Kubernetes cluster and write the report: API level (read-only look-ups and dry runs), or scenario level (also exercises the controller in a namespace of its own, deleted afterwards). Exit 0: nothing contradicted; 1: a claim contradicted; 3: cluster unreachable or run failed.',
    usage: 'ofm conform --operator <id> [options]',
    examples: ['ofm conform --operator cloudnative-pg', 'ofm conform --operator cloudnative-pg --level scenario --only autfa,swtch --junit conform.xml'],
    options: {
      operator: { type: 'string', value: '<id>', description: 'The operator whose conformance.yaml to run.' },
      submission: { type: 'string', value: '<file>', description: 'The submission to check. Default: the one of the release running, else the newest.' },
      level: { type: 'string', default: 'api', value: '<api|scenario>', description: 'How deep to check.' },
      only: { type: 'string', value: '<feature-ids>', description: 'Only these features, comma-separated.' },
      kubeconfig: { type: 'string', value: '<file>', description: 'Kubeconfig file. Default: KUBECONFIG, ~/.kube/config, or in-cluster.' },
      context: { type: 'string', value: '<name>', description: 'Kubeconfig context. Default: the current one.' },
      report: { type: 'string', value: '<file.json>', description: 'Where to write the report. Default: <version>.conformance.json beside the submission.' },
      junit: { type: 'string', value: '<file.xml>', description: 'Also write JUnit XML.' },
      markdown: { type: 'string', value: '<file.md>', description: 'Also write a Markdown summary.' },
      keep: { type: 'boolean', default: false, description: 'Keep the run\'s namespace for debugging.' },
      timeout: { type: 'string', value: '<seconds>', description: 'Override every scenario\'s timeout.' },
      'dry-run-namespace': { type: 'string', value: '<name>', description: 'Namespace for API-level dry runs. Default: the run\'s own.' },
      technology: TECHNOLOGY,
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
  'pr-check': {
    summary: 'Check what a branch changes against its base, as the pull-request workflow does: the changed data files, their evidence (with --evidence, online), who may change each operator\'s folder (its maintainers), one operator per pull request, file names, the catalogue version, CODEOWNERS. Prints the comment the bot would post. Exit 0: no check failed; 1: a check failed; 2: wrong usage.',
    usage: 'ofm pr-check --base <ref> [options]',
    examples: ['ofm pr-check --base origin/main --author octocat', 'ofm pr-check --base origin/main --format json --output pr-check.json'],
    options: {
      base: { type: 'string', value: '<ref>', description: 'The branch or commit the pull request goes into, such as origin/main.' },
      head: { type: 'string', default: 'HEAD', value: '<ref>', description: 'The pull request\'s last commit.' },
      author: { type: 'string', value: '<login>', description: 'The GitHub login of the pull request\'s author, for the ownership check (skipped without it).' },
      format: { type: 'string', default: 'markdown', value: '<markdown|json>', description: 'markdown: the comment; json: the result (schema/pr-check.schema.json).' },
      output: { type: 'string', value: '<file>', description: 'Also write the JSON result to this file.' },
      evidence: { type: 'boolean', default: false, description: 'Check the evidence links of changed submissions online (GITHUB_TOKEN raises the GitHub API\'s rate limit).' },
      number: { type: 'string', value: '<n>', description: 'The pull request\'s number, recorded in the result.' },
      'rules-url': { type: 'string', value: '<url>', description: 'Where rule ids link to. Default: docs/rules.md.' },
      'github-api-url': { type: 'string', value: '<url>', description: 'GitHub API base URL for --evidence. Default: https://api.github.com.' },
    },
    run: async (values) => {
      const { prCheck } = await import('./commands/pr-check.ts');
      const number = values['number'] === undefined ? undefined : Number(values['number']);
      if (number !== undefined && !(Number.isInteger(number) && number > 0)) throw new UsageError('--number takes a pull request number, such as 42.');
      return prCheck({
        base: values['base'] as string | undefined,
        head: String(values['head']),
        author: values['author'] as string | undefined,
        ...(number ? { number } : {}),
        format: String(values['format']),
        output: values['output'] as string | undefined,
        evidence: values['evidence'] === true,
        cwd: process.cwd(),
        rulesUrl: values['rules-url'] as string | undefined,
        githubApiUrl: values['github-api-url'] as string | undefined,
        githubToken: process.env['GITHUB_TOKEN'] || undefined,
      });
    },
  },
  'pr-report': {
    summary: 'For the pull-request workflow\'s commenting job: read the checking job\'s result (pr-check.json, untrusted), re-check ownership through GitHub\'s API, and keep one comment, a commit status (ofm/pr-check) and OFM\'s labels on the pull request. Needs GITHUB_TOKEN.',
    usage: 'ofm pr-report --artifact <file> --head-sha <sha> [options]',
    examples: ['ofm pr-report --artifact pr-check.json --head-sha "$HEAD_SHA"'],
    options: {
      artifact: { type: 'string', value: '<file>', description: 'The result `ofm pr-check --output` wrote.' },
      'head-sha': { type: 'string', value: '<sha>', description: 'The commit the check ran on (github.event.workflow_run.head_sha).' },
      repository: { type: 'string', value: '<owner/name>', description: 'Default: GITHUB_REPOSITORY.' },
      'run-url': { type: 'string', value: '<url>', description: 'The checking run, linked from the status.' },
    },
    run: async (values) => {
      const { prReport } = await import('./commands/pr-report.ts');
      return prReport({
        artifact: values['artifact'] as string | undefined,
        headSha: values['head-sha'] as string | undefined,
        repository: (values['repository'] as string | undefined) ?? process.env['GITHUB_REPOSITORY'],
        token: process.env['GITHUB_TOKEN'] || undefined,
        apiUrl: process.env['GITHUB_API_URL'] || undefined,
        serverUrl: process.env['GITHUB_SERVER_URL'] || undefined,
        runUrl: values['run-url'] as string | undefined,
        cwd: process.cwd(),
      });
    },
  },
  codeowners: {
    summary: 'Write .github/CODEOWNERS from the `maintainers` of every operator.yaml, so GitHub asks each operator\'s maintainers to review changes to its folder. With --check, only say whether it is current (exit 1 if not).',
    usage: 'ofm codeowners [--check]',
    examples: ['ofm codeowners', 'ofm codeowners --check'],
    options: { check: { type: 'boolean', default: false, description: 'Write nothing; exit 1 when the file is missing or out of date.' } },
    run: async (values) => {
      const { codeowners } = await import('./commands/codeowners.ts');
      return codeowners({ cwd: process.cwd(), check: values['check'] === true });
    },
  },
  'import-ofm': {
    summary: 'Convert a submission in the community OFM 1.0-BETA1 layout into an OFM submission, saying what it changed. Empty values stay unknown.',
    usage: 'ofm import-ofm <file> [options]',
    examples: ['ofm import-ofm vendor-2.4.0.yaml --operator example-operator'],
    options: {
      operator: { type: 'string', value: '<id>', description: 'The operator id to file it under. Default: from the operator name.' },
      out: { type: 'string', value: '<file|->', description: 'Where to write. Default: submissions/<technology>/<operator>/<version>.yaml; - for standard output.' },
      technology: TECHNOLOGY,
      force: FORCE,
    },
    run: async (values, positionals) => {
      const { importOfm } = await import('./commands/interchange.ts');
      return importOfm({
        file: positionals[0],
        operator: values['operator'] as string | undefined,
        out: values['out'] as string | undefined,
        technology: String(values['technology']),
        force: values['force'] === true,
        cwd: process.cwd(),
      });
    },
  },
  'export-ofm': {
    summary: 'Convert an OFM submission into the community OFM 1.0-BETA1 layout; unknowns are written as empty values.',
    usage: 'ofm export-ofm <submission> [options]',
    examples: ['ofm export-ofm submissions/postgres/cloudnative-pg/1.30.0.yaml > cnpg-1.30.0.yaml'],
    options: { out: { type: 'string', value: '<file>', description: 'Where to write. Default: standard output.' }, force: FORCE },
    run: async (values, positionals) => {
      const { exportOfm } = await import('./commands/interchange.ts');
      return exportOfm({ file: positionals[0], out: values['out'] as string | undefined, force: values['force'] === true, cwd: process.cwd() });
    },
  },
};

function overview(): string {
  const width = Math.max(...Object.keys(commands).map((name) => name.length));
  const lines = Object.entries(commands).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary.split('. ')[0]!.replace(/\.$/, '')}.`);
  return [
    `ofm ${TOOL_VERSION} — the Operator Feature Matrix toolkit`,
    '',
    'Usage: ofm <command> [options]',
    '',
    'Commands:',
    ...lines,
    '',
    'Exit codes: 0 no errors, 1 errors found (conform: a claim contradicted), 2 wrong usage, 3 cluster unreachable or run failed.',
    'Run `ofm help <command>` or `ofm <command> --help` for a command\'s options and examples.',
    '',
  ].join('\n');
}

function commandHelp(name: string): string {
  const command = commands[name]!;
  const options = Object.entries({ ...command.options, ...COMMON }).map(([option, spec]) => {
    const flag = `${spec.short ? `-${spec.short}, ` : ''}--${option}${spec.value ? ` ${spec.value}` : ''}`;
    const fallback = spec.default === undefined || spec.default === false || (Array.isArray(spec.default) && spec.default.length === 0) ? '' : ` Default: ${String(spec.default)}.`;
    return { flag, text: `${spec.description}${spec.description.includes('Default:') ? '' : fallback}` };
  });
  const width = Math.max(...options.map((o) => o.flag.length));
  return [
    `Usage: ${command.usage}`,
    '',
    command.summary,
    '',
    'Options:',
    ...options.map((o) => `  ${o.flag.padEnd(width)}  ${o.text}`),
    '',
    'Examples:',
    ...command.examples.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** Colour as Node's util.styleText decides it by default (NO_COLOR, FORCE_COLOR, the terminal), unless told. */
function useColor(values: Values): boolean {
  if (values['no-color']) return false;
  if (values['color']) return true;
  const force = process.env['FORCE_COLOR'];
  if (force !== undefined && force !== '0' && force !== 'false') return true;
  return process.stdout.isTTY === true && process.stdout.hasColors();
}

/** Node's "Unknown option '--fromat'" with the option it was likely meant to be. */
function unknownOption(message: string, name: string): string {
  const written = /'(-{1,2}[^']+)'/.exec(message)?.[1];
  const known = Object.keys({ ...commands[name]!.options, ...COMMON });
  const match = written ? closest(written.replace(/^-+/, '').split('=')[0]!, known) : undefined;
  return `${written ? `Unknown option ${written} for \`ofm ${name}\`.` : message}${match ? ` Did you mean --${match}?` : ''}`;
}

async function main(argv: string[]): Promise<CommandResult> {
  const [name, ...rest] = argv;
  if (name === undefined) return { exitCode: 2, stdout: '', stderr: overview() };
  if (name === '--help' || name === '-h') return { exitCode: 0, stdout: overview(), stderr: '' };
  if (name === '--version' || name === '-v') return { exitCode: 0, stdout: `${TOOL_VERSION}\n`, stderr: '' };
  if (name === 'help') {
    const topic = rest[0];
    if (topic === undefined) return { exitCode: 0, stdout: overview(), stderr: '' };
    if (!Object.hasOwn(commands, topic)) throw new UsageError(`There is no command "${topic}".${suggestCommand(topic)} Commands: ${Object.keys(commands).join(', ')}.`);
    return { exitCode: 0, stdout: commandHelp(topic), stderr: '' };
  }
  if (!Object.hasOwn(commands, name)) throw new UsageError(`Unknown command "${name}".${suggestCommand(name)} Run \`ofm help\` for the list.`);
  const command = commands[name]!;
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [option, { description: _, value: __, ...spec }] of Object.entries({ ...command.options, ...COMMON })) options[option] = spec;
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (cause) {
    const code = (cause as { code?: unknown }).code;
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`${unknownOption((cause as Error).message, name)}\n\nRun \`ofm help ${name}\` for its options.`);
    throw new UsageError(`${(cause as Error).message}\n\nRun \`ofm help ${name}\` for its options.`);
  }
  const values = parsed.values as Values;
  if (values['help']) return { exitCode: 0, stdout: commandHelp(name), stderr: '' };
  try {
    return await command.run(values, parsed.positionals, { color: useColor(values) });
  } catch (cause) {
    if (cause instanceof UsageError) throw new UsageError(`${cause.message}\n\nUsage: ${command.usage} (ofm help ${name} for the options)`);
    throw cause;
  }
}

const suggestCommand = (word: string): string => {
  const match = closest(word, Object.keys(commands));
  return match ? ` Did you mean "${match}"?` : '';
};

/** With --format json, a usage error is a finding too, so that a tool reading the output gets one. */
async function usageReport(argv: readonly string[], message: string): Promise<string | undefined> {
  const at = argv.findIndex((a) => a === '--format' || a.startsWith('--format='));
  const format = at < 0 ? undefined : argv[at]!.includes('=') ? argv[at]!.split('=')[1] : argv[at + 1];
  if (format !== 'json') return undefined;
  const { toReport } = await import('./lib/diagnostic.ts');
  const name = argv[0] !== undefined && Object.hasOwn(commands, argv[0]) ? argv[0] : undefined;
  const hint = name ? `Run \`ofm help ${name}\` for its options.` : 'Run `ofm help` for the commands.';
  return `${JSON.stringify(toReport([{ file: '(command line)', line: 1, column: 1, rule: 'usage', severity: 'error', message: message.split('\n')[0]!, hint }], 0), null, 2)}\n`;
}

// The YAML parser looks at process.env.LOG_TOKENS for every token, and each look at the real
// environment is a call into Node: a plain copy of it makes parsing about twice as fast. Child
// processes still get the same variables.
process.env = { ...process.env };

const argv = process.argv.slice(2);
let result: CommandResult;
try {
  result = await main(argv);
} catch (cause) {
  // Errors carry codes of any type (a DOMException's is a number): only Node's string codes count.
  const code = (cause as { code?: unknown } | null)?.code;
  const usage = cause instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'));
  const message = cause instanceof Error ? cause.message : String(cause);
  const json = usage ? await usageReport(argv, message) : undefined;
  result = usage
    ? { exitCode: 2, stdout: json ?? '', stderr: `ofm: ${message}\n` }
    : { exitCode: 2, stdout: '', stderr: `ofm: unexpected failure: ${message}\nThis is a bug in OFM; please report it.\n` };
}
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.exitCode;
