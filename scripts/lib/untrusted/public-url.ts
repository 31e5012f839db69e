// The one rule for a URL in data that people and OFM's link checker will open: an absolute
// https:// address of a public web site, written so that every tool reads it the same way. The
// link checker also refuses private addresses when it connects; this rule refuses them where
// they can be seen in the text, so a pull request shows the problem before anything is fetched.
import { decodeComponent } from './paths.ts';

export interface UrlProblem {
  readonly message: string;
  readonly hint: string;
}

const HTTPS_HINT = 'Link the public https:// page, for example https://example.org/docs/1.2/backup/#retention.';

// Names that never lead to a public site (RFC 6761, RFC 6762, RFC 8375, ICANN's .internal).
const PRIVATE_SUFFIXES = ['localhost', 'local', 'internal', 'localdomain', 'home.arpa', 'invalid', 'test', 'onion'];

// What the URL parser would silently drop or change: controls and invisible format characters.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/u;

const isIpLiteral = (host: string) => host.startsWith('[') || /^\d{1,3}(\.\d{1,3}){3}$/.test(host);

/** What is wrong with `raw` as a public https URL, or undefined when nothing is. */
export function publicUrlProblem(raw: string): UrlProblem | undefined {
  if (/\s/u.test(raw)) return { message: 'The URL contains spaces.', hint: 'Remove spaces; encode them as %20 inside a path.' };
  if (INVISIBLE.test(raw)) return { message: 'The URL contains control or invisible characters.', hint: 'Retype the URL, or copy it again from the address bar.' };
  const url = URL.parse(raw);
  if (!url) return { message: `"${raw}" is not an absolute URL.`, hint: HTTPS_HINT };
  if (url.protocol === 'http:') return { message: 'The URL uses http://.', hint: 'Use https://; the page must be served securely.' };
  if (url.protocol !== 'https:') return { message: `The URL scheme "${url.protocol}" is not allowed.`, hint: HTTPS_HINT };
  if (url.username || url.password) return { message: 'The URL contains credentials.', hint: 'Remove the user name and password; the page must be public.' };
  // WHATWG parsing has already turned 0x7f.1, 2130706433 and the like into dotted IPv4.
  const host = url.hostname;
  if (!host) return { message: 'The URL has no host.', hint: HTTPS_HINT };
  if (host.endsWith('.')) return { message: `The host "${host}" ends with a dot.`, hint: `Write the host without the final dot: ${host.slice(0, -1)}.` };
  const privateSuffix = PRIVATE_SUFFIXES.some((suffix) => host === suffix || host.endsWith(`.${suffix}`));
  if (isIpLiteral(host) || privateSuffix || !host.includes('.')) return { message: `The host "${host}" is not a public domain name.`, hint: HTTPS_HINT };
  for (const part of [url.pathname, url.search, url.hash]) {
    if (part.includes('%') && decodeComponent(part) === undefined) {
      return { message: `The URL has a malformed %-escape in "${part}".`, hint: 'Each % must start a valid UTF-8 escape such as %20 or %C3%A9; write a literal % as %25.' };
    }
  }
  return undefined;
}
