/**
 * Debian's chromium, headless, driven by puppeteer-core, for the web view's tests. One browser
 * per test file, a fresh profile under the repo's ignored tmp/ (removed after), screenshots kept
 * in tmp/ui-screenshots/ as the tests' artifacts. Without chromium the suite is skipped, or fails
 * under NETTWIN_REQUIRE_REAL=1 / NETTWIN_REQUIRE_BROWSER=1.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { describe, it } from 'vitest';

export const CHROMIUM = '/usr/bin/chromium';
export const ROOT = path.join(import.meta.dirname, '../..');
export const SHOTS = path.join(ROOT, 'tmp/ui-screenshots');

export function describeBrowser(name: string, fn: () => void): void {
  if (fs.existsSync(CHROMIUM)) describe(name, fn);
  else if (process.env.NETTWIN_REQUIRE_REAL === '1' || process.env.NETTWIN_REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('a browser to test in', () => {
        throw new Error(`${CHROMIUM} is missing: apt-get install chromium (.ci/run does)`);
      });
    });
  } else describe.skip(`${name} [not run: ${CHROMIUM} is missing]`, fn);
}

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

export async function launch(): Promise<Chromium> {
  fs.mkdirSync(path.join(ROOT, 'tmp'), { recursive: true });
  const profile = fs.mkdtempSync(path.join(ROOT, 'tmp/chromium-profile-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`],
    defaultViewport: { width: 1400, height: 900 },
  });
  return {
    browser,
    async close() {
      await browser.close();
      fs.rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** A page whose script errors fail the test that reads them. */
export async function openPage(b: Chromium): Promise<{ page: Page; errors: string[] }> {
  const page = await b.browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return { page, errors };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) as `${string}.png` });
}
