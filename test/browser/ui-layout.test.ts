/**
 * The drawing's layout, in chromium (the static export of `graph --format html`): nothing
 * overlaps (hosts, namespaces, interfaces), and hosts are placed in columns by Cytoscape's
 * breadthfirst layout over their links: the seed's two machines side by side, and in Mininet's
 * tree (`gen --topo tree,2,3`) each switch or host one column right of the one it hangs from.
 */
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeBrowser, launch, openPage, ROOT, SHOTS, screenshot } from './chromium.js';
import { CLI } from './ui-server.js';

const run = promisify(execFile);
type Box = { id: string; label: string; x1: number; x2: number; y1: number; y2: number };
type Drawn = { hosts: Box[]; ns: Box[]; ifaces: Box[]; links: [string, string][] };

async function drawn(page: Page): Promise<Drawn> {
  return page.evaluate(() => {
    type N = { id(): string; data(k: string): string; boundingBox(o?: object): Box; parent(): { id(): string }[] };
    const cy = (
      globalThis as unknown as {
        nettwin: { cy: { nodes(s: string): { map<T>(f: (n: N) => T): T[] }; edges(s?: string): { map<T>(f: (e: { source(): N; target(): N }) => T): T[] } } };
      }
    ).nettwin.cy;
    const box = (n: N) => {
      const b = n.boundingBox({ includeLabels: false });
      return { id: n.id(), label: n.data('label'), x1: b.x1, x2: b.x2, y1: b.y1, y2: b.y2 };
    };
    const hostOf = (n: N): string => {
      let p = n;
      for (;;) {
        const up = p.parent()[0];
        if (!up) return p.id();
        p = up as N;
      }
    };
    return {
      hosts: cy.nodes('.host').map(box),
      ns: cy.nodes('.ns').map(box),
      ifaces: cy.nodes('.iface').map(box),
      links: cy.edges().map((e) => [hostOf(e.source()), hostOf(e.target())] as [string, string]),
    };
  });
}

const overlap = (a: Box, b: Box) => a.x1 < b.x2 && b.x1 < a.x2 && a.y1 < b.y2 && b.y1 < a.y2;
function overlapping(boxes: Box[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) if (overlap(boxes[i]!, boxes[j]!)) out.push(`${boxes[i]!.label} / ${boxes[j]!.label}`);
  return out;
}

describeBrowser('the layout of the drawing', () => {
  let b: Chromium;
  const seedHtml = path.join(SHOTS, 'layout-seed.html');
  const treeYaml = path.join(SHOTS, 'layout-tree.yaml');
  const treeHtml = path.join(SHOTS, 'layout-tree.html');

  beforeAll(async () => {
    fs.mkdirSync(SHOTS, { recursive: true });
    await run(process.execPath, [...CLI, 'gen', '--topo', 'tree,2,3', '--out', treeYaml], { cwd: ROOT });
    const [seed, tree] = await Promise.all([
      run(process.execPath, [...CLI, 'graph', 'examples/seed/lab.yaml', '--format', 'html'], { cwd: ROOT, maxBuffer: 64 << 20 }),
      run(process.execPath, [...CLI, 'graph', treeYaml, '--format', 'html'], { cwd: ROOT, maxBuffer: 64 << 20 }),
    ]);
    fs.writeFileSync(seedHtml, seed.stdout);
    fs.writeFileSync(treeHtml, tree.stdout);
    b = await launch();
  }, 300_000);

  afterAll(async () => {
    await b?.close();
  });

  it('the seed: nothing overlaps, and its two machines stand side by side with the cable between', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(`file://${seedHtml}`);
    await page.waitForSelector('body[data-ready="1"]');
    const d = await drawn(page);
    expect(d.hosts.map((h) => h.label)).toEqual(['node1', 'node2']);
    expect(overlapping(d.hosts)).toEqual([]);
    expect(overlapping(d.ns)).toEqual([]);
    expect(overlapping(d.ifaces)).toEqual([]);
    const [n1, n2] = d.hosts as [Box, Box];
    expect(n1.x2).toBeLessThan(n2.x1);
    expect(d.links.filter(([a, c]) => a !== c)).toEqual([[n1.id, n2.id]]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a tree of switches: nothing overlaps, and every link joins a host to one in the next column', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(`file://${treeHtml}`);
    await page.waitForSelector('body[data-ready="1"]');
    const d = await drawn(page);
    expect(d.hosts).toHaveLength(13);
    expect(overlapping(d.hosts)).toEqual([]);
    expect(overlapping(d.ns)).toEqual([]);
    expect(overlapping(d.ifaces)).toEqual([]);
    // columns: hosts whose horizontal extents overlap share one
    const byX = [...d.hosts].sort((a, c) => a.x1 - c.x1);
    const column = new Map<string, number>();
    let col = -1;
    let right = Number.NEGATIVE_INFINITY;
    for (const h of byX) {
      if (h.x1 >= right) col++;
      right = Math.max(right, h.x2);
      column.set(h.id, col);
    }
    const cross = d.links.filter(([a, c]) => a !== c);
    expect(cross).toHaveLength(12);
    for (const [a, c] of cross) expect(Math.abs(column.get(a)! - column.get(c)!), `${a} – ${c}`).toBe(1);
    await screenshot(page, 'layout-tree');
    expect(errors).toEqual([]);
    await page.close();
  });
});
