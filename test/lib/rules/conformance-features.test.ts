import { describe, expect, it } from 'vitest';
import { only, testProject } from '../../helpers/project.ts';

const header = '# yaml-language-server: $schema=../../../schema/conformance.schema.json\noperator: demo\ndetect: { crd_groups: [demo.example.org], deployment: { name: demo-operator } }\n';
const probe = '{ schema: { resource: { group: demo.example.org, kind: Cluster }, fields: [spec.tls] } }';

async function check(text: string) {
  const project = await testProject();
  await project.write('submissions/postgres/demo/conformance.yaml', text);
  return only(await project.validate('submissions/postgres/demo/conformance.yaml'), 'conformance-features');
}

describe('conformance-features', () => {
  it('accepts probes and scenarios of catalogue features', async () => {
    const text = `${header}features:\n  tlscu: [${probe}]\nscenarios:\n  - { id: a, title: A, features: [tlssp], proves: controller, steps: [{ sleep: 1 }] }\n`;
    expect(await check(text)).toEqual([]);
  });

  it('reports unknown feature ids where they are written, and a scenario id used twice', async () => {
    const text = `${header}features:\n  tlsxx: [${probe}]\nscenarios:\n  - { id: a, title: A, features: [tlssp, nope], proves: controller, steps: [{ sleep: 1 }] }\n  - { id: a, title: B, features: [tlssp], proves: controller, steps: [{ sleep: 1 }] }\n`;
    expect((await check(text)).map((f) => [f.line, f.column, f.message])).toEqual([
      [5, 3, '"tlsxx" is not a feature of postgres@1.0.0.'],
      [7, 42, '"nope" is not a feature of postgres@1.0.0.'],
      [8, 11, 'The scenario id "a" is used twice.'],
    ]);
  });
});
