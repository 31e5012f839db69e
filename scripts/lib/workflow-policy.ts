// The project's rules for its own GitHub Actions workflows, beyond what actionlint checks: actions
// pinned to commits, no stored credentials, least privilege, bounded jobs, and no pull request
// code checked out where the job holds write access or secrets. Pure: text in, findings out.
import { isAlias, isMap, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import { positionOf } from './source.ts';

export type WorkflowRule =
  | 'yaml-syntax'
  | 'pinned-action'
  | 'checkout-persist-credentials'
  | 'permissions'
  | 'job-timeout'
  | 'concurrency'
  | 'untrusted-checkout';

export interface WorkflowFinding {
  readonly rule: WorkflowRule;
  readonly message: string;
  readonly hint: string;
  /** 1-based. */
  readonly line: number;
  /** 1-based. */
  readonly column: number;
}

export interface ParsedWorkflow {
  readonly text: string;
  readonly document: Document.Parsed;
  readonly lineCounter: LineCounter;
}

export function parseWorkflow(text: string): ParsedWorkflow {
  const lineCounter = new LineCounter();
  return { text, document: parseDocument(text, { lineCounter }), lineCounter };
}

/** Triggers that run with the base repository's token and secrets on behalf of a pull request. */
const PRIVILEGED_TRIGGERS = ['pull_request_target', 'workflow_run'] as const;

/** Expressions and refs that name the pull request's code rather than the base repository's. */
const PULL_REQUEST_CODE = [
  /github\s*\.\s*event\s*\.\s*pull_request\b/i,
  /github\s*\.\s*event\s*\.\s*workflow_run\s*\.\s*(head_sha|head_branch|head_repository|head_commit|pull_requests)\b/i,
  /github\s*\.\s*head_ref\b/i,
  /refs\/pull\//i,
];

const FULL_SHA = /^[0-9a-f]{40}$/i;
/** A trailing comment naming a release, such as `# v4.2.2` or `# 1.0`. */
const VERSION_COMMENT = /^\s+#\s*v?\d+(\.\d+)*\b/;

export function checkWorkflow(workflow: ParsedWorkflow): WorkflowFinding[] {
  const { document, lineCounter, text } = workflow;
  const findings: WorkflowFinding[] = [];
  const at = (node: Node | null | undefined): { line: number; column: number } => positionOf(lineCounter, node?.range?.[0] ?? 0);
  const report = (rule: WorkflowRule, node: Node | null | undefined, message: string, hint: string) => findings.push({ rule, message, hint, ...at(node) });

  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const [line, column] = [error.linePos?.[0]?.line ?? 1, error.linePos?.[0]?.col ?? 1];
      findings.push({ rule: 'yaml-syntax', message: error.message.split('\n')[0] ?? error.message, hint: 'Fix the YAML so that GitHub can read the workflow.', line, column });
    }
    return findings;
  }
  const root = resolve(document, document.contents);
  if (!isMap(root)) {
    report('yaml-syntax', root, 'A workflow is a mapping with `on` and `jobs`.', 'Start from a working workflow in .github/workflows.');
    return findings;
  }
  const get = (map: unknown, key: string) => entry(document, map, key);
  const scalarText = (node: unknown) => textOf(document, node);

  // Permissions: read at the top, any write granted by the job that needs it.
  const topPermissions = get(root, 'permissions');
  if (!topPermissions) {
    report('permissions', root, 'The workflow does not declare top-level `permissions`, so its jobs get the repository default, which may be write access.', 'Add `permissions: contents: read` (or `{}`) at the top; grant writes on the jobs that need them.');
  } else if (grantsWrite(document, topPermissions.value)) {
    report('permissions', topPermissions.value, `Top-level \`permissions\` grant write access (${writtenScopes(document, topPermissions.value).join(', ')}) to every job.`, 'Keep the top level read-only and move each write to the job that needs it.');
  }

  const triggers = triggersOf(document, get(root, 'on')?.value);
  const privileged = PRIVILEGED_TRIGGERS.filter((t) => triggers.has(t));
  const topConcurrency = get(root, 'concurrency');

  const jobs = resolve(document, get(root, 'jobs')?.value);
  for (const jobPair of isMap(jobs) ? jobs.items : []) {
    const jobId = scalarText(jobPair.key) ?? '?';
    const job = resolve(document, jobPair.value);
    if (!isMap(job)) continue;
    const jobKey = resolve(document, jobPair.key);
    // A job that calls a reusable workflow takes no steps or timeout; the called workflow has them.
    const callsWorkflow = get(job, 'uses');

    const jobPermissions = get(job, 'permissions');
    if (jobPermissions && scalarText(jobPermissions.value) === 'write-all') {
      report('permissions', jobPermissions.value, `Job \`${jobId}\` asks for \`write-all\`.`, 'List only the scopes the job writes to, such as `contents: write`.');
    }
    if (!callsWorkflow && !get(job, 'timeout-minutes')) {
      report('job-timeout', jobKey, `Job \`${jobId}\` has no \`timeout-minutes\`; a hung step holds a runner for six hours.`, 'Add `timeout-minutes:` a few times the job\'s usual duration.');
    }
    if (!topConcurrency && !get(job, 'concurrency')) {
      report('concurrency', jobKey, `Job \`${jobId}\` has no \`concurrency\`, and neither has the workflow, so runs for the same ref pile up.`, 'Add top-level `concurrency: { group: ${{ github.workflow }}-${{ github.ref }}, cancel-in-progress: true }` (or a group per job).');
    }
    if (callsWorkflow) checkUses(callsWorkflow.value);

    // Write access, as the job sees it: its own permissions, else the workflow's, else the
    // repository default, which may be write.
    const jobWrites = jobPermissions ? grantsWrite(document, jobPermissions.value) : topPermissions ? grantsWrite(document, topPermissions.value) : true;
    const steps = resolve(document, get(job, 'steps')?.value);
    for (const stepNode of isSeq(steps) ? steps.items : []) {
      const step = resolve(document, stepNode);
      const uses = get(step, 'uses');
      if (!uses) continue;
      checkUses(uses.value);
      if (!/^actions\/checkout@/i.test(scalarText(uses.value) ?? '')) continue;

      const persist = get(get(step, 'with')?.value, 'persist-credentials');
      if (scalarText(persist?.value) !== 'false') {
        report('checkout-persist-credentials', persist?.value ?? uses.value, `actions/checkout in job \`${jobId}\` leaves the token in .git/config, where any later step (or an uploaded artifact) can read it.`, 'Set `with: persist-credentials: false`; pass the token explicitly to the one step that pushes, if any.');
      }
      for (const input of ['ref', 'repository']) {
        const value = get(get(step, 'with')?.value, input);
        const expression = scalarText(value?.value);
        if (!value || expression === undefined || !PULL_REQUEST_CODE.some((pattern) => pattern.test(expression))) continue;
        if (privileged.includes('pull_request_target')) {
          report('untrusted-checkout', value.value, `Job \`${jobId}\` of a pull_request_target workflow checks out the pull request's code (\`${input}: ${expression}\`), which then runs with the base repository's secrets.`, 'Check out the pull request in a `pull_request` workflow without secrets; pass results on as an artifact that a privileged workflow reads as data.');
        } else if (privileged.includes('workflow_run') && jobWrites) {
          report('untrusted-checkout', value.value, `Job \`${jobId}\` of a workflow_run workflow has write permissions and checks out the pull request's code (\`${input}: ${expression}\`).`, 'Do not check out the pull request in a job that can write: read the first workflow\'s artifact as data, or split the job so that the one with write access checks out only the base repository.');
        }
      }
    }
  }
  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule));

  function checkUses(node: Node | undefined): void {
    const uses = scalarText(node);
    // Local actions come with the commit being run; docker:// images are another matter.
    if (node === undefined || uses === undefined || uses.startsWith('./') || uses.startsWith('docker://')) return;
    const atSign = uses.lastIndexOf('@');
    const ref = atSign === -1 ? '' : uses.slice(atSign + 1);
    const name = atSign === -1 ? uses : uses.slice(0, atSign);
    if (!FULL_SHA.test(ref)) {
      report('pinned-action', node, `${uses} is not pinned to a commit: ${ref ? `\`${ref}\` is a tag or branch its owner can move` : 'it names no ref at all'}.`, `Pin the full 40-character commit SHA of a release and name the release after it: \`${name}@<sha> # v1.2.3\`.`);
      return;
    }
    // yaml attaches trailing comments inconsistently; the source line after the value is plain.
    const end = node.range?.[1] ?? 0;
    const lineEnd = text.indexOf('\n', end);
    const restOfLine = text.slice(end, lineEnd === -1 ? undefined : lineEnd);
    if (!VERSION_COMMENT.test(restOfLine)) {
      report('pinned-action', node, `${name}@${ref.slice(0, 12)}… has no comment naming the release it is.`, 'Add the release the commit belongs to on the same line, such as `# v4.2.2`, so that readers and update tools can tell.');
    }
  }
}

/** A mapping's value for `key` (aliases followed), with the key node for positions. */
function entry(document: Document.Parsed, map: unknown, key: string): { key: Node; value: Node | undefined } | undefined {
  const resolved = resolve(document, map);
  if (!isMap(resolved)) return undefined;
  const pair = resolved.items.find((p) => textOf(document, p.key) === key);
  return pair && { key: resolve(document, pair.key) as Node, value: resolve(document, pair.value) };
}

function textOf(document: Document.Parsed, node: unknown): string | undefined {
  const resolved = resolve(document, node);
  return isScalar(resolved) && resolved.value !== null ? String(resolved.value) : undefined;
}

function resolve(document: Document.Parsed, node: unknown): Node | undefined {
  let current = node;
  // Anchors and aliases are allowed in workflows; follow them to what they name.
  for (let hops = 0; isAlias(current) && hops < 100; hops++) current = current.resolve(document);
  return (current ?? undefined) as Node | undefined;
}

/** Event names of `on`: a single name, a list of names, or a mapping of names to filters. */
function triggersOf(document: Document.Parsed, on: unknown): Set<string> {
  const node = resolve(document, on);
  if (isScalar(node)) return new Set([String(node.value)]);
  if (isSeq(node)) return new Set(node.items.map((item) => textOf(document, item) ?? ''));
  if (isMap(node)) return new Set(node.items.map((pair) => textOf(document, pair.key) ?? ''));
  return new Set();
}

/** Whether a `permissions` value grants any write; expressions and unknown forms count as write. */
function grantsWrite(document: Document.Parsed, permissions: unknown): boolean {
  const node = resolve(document, permissions);
  if (isScalar(node)) return node.value !== 'read-all';
  if (isMap(node)) return writtenScopes(document, node).length > 0;
  return true;
}

/** `scope: level` for each scope above read, for messages. */
function writtenScopes(document: Document.Parsed, permissions: unknown): string[] {
  const node = resolve(document, permissions);
  if (!isMap(node)) return [textOf(document, node) ?? 'unknown'];
  return node.items
    .map((pair) => [textOf(document, pair.key), textOf(document, pair.value)] as const)
    .filter(([, level]) => level !== 'read' && level !== 'none')
    .map(([scope, level]) => `${scope}: ${level}`);
}
