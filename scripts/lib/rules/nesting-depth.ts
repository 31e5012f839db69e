import { Lexer } from 'yaml';
import { error, type Rule, type TextSubject } from './rule.ts';

export const MAX_NESTING = 64;

// Lexer tokens that mark structure but stand for no source text.
const CONTROL_TOKENS = new Set(['\x02', '\x18', '\x1f', '\u{FEFF}']);

const isBlank = (token: string) => /^[ \t\r\n]*$/.test(token);

/**
 * Whether the text cannot reach the limit, seen without the lexer (which costs as much as
 * parsing): flow depth is at most the number of [ and { characters, and a chain needs more than
 * MAX_NESTING indicator characters separated by nothing but spaces, line breaks or a BOM.
 */
function clearlyShallow(text: string): boolean {
  const opener = /[[{]/g;
  let openers = 0;
  while (opener.exec(text) && ++openers <= MAX_NESTING);
  return openers <= MAX_NESTING && !INDICATOR_CHAIN.test(text);
}

// {64} is MAX_NESTING, written out: no pattern is built at run time. The two classes share no
// character, so a failed match backtracks at most MAX_NESTING steps.
const INDICATOR_CHAIN = /[-?:](?:[ \t\r\n\uFEFF]*[-?:]){64}/;

/**
 * Deeply nested collections make YAML parsers slow or overflow their stack, so depth is measured
 * with the lexer alone, before parsing: flow collections (`[[[[…`), and chains of block
 * indicators with nothing between them (`- - - - …`, `? ? ? …`), which nest one level each on a
 * single line. Block nesting by indentation needs a wider indent per level, which the file size
 * bounds.
 */
export const nestingDepth: Rule<TextSubject> = {
  id: 'nesting-depth',
  description: `Lists and mappings nest at most ${MAX_NESTING} levels deep.`,
  check({ text }) {
    if (clearlyShallow(text)) return [];
    let depth = 0;
    let offset = 0;
    let chain = 0;
    for (const token of new Lexer().lex(text)) {
      if (token === '-' || token === '?' || token === ':') {
        chain++;
        if (chain > MAX_NESTING) {
          return [
            error(
              { offset },
              `Lists or mappings are nested more than ${MAX_NESTING} levels deep ("${token} ${token} ${token} …").`,
              'A submission needs only a few levels (features → claim → evidence); flatten the data.',
            ),
          ];
        }
      } else if (!isBlank(token) && !CONTROL_TOKENS.has(token)) chain = 0;
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
