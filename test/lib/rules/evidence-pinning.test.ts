import { describe, expect, it } from 'vitest';
import { only, OPERATOR_YAML, submission, testProject } from '../../helpers/project.ts';

const operator = `${OPERATOR_YAML}  unpinned:\n    - https://demo.example.org/docs/latest/\n`;

async function pinning(url: string, version = '1.2.0') {
  const project = await testProject();
  await project.write('submissions/postgres/demo/operator.yaml', operator);
  await project.write(`submissions/postgres/demo/${version}.yaml`, submission(`tlssp:\n  value: true\n  evidence: [{ title: TLS, url: "${url}" }]`, { version: `"${version}"` }));
  return only(await project.validate(`submissions/postgres/demo/${version}.yaml`), 'evidence-pinning');
}

describe('evidence-pinning', () => {
  it.each([
    'https://demo.example.org/docs/1.2/tls/',
    'https://github.com/demo/demo-operator/blob/v1.2.0/docs/tls.md',
    'https://github.com/demo/demo-operator/blob/0123456789abcdef0123456789abcdef01234567/docs/tls.md',
    'https://github.com/demo/demo-operator/issues/12',
  ])('accepts %s for release 1.2.0', async (url) => {
    expect(await pinning(url)).toEqual([]);
  });

  it('flags the docs of another release, with this release\'s link as the fix, without going online', async () => {
    const [finding] = await pinning('https://demo.example.org/docs/1.30/tls/', '9.9.9');
    expect(finding).toMatchObject({
      severity: 'error',
      line: 9,
      message: 'The link points at the documentation of another release (https://demo.example.org/docs/1.30/), not 9.9.9.',
      hint: "Link this release's documentation: https://demo.example.org/docs/9.9/tls/",
    });
  });

  it.each([
    ['https://demo.example.org/docs/latest/tls/', 'The link points at the newest documentation (https://demo.example.org/docs/latest/), which changes after release 1.2.0.'],
    ['https://demo.example.org/docs/current/tls/', 'The link points at "current" documentation, which changes after release 1.2.0.'],
    ['https://demo.example.org/docs/stable/tls/', 'The link points at "stable" documentation, which changes after release 1.2.0.'],
    ['https://github.com/demo/demo-operator/blob/main/docs/tls.md', 'The link points at the branch "main", which moves after release 1.2.0.'],
    ['https://github.com/demo/demo-operator/tree/devel/docs', 'The link points at the branch "devel", which moves after release 1.2.0.'],
    ['https://github.com/demo/demo-operator/blob/v1.1.0/docs/tls.md', 'The link points at "v1.1.0", not at release 1.2.0.'],
  ])('flags %s', async (url, message) => {
    const [finding] = await pinning(url);
    expect(finding).toMatchObject({ severity: 'error', message });
    expect(finding!.hint).toBeTruthy();
  });
});
