import * as http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageHtml } from '../../../src/ui/page.js';
import { startUiServer, type UiServer } from '../../../src/ui/server.js';
import type { ViewSource } from '../../../src/ui/view.js';

const src: ViewSource = {
  view: {
    file: 'lab.yaml',
    graph: { hosts: [], edges: [] },
    reach: { sources: [], destinations: [], pairs: 0, reachable: 0, unreachable: [] },
    scripts: [{ file: 'a.sh', text: 'ip link' }],
    pins: [],
  },
  explain: (from, to) => (to === 'x' ? { error: 'bad' } : { result: { from, to } }),
  edit: async (file, text) => (file === 'a.sh' ? { view: { ...src.view, scripts: [{ file, text }] }, change: { gained: [], lost: [] } } : { error: 'no such script' }),
};

function get(s: UiServer, path: string, host = `127.0.0.1:${s.port}`, method = 'GET', body?: string): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port: s.port, path, method, headers: { host, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode!, body, headers: res.headers }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('the web view server', () => {
  let s: UiServer;
  beforeAll(async () => {
    s = await startUiServer(src);
  });
  afterAll(() => s.close());

  it('listens on 127.0.0.1 with a random token in the URL', async () => {
    expect(s.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]{48}$/);
    const other = await startUiServer(src);
    expect(other.token).not.toBe(s.token);
    await other.close();
  });

  it('refuses every request without the right token, or for another Host (403)', async () => {
    for (const p of ['/', '/api/view', '/api/explain?from=a&to=b', '/nope', `/?t=${s.token.slice(1)}`, `/?t=`]) expect((await get(s, p)).status, p).toBe(403);
    expect((await get(s, `/?t=${s.token}`, 'attacker.example')).status).toBe(403);
    expect((await get(s, `/?t=${s.token}`, `localhost:${s.port}`)).status).toBe(200);
  });

  it('serves the page, the view and one ping with the token; nothing else', async () => {
    const page = await get(s, `/?t=${s.token}`);
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("default-src 'none'");
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(JSON.parse((await get(s, `/api/view?t=${s.token}`)).body)).toEqual(src.view);
    expect(JSON.parse((await get(s, `/api/explain?t=${s.token}&from=a&to=b`)).body)).toEqual({ from: 'a', to: 'b' });
    expect((await get(s, `/api/explain?t=${s.token}&from=a&to=x`)).status).toBe(400);
    expect((await get(s, `/nope?t=${s.token}`)).status).toBe(404);
    expect((await get(s, `/?t=${s.token}`, undefined, 'POST')).status).toBe(405);
  });

  it('takes an edit as JSON, with the token only', async () => {
    const edit = (t: string, body: string) => get(s, `/api/edit?t=${t}`, undefined, 'POST', body);
    expect((await edit('', JSON.stringify({ file: 'a.sh', text: 'x' }))).status).toBe(403);
    const ok = await edit(s.token, JSON.stringify({ file: 'a.sh', text: 'ip addr' }));
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body).view.scripts).toEqual([{ file: 'a.sh', text: 'ip addr' }]);
    expect((await edit(s.token, JSON.stringify({ file: 'b.sh', text: '' }))).status).toBe(400);
    expect((await edit(s.token, '{')).status).toBe(400);
    expect((await edit(s.token, JSON.stringify({ file: 1 }))).status).toBe(400);
    expect((await edit(s.token, JSON.stringify({ file: 'a.sh', text: 'x'.repeat(2 << 20) }))).status).toBe(413);
  });
});

describe('pageHtml', () => {
  it('inlines everything (no URL to fetch) and keeps the data inside its script element', () => {
    const view = { ...src.view, file: '</script><script>alert(1)</script>' };
    const html = pageHtml({ mode: 'static', view, explains: null }, view.file);
    expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+href=/);
    expect(html).not.toContain('</script><script>alert(1)');
    const data = /<script type="application\/json" id="nettwin-data">(.*?)<\/script>/s.exec(html)![1]!;
    expect(JSON.parse(data).view.file).toBe(view.file);
  });
});
