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

export const yamlSyntax: Rule<DocumentSubject> = {
  id: 'yaml-syntax',
  description: 'The file is one well-formed YAML document, without tags.',
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
    visit(document, (_key, node) => {
      if (isNode(node) && node.tag && !STANDARD_TAGS.has(node.tag) && node.range) {
        // The node's range starts after its tag: point at the "!" that starts the tag.
        const before = text.slice(0, node.range[0]).match(/!\S*\s*(?:&\S+\s*)?$/);
        const tagOffset = before?.index ?? -1;
        findings.push(
          error(
            { offset: tagOffset >= 0 ? tagOffset : node.range[0] },
            `The YAML tag ${node.tag} is not allowed.`,
            'Remove the tag (the word starting with "!"): OFM files hold plain YAML only.',
          ),
        );
      }
    });
    return findings;
  },
};
