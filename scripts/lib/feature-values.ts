// What a value must look like for its feature. The editor schema (submission-schema.ts) states the
// same constraints from the same catalogue data; a test keeps the two in agreement.
import type { Feature } from './catalogue.ts';
import type { Value } from './claims.ts';
import { isOtherValue, OTHER_PREFIX } from './submission-schema.ts';
import { closest, listOf } from './suggest.ts';
import { dataPattern } from './untrusted/regex.ts';

export interface ValueProblem {
  /** Index of the offending list item, when the problem is one item of a list. */
  readonly item?: number;
  readonly message: string;
  readonly hint: string;
}

const typeWords: Record<Feature['type'], string> = {
  boolean: 'true or false',
  integer: 'a whole number (0 or more)',
  string: 'a text',
  string_array: 'a list of texts',
};

const example: Record<Feature['type'], string> = {
  boolean: 'value: true',
  integer: 'value: 12',
  string: 'value: Patroni',
  string_array: 'value: [amd64, arm64]',
};

/** The allowed value that `text` spells differently (other case, or a listed alias), if any. */
export function canonicalValue(feature: Feature, text: string): string | undefined {
  const wanted = text.trim().toLowerCase();
  for (const allowed of feature.values?.allowed ?? []) {
    if (allowed.value.toLowerCase() === wanted) return allowed.value;
    if (allowed.aliases?.some((alias) => alias.toLowerCase() === wanted)) return allowed.value;
  }
  return undefined;
}

function checkItem(feature: Feature, item: string, index?: number): ValueProblem | undefined {
  const rules = feature.values;
  const where = index === undefined ? feature.id : `${feature.id}[${index}]`;
  if (item.trim() === '') return { item: index, message: `${where} is empty.`, hint: 'Write a value, or remove it.' };
  if (rules?.allowed) {
    const allowed = rules.allowed.map((a) => a.value);
    if (allowed.includes(item)) return undefined;
    if (rules.other && isOtherValue(item)) return undefined;
    const near = canonicalValue(feature, item) ?? closest(item, allowed);
    const listed = listOf(allowed.map((a) => `"${a}"`));
    return {
      item: index,
      message: `"${item}" is not a known value of ${feature.id} (${feature.name}).`,
      hint: `${near ? `Did you mean "${near}"? ` : ''}Use ${listed}${rules.other ? `, or write "${OTHER_PREFIX}${item}" for anything else` : ''}.`,
    };
  }
  if (rules?.pattern && !dataPattern(rules.pattern).test(item)) {
    return {
      item: index,
      message: `"${item}" is not ${rules.pattern_description ?? `in the form ${rules.pattern}`}.`,
      hint: `Write each value as ${rules.pattern_description ?? `text matching ${rules.pattern}`}; put details in the notes.`,
    };
  }
  return undefined;
}

export function checkValue(feature: Feature, value: Value): ValueProblem[] {
  const wrongType = (): ValueProblem[] => [
    {
      message: `${feature.id} (${feature.name}) takes ${typeWords[feature.type]}, not ${Array.isArray(value) ? 'a list' : JSON.stringify(value)}.`,
      hint: `For example: ${example[feature.type]}.`,
    },
  ];
  switch (feature.type) {
    case 'boolean':
      return typeof value === 'boolean' ? [] : wrongType();
    case 'integer':
      return typeof value === 'number' && Number.isInteger(value) && value >= 0 ? [] : wrongType();
    case 'string': {
      if (typeof value !== 'string') return wrongType();
      const problem = checkItem(feature, value);
      return problem ? [problem] : [];
    }
    case 'string_array': {
      if (!Array.isArray(value)) {
        return typeof value === 'string'
          ? [{ message: `${feature.id} (${feature.name}) takes a list of texts, not a single text.`, hint: `Write it as a list: value: [${JSON.stringify(value)}].` }]
          : wrongType();
      }
      const problems: ValueProblem[] = [];
      value.forEach((item, i) => {
        const problem = checkItem(feature, item, i);
        if (problem) problems.push(problem);
        else if (value.indexOf(item) !== i) problems.push({ item: i, message: `"${item}" is listed twice.`, hint: 'List each value once.' });
      });
      return problems;
    }
  }
}
