import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../scripts/commands/fix.ts';
import { completeSubmission, only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

async function findings(features: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  const path = 'submissions/postgres/demo/1.2.0.yaml';
  const text = submission(features);
  await project.write(path, text);
  return { text, found: only(await project.validate(path), 'feature-order') };
}

const unknown = (id: string) => `${id}:\n  support: unknown\n  notes: Not known.`;

describe('feature-order', () => {
  it('says nothing when the claims follow the catalogue', async () => {
    const project = await testProject();
    await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await project.write('submissions/postgres/demo/1.2.0.yaml', completeSubmission(''));
    expect(only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'feature-order')).toEqual([]);
  });

  it('points at the first claim out of place, as a note, with one edit that reorders the whole list', async () => {
    const { text, found } = await findings([unknown('tblsp'), '# about TLS', unknown('tlssp'), unknown('instm')].join('\n'));
    expect(found).toEqual([
      expect.objectContaining({ severity: 'info', line: 11, column: 3, message: "tlssp comes before tblsp in the catalogue, but after it here: the claims are not in the catalogue's order." }),
    ]);
    const fixed = applyFixes(text, found).text;
    expect(fixed.slice(fixed.indexOf('features:'))).toBe(`features:\n${[unknown('instm'), '# about TLS', unknown('tlssp'), unknown('tblsp')].join('\n').replace(/^/gm, '  ')}\n`);
  });

  it('leaves a flow mapping to a person, and unknown keys to unknown-feature', async () => {
    const flow = await findings('');
    expect(flow.found).toEqual([]);
    const inline = await testProject();
    await inline.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
    await inline.write('submissions/postgres/demo/1.2.0.yaml', submission('').replace('features:\n', 'features: { tlssp: { support: unknown, notes: x }, instm: { support: unknown, notes: y } }\n'));
    const found = only(await inline.validate('submissions/postgres/demo/1.2.0.yaml'), 'feature-order');
    expect(found).toHaveLength(1);
    expect(found[0]!.fix).toBeUndefined();
    expect((await findings([unknown('tlssp'), unknown('nosuch'), unknown('instm')].join('\n'))).found).toEqual([]);
  });
});
