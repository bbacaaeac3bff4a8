/**
 * A lab of 1 000 namespaces in the web view (`nettwin ui`, in chromium): it loads in reasonable
 * time, draws each namespace (by namespace: interfaces folded into their namespace), and the
 * search finds one namespace among them by name and brings it into view.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeBrowser, launch, openPage, ROOT, screenshot } from './chromium.js';
import { type RunningUi, startUi } from './ui-server.js';

const N = 1000;
const SCRIPT = path.join(ROOT, 'tmp/ui-screenshots/lab-1000.sh');
type Cy = {
  nodes(s: string): { length: number; map<T>(f: (n: { data(k: string): string; renderedPosition(): { x: number; y: number } }) => T): T[] };
  edges(s?: string): { length: number };
  width(): number;
  height(): number;
};

describeBrowser('a lab of 1 000 namespaces in the web view', () => {
  let b: Chromium;
  let ui: RunningUi;

  beforeAll(async () => {
    const lines = ['ip link add br0 type bridge', 'ip addr add 10.0.0.1/16 dev br0', 'ip link set br0 up'];
    for (let i = 1; i <= N; i++)
      lines.push(
        `ip netns add n${i}`,
        `ip link add v${i} type veth peer name e${i} netns n${i}`,
        `ip link set v${i} master br0 up`,
        `ip -n n${i} addr add 10.0.${(i + 1) >> 8}.${(i + 1) & 255}/16 dev e${i}`,
        `ip -n n${i} link set e${i} up`,
      );
    fs.mkdirSync(path.dirname(SCRIPT), { recursive: true });
    fs.writeFileSync(SCRIPT, `${lines.join('\n')}\n`);
    ui = await startUi(SCRIPT);
    b = await launch();
  }, 300_000);

  afterAll(async () => {
    await b?.close();
    await ui?.stop();
  });

  it('loads, draws one box per namespace and one edge per linked pair, and search finds a namespace', async () => {
    const { page, errors } = await openPage(b);
    const t0 = Date.now();
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 60_000 });
    const loadMs = Date.now() - t0;
    const d = await page.evaluate(() => {
      const cy = (globalThis as unknown as { nettwin: { cy: Cy } }).nettwin.cy;
      return { ns: cy.nodes('.ns').map((n) => n.data('path')), ifaces: cy.nodes('.iface').length, edges: cy.edges().length };
    });
    expect(d.ns).toHaveLength(N + 1);
    expect(new Set(d.ns)).toEqual(new Set(['host', ...Array.from({ length: N }, (_, i) => `host/n${i + 1}`)]));
    // folded: every veth pair is one edge between the root namespace and its peer's
    expect(d.ifaces).toBe(0);
    expect(d.edges).toBe(N);
    // the matrix would be a million cells: the pairs are summed up and listed instead
    expect(await page.$('#matrix table')).toBeNull();
    expect(await page.$eval('#matrix', (e) => e.textContent)).toContain(`${N + 1} sources × ${N + 1} destinations`);
    expect(loadMs).toBeLessThan(30_000);

    await page.type('#search', 'n777');
    await page.waitForFunction(() => (globalThis as unknown as { nettwin: { cy: Cy } }).nettwin.cy.nodes('.match').length > 0);
    const hit = await page.evaluate(() => {
      const cy = (globalThis as unknown as { nettwin: { cy: Cy } }).nettwin.cy;
      return { found: cy.nodes('.match').map((n) => ({ path: n.data('path'), at: n.renderedPosition() })), w: cy.width(), h: cy.height() };
    });
    expect(hit.found.map((f) => f.path)).toEqual(['host/n777']);
    // brought into view: drawn inside the canvas, not somewhere off it
    const { x, y } = hit.found[0]!.at;
    expect(x > 0 && x < hit.w && y > 0 && y < hit.h).toBe(true);
    await screenshot(page, 'lab-1000-search');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);
});
