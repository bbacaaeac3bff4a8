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

/** An edited script larger than this is refused (the lab's own files are read with a similar cap). */
const MAX_EDIT_BYTES = 1 << 20;

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
  // an edit: {"file", "text"} in, the new view and the pairs gained and lost out
  const edit = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    if (!String(req.headers['content-type']).startsWith('application/json')) return send(res, 415, 'text/plain', 'send JSON\n');
    let body = '';
    let size = 0;
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_EDIT_BYTES) return send(res, 413, 'application/json', JSON.stringify({ error: 'the text is too large' }));
      body += chunk;
    }
    let file: unknown;
    let text: unknown;
    try {
      ({ file, text } = JSON.parse(body) as { file?: unknown; text?: unknown });
    } catch {
      return send(res, 400, 'application/json', JSON.stringify({ error: 'not JSON' }));
    }
    if (typeof file !== 'string' || typeof text !== 'string') return send(res, 400, 'application/json', JSON.stringify({ error: 'give {"file", "text"}' }));
    try {
      const x = await src.edit(file, text);
      page = null;
      return send(res, 'error' in x ? 400 : 200, 'application/json', JSON.stringify(x));
    } catch (e) {
      return send(res, 400, 'application/json', JSON.stringify({ error: e instanceof Error ? e.message : String(e) }));
    }
  };
  const server = http.createServer((req, res) => {
    const port = (server.address() as AddressInfo).port;
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    const hostOk = req.headers.host === `127.0.0.1:${port}` || req.headers.host === `localhost:${port}`;
    if (!hostOk || !tokenOk(url.searchParams.get('t'), token)) return send(res, 403, 'text/plain', 'forbidden: open the URL nettwin ui printed\n');
    if (url.pathname === '/api/edit' && req.method === 'POST') return void edit(req, res);
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
