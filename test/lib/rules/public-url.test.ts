import { describe, expect, it } from 'vitest';
import { publicUrlProblem } from '../../../scripts/lib/untrusted/public-url.ts';
import { only, OPERATOR_YAML, submission, testProject, withSubmission } from '../../helpers/project.ts';

const claim = (url: string) => `tlssp:\n  value: true\n  evidence:\n    - title: TLS\n      url: ${JSON.stringify(url)}`;

describe('public-url', () => {
  it('accepts public https links', async () => {
    expect(only(await withSubmission(submission(claim('https://demo.example.org/docs/1.2/tls/#certificates'))), 'public-url')).toEqual([]);
  });

  it('reports a private host at the url value', async () => {
    const [finding] = only(await withSubmission(submission(claim('https://127.0.0.1/docs'))), 'public-url');
    expect(finding).toMatchObject({ line: 11, column: 14, severity: 'error', message: 'The host "127.0.0.1" is not a public domain name.' });
  });

  it('leaves the form of a URL (scheme, host, credentials) to the schema, which every validator reads the same way', async () => {
    const findings = await withSubmission(submission(claim('javascript:alert(1)')));
    expect(only(findings, 'public-url')).toEqual([]);
    expect(only(findings, 'schema')).toEqual([expect.objectContaining({ line: 11, column: 14, message: expect.stringContaining('must be an absolute https:// URL with a host name') })]);
  });

  it('checks every URL field: release notes, operator metadata and its documentation template, sources', async () => {
    const project = await testProject();
    await project.write(
      'submissions/postgres/demo/operator.yaml',
      OPERATOR_YAML.replace('homepage: https://demo.example.org', 'homepage: https://demo.local/').replace('url: https://demo.example.org/docs/{major}.{minor}/', 'url: https://localhost/docs/{major}.{minor}/\n  unpinned: ["https://"]'),
    );
    await project.write('submissions/postgres/demo/1.2.0.yaml', submission('tblsp:\n  value: false').replace('features:', 'release_notes: https://10.0.0.1/notes\nfeatures:'));
    await project.write(
      'submissions/postgres/demo/sources.yaml',
      'releases:\n  - version: "1.2.0"\n    repositories:\n      - url: https://user:pw@github.com/demo/demo-operator\n        ref: v1.2.0\n        commit: 0123456789abcdef0123456789abcdef01234567\n    checked: "2026-11-25"\n    method: Read it.\n',
    );
    const operator = await project.validate('submissions/postgres/demo/operator.yaml');
    expect(only(operator, 'public-url').map((f) => [f.line, f.message])).toEqual([
      [5, 'The host "demo.local" is not a public domain name.'],
      [10, 'The host "localhost" is not a public domain name.'],
    ]);
    expect(only(operator, 'schema').map((f) => f.line)).toEqual([11]);
    expect(only(await project.validate('submissions/postgres/demo/1.2.0.yaml'), 'public-url')).toEqual([expect.objectContaining({ line: 6, message: 'The host "10.0.0.1" is not a public domain name.' })]);
    expect(only(await project.validate('submissions/postgres/demo/sources.yaml'), 'schema')).toEqual([expect.objectContaining({ line: 4, message: expect.stringContaining('no user name or password') })]);
  });

  it.each([
    ['http://demo.example.org/docs/', 'The URL uses http://.'],
    ['data:text/html,<script>alert(1)</script>', 'The URL scheme "data:" is not allowed.'],
    ['file:///etc/passwd', 'The URL scheme "file:" is not allowed.'],
    ['https://user:secret@demo.example.org/docs/', 'The URL contains credentials.'],
    ['docs/tls.md', '"docs/tls.md" is not an absolute URL.'],
    ['https://127.0.0.1/docs', 'The host "127.0.0.1" is not a public domain name.'],
    ['https://[::1]/docs', 'The host "[::1]" is not a public domain name.'],
    ['https://localhost/docs', 'The host "localhost" is not a public domain name.'],
    ['https://demo.example.org/my docs', 'The URL contains spaces.'],
    ['https://localhost./x', 'The host "localhost." ends with a dot.'],
    ['https://docs.localhost/x', 'The host "docs.localhost" is not a public domain name.'],
    ['https://printer.local/x', 'The host "printer.local" is not a public domain name.'],
    ['https://0x7f000001/x', 'The host "127.0.0.1" is not a public domain name.'],
    ['https://[::7f00:1]/x', 'The host "[::7f00:1]" is not a public domain name.'],
    ['https://demo.example.org/%E0%A4', 'The URL has a malformed %-escape in "/%E0%A4".'],
    ['https://demo.example.org/x\u001b[31m', 'The URL contains control or invisible characters.'],
    ['https://demo.example.org/x\u202etxt.exe', 'The URL contains control or invisible characters.'],
  ])('refuses %s', (url, message) => {
    expect(publicUrlProblem(url)?.message).toBe(message);
  });
});
