import { describe, expect, it } from 'vitest';
import { publicUrlProblem } from '../../../scripts/lib/untrusted/public-url.ts';
import { only, submission, withSubmission } from '../../helpers/project.ts';

const claim = (url: string) => `tlssp:\n  value: true\n  evidence:\n    - title: TLS\n      url: ${JSON.stringify(url)}`;

describe('evidence-url', () => {
  it('accepts public https links', async () => {
    expect(only(await withSubmission(submission(claim('https://demo.example.org/docs/1.2/tls/#certificates'))), 'evidence-url')).toEqual([]);
  });

  it('reports a bad URL at the url value', async () => {
    const [finding] = only(await withSubmission(submission(claim('javascript:alert(1)'))), 'evidence-url');
    expect(finding).toMatchObject({ line: 11, column: 14, severity: 'error', message: 'The URL scheme "javascript:" is not allowed.' });
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
