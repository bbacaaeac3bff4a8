/**
 * The web view for everyone (in chromium, on the seed lab): its colours stay apart for the
 * common colour-vision deficiencies and every colour comes with a symbol; everything can be
 * done from the keyboard; a light and a dark theme, the dark one also when the system asks for
 * it. Screenshots of both themes, and of the page as a deuteranope sees it, are kept.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Chromium, describeBrowser, launch, openPage, screenshot } from './chromium.js';
import { deltaE, VISIONS } from './colour-vision.js';
import { type RunningUi, startUi } from './ui-server.js';

const SEED = 'examples/seed/lab.yaml';
type Doc = { activeElement: { getAttribute(a: string): string | null; id: string } | null; querySelector(s: string): { textContent: string | null } | null };

/** The theme's colours, as the page's style sheet sets them. */
async function palette(page: Page) {
  return page.evaluate(() => {
    const g = globalThis as unknown as { getComputedStyle(e: unknown): { getPropertyValue(n: string): string }; document: { documentElement: unknown } };
    const s = g.getComputedStyle(g.document.documentElement);
    const v = (n: string) => s.getPropertyValue(n).trim();
    return { ok: v('--ok'), bad: v('--bad'), warn: v('--warn'), cur: v('--cur'), bg: v('--bg'), fg: v('--fg') };
  });
}

describe('the colour measure', () => {
  it('tells a red/green pair apart for normal vision but not for a deuteranope (so it can fail)', () => {
    expect(deltaE('#2ca02c', '#d62728', 'normal')).toBeGreaterThan(40);
    expect(deltaE('#2ca02c', '#d62728', 'deuteranopia')).toBeLessThan(40);
  });
});

describeBrowser('the web view for everyone', () => {
  let b: Chromium;
  let ui: RunningUi;

  beforeAll(async () => {
    ui = await startUi(SEED);
    b = await launch();
  }, 300_000);

  afterAll(async () => {
    await b?.close();
    await ui?.stop();
  });

  it('reply, no reply and warning stay far apart for protanopia, deuteranopia and tritanopia, in both themes, and each has its symbol', async () => {
    const { page, errors } = await openPage(b);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]');
    for (const theme of ['light', 'dark']) {
      expect(await page.$eval('body', (e) => e.getAttribute('data-theme'))).toBe(theme);
      const p = await palette(page);
      for (const v of VISIONS) {
        expect(deltaE(p.ok, p.bad, v), `${theme} ${v}: reply/no reply`).toBeGreaterThan(40);
        expect(deltaE(p.bad, p.warn, v), `${theme} ${v}: error/warning`).toBeGreaterThan(15);
        expect(deltaE(p.ok, p.bg, v), `${theme} ${v}: reply/background`).toBeGreaterThan(25);
        expect(deltaE(p.bad, p.bg, v), `${theme} ${v}: no reply/background`).toBeGreaterThan(25);
      }
      await page.click('#theme');
    }
    // the colour is never the only sign: a symbol in every cell, on every finding
    const cells = await page.$$eval('#matrix td', (tds) => tds.map((td) => `${td.getAttribute('data-ok')}${td.textContent}`));
    expect(cells.length).toBeGreaterThan(0);
    for (const c of cells) expect(['1✓', '0✗']).toContain(c);
    await page.emulateVisionDeficiency('deuteranopia');
    await screenshot(page, 'seed-deuteranopia');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a light and a dark theme: the button and the t key switch them, the drawing follows, and a dark system starts dark', async () => {
    const { page, errors } = await openPage(b);
    await page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'light' }]);
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]');
    const look = () =>
      page.evaluate(() => {
        const g = globalThis as unknown as {
          getComputedStyle(e: unknown): { backgroundColor: string; color: string };
          document: { body: unknown };
          nettwin: { cy: { nodes(s: string): { style(k: string): string }[] } };
        };
        return { bg: g.getComputedStyle(g.document.body).backgroundColor, label: g.nettwin.cy.nodes('.ns')[0]!.style('color') };
      });
    const light = await look();
    expect(light.bg).toBe('rgb(255, 255, 255)');
    await screenshot(page, 'seed-light');
    await page.click('#theme');
    expect(await page.$eval('body', (e) => e.getAttribute('data-theme'))).toBe('dark');
    expect(await page.$eval('#theme', (e) => e.getAttribute('aria-pressed'))).toBe('true');
    const dark = await look();
    expect(dark.bg).toBe('rgb(21, 23, 26)');
    // the drawing's labels are light on the dark page: far from its background
    expect(deltaE(dark.label, dark.bg, 'normal')).toBeGreaterThan(60);
    expect(dark.label).not.toBe(light.label);
    await screenshot(page, 'seed-dark');
    await page.focus('#cy');
    await page.keyboard.press('t');
    expect(await page.$eval('body', (e) => e.getAttribute('data-theme'))).toBe('light');
    expect((await look()).bg).toBe('rgb(255, 255, 255)');

    const dark2 = await openPage(b);
    await dark2.page.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: 'dark' }]);
    await dark2.page.goto(ui.url);
    await dark2.page.waitForSelector('body[data-ready="1"]');
    expect(await dark2.page.$eval('body', (e) => e.getAttribute('data-theme'))).toBe('dark');
    expect(errors).toEqual([]);
    expect(dark2.errors).toEqual([]);
    await page.close();
    await dark2.page.close();
  });

  it('the keyboard alone: namespaces in the drawing, cells of the matrix, a ping played and stepped, the search', async () => {
    const { page, errors } = await openPage(b);
    await page.goto(ui.url);
    await page.waitForSelector('body[data-ready="1"]');
    const nss = await page.evaluate(() =>
      (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { map<T>(f: (n: { data(k: string): string }) => T): T[] } } } }).nettwin.cy.nodes('.ns').map((n) => n.data('path')),
    );
    // Tab reaches the drawing after the toolbar's controls
    await page.focus('#theme');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.id)).toBe('cy');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect(await page.$eval('#cy-status', (e) => e.textContent)).toMatch(new RegExp(`^${nss[1]!.replace('/', '\\/')}`));
    await page.keyboard.press('Enter');
    expect(await page.$eval('#src', (e) => (e as unknown as { value: string }).value)).toBe(nss[1]);
    // the matrix: from its first cell, ↓ then → → → lands on row 2, column 4; Enter plays that ping
    await page.focus('#matrix td');
    await page.keyboard.press('ArrowDown');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    const at = await page.evaluate(() => ({
      from: (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-from'),
      to: (globalThis as unknown as { document: Doc }).document.activeElement?.getAttribute('data-to'),
    }));
    const { sources, destinations } = await page.evaluate(() => (globalThis as unknown as { nettwin: { view: { reach: { sources: string[]; destinations: string[] } } } }).nettwin.view.reach);
    expect(at).toEqual({ from: sources[1], to: destinations[3] });
    await page.keyboard.press('Enter');
    await page.waitForFunction((f, t) => (globalThis as unknown as { document: Doc }).document.querySelector('#verdict .summary')?.textContent?.includes(`ping ${t} from ${f}`), {}, at.from, at.to);
    // Space toggles play and pause (left paused), Home End ← → step
    await page.focus('#cy');
    const playing = () => page.$eval('#play', (e) => e.getAttribute('aria-label') === 'pause');
    const was = await playing();
    await page.keyboard.press(' ');
    expect(await playing()).toBe(!was);
    if (await playing()) await page.keyboard.press(' ');
    expect(await playing()).toBe(false);
    const stepNo = async () => Number(/^step (\d+) of/.exec((await page.$eval('#step h2', (e) => e.textContent)) ?? '')?.[1]);
    await page.keyboard.press('Home');
    expect(await stepNo()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    expect(await stepNo()).toBe(2);
    await page.keyboard.press('End');
    expect(await page.$eval('#step h2', (e) => e.textContent)).toMatch(/^step (\d+) of \1:/);
    // / opens the search, Esc clears it
    await page.keyboard.press('/');
    expect(await page.evaluate(() => (globalThis as unknown as { document: Doc }).document.activeElement?.id)).toBe('search');
    await page.keyboard.type('NS2');
    expect(await page.evaluate(() => (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { length: number } } } }).nettwin.cy.nodes('.match').length)).toBeGreaterThan(0);
    await page.keyboard.press('Escape');
    expect(await page.$eval('#search', (e) => (e as unknown as { value: string }).value)).toBe('');
    expect(await page.evaluate(() => (globalThis as unknown as { nettwin: { cy: { nodes(s: string): { length: number } } } }).nettwin.cy.nodes('.match').length)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
