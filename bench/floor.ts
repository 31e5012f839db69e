// The least a validator of these files must do, as a program of its own: read each file, parse
// it with js-yaml (or JSON.parse), and check it with the precompiled schema validator of its
// kind. bench/cli.ts bundles and times it beside `ofm validate`; it prints the count of files
// that match their schema.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { load } from 'js-yaml';
import * as validators from '../scripts/lib/generated/validators.ts';
import { classifyPath, type FileKind } from '../scripts/lib/layout.ts';

const byKind: Record<FileKind, (data: unknown) => boolean> = {
  catalogue: validators.catalogue,
  operator: validators.operator,
  submission: validators.submission,
  sources: validators.sources,
  conformance: validators.conformance,
  'evidence-report': validators.evidenceReport,
  'conformance-report': validators.conformanceReport,
};
const [root, ...files] = process.argv.slice(2);
let valid = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  const data = file.endsWith('.json') ? JSON.parse(text) : load(text);
  const kind = classifyPath(relative(root!, file));
  if (kind && byKind[kind](data)) valid++;
}
process.stdout.write(`${valid} of ${files.length} files match their schema\n`);
