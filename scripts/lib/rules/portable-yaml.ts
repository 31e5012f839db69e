import { isScalar, visit, type Scalar } from 'yaml';
import { warning, type DocumentSubject, type Rule, type RuleFinding } from './rule.ts';

// Plain scalars that YAML 1.2 (OFM, and most new tools) reads as text or as one number, but YAML
// 1.1 (PyYAML, older Go and Ruby libraries) reads as something else.
const YAML11: ReadonlyArray<{ readonly test: RegExp; readonly becomes: string }> = [
  { test: /^\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+)\d\d?:\d\d:\d\d(?:\.\d*)?(?:[ \t]*Z|[-+]\d\d?(?::\d\d)?)?)?$/, becomes: 'a date' },
  { test: /^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/, becomes: 'true or false' },
  { test: /^[-+]?0[0-7_]+$/, becomes: 'an octal number' },
  { test: /^[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/, becomes: 'a number in base 60' },
  { test: /^[-+]?(?:0|[1-9][0-9]*)(?:_[0-9]+)+$/, becomes: 'a number' },
];

/** What YAML 1.1 tools read a plain scalar written as `written` as, when it is not text. */
export function yaml11Reading(written: string): string | undefined {
  if (written.length > 64) return undefined;
  return YAML11.find((m) => m.test.test(written))?.becomes;
}

/**
 * Submissions are read by other tools too; a value must mean the same to all of them. A date
 * written plainly is text to OFM and a date object to PyYAML; `no` is text to OFM and false there.
 */
export const portableYaml: Rule<DocumentSubject> = {
  id: 'portable-yaml',
  description: 'Values read the same in YAML 1.1 and 1.2: dates, yes/no/on/off, numbers with leading zeros, underscores or colons are quoted.',
  check({ document, text }) {
    const findings: RuleFinding[] = [];
    visit(document, {
      Scalar(_key, node: Scalar) {
        if (!isScalar(node) || node.type !== 'PLAIN' || !node.range) return;
        const written = text.slice(node.range[0], node.range[1]).trim();
        const becomes = yaml11Reading(written);
        if (!becomes) return;
        findings.push({
          ...warning(
            { offset: node.range[0] },
            `${written} is read as ${becomes} by YAML 1.1 tools (PyYAML and others), and as ${typeof node.value === 'number' ? `the number ${node.value}` : 'text'} by OFM.`,
            `Quote it so every tool reads the same: "${written}".`,
          ),
          fix: { text: `"${written}"`, length: written.length },
        });
      },
    });
    return findings;
  },
};
