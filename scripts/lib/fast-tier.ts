// The fast tier of validation: most files are plain, valid YAML with nothing to report, and for
// them the full YAML Document (positions, comments, every node) that the exact tier builds is
// wasted work. js-yaml's event stream is read instead, and any file with something the exact
// tier's document rules look at — tags, anchors, aliases, directives, several documents, complex
// or forbidden keys, plain scalars that YAML 1.1 reads differently or that are not text or whole
// numbers, bare CR line breaks, tabs, deep nesting, any parse error — goes to the exact tier, as
// does any file a data rule has a finding for. So findings and their positions always come from
// the exact tier.
import {
  constructFromEvents,
  CORE_SCHEMA,
  EVENT_ALIAS,
  EVENT_DOCUMENT,
  EVENT_MAPPING,
  EVENT_POP,
  EVENT_SCALAR,
  EVENT_SEQUENCE,
  parseEvents,
  SCALAR_STYLE_PLAIN,
} from 'js-yaml';
import { yaml11Reading } from './rules/portable-yaml.ts';
import { parseYaml, toData } from './source.ts';

/** Keys the forbidden-key rule refuses (merge keys, prototype keys), in any scalar style. */
const FORBIDDEN = new Set(['<<', '__proto__', 'constructor', 'prototype']);
/**
 * Plain scalars that YAML 1.2's core schema reads as something other than text: null, booleans,
 * integers (decimal, 0o octal, 0x hex) and floats (with .inf and .nan). Anything else is text to
 * every core-schema reader.
 */
const CORE_NOT_TEXT = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?)$/;
/** Of those, the ones both readers turn into the same value: whole numbers, booleans, null. */
const SAME_VALUE = /^(?:~|null|Null|NULL|true|True|TRUE|false|False|FALSE|-?(?:0|[1-9][0-9]{0,14}))$/;

/**
 * Deeper data goes to the exact tier, whose nesting-depth rule measures it with the YAML lexer
 * (a whole extra pass over the text): submissions need five levels, conformance scenarios some
 * twenty; the rule allows 64.
 */
export const FAST_MAX_DEPTH = 32;

interface Frame {
  readonly mapping: boolean;
  /** Events seen in this collection: in a mapping, even positions are keys. */
  count: number;
}

/** The data of `text` when the fast tier can vouch for it, or undefined for the exact tier. */
export function fastData(text: string): { readonly data: unknown } | undefined {
  // Bare CR line breaks and tabs (which YAML readers treat differently around indentation).
  if (/\r(?!\n)|\t/.test(text)) return undefined;
  let events: ReturnType<typeof parseEvents>;
  try {
    events = parseEvents(text, {});
  } catch {
    return undefined;
  }
  let documents = 0;
  const stack: Frame[] = [];
  for (const event of events) {
    const parent = stack.at(-1);
    const isKey = parent?.mapping === true && parent.count % 2 === 0;
    switch (event.type) {
      case EVENT_DOCUMENT:
        documents++;
        if (documents > 1 || event.directives.length > 0 || event.explicitStart || event.explicitEnd) return undefined;
        continue;
      case EVENT_ALIAS:
        return undefined;
      case EVENT_POP:
        stack.pop();
        if (stack.length > 0) stack.at(-1)!.count++;
        continue;
      case EVENT_MAPPING:
      case EVENT_SEQUENCE:
        if (isKey || event.anchorStart !== -1 || event.tagStart !== -1 || stack.length >= FAST_MAX_DEPTH) return undefined;
        stack.push({ mapping: event.type === EVENT_MAPPING, count: 0 });
        continue;
      case EVENT_SCALAR: {
        if (event.anchorStart !== -1 || event.tagStart !== -1) return undefined;
        if (parent) parent.count++;
        const raw = text.slice(event.valueStart, event.valueEnd);
        // YAML limits an implicit key to one line of 1024 characters; js-yaml is more lenient.
        if (isKey && (raw.length > 1000 || raw.includes('\n'))) return undefined;
        // A quoted key with escapes or line breaks may spell a forbidden one: the exact tier decides.
        if (isKey && (FORBIDDEN.has(raw) || (event.style !== SCALAR_STYLE_PLAIN && /[\\\n]/.test(raw)))) return undefined;
        if (event.style !== SCALAR_STYLE_PLAIN) continue;
        if (yaml11Reading(raw) !== undefined) return undefined;
        // Keys are text; values that are not text must mean the same to both readers.
        if (raw === '' || (CORE_NOT_TEXT.test(raw) && (isKey || !SAME_VALUE.test(raw)))) return undefined;
        continue;
      }
      default:
        return undefined;
    }
  }
  if (documents !== 1) return undefined;
  let data: unknown;
  try {
    [data] = constructFromEvents(events, { source: text, schema: CORE_SCHEMA });
  } catch {
    return undefined;
  }
  return data === null || typeof data !== 'object' ? undefined : { data };
}

/**
 * The data of a file read only as context (a catalogue, the operator.yaml beside a submission),
 * which is checked on its own: by the fast tier when it can, else by the exact one. Undefined
 * when the YAML has errors.
 */
export function contextData(text: string): unknown {
  const fast = fastData(text);
  if (fast) return fast.data;
  const { document } = parseYaml(text);
  return document.errors.length === 0 ? toData(document) : undefined;
}
