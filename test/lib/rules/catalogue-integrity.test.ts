import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { only, testProject } from '../../helpers/project.ts';

async function catalogueWith(edit: (text: string) => string) {
  const project = await testProject();
  const path = 'features/postgres/catalogue.yaml';
  await project.write(path, edit(await readFile(`${project.root}/${path}`, 'utf8')));
  return only(await project.validate(path), 'catalogue-integrity');
}

describe('catalogue-integrity', () => {
  it('accepts the shipped catalogue', async () => {
    expect(await catalogueWith((t) => t)).toEqual([]);
  });

  it('reports a duplicate feature id and an alias that collides with an id', async () => {
    const findings = await catalogueWith((t) => t.replace('  - id: mcrds\n', '  - id: instm\n').replace('  - id: tlssp\n', '  - id: tlssp\n    aliases: [tlscu]\n'));
    expect(findings.map((f) => f.message)).toEqual(['"instm" is already used as the id of feature #1.', '"tlscu" is already used as an alias of tlssp.']);
  });

  it('reports an unknown category, values on a boolean, and a duplicate allowed value', async () => {
    const findings = await catalogueWith((t) =>
      t
        .replace('    category: genc\n    type: boolean\n    main: true\n', '    category: nope\n    type: boolean\n    main: true\n    values: { allowed: [{ value: x }] }\n')
        .replace('        - value: arm64\n', '        - value: arm64\n        - value: amd64\n'),
    );
    expect(findings.map((f) => f.message)).toEqual([
      'Category "nope" is not defined.',
      'mcrds is boolean, so it cannot list values.',
      'Value "amd64" is listed twice.',
    ]);
  });

  it('reports a current version missing from the history, and an unknown replacement', async () => {
    const findings = await catalogueWith((t) =>
      t.replace('version: 1.0.0\nofm_version', 'version: 1.1.0\nofm_version').replace('  - id: hugpa\n', '  - id: hugpa\n    deprecated: { since: 1.0.0, reason: x, replaced_by: nosuch }\n'),
    );
    expect(findings.map((f) => f.message)).toEqual(['Version 1.1.0 is not in "versions".', 'Feature "nosuch" does not exist.']);
  });

  it('accepts a release candidate before its release in the version history', async () => {
    const findings = await catalogueWith((t) => t.replace(/^versions:\n/m, (line) => `${line}  - version: 1.0.0-rc.1\n    date: "2026-01-10"\n    changes: Release candidate.\n`));
    expect(findings).toEqual([]);
  });
});
