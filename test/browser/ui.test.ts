/**
 * The web view in a real browser (Debian's chromium): `nettwin ui` on the seed lab, checked
 * against what the CLI prints for the same lab (`reach --json`, `explain --json`), and the
 * static export of `graph --format html` opened from a file with every network request refused.
 */
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { modelGraph } from '../../src/graph/model-graph.js';
import { labAfter } from '../../src/cli/graph.js';
import { type Chromium, describeBrowser, launch, openPage, ROOT, screenshot } from './chromium.js';

const SEED = 'examples/seed/lab.yaml';
/** The little of the DOM these tests read inside the page (the project's types are Node's, not the browser's). */
type Doc = { querySelector(s: string): { textContent: string | null } | null };
const CLI = ['--import', 'tsx', 'src/cli/main.ts'];
const run = promisify(execFile);

async function cli(...args: string[]): Promise<string> {
  try {
    return (await run(process.execPath, [...CLI, ...args], { cwd: ROOT, maxBuffer: 64 << 20 })).stdout;
  } catch (e) {
    // explain exits 1 for a ping without a reply: its JSON is still the answer
    const err = e as { code?: number; stdout?: string };
    if (err.code === 1 && err.stdout) return err.stdout;
    throw e;
  }
}

interface Explain {
  disposition: string;
  reason: string | null;
  summary: string;
  hops: { ns: string; steps: { ns: string; kind: string; detail: string; headers?: Layer[] }[] }[];
}

/** One header layer as explain --json gives it (sim/frame-headers.ts), values as the page prints them. */
type Layer = { layer: string; fields: Record<string, string> };

/** Sends one ping from the toolbar, then steps forward through every event; what the side panel showed at each. */
async function stepThrough(page: Page, from: string, to: string): Promise<{ ns: string; kind: string; hop: string; headers: Layer[] }[]> {
  await page.select('#src', from);
  await page.$eval('#dst', (e, v) => ((e as unknown as { value: string }).value = v), to);
  await page.click('#send');
  await page.waitForFunction((f, t) => (globalThis as unknown as { document: Doc }).document.querySelector('#verdict .summary')?.textContent?.includes(`ping ${t} from ${f}`), {}, from, to);
  const seen: { ns: string; kind: string; hop: string; headers: Layer[] }[] = [];
  if (await page.$('#step [data-none]')) return seen;
  for (;;) {
    const s = await page.$eval('#step [data-ns]', (e) => ({
      ns: e.getAttribute('data-ns')!,
      kind: e.getAttribute('data-kind')!,
      hop: e.getAttribute('data-hop')!,
      n: e.querySelector('h2')!.textContent!,
      headers: [...e.querySelectorAll('.headers dl')].map((dl) => ({
        layer: dl.getAttribute('data-layer')!,
        fields: Object.fromEntries([...dl.querySelectorAll('dd')].map((dd) => [dd.getAttribute('data-field')!, dd.textContent!])),
      })),
    }));
    seen.push({ ns: s.ns, kind: s.kind, hop: s.hop, headers: s.headers });
    const [at, total] = /step (\d+) of (\d+)/.exec(s.n)!.slice(1).map(Number) as [number, number];
    if (at === total) return seen;
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction((k) => (globalThis as unknown as { document: Doc }).document.querySelector('#step h2')?.textContent?.startsWith(`step ${k} of`), {}, at + 1);
  }
}

const hopsOf = (steps: { ns: string; hop: string }[]): string[] => steps.filter((s, i) => i === 0 || s.hop !== steps[i - 1]!.hop).map((s) => s.ns);

async function drawing(page: Page) {
  return page.evaluate(() => {
    const cy = (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { map<T>(f: (n: { id(): string; data(k: string): string }) => T): T[] }; edges(s?: string): { length: number } } } })
      .nettwin.cy;
    return {
      ns: cy.nodes('.ns').map((n) => n.data('path')),
      ifaces: cy.nodes('.iface').map((n) => n.id()),
      cables: cy.edges('.cable').length,
      edges: cy.edges().length,
    };
  });
}

async function matrixCells(page: Page) {
  return page.$$eval('#matrix td', (tds) => tds.map((td) => ({ from: td.getAttribute('data-from')!, to: td.getAttribute('data-to')!, ok: td.getAttribute('data-ok') === '1' })));
}

describeBrowser('nettwin ui in chromium', () => {
  let b: Chromium;
  let server: ChildProcess;
  let url: string;
  let reach: { sources: string[]; destinations: string[]; unreachable: { from: string; to: string }[] };
  let good: Explain;
  let bad: Explain;
  const graph = modelGraph(labAfter(path.join(ROOT, SEED)).model);
  const exportFile = path.join(ROOT, 'tmp/ui-screenshots/seed.html');
  // the seed's bridge address fixed (node1-fixed.sh's BRIDGE_IP), so NS1's default route is accepted
  const fixedDir = path.join(ROOT, 'tmp/ui-screenshots/seed-fixed');
  const node1 = fs.readFileSync(path.join(ROOT, 'examples/seed/node1.sh'), 'utf8');
  const node1Fixed = node1.replace('BRIDGE_IP="172.16.1.1"', 'BRIDGE_IP="172.16.0.1"');
  let fixedReach: typeof reach;
  // a lab too large for a matrix: 100 namespaces on one bridge
  const bigScript = path.join(ROOT, 'tmp/ui-screenshots/big.sh');
  const bigExport = path.join(ROOT, 'tmp/ui-screenshots/big.html');
  const BIG = 100;

  beforeAll(async () => {
    expect(node1Fixed).not.toBe(node1);
    fs.mkdirSync(fixedDir, { recursive: true });
    for (const f of ['lab.yaml', 'node2.sh']) fs.copyFileSync(path.join(ROOT, 'examples/seed', f), path.join(fixedDir, f));
    fs.writeFileSync(path.join(fixedDir, 'node1.sh'), node1Fixed);
    const big = ['ip link add br0 type bridge', 'ip addr add 10.0.0.1/16 dev br0', 'ip link set br0 up'];
    for (let i = 1; i <= BIG; i++)
      big.push(
        `ip netns add n${i}`,
        `ip link add v${i} type veth peer name e${i} netns n${i}`,
        `ip link set v${i} master br0 up`,
        `ip -n n${i} addr add 10.0.${i >> 8}.${(i & 255) + 1}/16 dev e${i}`,
        `ip -n n${i} link set e${i} up`,
      );
    fs.writeFileSync(bigScript, `${big.join('\n')}\n`);
    server = spawn(process.execPath, [...CLI, 'ui', SEED], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const started = new Promise<string>((resolve, reject) => {
      let out = '';
      server.stdout!.on('data', (d: Buffer) => {
        out += d;
        const m = /(http:\/\/127\.0\.0\.1:\d+\/\?t=[0-9a-f]+)/.exec(out);
        if (m) resolve(m[1]!);
      });
      server.once('exit', (code) => reject(new Error(`nettwin ui exited ${code}: ${out}`)));
    });
    const [u, r, g, x, html, fr] = await Promise.all([
      started,
      cli('reach', SEED, '--json'),
      cli('explain', SEED, '--from', 'node1/NS1', '--to', '172.16.0.3', '--json'),
      cli('explain', SEED, '--from', 'node1/NS1', '--to', '172.16.1.3', '--json'),
      cli('graph', SEED, '--format', 'html'),
      cli('reach', path.join(fixedDir, 'lab.yaml'), '--json'),
      cli('graph', bigScript, '--format', 'html').then((h) => fs.writeFileSync(bigExport, h)),
    ]);
    fixedReach = JSON.parse(fr);
    url = u;
    reach = JSON.parse(r);
    good = JSON.parse(g);
    bad = JSON.parse(x);
    fs.mkdirSync(path.dirname(exportFile), { recursive: true });
    fs.writeFileSync(exportFile, html);
    b = await launch();
  }, 300_000);

  afterAll(async () => {
    await b?.close();
    server?.kill('SIGTERM');
  });

  it('every request without the token is refused (403), the Host must be the loopback address', async () => {
    const base = url.replace(/\?t=.*/, '');
    const token = url.replace(/.*\?t=/, '');
    const status = async (p: string, host?: string) =>
      new Promise<number>((resolve, reject) => {
        const u = new URL(p, base);
        http.get({ host: '127.0.0.1', port: u.port, path: u.pathname + u.search, headers: host ? { host } : {} }, (res) => resolve(res.statusCode!)).on('error', reject);
      });
    expect(await status('/')).toBe(403);
    expect(await status('/api/view')).toBe(403);
    expect(await status(`/api/explain?from=node1/NS1&to=172.16.0.3`)).toBe(403);
    expect(await status(`/?t=${token.slice(0, -1)}0`)).toBe(token.endsWith('0') ? 200 : 403);
    expect(await status(`/?t=${token}x`)).toBe(403);
    expect(await status(`/?t=${token}`, 'evil.example:80')).toBe(403);
    expect(await status(`/api/view?t=${token}`)).toBe(200);
    expect(await status(`/?t=${token}`)).toBe(200);
  });

  it('the seed lab loads: one element per namespace, interface and cable, and no script error', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    const d = await drawing(page);
    const nss = graph.hosts.flatMap((h) => h.namespaces);
    expect(d.ns).toEqual(nss.map((n) => n.path));
    expect(d.ns).toHaveLength(6);
    expect(d.ifaces).toEqual(nss.flatMap((n) => n.ifaces.map((i) => i.id)));
    expect(d.cables).toBe(graph.edges.filter((e) => e.kind === 'cable').length);
    expect(d.cables).toBeGreaterThan(0);
    expect(d.edges).toBe(graph.edges.length);
    await screenshot(page, 'seed-lab');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('stepping a ping from node1/NS1 visits the hops of explain --json in order; a failing one shows its drop reason', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    const seen = await stepThrough(page, 'node1/NS1', '172.16.0.3');
    expect(hopsOf(seen)).toEqual(good.hops.map((h) => h.ns));
    expect(seen.map((s) => s.kind)).toEqual(good.hops.flatMap((h) => h.steps.map((s) => s.kind)));
    // each frame on a wire shows its headers, layer by layer, as explain --json has them
    const wire = (l?: Layer[]) => (l ?? []).map((x) => ({ layer: x.layer, fields: Object.fromEntries(Object.entries(x.fields).map(([k, v]) => [k, String(v)])) }));
    expect(seen.map((s) => s.headers)).toEqual(good.hops.flatMap((h) => h.steps.map((s) => wire(s.headers))));
    expect(seen.filter((s) => s.kind === 'xmit').every((s) => s.headers[0]?.layer === 'Ethernet' && s.headers.some((l) => l.layer === 'IPv4' || l.layer === 'ARP'))).toBe(true);
    await screenshot(page, 'ping-reply');

    expect(bad.disposition).not.toBe('reply');
    const failed = await stepThrough(page, 'node1/NS1', '172.16.1.3');
    expect(hopsOf(failed)).toEqual(bad.hops.map((h) => h.ns));
    expect(await page.$eval('#verdict .summary', (e) => e.textContent)).toBe(`✗ ${bad.summary}`);
    expect(bad.reason).not.toBeNull();
    expect(await page.$eval('#reason', (e) => e.getAttribute('data-reason'))).toBe(bad.reason);
    // the seed's failures are refused in the source before a packet leaves: no hop, and the page says so
    if (failed.length === 0) expect(await page.$eval('#step [data-none]', (e) => e.textContent)).toContain(`no packet left ${bad.hops[0]?.ns ?? 'node1/NS1'}`);
    await screenshot(page, 'ping-failed');
    // back steps backwards through the good one again
    await stepThrough(page, 'node1/NS1', '172.16.0.3');
    await page.keyboard.press('ArrowLeft');
    expect(await page.$eval('#step h2', (e) => e.textContent)).toMatch(new RegExp(`^step ${seen.length - 1} of ${seen.length}:`));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the matrix equals reach --json, and clicking a cell plays that ping', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    const cells = await matrixCells(page);
    const bad = new Set(reach.unreachable.map((u) => `${u.from} ${u.to}`));
    expect(cells).toEqual(reach.sources.flatMap((from) => reach.destinations.map((to) => ({ from, to, ok: !bad.has(`${from} ${to}`) }))));
    expect(cells.some((c) => c.ok) && cells.some((c) => !c.ok)).toBe(true);
    await page.click('#matrix td[data-from="node1/NS1"][data-to="172.16.0.3"]');
    await page.waitForFunction((s) => (globalThis as unknown as { document: Doc }).document.querySelector('#verdict .summary')?.textContent === s, {}, `✓ ${good.summary}`);
    await screenshot(page, 'matrix-cell');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an edit that fixes the seed's default route runs the lab again: the matrix becomes reach --json of the fixed lab, the cells it gained marked", async () => {
    const { page, errors } = await openPage(b);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="1"]');
    const file = await page.$$eval('#script option', (os) => os.map((o) => o.getAttribute('value')!).find((v) => v.endsWith('node1.sh'))!);
    await page.select('#script', file);
    expect(await page.$eval('#script-text', (e) => (e as unknown as { value: string }).value)).toBe(node1);
    await page.$eval('#script-text', (e, v) => ((e as unknown as { value: string }).value = v), node1Fixed);
    await page.click('#rerun');
    await page.waitForSelector('body[data-edits="1"]', { timeout: 30_000 });
    const cells = await matrixCells(page);
    const unreachable = new Set(fixedReach.unreachable.map((u) => `${u.from} ${u.to}`));
    expect(cells).toEqual(fixedReach.sources.flatMap((from) => fixedReach.destinations.map((to) => ({ from, to, ok: !unreachable.has(`${from} ${to}`) }))));
    const before = new Set(reach.unreachable.map((u) => `${u.from} ${u.to}`));
    const wasOk = (f: string, t: string) => reach.sources.includes(f) && reach.destinations.includes(t) && !before.has(`${f} ${t}`);
    const gained = cells.filter((c) => c.ok && !wasOk(c.from, c.to)).map((c) => `${c.from} ${c.to}`);
    expect(gained.filter((k) => k.startsWith('node1/NS1 ')).length).toBeGreaterThan(0);
    const marked = await page.$$eval('#matrix td[data-change="gained"]', (tds) => tds.map((td) => `${td.getAttribute('data-from')} ${td.getAttribute('data-to')}`));
    expect(marked).toEqual(gained);
    expect(await page.$eval('#gained', (e) => Number(e.getAttribute('data-count')))).toBe(gained.length);
    // green: each gained cell now wears the reply colour (the theme's --ok) and the reply symbol
    const look = await page.$$eval('#matrix td[data-change="gained"]', (tds) =>
      tds.map((td) => {
        const g = globalThis as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; getPropertyValue(n: string): string }; document: { documentElement: unknown } };
        const probe = (td as unknown as { ownerDocument: { createElement(t: string): { style: { color: string } } } }).ownerDocument.createElement('span');
        probe.style.color = g.getComputedStyle(g.document.documentElement).getPropertyValue('--ok').trim();
        return { bg: g.getComputedStyle(td).backgroundColor, ok: probe.style.color, text: td.textContent };
      }),
    );
    for (const l of look) expect(l).toEqual({ bg: l.ok, ok: l.ok, text: '✓' });
    expect(look.length).toBe(gained.length);
    await screenshot(page, 'edit-fixed');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('graph --format html renders the same view from a file, with every network request refused', async () => {
    const { page, errors } = await openPage(b);
    const asked: string[] = [];
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url().startsWith('file:') || req.url().startsWith('data:')) req.continue();
      else {
        asked.push(req.url());
        req.abort();
      }
    });
    await page.goto(`file://${exportFile}`);
    await page.waitForSelector('body[data-ready="1"]');
    const d = await drawing(page);
    expect(d.ns).toEqual(graph.hosts.flatMap((h) => h.namespaces.map((n) => n.path)));
    expect(d.edges).toBe(graph.edges.length);
    const bad = new Set(reach.unreachable.map((u) => `${u.from} ${u.to}`));
    expect(await matrixCells(page)).toEqual(reach.sources.flatMap((from) => reach.destinations.map((to) => ({ from, to, ok: !bad.has(`${from} ${to}`) }))));
    const seen = await stepThrough(page, 'node1/NS1', '172.16.0.3');
    expect(hopsOf(seen)).toEqual(good.hops.map((h) => h.ns));
    await screenshot(page, 'static-export');
    expect(asked).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a lab of 100 namespaces draws each of them, lists its unreachable pairs instead of a matrix, and search finds one', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(`file://${bigExport}`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30_000 });
    const d = await drawing(page);
    expect(d.ns).toHaveLength(BIG + 1);
    expect(await page.$('#matrix table')).toBeNull();
    expect(await page.$eval('#matrix', (e) => e.textContent)).toContain(`${BIG + 1} sources × ${BIG + 1} destinations`);
    await page.type('#search', `n${BIG - 1}`);
    expect(
      await page.evaluate(() =>
        (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] } } } }).nettwin.cy.nodes('.match').map((n) => n.data('label')),
      ),
    ).toEqual([`n${BIG - 1}`]);
    await screenshot(page, 'big-lab-search');
    expect(errors).toEqual([]);
    await page.close();
  });
});
