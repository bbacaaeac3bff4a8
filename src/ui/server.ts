/**
 * The web view's server: 127.0.0.1 only, and every request must carry the random token of the
 * URL it prints (`?t=`), else 403, so no other local user or web page can read the lab or drive
 * it. The token is compared in constant time; the Host header must name the loopback address,
 * against DNS rebinding.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pageHtml } from './page.js';
import type { ViewSource } from './view.js';

export interface UiServer {
  url: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

const HEADERS = {
  'cache-control': 'no-store',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'; img-src data:",
};

function tokenOk(given: string | null, token: string): boolean {
  if (given === null) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

export async function startUiServer(src: ViewSource, opts: { port?: number } = {}): Promise<UiServer> {
  const token = randomBytes(24).toString('hex');
  let page: string | null = null;
  const send = (res: http.ServerResponse, status: number, type: string, body: string) => {
    res.writeHead(status, { ...HEADERS, 'content-type': type });
    res.end(body);
  };
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const hostOk = req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
    if (!hostOk || !tokenOk(url.searchParams.get('t'), token)) return send(res, 403, 'text/plain', 'forbidden: open the URL nettwin ui printed\n');
    if (req.method !== 'GET') return send(res, 405, 'text/plain', 'method not allowed\n');
    if (url.pathname === '/') {
      page ??= pageHtml({ mode: 'server', token }, src.view.file);
      return send(res, 200, 'text/html; charset=utf-8', page);
    }
    if (url.pathname === '/api/view') return send(res, 200, 'application/json', JSON.stringify(src.view));
    if (url.pathname === '/api/explain') {
      const x = src.explain(url.searchParams.get('from') ?? '', url.searchParams.get('to') ?? '');
      return 'error' in x ? send(res, 400, 'application/json', JSON.stringify(x)) : send(res, 200, 'application/json', JSON.stringify(x.result));
    }
    return send(res, 404, 'text/plain', 'not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/?t=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
