// The kinds of problem the evidence checker reports. Each is the `rule` of its findings and is
// listed in docs/rules.md.
export const EVIDENCE_PROBLEMS = {
  'evidence-not-found': 'The page, file, folder or git ref the link names does not exist (HTTP 404 or 410, or missing at the ref).',
  'evidence-http-status': 'The server answered with another error status, or kept answering 429/5xx after the retries.',
  'evidence-unreachable': 'The server could not be reached: DNS failure, refused connection, timeout, TLS error.',
  'evidence-refused': 'The link leads (directly or by a redirect) to a loopback, private, link-local or metadata address, which the checker never connects to.',
  'evidence-content-type': 'The page is neither HTML nor Markdown, is too large to read, or cannot be parsed within the time allowed (--parse-timeout).',
  'evidence-anchor': 'The #fragment is not an element id, link name or heading anchor of the page, or the #L line range is outside the file.',
  'evidence-malformed': 'An evidence entry is not a `{ title, url }` mapping with a URL, so there is no link to check (`ofm validate` says what is wrong with it).',
  'evidence-redirect': 'Warning for a permanent redirect (use the new URL); error for a redirect loop, too many redirects, or a redirect to anything but an http(s) page (file:, data:…).',
} as const;

export type EvidenceProblemId = keyof typeof EVIDENCE_PROBLEMS;
