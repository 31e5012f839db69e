// A real HTTP server on 127.0.0.1 with the situations a link checker meets: pages with and
// without anchors, Markdown, redirects of every kind and loops, 404, 429 with Retry-After, 503,
// slow answers, non-HTML content, and a redirect to another loopback address.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FixtureServer {
  readonly origin: string;
  /** How many times each path was requested. */
  readonly hits: Map<string, number>;
  /** When each request to /limited arrived (ms since epoch). */
  readonly limitedAt: number[];
  /** Most requests to /busy/* in flight at once. */
  readonly maxBusy: () => number;
  close(): Promise<void>;
}

const PAGE = `<!doctype html><html><head><title>Backups</title></head><body>
<h1 id="backups">Backups</h1><h2 id="retention-policies">Retention policies</h2>
<a name="legacy-anchor"></a><section id="encryption"><p>Keys.</p></section></body></html>`;

const MARKDOWN = '# Installation\n\n## Helm chart\n\nText.\n\n## Helm chart\n';

async function listen(server: Server, host: string): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return `http://${host}:${(server.address() as AddressInfo).port}`;
}

export async function fixtureServer(): Promise<FixtureServer> {
  const hits = new Map<string, number>();
  const limitedAt: number[] = [];
  let busy = 0;
  let maxBusy = 0;
  // A second server on another loopback address, to be reached only by redirect.
  const other = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE));
  const otherOrigin = await listen(other, '127.0.0.2');

  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const redirect = (status: number, location: string) => res.writeHead(status, { location }).end();
    const html = (body: string) => res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
    switch (path) {
      case '/docs/1.2/backup.html':
      case '/docs/1.2/backup/':
        return html(PAGE);
      case '/docs/1.2/install.md':
        return res.writeHead(200, { 'content-type': 'text/markdown; charset=utf-8' }).end(MARKDOWN);
      case '/moved':
        return redirect(301, '/docs/1.2/backup.html');
      case '/moved-308':
        return redirect(308, '/docs/1.2/backup.html');
      case '/temporary':
        return redirect(302, '/docs/1.2/backup.html');
      case '/loop-a':
        return redirect(302, '/loop-b');
      case '/loop-b':
        return redirect(302, '/loop-a');
      case '/to-other-loopback':
        return redirect(302, `${otherOrigin}/docs/1.2/backup.html`);
      case '/gone':
        return res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
      case '/limited':
        limitedAt.push(Date.now());
        if (limitedAt.length === 1) return res.writeHead(429, { 'retry-after': '1' }).end();
        return html(PAGE);
      case '/failing':
        return res.writeHead(503).end();
      case '/slow':
        setTimeout(() => html(PAGE), 3000).unref();
        return;
      case '/logo.png':
        return res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
      default:
        if (path.startsWith('/busy/')) {
          busy++;
          maxBusy = Math.max(maxBusy, busy);
          setTimeout(() => {
            busy--;
            html(PAGE);
          }, 150);
          return;
        }
        return res.writeHead(404).end();
    }
  });
  const origin = await listen(server, '127.0.0.1');
  return {
    origin,
    hits,
    limitedAt,
    maxBusy: () => maxBusy,
    close: async () => {
      server.closeAllConnections();
      other.closeAllConnections();
      await Promise.all([new Promise((r) => server.close(r)), new Promise((r) => other.close(r))]);
    },
  };
}
