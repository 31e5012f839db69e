import { describe, expect, it } from 'vitest';
import { checkWorkflow, parseWorkflow, type WorkflowFinding } from '../../scripts/lib/workflow-policy.ts';

const CHECKOUT = 'actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683';

// Meets every rule: the variants below each break one thing in it.
const GOOD = `name: report
on:
  workflow_run:
    workflows: [check]
    types: [completed]
permissions:
  contents: read
concurrency:
  group: report-\${{ github.event.workflow_run.id }}
  cancel-in-progress: true
jobs:
  comment:
    runs-on: ubuntu-latest
    timeout-minutes: 10
    permissions:
      pull-requests: write
    steps:
      - uses: ${CHECKOUT} # v4.2.2
        with:
          persist-credentials: false
      - uses: ./.github/actions/summarise
      - uses: docker://alpine:3.22
      - run: echo done
`;

function findings(text: string): WorkflowFinding[] {
  return checkWorkflow(parseWorkflow(text));
}

/** The good workflow with one change; throws if the text to change is not there. */
function variant(from: string, to: string, text = GOOD): string {
  if (!text.includes(from)) throw new Error(`not in the workflow: ${from}`);
  return text.replace(from, to);
}

const rules = (text: string) => findings(text).map((f) => f.rule);
const lineOf = (text: string, fragment: string) => text.split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('workflow policy', () => {
  it('finds nothing in a workflow that meets every rule', () => {
    expect(findings(GOOD)).toEqual([]);
  });

  it('reports unreadable YAML with its position', () => {
    const text = variant('    timeout-minutes: 10\n', '    timeout-minutes: 10\n    timeout-minutes: 20\n');
    expect(findings(text)).toEqual([expect.objectContaining({ rule: 'yaml-syntax', line: lineOf(text, 'timeout-minutes: 20') })]);
  });

  describe('pinned actions', () => {
    it('flags a tag, with the position of the reference', () => {
      const text = variant(`${CHECKOUT} # v4.2.2`, 'actions/checkout@v4');
      expect(findings(text)).toEqual([
        expect.objectContaining({ rule: 'pinned-action', line: lineOf(text, 'actions/checkout@v4'), column: 15, message: expect.stringContaining('`v4`') }),
      ]);
    });

    it('flags a short SHA and a missing ref', () => {
      expect(rules(variant(`${CHECKOUT} # v4.2.2`, 'actions/checkout@11bd719 # v4.2.2'))).toEqual(['pinned-action']);
      expect(findings(variant(`${CHECKOUT} # v4.2.2`, 'actions/checkout'))).toEqual([expect.objectContaining({ rule: 'pinned-action', message: expect.stringContaining('no ref') })]);
    });

    it('flags a full SHA without a comment naming the version', () => {
      expect(findings(variant(`${CHECKOUT} # v4.2.2`, CHECKOUT))).toEqual([expect.objectContaining({ rule: 'pinned-action', message: expect.stringContaining('no comment') })]);
      expect(rules(variant(`${CHECKOUT} # v4.2.2`, `${CHECKOUT} # pinned`))).toEqual(['pinned-action']);
    });

    it('flags a reusable workflow called by tag', () => {
      const text = variant('jobs:\n', 'jobs:\n  shared:\n    uses: octo/ci/.github/workflows/lint.yml@main\n');
      expect(findings(text)).toEqual([expect.objectContaining({ rule: 'pinned-action', line: lineOf(text, 'lint.yml@main') })]);
    });
  });

  describe('checkout credentials', () => {
    it('flags actions/checkout without persist-credentials: false', () => {
      const text = variant('        with:\n          persist-credentials: false\n', '');
      expect(findings(text)).toEqual([expect.objectContaining({ rule: 'checkout-persist-credentials', line: lineOf(text, 'actions/checkout@') })]);
    });

    it('flags persist-credentials: true, at the value', () => {
      const text = variant('persist-credentials: false', 'persist-credentials: true');
      expect(findings(text)).toEqual([expect.objectContaining({ rule: 'checkout-persist-credentials', line: lineOf(text, 'persist-credentials: true'), column: 32 })]);
    });

    it('follows YAML aliases to the step they name', () => {
      const text = variant('      - run: echo done\n', '      - run: echo done\n  again:\n    runs-on: ubuntu-latest\n    timeout-minutes: 5\n    steps:\n      - *checkout\n').replace('      - uses: actions', '      - &checkout\n        uses: actions');
      expect(text).toContain('&checkout');
      expect(findings(text)).toEqual([]);
      expect(rules(text.replace('persist-credentials: false', 'persist-credentials: true'))).toEqual(['checkout-persist-credentials', 'checkout-persist-credentials']);
    });
  });

  describe('permissions', () => {
    it('flags a workflow without top-level permissions', () => {
      expect(rules(variant('permissions:\n  contents: read\n', ''))).toEqual(['permissions']);
    });

    it('flags write access granted at the top, naming the scopes', () => {
      expect(findings(variant('  contents: read\n', '  contents: write\n  issues: read\n'))).toEqual([
        expect.objectContaining({ rule: 'permissions', line: 7, column: 3, message: expect.stringContaining('(contents: write)') }),
      ]);
      expect(rules(variant('permissions:\n  contents: read\n', 'permissions: write-all\n'))).toEqual(['permissions']);
    });

    it('flags write-all on a job', () => {
      const text = variant('    permissions:\n      pull-requests: write\n', '    permissions: write-all\n');
      expect(findings(text)).toEqual([expect.objectContaining({ rule: 'permissions', line: lineOf(text, 'write-all'), message: expect.stringContaining('`comment`') })]);
    });

    it('accepts read-all and {} at the top', () => {
      expect(findings(variant('permissions:\n  contents: read\n', 'permissions: read-all\n'))).toEqual([]);
      expect(findings(variant('permissions:\n  contents: read\n', 'permissions: {}\n'))).toEqual([]);
    });
  });

  describe('timeouts and concurrency', () => {
    it('flags a job without timeout-minutes, at the job', () => {
      const text = variant('    timeout-minutes: 10\n', '');
      expect(findings(text)).toEqual([expect.objectContaining({ rule: 'job-timeout', line: lineOf(text, '  comment:'), column: 3 })]);
    });

    it('does not ask a reusable-workflow call for a timeout', () => {
      const text = variant('jobs:\n', `jobs:\n  shared:\n    uses: octo/ci/.github/workflows/lint.yml@${'a'.repeat(40)} # v1.0.0\n`);
      expect(findings(text)).toEqual([]);
    });

    it('flags each job when the workflow has no concurrency, and accepts concurrency per job', () => {
      const withoutConcurrency = variant('concurrency:\n  group: report-${{ github.event.workflow_run.id }}\n  cancel-in-progress: true\n', '');
      expect(findings(withoutConcurrency)).toEqual([expect.objectContaining({ rule: 'concurrency', message: expect.stringContaining('`comment`') })]);
      expect(findings(variant('    timeout-minutes: 10\n', '    timeout-minutes: 10\n    concurrency: comment\n', withoutConcurrency))).toEqual([]);
    });
  });

  describe('pull request code in privileged workflows', () => {
    const withRef = (ref: string, text = GOOD) => variant('          persist-credentials: false\n', `          persist-credentials: false\n          ref: ${ref}\n`, text);

    it('flags a workflow_run job with pull-requests: write that checks out the head SHA', () => {
      const text = withRef('${{ github.event.workflow_run.head_sha }}');
      expect(findings(text)).toEqual([
        expect.objectContaining({ rule: 'untrusted-checkout', line: lineOf(text, 'ref: ${{'), column: 16, message: expect.stringContaining('workflow_run') }),
      ]);
    });

    it('flags the head branch, the head repository and refs/pull/ too', () => {
      expect(rules(withRef('${{ github.event.workflow_run.head_branch }}'))).toEqual(['untrusted-checkout']);
      expect(rules(withRef('refs/pull/${{ github.event.workflow_run.pull_requests[0].number }}/merge'))).toEqual(['untrusted-checkout']);
      const repository = variant('          persist-credentials: false\n', '          persist-credentials: false\n          repository: ${{ github.event.workflow_run.head_repository.full_name }}\n');
      expect(rules(repository)).toEqual(['untrusted-checkout']);
    });

    it('counts the repository default as write when no permissions are declared', () => {
      const text = withRef('${{ github.event.workflow_run.head_sha }}', variant('    permissions:\n      pull-requests: write\n', '', variant('permissions:\n  contents: read\n', '')));
      expect(rules(text)).toEqual(['permissions', 'untrusted-checkout']);
    });

    it('allows a read-only workflow_run job to check out the pull request', () => {
      expect(findings(withRef('${{ github.event.workflow_run.head_sha }}', variant('pull-requests: write', 'pull-requests: read')))).toEqual([]);
    });

    it('flags any checkout of the pull request in pull_request_target, even read-only', () => {
      const target = variant('  workflow_run:\n    workflows: [check]\n    types: [completed]\n', '  pull_request_target:\n', variant('pull-requests: write', 'pull-requests: read'));
      expect(findings(target)).toEqual([]);
      for (const ref of ['${{ github.event.pull_request.head.sha }}', '${{ github.head_ref }}', 'refs/pull/${{ github.event.number }}/head']) {
        expect(findings(withRef(ref, target))).toEqual([expect.objectContaining({ rule: 'untrusted-checkout', message: expect.stringContaining('pull_request_target') })]);
      }
    });

    it('reads triggers given as a list', () => {
      const listed = variant('  workflow_run:\n    workflows: [check]\n    types: [completed]\n', ' [push, pull_request_target]\n').replace('on:\n', 'on:');
      expect(listed).toContain('on: [push, pull_request_target]');
      expect(rules(withRef('${{ github.head_ref }}', listed))).toEqual(['untrusted-checkout']);
    });

    it('leaves the same refs alone in an unprivileged workflow', () => {
      const pullRequest = variant('  workflow_run:\n    workflows: [check]\n    types: [completed]\n', '  pull_request:\n');
      expect(findings(withRef('${{ github.event.pull_request.head.sha }}', pullRequest))).toEqual([]);
    });
  });
});
