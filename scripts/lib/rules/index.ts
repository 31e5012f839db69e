// Every rule, by the stage it runs at. A file goes through the stages in order and stops after
// the first stage that finds an error, since later stages need what that stage checks.
import { aliasLimit } from './alias-limit.ts';
import { catalogueIntegrity } from './catalogue-integrity.ts';
import { catalogueVersion } from './catalogue-version.ts';
import { conformanceFeatures } from './conformance-features.ts';
import { conformanceReport } from './conformance-report.ts';
import { controlCharacter } from './control-character.ts';
import { deprecatedFeature } from './deprecated-feature.ts';
import { duplicateEvidence } from './duplicate-evidence.ts';
import { duplicateKey } from './duplicate-key.ts';
import { emptyFile } from './empty-file.ts';
import { encoding } from './encoding.ts';
import { evidencePinning } from './evidence-pinning.ts';
import { evidenceReport } from './evidence-report.ts';
import { evidenceRequired } from './evidence-required.ts';
import { featureOrder } from './feature-order.ts';
import { featureValue } from './feature-value.ts';
import { filePath } from './file-path.ts';
import { fileSize } from './file-size.ts';
import { forbiddenKey } from './forbidden-key.ts';
import { nestingDepth } from './nesting-depth.ts';
import { numberRange } from './number-range.ts';
import { omittedFeature } from './omitted-feature.ts';
import { operatorMetadata } from './operator-metadata.ts';
import { partialNotes } from './partial-notes.ts';
import { portableYaml } from './portable-yaml.ts';
import { publicUrl } from './public-url.ts';
import { EVIDENCE_PROBLEMS } from '../evidence/problems.ts';
import type { BytesSubject, DataSubject, DocumentSubject, Rule, TextSubject } from './rule.ts';
import { schema } from './schema.ts';
import { schemaComment } from './schema-comment.ts';
import { sourcesReleases } from './sources-releases.ts';
import { supportValue } from './support-value.ts';
import { unknownFeature } from './unknown-feature.ts';
import { yamlSyntax } from './yaml-syntax.ts';

export const bytesRules: readonly Rule<BytesSubject>[] = [fileSize, encoding];
export const textRules: readonly Rule<TextSubject>[] = [controlCharacter, nestingDepth];
export const documentRules: readonly Rule<DocumentSubject>[] = [yamlSyntax, emptyFile, duplicateKey, forbiddenKey, aliasLimit, numberRange, portableYaml];
export const dataRules: readonly Rule<DataSubject>[] = [
  schema,
  schemaComment,
  filePath,
  catalogueIntegrity,
  operatorMetadata,
  catalogueVersion,
  unknownFeature,
  deprecatedFeature,
  featureValue,
  supportValue,
  partialNotes,
  omittedFeature,
  featureOrder,
  evidenceRequired,
  duplicateEvidence,
  publicUrl,
  evidencePinning,
  evidenceReport,
  sourcesReleases,
  conformanceFeatures,
  conformanceReport,
];

export const allRules: ReadonlyArray<Rule<never>> = [...bytesRules, ...textRules, ...documentRules, ...dataRules];

/**
 * Rules whose errors say a claim is false (a conformance run contradicts it), not that the file
 * is broken: the site still shows such a file, with the claim marked contradicted.
 */
export const VERDICT_RULES: ReadonlySet<string> = new Set([conformanceReport.id]);

/** Reported when a rule itself fails: a bug in OFM, never the file's fault. */
export const INTERNAL_ERROR_RULE = 'internal-error';

/** What each finding id checks, for reports that list their rules (SARIF). */
export const RULE_DESCRIPTIONS: ReadonlyMap<string, string> = new Map([
  ...allRules.map((rule) => [rule.id, rule.description] as const),
  ...Object.entries(EVIDENCE_PROBLEMS),
  [INTERNAL_ERROR_RULE, 'A check failed unexpectedly: a bug in OFM, not a problem of the file.'],
]);
