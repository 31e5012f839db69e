// `ofm new --from`: a new release's submission made by editing the previous one's text in place.
// Only the version, the release date, the catalogue, the release notes, the header comment and
// the evidence links pinned to the previous release change, so that the diff between the two
// files shows what the vendor changes afterwards, and nothing else.
import { isMap, isScalar, isSeq, parseDocument, type Scalar } from 'yaml';
import { evidenceItems, isRecord } from './claims.ts';
import { githubRepository, parseGithubLink } from './evidence/links.ts';
import type { OperatorMetadata } from './generated/operator.ts';
import { expand, versionParts } from './releases.ts';

export interface NextRelease {
  readonly fromVersion: string;
  readonly version: string;
  readonly released: string;
  readonly catalogueRef: string;
  /** operator.yaml, when valid: its documentation template and repository say how links are pinned. */
  readonly operator: OperatorMetadata | undefined;
}

export interface MovedSubmission {
  readonly text: string;
  /** Evidence links moved to the new release, as "feature: url". */
  readonly moved: readonly string[];
  /** Claims to re-check by hand, each with why. */
  readonly recheck: readonly string[];
}

interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The ways a release number appears in addresses and prose: 1.30.0, and 1300 in anchors such as #version-1300. */
function replaceVersion(text: string, from: string, to: string): string {
  const compactFrom = from.replace(/\D/g, '');
  const compactTo = to.replace(/\D/g, '');
  const result = text.split(from).join(to);
  if (compactFrom.length < 3) return result;
  // "version-1300" but not "version-13001": split on the anchor and look at what follows.
  const [first = '', ...pieces] = result.split(`version-${compactFrom}`);
  return pieces.reduce((joined, piece) => joined + (/^\d/.test(piece) ? `version-${compactFrom}` : `version-${compactTo}`) + piece, first);
}

/** Writes a scalar's new value in the quoting style it had (plain stays plain when it can). */
function scalarText(node: Scalar, value: string): string {
  return node.type === 'PLAIN' && /^[A-Za-z][\w:/.#%?=&+~@-]*$/.test(value) ? value : JSON.stringify(value);
}

export function moveSubmission(previous: string, next: NextRelease): MovedSubmission {
  const doc = parseDocument(previous);
  const edits: Edit[] = [];
  const moved: string[] = [];
  const recheck: string[] = [];
  const setScalar = (path: readonly (string | number)[], value: string, quoted: boolean) => {
    const node = doc.getIn(path, true);
    if (!isScalar(node) || !node.range) return false;
    if (node.value === value && !(quoted && node.type === 'PLAIN')) return true;
    edits.push({ start: node.range[0], end: node.range[1], text: quoted ? JSON.stringify(value) : scalarText(node, value) });
    return true;
  };

  // Release number and date are always written quoted: YAML 1.1 tools read a plain date as a date.
  setScalar(['version'], next.version, true);
  setScalar(['released'], next.released, true);
  setScalar(['catalogue'], next.catalogueRef, false);

  const from = versionParts(next.fromVersion);
  const to = versionParts(next.version);
  const docsFrom = next.operator ? expand(next.operator.documentation.url, from) : undefined;
  const docsTo = next.operator ? expand(next.operator.documentation.url, to) : undefined;
  const ownRepositories = [next.operator?.repository, next.operator?.documentation.source?.repository].map(githubRepository).filter(Boolean);

  /** The address for the new release, or undefined when it is not pinned to the previous one. */
  const moveUrl = (url: string): string | undefined => {
    if (docsFrom && docsTo && url.startsWith(docsFrom)) return docsTo + replaceVersion(url.slice(docsFrom.length), next.fromVersion, next.version);
    if (!URL.canParse(url)) return undefined;
    const github = parseGithubLink(new URL(url));
    if (!github || !ownRepositories.includes(`${github.owner}/${github.repo}`.toLowerCase())) return undefined;
    const ref = github.candidates.find((c) => c.ref.includes(next.fromVersion))?.ref;
    if (!ref) return undefined;
    const at = url.indexOf(`/${ref}/`) >= 0 ? url.indexOf(`/${ref}/`) : url.indexOf(`/${ref}`);
    return at < 0 ? undefined : `${url.slice(0, at + 1)}${ref.split(next.fromVersion).join(next.version)}${url.slice(at + 1 + ref.length)}`;
  };

  const notes = doc.get('release_notes', true);
  if (isScalar(notes) && typeof notes.value === 'string') {
    const moved = moveUrl(notes.value) ?? replaceVersion(notes.value, next.fromVersion, next.version);
    if (moved !== notes.value) setScalar(['release_notes'], moved, false);
    else recheck.push(`release_notes does not name ${next.fromVersion}: point it at the notes of ${next.version}.`);
  }

  const features = doc.get('features', true);
  const claims: unknown = isMap(features) ? features.toJSON() : undefined;
  if (isMap(features) && isRecord(claims)) {
    for (const pair of features.items) {
      if (!isScalar(pair.key)) continue;
      const id = String(pair.key.value);
      const claim = claims[id];
      const evidence = doc.getIn(['features', id, 'evidence'], true);
      const unmoved: string[] = [];
      if (isSeq(evidence)) {
        for (const { index, url } of evidenceItems(isRecord(claim) ? claim : {})) {
          if (typeof url !== 'string') continue;
          const target = moveUrl(url);
          if (target && target !== url && setScalar(['features', id, 'evidence', index, 'url'], target, false)) {
            moved.push(`${id}: ${target}`);
            if (target.includes(next.fromVersion)) unmoved.push(target);
          } else if (!target && (url.includes(next.fromVersion) || /\/blob\/[0-9a-f]{40}\//i.test(url))) unmoved.push(url);
        }
      }
      if (unmoved.length > 0) recheck.push(`${id}: ${unmoved.length} link(s) still name ${next.fromVersion} or a commit (${unmoved[0]}${unmoved.length > 1 ? ', …' : ''}); make them show ${next.version}.`);
      const notesText = isRecord(claim) && typeof claim['notes'] === 'string' ? claim['notes'] : '';
      if (notesText.includes(next.fromVersion)) recheck.push(`${id}: its notes name ${next.fromVersion}.`);
    }
  }

  // The header comment (the lines before the first key, after the schema line) names the release.
  const firstKey = doc.contents && isMap(doc.contents) ? doc.contents.items[0]?.key : undefined;
  const headerEnd = isScalar(firstKey) && firstKey.range ? firstKey.range[0] : 0;
  const header = previous.slice(0, headerEnd);
  const schemaLineEnd = header.startsWith('# yaml-language-server:') ? header.indexOf('\n') + 1 : 0;
  let rest = header.slice(schemaLineEnd);
  if (docsFrom && docsTo) rest = rest.split(docsFrom).join(docsTo);
  rest = replaceVersion(rest, next.fromVersion, next.version);
  if (rest !== header.slice(schemaLineEnd)) edits.push({ start: schemaLineEnd, end: headerEnd, text: rest });

  let text = previous;
  for (const edit of edits.sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
  return { text, moved, recheck };
}
