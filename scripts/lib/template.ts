// The files `ofm new` writes: a submission with every feature of the catalogue listed as
// "unknown" and explained in comments, and an operator.yaml to fill in.
import { Document, isMap, isScalar, Scalar, type Pair } from 'yaml';
import type { CatalogueIndex, Feature } from './catalogue.ts';
import { schemaCommentFor, type SchemaLinks } from './layout.ts';
import { OTHER_PREFIX } from './submission-schema.ts';

const WIDTH = 98;

/** Splits text into comment lines of at most WIDTH characters (YAML adds "# "). */
function wrap(text: string, indent = ''): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.replace(/\s+/g, ' ').trim().split(' ')) {
    if (line && line.length + 1 + word.length > WIDTH - indent.length) {
      lines.push(line);
      line = indent + word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

const typeWords: Record<Feature['type'], string> = {
  boolean: 'true or false',
  integer: 'a whole number',
  string: 'one text',
  string_array: 'a list of texts',
};

function valueLine(feature: Feature): string {
  const allowed = feature.values?.allowed?.map((a) => a.value);
  if (allowed) {
    const other = feature.values?.other ? `, or "${OTHER_PREFIX}<text>"` : '';
    const one = feature.type === 'string_array' ? 'a list of' : 'one of';
    return `Value: ${one} ${allowed.join(', ')}${other}.`;
  }
  if (feature.values?.pattern_description) return `Value: ${typeWords[feature.type]}, each ${feature.values.pattern_description}.`;
  return `Value: ${typeWords[feature.type]}.`;
}

function featureComment(feature: Feature, categoryHeading: string | undefined): string {
  const lines: string[] = [];
  if (categoryHeading) lines.push(`── ${categoryHeading} ${'─'.repeat(Math.max(3, 80 - categoryHeading.length))}`, '');
  lines.push(`${feature.id}: ${feature.name}${feature.main ? ' (main feature)' : ''}`);
  lines.push(...wrap(`What: ${feature.definition}`, '  '));
  lines.push(...wrap(`To claim: ${feature.criteria}`, '  '));
  lines.push(...wrap(`${valueLine(feature)} Evidence ${feature.evidence === 'required' ? 'is required' : 'is recommended'} for full or partial support.`, '  '));
  return lines.map((l) => (l ? ` ${l}` : '')).join('\n');
}

export interface NewSubmission {
  readonly relativePath: string;
  /** How the schema line names the schema (a vendor's repository has no schema/ folder). */
  readonly schemaLinks?: SchemaLinks;
  readonly operator: string;
  readonly version: string;
  readonly released: string;
}

export function newSubmissionText(index: CatalogueIndex, options: NewSubmission): string {
  const { catalogue } = index;
  const features = catalogue.features.filter((f) => !f.deprecated);
  // Written as YAML 1.1 would need it (dates and words such as "no" quoted), so that every tool
  // reads the file the same way.
  const doc = new Document({
    catalogue: `${catalogue.technology}@${catalogue.version}`,
    operator: options.operator,
    version: options.version,
    released: options.released,
    features: Object.fromEntries(features.map((f) => [f.id, { support: 'unknown' }])),
  }, { version: '1.1' });
  doc.commentBefore = [
    schemaCommentFor(options.relativePath, 'submission', catalogue.technology, options.schemaLinks).slice(1),
    '',
    ` What ${options.operator} ${options.version} supports, feature by feature (catalogue ${catalogue.technology}@${catalogue.version}).`,
    ' For each feature: replace "support: unknown" with a value, add evidence links to this release\'s',
    ' documentation, and notes where support is partial. `support` is derived from the value unless',
    ' given. Leave a feature as unknown rather than guess. Check with: npx ofm validate <this file>',
  ].join('\n');
  const map = doc.get('features', true);
  if (isMap(map)) {
    let category: string | undefined;
    map.items.forEach((pair: Pair, i) => {
      const feature = features[i]!;
      const heading = feature.category !== category ? index.categories.get(feature.category)?.name : undefined;
      category = feature.category;
      const key = isScalar(pair.key) ? pair.key : new Scalar(feature.id);
      key.commentBefore = featureComment(feature, heading);
      key.spaceBefore = i > 0;
      pair.key = key;
    });
  }
  const released = doc.get('released', true);
  if (isScalar(released)) released.comment = ' release date, YYYY-MM-DD';
  return doc.toString({ lineWidth: 0 });
}

export function newOperatorText(relativePath: string, id: string, schemaLinks?: SchemaLinks): string {
  return `${schemaCommentFor(relativePath, 'operator', '', schemaLinks)}
# Who makes ${id} and where its documentation lives. See schema/operator.md for every field.
id: ${id}
name: ""          # display name, e.g. "Example Operator for PostgreSQL"
vendor: ""        # company or community
homepage: ""      # https:// URL
repository: ""    # https:// URL of the source repository
license: ""       # SPDX identifier, e.g. Apache-2.0
maintainers: []   # GitHub logins allowed to change this folder
documentation:
  # The documentation root of a release; {version}, {major}, {minor} and {patch} are replaced.
  url: https://example.org/docs/{major}.{minor}/
  # Addresses that follow the newest release (such as "latest" docs): never valid as evidence,
  # since they change after the release. \`ofm validate\` flags links that start with one.
  unpinned:
    - https://example.org/docs/latest/
`;
}
