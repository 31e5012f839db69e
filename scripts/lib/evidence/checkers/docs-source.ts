// Offline: checks links to an operator's documentation site against the documentation source of
// the release. operator.yaml's documentation.source says how: which git ref holds a release's
// docs, which source file a URL path comes from (path templates, or Hugo-style `url:` front
// matter), and how the generator makes heading anchors.
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { parse } from 'yaml';
import type { DocumentationSource } from '../../generated/operator.ts';
import { fragmentOf } from '../anchors.ts';
import type { CheckContext, LinkChecker, Outcome } from '../checker.ts';
import { fragmentOutcome, summariseFile, type FileSummary } from '../files.ts';
import { commitDate, isGitRepository, listFiles, readFileAt, readFilesAt, resolveRef } from '../git.ts';
import { expand, versionParts } from '../../releases.ts';
import type { PageParser } from '../page-parser.ts';
import type { SlugStyle } from '../slugs.ts';
import { decodeComponent, realPathInside, staysInside } from '../../untrusted/paths.ts';

/** Whether a URL lies under the documentation root of a release. */
function underRoot(url: URL, root: string): boolean {
  if (!URL.canParse(root)) return false;
  const base = new URL(root);
  return url.origin === base.origin && url.pathname.startsWith(base.pathname);
}

/**
 * The URL path below the docs root, as templates use it: no slashes at the ends, no index.html or
 * .html. Undefined when the URL is not under the root or its path is no page of it.
 */
export function docsPath(url: URL, root: string): string | undefined {
  if (!underRoot(url, root)) return undefined;
  const base = new URL(root);
  const decoded = decodeComponent(url.pathname.slice(base.pathname.length));
  // A path that climbs out of the docs root ("..%2F") names no page of it.
  if (decoded === undefined || !staysInside(decoded.replace(/^\/+/, ''))) return undefined;
  return trimSlashes(decoded.replace(/(^|\/)index\.html?$/, '').replace(/\.html?$/, ''));
}

/** The path without slashes at either end (linear: no regular expression over a run of slashes). */
function trimSlashes(path: string): string {
  let start = 0;
  let end = path.length;
  while (start < end && path[start] === '/') start++;
  while (end > start && path[end - 1] === '/') end--;
  return path.slice(start, end);
}

interface SourceReader {
  /** What the checked files are called in results, e.g. "repo@v1.2.0". */
  readonly label: string;
  read(path: string): Promise<string | undefined>;
  list(folder: string): Promise<string[]>;
  readMany(paths: readonly string[]): Promise<Map<string, string>>;
}

/** A reader of the release's source files, or why there is none: an error, or a reason to skip. */
type Reader = SourceReader | { readonly error: string } | { readonly skip: string };

async function readerFor(location: string, source: DocumentationSource, version: string, released: string | undefined): Promise<Reader> {
  if (!(await isGitRepository(location))) {
    // A plain folder: the files as they are, whatever release they belong to. Paths come from
    // links and templates, so each is resolved inside the folder, symbolic links included.
    const read = async (path: string) => {
      const file = await realPathInside(location, path);
      return file === undefined ? undefined : readFile(file, 'utf8').catch(() => undefined);
    };
    return {
      label: location,
      read,
      list: async (folder) => {
        const start = await realPathInside(location, folder);
        if (start === undefined) return [];
        const entries = await readdir(start, { recursive: true, withFileTypes: true }).catch(() => []);
        return entries.filter((e) => e.isFile()).map((e) => relative(location, join(e.parentPath, e.name)).split(sep).join('/'));
      },
      readMany: async (paths) => new Map((await Promise.all(paths.map(async (p) => [p, await read(p)] as const))).filter((e): e is [string, string] => e[1] !== undefined)),
    };
  }
  const ref = expand(source.ref, versionParts(version));
  const commit = await resolveRef(location, ref);
  if (!commit) return { error: `The documentation source ${location} has no ref "${ref}" for release ${version}.` };
  // A ref without the version in it is a branch that moves on: if the local copy of it is older
  // than the release, it cannot hold the release's documentation, so nothing can be concluded.
  const date = await commitDate(location, commit);
  if (!/\{(version|major|minor|patch)\}/.test(source.ref) && released && date && date < released) {
    return { skip: `Not checked offline: the local copy of the docs branch "${ref}" (last commit ${date}) is older than release ${version} (${released}).` };
  }
  return {
    label: `${source.repository}@${ref}`,
    read: (path) => readFileAt(location, commit, path),
    list: (folder) => listFiles(location, commit, folder),
    readMany: (paths) => readFilesAt(location, commit, paths),
  };
}

export class DocsSourceChecker implements LinkChecker {
  readonly via = 'docs-source' as const;
  private readonly readers = new Map<string, Promise<Reader>>();
  private readonly frontMatterIndexes = new Map<string, Promise<Map<string, string>>>();
  private readonly summaries = new Map<string, Promise<FileSummary | undefined>>();
  private readonly pages: PageParser;

  constructor(pages: PageParser) {
    this.pages = pages;
  }

  /** A source file's anchors, read and parsed once per run. */
  private summary(reader: SourceReader, path: string, style: SlugStyle): Promise<FileSummary | undefined> {
    const key = `${reader.label}\0${path}`;
    let pending = this.summaries.get(key);
    if (!pending) {
      pending = reader.read(path).then((text) => (text === undefined ? undefined : summariseFile(path, text, style, this.pages)));
      this.summaries.set(key, pending);
    }
    return pending;
  }

  accepts(url: URL, context: CheckContext): boolean {
    const docs = context.operator?.documentation;
    if (context.mode !== 'offline' || !docs?.source || !context.docsSource) return false;
    return underRoot(url, expand(docs.url, versionParts(context.version)));
  }

  async check(url: URL, context: CheckContext): Promise<Outcome> {
    const docs = context.operator!.documentation;
    const source = docs.source!;
    const fragment = fragmentOf(url);
    const path = docsPath(url, expand(docs.url, versionParts(context.version)));
    if (path === undefined) {
      return {
        via: this.via,
        anchor: fragment ? 'unchecked' : 'none',
        problem: { id: 'evidence-not-found', message: 'The path of this link is malformed or leads out of the documentation root.', hint: 'Link a page of this release\'s documentation as the site shows it.' },
      };
    }
    const key = `${context.docsSource}\0${source.ref}\0${context.version}`;
    let pendingReader = this.readers.get(key);
    if (!pendingReader) this.readers.set(key, (pendingReader = readerFor(context.docsSource!, source, context.version, context.released)));
    const reader = await pendingReader;
    if ('skip' in reader) return { via: 'none', anchor: 'unchecked', note: reader.skip };
    if ('error' in reader) {
      return { via: this.via, anchor: fragment ? 'unchecked' : 'none', problem: { id: 'evidence-not-found', message: reader.error, hint: 'Fetch the release tags into the local copy, or check documentation.source.ref in operator.yaml.' } };
    }
    const candidates = await this.candidates(reader, source, path, key);
    for (const candidate of candidates) {
      const summary = await this.summary(reader, candidate, source.slugs ?? 'github');
      if (summary) return { via: this.via, source: `${reader.label}:${candidate}`, ...fragmentOutcome(summary, fragment) };
    }
    return {
      via: this.via,
      anchor: fragment ? 'unchecked' : 'none',
      problem: {
        id: 'evidence-not-found',
        message: `No source file for this page in ${reader.label}${candidates.length ? ` (looked for ${candidates.join(', ')})` : ''}.`,
        hint: 'Link a page of this release that exists, or correct documentation.source in operator.yaml.',
      },
    };
  }

  private async candidates(reader: SourceReader, source: DocumentationSource, path: string, key: string): Promise<string[]> {
    if (path === '' && source.index) return [source.index];
    const fromTemplates = (source.pages ?? []).map((template) => template.replaceAll('{path}', path));
    if (!source.front_matter) return fromTemplates;
    let index = this.frontMatterIndexes.get(key);
    if (!index) this.frontMatterIndexes.set(key, (index = frontMatterIndex(reader, source.front_matter, this.pages)));
    const file = (await index).get(path);
    return file ? [file, ...fromTemplates] : fromTemplates;
  }
}

/** URL path → source file, from the `url:` front matter of every Markdown page in a folder. */
async function frontMatterIndex(reader: SourceReader, folder: string, parser: PageParser): Promise<Map<string, string>> {
  const pages = (await reader.list(folder)).filter((p) => /\.(md|markdown)$/i.test(p));
  const texts = await reader.readMany(pages);
  const parsed = await Promise.all([...texts].map(async ([path, text]) => [path, await parser.parse({ kind: 'markdown', text, slugs: 'github' })] as const));
  const index = new Map<string, string>();
  for (const [path, page] of parsed) {
    const frontMatter = 'frontMatter' in page ? page.frontMatter : undefined;
    if (!frontMatter) continue;
    let data: unknown;
    try {
      data = parse(frontMatter);
    } catch {
      continue;
    }
    const url = (data as { url?: unknown } | null)?.url;
    if (typeof url === 'string') index.set(trimSlashes(url), path);
  }
  return index;
}
