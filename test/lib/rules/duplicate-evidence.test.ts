import { describe, expect, it } from 'vitest';
import { applyFixes } from '../../../scripts/commands/fix.ts';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const link = (title: string, url: string) => `    - title: ${title}\n      url: ${url}`;
const A = 'https://github.com/demo/demo-operator/blob/v1.2.0/a.go';
const B = 'https://github.com/demo/demo-operator/blob/v1.2.0/b.go';

async function check(features: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  const text = submission(features);
  await project.write('submissions/postgres/demo/1.2.0.yaml', text);
  return { text, found: only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'duplicate-evidence') };
}

describe('duplicate-evidence', () => {
  it('warns on each later copy of a link in one claim, and its fix removes that item', async () => {
    const { text, found } = await check(['tlssp:', '  value: true', '  evidence:', link('A', A), link('B', B), link('A again', A), link('A thrice', A)].join('\n'));
    expect(found.map((f) => [f.line, f.message])).toEqual([
      [15, 'This link is already evidence item 1 of tlssp.'],
      [17, 'This link is already evidence item 1 of tlssp.'],
    ]);
    expect(applyFixes(text, found).text).toBe(submission(['tlssp:', '  value: true', '  evidence:', link('A', A), link('B', B)].join('\n')));
  });

  it('allows the same link in different claims, and does not offer to edit a flow list', async () => {
    expect((await check(['tlssp:', '  value: true', '  evidence:', link('A', A), 'tblsp:', '  value: true', '  evidence:', link('A', A)].join('\n'))).found).toEqual([]);
    const flow = await check(`tlssp:\n  value: true\n  evidence: [{ title: A, url: "${A}" }, { title: A, url: "${A}" }]`);
    expect(flow.found).toHaveLength(1);
    expect(flow.found[0]!.fix).toBeUndefined();
  });
});
