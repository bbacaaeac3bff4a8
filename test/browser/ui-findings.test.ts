/**
 * The web view pins `lint`'s findings and the failing `expect:` intents of `verify` to the
 * namespaces they concern: checked in chromium against what the CLI prints for the seed's
 * broken lab (examples/seed/verify-broken.yaml).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, describeBrowser, launch, openPage, ROOT, screenshot } from './chromium.js';
import { CLI, type RunningUi, startUi } from './ui-server.js';

const LAB = 'examples/seed/verify-broken.yaml';
const run = promisify(execFile);

/** The CLI's JSON, whatever its exit status (lint and verify exit 1 on this lab). */
async function cliJson<T>(...args: string[]): Promise<T> {
  try {
    return JSON.parse((await run(process.execPath, [...CLI, ...args], { cwd: ROOT, maxBuffer: 64 << 20 })).stdout) as T;
  } catch (e) {
    const err = e as { code?: number; stdout?: string };
    if (err.code === 1 && err.stdout) return JSON.parse(err.stdout) as T;
    throw e;
  }
}

type Finding = { rule: string; severity: string; file: string; line: number; message: string };
type Verdict = { line: number; name: string; holds: boolean; summary: string };
type Listed = { source: string; severity: string; file: string; line: number; title: string; ns: string[] };
type Cy = { nodes(s: string): { map<T>(f: (n: { data(k: string): unknown }) => T): T[] } };

describeBrowser('lint findings and failing intents pinned to the drawing', () => {
  let b: Chromium;
  let ui: RunningUi;
  let findings: Finding[];
  let failing: Verdict[];

  beforeAll(async () => {
    const [u, l, v] = await Promise.all([startUi(LAB), cliJson<{ findings: Finding[] }>('lint', LAB, '--json'), cliJson<{ intents: Verdict[] }>('verify', LAB, '--json')]);
    ui = u;
    findings = l.findings;
    failing = v.intents.filter((i) => !i.holds);
    b = await launch();
  }, 300_000);

  afterAll(async () => {
    await b?.close();
    await ui?.stop();
  });

  it('lists every lint finding and every failing intent, each pinned to its namespaces, and marks those namespaces in the drawing', async () => {
    expect(findings.length).toBeGreaterThan(0);
    expect(failing.length).toBeGreaterThan(0);
    const { page, errors } = await openPage(b);
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]');
    const listed: Listed[] = await page.$$eval('#pins li', (lis) =>
      lis.map((li) => ({
        source: li.getAttribute('data-source')!,
        severity: li.getAttribute('data-severity')!,
        file: li.getAttribute('data-file')!,
        line: Number(li.getAttribute('data-line')),
        title: li.getAttribute('data-title')!,
        ns: li.getAttribute('data-ns')!.split(' ').filter(Boolean),
      })),
    );
    // the same findings, in lint's order, then the failing intents in verify's
    expect(listed.filter((p) => p.source === 'lint').map(({ severity, file, line, title }) => ({ severity, file, line, rule: title }))).toEqual(
      findings.map(({ severity, file, line, rule }) => ({ severity, file, line, rule })),
    );
    expect(listed.filter((p) => p.source === 'expect').map((p) => ({ line: p.line, name: p.title }))).toEqual(failing.map((v) => ({ line: v.line, name: v.name })));
    // where each is pinned: the namespace its line ran in, or its intent's source
    const at = (rule: string, line: number) => listed.find((p) => p.title === rule && p.line === line)!.ns;
    expect(at('gateway-not-onlink', 222)).toEqual(['node1/NS1']);
    expect(at('gateway-not-onlink', 223)).toEqual(['node1/NS2']);
    for (const v of failing.filter((x) => x.name.startsWith('reach '))) expect(listed.find((p) => p.source === 'expect' && p.line === v.line)!.ns).toEqual([/^reach (\S+) ->/.exec(v.name)![1]]);
    // every namespace shows how many entries concern it, with a symbol and not only a colour
    const marked = await page.evaluate(() =>
      (globalThis as unknown as { nettwin: { cy: Cy } }).nettwin.cy.nodes('.ns').map((n) => ({ path: n.data('path') as string, pins: n.data('pins') as number, label: n.data('label') as string })),
    );
    for (const m of marked) {
      const n = listed.filter((p) => p.ns.includes(m.path)).length;
      expect(m.pins, m.path).toBe(n);
      if (n) expect(m.label).toMatch(/[✗⚠]\d+/);
      else expect(m.label).not.toMatch(/[✗⚠]/);
    }
    expect(marked.find((m) => m.path === 'node1/NS1')!.pins).toBeGreaterThan(0);
    await screenshot(page, 'findings');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('choosing an entry picks out its namespaces in the drawing; tapping a namespace picks out its entries', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]');
    await page.click('#pins li[data-title="gateway-not-onlink"][data-line="223"] button');
    const matched = () => page.evaluate(() => (globalThis as unknown as { nettwin: { cy: Cy } }).nettwin.cy.nodes('.match').map((n) => n.data('path')));
    expect(await matched()).toEqual(['node1/NS2']);
    expect(await page.$eval('#src', (e) => (e as unknown as { value: string }).value)).toBe('node1/NS2');
    // a tap on node2/NS1 in the drawing selects the entries about it
    await page.evaluate(() => {
      const cy = (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { filter(f: (n: { data(k: string): unknown }) => boolean): { emit(e: string): void } } } } }).nettwin.cy;
      cy.nodes('.ns')
        .filter((n) => n.data('path') === 'node2/NS1')
        .emit('tap');
    });
    const sel = await page.$$eval('#pins li.sel', (lis) => lis.map((li) => li.getAttribute('data-ns')!.split(' ')));
    expect(sel.length).toBeGreaterThan(0);
    for (const ns of sel) expect(ns).toContain('node2/NS1');
    const all = await page.$$eval('#pins li', (lis) => lis.filter((li) => li.getAttribute('data-ns')!.split(' ').includes('node2/NS1')).length);
    expect(sel.length).toBe(all);
    // a ping stepped through a pinned namespace: the packet's mark shows over the pin's
    await page.select('#src', 'node1/NS1');
    await page.$eval('#dst', (e) => ((e as unknown as { value: string }).value = '172.16.0.3'));
    await page.click('#send');
    await page.waitForSelector('#step [data-kind]');
    const look = await page.evaluate(() => {
      const g = globalThis as unknown as {
        getComputedStyle(e: unknown): { getPropertyValue(n: string): string };
        document: { documentElement: unknown };
        nettwin: { cy: { nodes(s: string): { filter(f: (n: { data(k: string): unknown }) => boolean): { style(k: string): string; hasClass(c: string): boolean }[] } } };
      };
      const n = g.nettwin.cy.nodes('.ns').filter((x) => x.data('path') === 'node1/NS1')[0]!;
      return {
        pinned: n.hasClass('pinned-error'),
        current: n.hasClass('current'),
        border: n.style('border-color'),
        cur: g.getComputedStyle(g.document.documentElement).getPropertyValue('--cur').trim(),
      };
    });
    expect(look.pinned && look.current).toBe(true);
    expect(look.border).toBe(`rgb(${[1, 3, 5].map((i) => Number.parseInt(look.cur.slice(i, i + 2), 16)).join(',')})`);
    expect(errors).toEqual([]);
    await page.close();
  });
});
