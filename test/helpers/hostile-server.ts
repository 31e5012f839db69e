// A real HTTP server on 127.0.0.1 that answers the way a broken or malicious site would: resets
// mid-body, bodies shorter than their Content-Length, bodies that trickle or never come,
// redirect loops, redirects to other schemes and private addresses, huge pages, pages nested
// thousands of levels deep, and Markdown that takes a parser minutes.
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface HostileServer {
  readonly origin: string;
  /** The paths to link, each a different way to misbehave (/loop-b is only reached from /loop-a). */
  readonly paths: readonly string[];
  close(): Promise<void>;
}

const PAGE = '<!doctype html><title>x</title><h1 id="top">Top</h1>';

export async function hostileServer(): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const timers = new Set<NodeJS.Timeout>();
  let origin = '';
  const routes: Record<string, (res: import('node:http').ServerResponse, socket: Socket) => void> = {
    '/reset-mid-body': (res, socket) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '100000' });
      res.write(PAGE);
      setTimeout(() => socket.resetAndDestroy(), 50);
    },
    '/short-body': (res, socket) => {
      res.writeHead(200, { 'content-type': 'text/html', 'content-length': '5000' });
      res.write(PAGE);
      setTimeout(() => socket.end(), 50);
    },
    '/trickle': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const timer = setInterval(() => res.write('<p>'), 100);
      timers.add(timer);
    },
    '/stall': () => undefined,
    '/stall-after-headers': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.flushHeaders();
    },
    '/close-at-once': (_res, socket) => socket.destroy(),
    '/garbage': (_res, socket) => {
      socket.end('THIS IS NOT HTTP\r\n\r\n');
    },
    '/loop-a': (res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/to-file': (res) => res.writeHead(302, { location: 'file:///etc/passwd' }).end(),
    '/to-data': (res) => res.writeHead(301, { location: 'data:text/html,<script>alert(1)</script>' }).end(),
    '/to-javascript': (res) => res.writeHead(302, { location: 'javascript:alert(1)' }).end(),
    '/to-broken-url': (res) => res.writeHead(302, { location: 'http://[bad' }).end(),
    '/to-metadata': (res) => res.writeHead(302, { location: 'http://169.254.169.254/latest/meta-data/' }).end(),
    '/to-v4-compatible': (res) => res.writeHead(302, { location: `http://[::7f00:1]:${new URL(origin).port}/huge` }).end(),
    '/redirect-chain': (res) => res.writeHead(302, { location: `/redirect-chain-${Date.now()}-${Math.random()}` }).end(),
    '/huge': (res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      const chunk = `<p>${'x'.repeat(64 * 1024)}</p>`;
      let sent = 0;
      const more = () => {
        while (sent < 12 * 1024 * 1024) {
          sent += chunk.length;
          if (!res.write(chunk)) return void res.once('drain', more);
        }
        res.end();
      };
      more();
    },
    '/deep.html': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`${'<div>'.repeat(50_000)}<p id="bottom">x</p>${'</div>'.repeat(50_000)}`),
    '/deep.md': (res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(`${'>'.repeat(5_000)} # Deep\n`),
    '/slow.md': (res) => res.writeHead(200, { 'content-type': 'text/markdown' }).end(`# ${'*a '.repeat(40_000)}x${'*'.repeat(40_000)}\n`),
    '/huge-headers': (res) => res.writeHead(200, { 'content-type': 'text/html', 'x-filler': 'y'.repeat(100_000) }).end(PAGE),
  };
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const route = routes[path] ?? (path.startsWith('/redirect-chain') ? routes['/redirect-chain']! : undefined);
    if (route) route(res, req.socket);
    else res.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    paths: Object.keys(routes).filter((path) => path !== '/loop-b'),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
