// Checks on the shape of a pull request rather than on any one file: one operator at a time,
// file names that say what they hold, and submissions written against a current catalogue.
import { parse } from 'yaml';
import semverCompare from 'semver/functions/compare.js';
import { parseCatalogueRef } from '../catalogue.ts';
import type { Diagnostic } from '../diagnostic.ts';
import {
  CONFORMANCE_FILE,
  CONFORMANCE_REPORT_SUFFIX,
  EVIDENCE_REPORT_SUFFIX,
  OPERATOR_FILE,
  RELEASE_PATTERN,
  SOURCES_FILE,
  SUBMISSIONS_DIR,
  cataloguePath,
  classifyPath,
} from '../layout.ts';
import { locate } from '../locate.ts';
import { parseYaml, positionOf } from '../source.ts';
import { operatorOfPath, type Changes, type PullRequestView } from './changes.ts';
import { checkOf, type Check } from './result.ts';

const at = (file: string, line = 1, column = 1) => ({ file, line, column });

export function oneOperatorCheck(changes: Changes): Check {
  const title = 'One operator per pull request';
  const [first, ...others] = changes.operators;
  if (!first) return checkOf('one-operator', title, [], 'No operator folder changes.', true);
  const findings: Diagnostic[] = others.map((operator) => {
    const file = changes.files.find((f) => operatorOfPath(f.path)?.id === operator.id && operatorOfPath(f.path)?.technology === operator.technology)!.path;
    return {
      ...at(file),
      rule: 'one-operator',
      severity: 'error' as const,
      message: `This pull request changes ${operator.technology}/${operator.id} as well as ${first.technology}/${first.id}.`,
      hint: 'Send each operator\'s changes in a pull request of its own, so each can be reviewed by that operator\'s maintainers.',
    };
  });
  return checkOf('one-operator', title, findings, findings.length === 0 ? `Only ${first.technology}/${first.id} changes.` : `${changes.operators.length} operators change.`);
}

/** The release a file in an operator's folder belongs to, or undefined for operator-wide files. */
function releaseOfFile(name: string): { release: string; kind: 'submission' | 'report' } | undefined {
  for (const suffix of [EVIDENCE_REPORT_SUFFIX, CONFORMANCE_REPORT_SUFFIX]) {
    if (name.endsWith(suffix)) return { release: name.slice(0, -suffix.length), kind: 'report' };
  }
  if (name.endsWith('.yaml')) return { release: name.slice(0, -'.yaml'.length), kind: 'submission' };
  return undefined;
}

export async function fileNamesCheck(view: PullRequestView, changes: Changes): Promise<Check> {
  const title = 'File names and places';
  const findings: Diagnostic[] = [];
  const inSubmissions = changes.files.filter((f) => f.path.startsWith(`${SUBMISSIONS_DIR}/`));
  if (inSubmissions.length === 0) return checkOf('file-names', title, [], 'No file under submissions/ changes.', true);
  for (const { path, status } of inSubmissions) {
    const parts = path.split('/');
    const name = parts.at(-1)!;
    if (status === 'deleted') {
      if (classifyPath(path) === 'submission') {
        findings.push({ ...at(path), rule: 'file-names', severity: 'warning', message: `This pull request removes ${path}.`, hint: 'Removing a released version\'s claims takes them off the site; say why in the pull request.' });
      }
      continue;
    }
    if (parts.length !== 4 || !operatorOfPath(path)) {
      findings.push({ ...at(path), rule: 'file-names', severity: 'error', message: `${path} is not in an operator's folder.`, hint: `Files go in ${SUBMISSIONS_DIR}/<technology>/<operator>/, lower-case ids with dashes.` });
      continue;
    }
    if ([OPERATOR_FILE, SOURCES_FILE, CONFORMANCE_FILE].includes(name)) continue;
    if (name.endsWith('.yml')) {
      findings.push({ ...at(path), rule: 'file-names', severity: 'error', message: `${name} ends in .yml.`, hint: `Name it ${name.slice(0, -4)}.yaml.` });
      continue;
    }
    const release = releaseOfFile(name);
    if (!release || !RELEASE_PATTERN.test(release.release)) {
      findings.push({
        ...at(path),
        rule: 'file-names',
        severity: 'error',
        message: `${name} is not a file OFM knows in an operator's folder.`,
        hint: `Use ${OPERATOR_FILE}, ${SOURCES_FILE}, ${CONFORMANCE_FILE}, <version>.yaml (such as 1.30.0.yaml), <version>${EVIDENCE_REPORT_SUFFIX} or <version>${CONFORMANCE_REPORT_SUFFIX}.`,
      });
      continue;
    }
    if (release.kind === 'report') {
      const submission = [...parts.slice(0, 3), `${release.release}.yaml`].join('/');
      if ((await view.readHead(submission)) === undefined) {
        findings.push({ ...at(path), rule: 'file-names', severity: 'error', message: `${name} has no submission ${release.release}.yaml beside it.`, hint: 'A report is named after the submission it checks; add the submission or rename the report.' });
      }
      continue;
    }
    const text = await view.readHead(path);
    const version = readKey(text, 'version');
    if (typeof version.value === 'string' && version.value !== release.release) {
      findings.push({ ...at(path, version.line, version.column), rule: 'file-names', severity: 'error', message: `${name} holds version "${version.value}".`, hint: `Name the file ${version.value}.yaml, or correct its version.` });
    }
  }
  const files = inSubmissions.filter((f) => f.status !== 'deleted').length;
  return checkOf('file-names', title, findings, `${files} file(s) under submissions/ checked.`);
}

/** A top-level key's value and where it is, from a YAML text that may be broken. */
function readKey(text: string | undefined, key: string): { value: unknown; line: number; column: number } {
  if (text === undefined) return { value: undefined, line: 1, column: 1 };
  try {
    const { document, lineCounter } = parseYaml(text);
    const data: unknown = document.errors.length === 0 ? document.toJS({ maxAliasCount: 0 }) : undefined;
    const value = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)[key] : undefined;
    return { value, ...positionOf(lineCounter, locate(document, [key])) };
  } catch {
    return { value: undefined, line: 1, column: 1 };
  }
}

/** Released versions of a catalogue at the head, newest first. */
function releasedVersions(text: string | undefined): string[] {
  try {
    const data: unknown = text === undefined ? undefined : parse(text, { maxAliasCount: 0 });
    const versions = typeof data === 'object' && data !== null ? (data as Record<string, unknown>)['versions'] : undefined;
    if (!Array.isArray(versions)) return [];
    const list = versions.map((v: unknown) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)['version'] : undefined));
    return list.filter((v): v is string => typeof v === 'string' && /^\d+\.\d+\.\d+$/.test(v)).sort((a, b) => semverCompare(b, a));
  } catch {
    return [];
  }
}

export async function catalogueVersionCheck(view: PullRequestView, changes: Changes): Promise<Check> {
  const title = 'Catalogue version current or one behind';
  const submissions = changes.files.filter((f) => f.status !== 'deleted' && classifyPath(f.path) === 'submission');
  if (submissions.length === 0) return checkOf('catalogue-version', title, [], 'No submission changes.', true);
  const findings: Diagnostic[] = [];
  const catalogues = new Map<string, string[]>();
  for (const { path } of submissions) {
    const written = readKey(await view.readHead(path), 'catalogue');
    const ref = parseCatalogueRef(written.value);
    // A missing or malformed reference is the validator's finding (catalogue-version rule).
    if (!ref) continue;
    let versions = catalogues.get(ref.technology);
    if (!versions) catalogues.set(ref.technology, (versions = releasedVersions(await view.readHead(cataloguePath(ref.technology)))));
    const rank = versions.indexOf(ref.version);
    if (rank === -1 || rank <= 1) continue;
    findings.push({
      ...at(path, written.line, written.column),
      rule: 'catalogue-version',
      severity: 'error',
      message: `${ref.technology}@${ref.version} is ${rank} versions behind the newest catalogue, ${ref.technology}@${versions[0]}.`,
      hint: `Write new claims against ${ref.technology}@${versions[0]} (or ${ref.technology}@${versions[1]}): \`npx ofm new --operator <id> --version <release> --from <earlier release>\` starts from the newest catalogue.`,
    });
  }
  return checkOf('catalogue-version', title, findings, `${submissions.length} submission(s) checked.`);
}
