import { isNode, visit, type ErrorCode } from 'yaml';
import { error, type DocumentSubject, type Rule, type RuleFinding } from './rule.ts';

const QUOTING =
  'Check the indentation and quoting on this line: text containing ": " or " #", or starting with [ { * & ! | > % @ or a backtick, must be quoted.';

const hints: Partial<Record<ErrorCode, string>> = {
  TAB_AS_INDENT: 'Indent with spaces: YAML does not allow tabs for indentation.',
  MULTIPLE_DOCS: 'Keep one YAML document per file: remove the "---" line and what follows it.',
  BAD_DQ_ESCAPE: 'Fix the backslash escape in this double-quoted text, or use single quotes.',
  KEY_OVER_1024_CHARS: 'Keys are feature ids and field names; keep them short.',
  RESOURCE_EXHAUSTION: 'Simplify the structure of the file.',
  DUPLICATE_KEY: 'Remove one of the two keys.',
  TAG_RESOLVE_FAILED: 'Remove the YAML tag (the word starting with "!").',
};

// Only plain YAML is data: tags such as !!binary or !custom have no meaning in OFM files.
const STANDARD_TAGS = new Set([
  'tag:yaml.org,2002:map',
  'tag:yaml.org,2002:seq',
  'tag:yaml.org,2002:str',
  'tag:yaml.org,2002:int',
  'tag:yaml.org,2002:float',
  'tag:yaml.org,2002:bool',
  'tag:yaml.org,2002:null',
]);

// A tag or anchor longer than this is not looked for (so the search stays short on any file).
const MAX_PROPERTY_LENGTH = 1024;
const isSpace = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/**
 * Where the tag of a node starts: the "!" word before the node's range, past an anchor between
 * them. A bounded scan backwards, so that no text before a tag can make it slow.
 */
function tagStart(text: string, nodeStart: number): number | undefined {
  const limit = Math.max(0, nodeStart - MAX_PROPERTY_LENGTH);
  let i = nodeStart;
  const previousWord = (): number => {
    while (i > limit && isSpace(text[i - 1])) i--;
    while (i > limit && !isSpace(text[i - 1])) i--;
    return i;
  };
  let start = previousWord();
  if (text[start] === '&') start = previousWord();
  return text[start] === '!' ? start : undefined;
}

/** The line of the first directive (a line starting with "%") before the document starts. */
function directiveLine(text: string, name: string): number | undefined {
  const lines = text.split('\n', 1000);
  for (const [index, line] of lines.entries()) {
    if (line.startsWith(`%${name}`)) return index + 1;
    if (line.startsWith('---') || !(line.startsWith('%') || line.startsWith('#') || line.trim() === '')) return undefined;
  }
  return undefined;
}

export const yamlSyntax: Rule<DocumentSubject> = {
  id: 'yaml-syntax',
  description: 'The file is one well-formed YAML 1.2 document, without tags or directives that change how it reads.',
  check({ document, text }) {
    // Unresolved tags are reported below, once, for every tag.
    const problems = [...document.errors, ...document.warnings].filter((p) => p.code !== 'TAG_RESOLVE_FAILED');
    const findings: RuleFinding[] = problems.map((problem) =>
      error(
        { offset: problem.pos[0] },
        problem.message.split('\n')[0] ?? problem.message,
        hints[problem.code] ?? QUOTING,
      ),
    );
    // YAML 1.1 reads `yes` as true, dates as timestamps and `<<` as a merge: not what OFM files mean.
    const { version, explicit } = document.directives?.yaml ?? { version: '1.2', explicit: false };
    if (explicit && version !== '1.2') {
      findings.push(
        error(
          { line: directiveLine(text, 'YAML') ?? 1, column: 1 },
          `The file asks for YAML ${version}; OFM files are YAML 1.2.`,
          'Remove the %YAML line (and the "---" after it, if nothing else needs it).',
        ),
      );
    }
    if (Object.keys(document.directives?.tags ?? {}).some((handle) => handle !== '!!')) {
      findings.push(error({ line: directiveLine(text, 'TAG') ?? 1, column: 1 }, 'The file declares a %TAG directive.', 'Remove the %TAG line: OFM files hold plain YAML without tags.'));
    }
    visit(document, (_key, node) => {
      if (isNode(node) && node.tag && !STANDARD_TAGS.has(node.tag) && node.range) {
        // The node's range starts after its tag: point at the "!" that starts the tag.
        findings.push(
          error(
            { offset: tagStart(text, node.range[0]) ?? node.range[0] },
            `The YAML tag ${node.tag} is not allowed.`,
            'Remove the tag (the word starting with "!"): OFM files hold plain YAML only.',
          ),
        );
      }
    });
    return findings;
  },
};
