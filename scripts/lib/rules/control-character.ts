import { error, type RuleFinding, type TextSubject } from './rule.ts';
import type { Rule } from './rule.ts';

const NAMES: Record<number, string> = {
  0x07: 'BEL',
  0x08: 'backspace',
  0x0b: 'vertical tab',
  0x0c: 'form feed',
  0x1b: 'ESC',
  0x7f: 'DEL',
  0x85: 'next line',
  0x2028: 'line separator',
  0x2029: 'paragraph separator',
  0x202a: 'left-to-right embedding',
  0x202b: 'right-to-left embedding',
  0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override',
  0x202e: 'right-to-left override',
  0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate',
  0x2068: 'first strong isolate',
  0x2069: 'pop directional isolate',
  0xfeff: 'byte-order mark',
};

/**
 * Characters that are invisible in an editor and can change what a terminal or a reviewer sees:
 * C0 controls other than tab and line breaks, DEL, C1 controls, the Unicode line and paragraph
 * separators, bidirectional overrides and isolates, and a byte-order mark after the start.
 */
function isHidden(code: number, offset: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code >= 0x7f && code <= 0x9f) return true;
  if (code === 0x2028 || code === 0x2029) return true;
  if ((code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069)) return true;
  return code === 0xfeff && offset > 0;
}

/** Every character isHidden() may flag, and CR; the loop below decides. */
const ANY_SUSPECT = /[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028-\u202e\u2066-\u2069\ufeff]/;

export const controlCharacter: Rule<TextSubject> = {
  id: 'control-character',
  description: 'The text has no control characters (other than tab and line breaks), no bidirectional overrides, and line breaks are LF or CRLF.',
  check({ text }) {
    // Most files have none: one native scan instead of a loop over every character.
    if (!ANY_SUSPECT.test(text)) return [];
    const findings: RuleFinding[] = [];
    let bareCr = false;
    for (let offset = 0; offset < text.length; offset++) {
      const code = text.charCodeAt(offset);
      if (code === 0x0d && text.charCodeAt(offset + 1) !== 0x0a) {
        if (!bareCr) {
          findings.push(
            error({ offset }, 'A line ends with a carriage return alone (old Mac OS line breaks).', 'Save the file with LF (or CRLF) line breaks: a lone CR is not read as a line break by every tool.'),
          );
          bareCr = true;
        }
      } else if (isHidden(code, offset)) {
        const name = NAMES[code];
        findings.push(
          error(
            { offset },
            `The text contains the invisible character U+${code.toString(16).toUpperCase().padStart(4, '0')}${name ? ` (${name})` : ''}.`,
            'Remove it: such characters do not show in editors and can change what a terminal or a reviewer sees.',
          ),
        );
      }
    }
    return findings;
  },
};
