// Whether an evidence link points at the submission's release: its documentation root (from
// operator.yaml), a tag or a commit — or at something that moves (latest docs, a branch).
import type { OperatorMetadata } from '../generated/operator.ts';
import { expand, versionParts } from '../releases.ts';
import { dataPattern, escapePattern, type DataPattern } from '../untrusted/regex.ts';
import { githubRepository, parseGithubLink } from './links.ts';

/**
 * A pattern that matches the template for any release. The template comes from operator.yaml, so
 * the pattern runs on the linear-time engine: repeated or adjacent placeholders cannot make it
 * backtrack.
 */
function templatePattern(template: string): DataPattern {
  let pattern = templatePatterns.get(template);
  if (!pattern) templatePatterns.set(template, (pattern = compileTemplatePattern(template)));
  return pattern;
}

/** Compiled once per template: a submission has hundreds of links and one template. */
const templatePatterns = new Map<string, DataPattern>();

function compileTemplatePattern(template: string): DataPattern {
  const source = template
    .split(/(\{(?:version|major|minor|patch)\})/)
    .map((piece) => {
      if (piece === '{version}') return '(?:\\d[0-9A-Za-z.+-]*?)';
      if (piece === '{major}' || piece === '{minor}' || piece === '{patch}') return '(?:\\d+)';
      return escapePattern(piece);
    })
    .join('');
  return dataPattern(`^${source}`);
}

const MOVING_REFS = new Set(['main', 'master', 'head', 'develop', 'development', 'devel', 'trunk', 'latest', 'gh-pages']);
/** Documentation paths that follow the newest release instead of one release. */
const MOVING_PATHS = new Set(['latest', 'current', 'stable', 'main', 'master', 'devel', 'dev', 'next', 'nightly', 'unstable']);

export interface Pinning {
  /** true: this release; false: something that moves or another release; null: not versioned content. */
  readonly pinned: boolean | null;
  /** What is wrong, how to fix it, and the pinned address when it is known for certain. */
  readonly problem?: { readonly message: string; readonly hint: string; readonly pinned?: string };
}

/** A release's documentation root, worked out once for the hundreds of links of one submission. */
function releaseRoot(template: string, version: string): string {
  const key = `${template}\0${version}`;
  let root = releaseRoots.get(key);
  if (root === undefined) {
    if (releaseRoots.size > 10_000) releaseRoots.clear();
    releaseRoots.set(key, (root = expand(template, versionParts(version))));
  }
  return root;
}

const releaseRoots = new Map<string, string>();

export function pinningOf(raw: string, version: string, operator: OperatorMetadata | undefined): Pinning {
  const url = URL.parse(raw);
  if (!url) return { pinned: null };
  const docs = operator?.documentation;

  if (docs) {
    const root = releaseRoot(docs.url, version);
    if (raw.startsWith(root)) return { pinned: true };
    for (const prefix of docs.unpinned ?? []) {
      if (raw.startsWith(prefix)) {
        return {
          pinned: false,
          problem: {
            message: `The link points at the newest documentation (${prefix}), which changes after release ${version}.`,
            hint: `Link this release's documentation instead: ${root}${raw.slice(prefix.length)}`,
            pinned: `${root}${raw.slice(prefix.length)}`,
          },
        };
      }
    }
    // Any documentation path of the docs site named like the newest release, listed or not.
    const base = URL.canParse(root) ? new URL(root) : undefined;
    const moving = base && url.host === base.host ? url.pathname.split('/').find((segment) => MOVING_PATHS.has(segment.toLowerCase())) : undefined;
    if (moving) {
      const at = raw.indexOf(`/${moving}/`);
      return {
        pinned: false,
        problem: {
          message: `The link points at "${moving}" documentation, which changes after release ${version}.`,
          hint: at >= 0 ? `Link this release's documentation instead: ${root}${raw.slice(at + moving.length + 2)}` : `Link this release's documentation, under ${root}.`,
          ...(at >= 0 ? { pinned: `${root}${raw.slice(at + moving.length + 2)}` } : {}),
        },
      };
    }
    // Only links that share the template's fixed start can match it; the rest skip the slower engine.
    const fixedStart = docs.url.split('{', 1)[0]!;
    const other = raw.startsWith(fixedStart) ? templatePattern(docs.url).matchAtStart(raw) : undefined;
    if (other !== undefined) {
      const rest = raw.slice(other.length);
      return {
        pinned: false,
        problem: {
          message: `The link points at the documentation of another release (${other}), not ${version}.`,
          hint: `Link this release's documentation: ${root}${rest}`,
          pinned: `${root}${rest}`,
        },
      };
    }
  }

  const github = parseGithubLink(url);
  if (github) {
    const ref = github.candidates[0]!.ref;
    const fix = `Use the release tag or a commit id instead of "${ref}", so the link keeps showing what this release had.`;
    if (MOVING_REFS.has(ref.toLowerCase())) {
      return { pinned: false, problem: { message: `The link points at the branch "${ref}", which moves after release ${version}.`, hint: fix } };
    }
    if (/^[0-9a-f]{40}$/i.test(ref)) return { pinned: true };
    const repository = `${github.owner}/${github.repo}`.toLowerCase();
    const own = [operator?.repository, docs?.source?.repository].map(githubRepository).includes(repository);
    const looksLikeVersion = /\d\.\d/.test(ref);
    if (own && looksLikeVersion && !ref.includes(version)) {
      const expected = docs?.source && githubRepository(docs.source.repository) === repository ? expand(docs.source.ref, versionParts(version)) : `v${version}`;
      return {
        pinned: false,
        problem: {
          message: `The link points at "${ref}", not at release ${version}.`,
          hint: `Use the tag of this release (${expected}).`,
          ...(raw.includes(`/${ref}/`) ? { pinned: raw.replace(`/${ref}/`, `/${expected}/`) } : {}),
        },
      };
    }
    return { pinned: looksLikeVersion || !own ? true : null };
  }
  return { pinned: null };
}
