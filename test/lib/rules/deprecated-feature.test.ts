import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

/** A project whose catalogue deprecates hugpa and renames tlssp (former id "tls"). */
async function projectWithChanges() {
  const project = await testProject();
  let text = await readFile(`${project.root}/features/postgres/catalogue.yaml`, 'utf8');
  text = text.replace('  - id: tlssp\n', '  - id: tlssp\n    aliases: [tls]\n');
  text = text.replace('  - id: hugpa\n', '  - id: hugpa\n    deprecated: { since: 1.0.0, reason: Too broad., replaced_by: reqli }\n');
  await project.write('features/postgres/catalogue.yaml', text);
  await project.write('submissions/postgres/demo/operator.yaml', OPERATOR_YAML);
  return project;
}

const evidence = '  evidence: [{ title: Docs, url: "https://demo.example.org/docs/1.2/x/" }]';

describe('deprecated-feature', () => {
  it('says nothing about current features', async () => {
    const project = await projectWithChanges();
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(`tlssp:\n  value: true\n${evidence}`));
    expect((await project.validate('submissions/postgres/demo/1.2.0.yaml')).filter((f) => f.rule !== 'omitted-feature')).toEqual([]);
  });

  it('warns on a former id and accepts it otherwise (old submissions keep working)', async () => {
    const project = await projectWithChanges();
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(`tls:\n  value: true\n${evidence}`));
    // Only the rename is asked for (the features the test leaves out are another rule's concern).
    const findings = (await project.validate('submissions/postgres/demo/1.2.0.yaml')).filter((f) => f.rule !== 'omitted-feature');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'deprecated-feature', severity: 'warning', line: 7, column: 3, hint: 'Rename the key to tlssp.' });
  });

  it('warns on a deprecated feature, naming its replacement', async () => {
    const project = await projectWithChanges();
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(`hugpa:\n  value: true\n${evidence}`));
    const [finding] = only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'deprecated-feature');
    expect(finding).toMatchObject({ severity: 'warning', hint: 'Use reqli instead.' });
    expect(finding?.message).toContain('deprecated since postgres@1.0.0: Too broad.');
  });

  it('reports a feature given under both its id and a former id', async () => {
    const project = await projectWithChanges();
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission(`tls:\n  value: true\n${evidence}\ntlssp:\n  value: true\n${evidence}`));
    const [finding] = only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'deprecated-feature');
    expect(finding).toMatchObject({ severity: 'error', message: 'tls is a former id of tlssp, which is also given.' });
  });
});
