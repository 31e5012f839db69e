import { Lexer } from 'yaml';
import { error, type Rule, type TextSubject } from './rule.ts';

export const MAX_NESTING = 64;

// Lexer tokens that mark structure but stand for no source text.
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f', '\u{FEFF}']);

/**
 * Deeply nested flow collections (`[[[[…`) make YAML parsers slow or overflow their stack, so
 * depth is measured with the lexer alone, before parsing.
 */
export const nestingDepth: Rule<TextSubject> = {
  id: 'nesting-depth',
  description: `Lists and mappings nest at most ${MAX_NESTING} levels deep.`,
  check({ text }) {
    let depth = 0;
    let offset = 0;
    for (const token of new Lexer().lex(text)) {
      if (token === '[' || token === '{') {
        depth++;
        if (depth > MAX_NESTING) {
          return [
            error(
              { offset },
              `Lists or mappings are nested more than ${MAX_NESTING} levels deep.`,
              'A submission needs only a few levels (features → claim → evidence); flatten the data.',
            ),
          ];
        }
      } else if (token === ']' || token === '}') depth = Math.max(0, depth - 1);
      if (!CONTROL_TOKENS.has(token)) offset += token.length;
    }
    return [];
  },
};
