// Builds, from a catalogue, the submission schema that editors use to autocomplete feature ids
// and check each value's type. It is self-contained (no $ref to other files) so that an editor
// can use it offline from its relative path.
import type { Catalogue, Feature } from './generated/catalogue.ts';
import { generatedSubmissionSchemaPath, publishedSchemaUrl } from './layout.ts';
import { schemas } from './schemas.ts';

export const OTHER_PREFIX = 'other: ';
/** A value outside the allowed list: `other: ` and then some text. */
export const OTHER_PATTERN = `^${OTHER_PREFIX}\\S`;
/** Whether a value is of the `other: <text>` form (OTHER_PATTERN). */
export const isOtherValue = (value: string): boolean => /^other: \S/u.test(value);

type JsonSchema = Record<string, unknown>;

/** The schema of one value item (the whole value, or one element of a list). */
export function valueItemSchema(feature: Feature): JsonSchema {
  const rules = feature.values;
  if (rules?.allowed) {
    const known: JsonSchema = { enum: rules.allowed.map((a) => a.value) };
    if (!rules.other) return known;
    return { anyOf: [known, { type: 'string', pattern: OTHER_PATTERN }] };
  }
  if (rules?.pattern) return { type: 'string', pattern: rules.pattern };
  return { type: 'string', minLength: 1 };
}

export function valueSchema(feature: Feature): JsonSchema {
  switch (feature.type) {
    case 'boolean':
      return { type: 'boolean' };
    case 'integer':
      return { type: 'integer', minimum: 0 };
    case 'string':
      return valueItemSchema(feature);
    case 'string_array':
      return { type: 'array', uniqueItems: true, items: valueItemSchema(feature) };
  }
}

function describe(feature: Feature, catalogue: Catalogue): string {
  const category = catalogue.categories.find((c) => c.id === feature.category)?.name ?? feature.category;
  const parts = [
    `${feature.name} (${category}${feature.main ? ', main feature' : ''}).`,
    feature.definition.trim(),
    `To claim it: ${feature.criteria.trim()}`,
  ];
  if (feature.values?.allowed) {
    const list = feature.values.allowed.map((a) => a.value).join(', ');
    parts.push(`Values: ${list}${feature.values.other ? `, or "${OTHER_PREFIX}<text>"` : ''}.`);
  }
  if (feature.deprecated) parts.push(`Deprecated since ${feature.deprecated.since}: ${feature.deprecated.reason}`);
  return parts.join('\n\n');
}

function exampleValue(feature: Feature): unknown {
  switch (feature.type) {
    case 'boolean':
      return true;
    case 'integer':
      return 0;
    case 'string':
      return feature.values?.allowed?.[0]?.value ?? '';
    case 'string_array':
      return [];
  }
}

export function submissionSchemaFor(catalogue: Catalogue): JsonSchema {
  const base = structuredClone(schemas.submission) as JsonSchema & {
    properties: Record<string, JsonSchema>;
  };
  const featureProperties: Record<string, JsonSchema> = {};
  const names: string[] = [];
  for (const feature of catalogue.features) {
    const description = describe(feature, catalogue);
    const property: JsonSchema = {
      $ref: '#/$defs/Claim',
      type: 'object',
      title: feature.name,
      description,
      markdownDescription: description,
      properties: { value: valueSchema(feature) },
      defaultSnippets: [
        { label: 'claim', body: { value: exampleValue(feature), evidence: [{ title: '', url: 'https://' }] } },
      ],
    };
    if (feature.deprecated) property['deprecated'] = true;
    featureProperties[feature.id] = property;
    names.push(feature.id);
    for (const alias of feature.aliases ?? []) {
      featureProperties[alias] = { ...property, deprecated: true, description: `Former id of ${feature.id}. ${description}` };
      names.push(alias);
    }
  }
  const features = base.properties['features'] as JsonSchema;
  return {
    ...base,
    $id: publishedSchemaUrl(generatedSubmissionSchemaPath(catalogue.technology)),
    title: `${catalogue.name} submission`,
    description: `A submission against the ${catalogue.name} catalogue (${catalogue.technology}@${catalogue.version}). Generated from features/${catalogue.technology}/catalogue.yaml by \`npm run generate\`; do not edit.`,
    properties: {
      ...base.properties,
      catalogue: {
        ...base.properties['catalogue'],
        enum: catalogue.versions.map((v) => `${catalogue.technology}@${v.version}`),
      },
      features: {
        ...features,
        propertyNames: { enum: names },
        properties: featureProperties,
      },
    },
  };
}
