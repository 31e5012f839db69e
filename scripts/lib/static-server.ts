// Serves a built site from a folder on 127.0.0.1, for `npm start` and the browser tests.
import { readFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer, type Server, type ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';

export interface RunningServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Listens on `port` (0: any free port), or the next free one after it. */
export async function serveStatic(folder: string, port = 0, base = '/'): Promise<RunningServer> {
  // Files are looked up on each request (dev mode), so a build swapped into the folder is served
  // whole at once: sirv's index of files and sizes would otherwise still describe the old one.
  const files = sirv(folder, { dev: true, etag: true, single: false });
  const prefix = base.replace(/\/$/, '');
  const server: Server = createServer((req, res) => {
    if (prefix && req.url?.startsWith(prefix)) req.url = req.url.slice(prefix.length) || '/';
    files(req, res, () => {
      // Between the two renames of a swap the folder is briefly absent: ask again a moment later.
      if (!existsSync(folder)) {
        setTimeout(() => files(req, res, () => notFound(res)), 200);
        return;
      }
      notFound(res);
    });
  });
  const notFound = (res: ServerResponse) => {
    // The site's own 404 page, as static hosts serve it.
    void readFile(join(folder, '404.html'), 'utf8')
      .catch(() => '<!doctype html><html lang="en"><title>Not found</title><h1>Not found</h1></html>')
      .then((page) => res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' }).end(page));
  };
  for (let attempt = 0; ; attempt++) {
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port === 0 ? 0 : port + attempt, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0 || attempt > 20) throw error;
    }
  }
  const { port: bound } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${bound}${prefix}/`, close: () => new Promise((resolve) => server.close(() => resolve())) };
}
