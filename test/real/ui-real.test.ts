/**
 * `nettwin ui FILE --real` in chromium: the seed lab run on the kernel in a sandbox. The page
 * says it is the kernel's answer (and a plain `nettwin ui` says it is simulated); the matrix is
 * the kernel's pings over the simulator's pairs, and agrees with `reach --json` on the seed; a
 * ping played from the matrix shows the kernel's own line before the simulator's explanation;
 * editing is refused. Nothing is left on the machine.
 */
import { execFile } from 'node:child_process';
import * as http from 'node:http';
import * as os from 'node:os';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type Chromium, launch, openPage, ROOT, screenshot } from '../browser/chromium.js';
import { CLI, type RunningUi, startUi } from '../browser/ui-server.js';
import { describeReal, snapshotMachine } from './require-real.js';

const SEED = 'examples/seed/lab.yaml';
const run = promisify(execFile);

async function matrixCells(page: import('puppeteer-core').Page) {
  return page.$$eval('#matrix td', (tds) => tds.map((td) => ({ from: td.getAttribute('data-from')!, to: td.getAttribute('data-to')!, ok: td.getAttribute('data-ok') === '1' })));
}

describeReal(
  'nettwin ui --real: the kernel answers, and the page says so',
  () => {
    let b: Chromium;
    let real: RunningUi;
    let sim: RunningUi;
    let reach: { sources: string[]; destinations: string[]; unreachable: { from: string; to: string }[] };
    const before = snapshotMachine();

    beforeAll(async () => {
      const [r, s, json] = await Promise.all([startUi(SEED, '--real'), startUi(SEED), run(process.execPath, [...CLI, 'reach', SEED, '--json'], { cwd: ROOT })]);
      real = r;
      sim = s;
      reach = JSON.parse(json.stdout);
      b = await launch();
    }, 300_000);

    afterAll(async () => {
      await b?.close();
      await real?.stop();
      await sim?.stop();
      expect(snapshotMachine()).toBe(before);
    });

    it("says it is the kernel's answer, on this machine's kernel; without --real it says it is simulated", async () => {
      const { page, errors } = await openPage(b);
      await page.goto(real.url);
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.$eval('#mode', (e) => e.getAttribute('data-mode'))).toBe('real');
      const said = await page.$eval('#mode', (e) => e.textContent!);
      expect(said).toContain("The kernel's answer");
      expect(said).toContain(`Linux ${os.release()}`);
      // nothing to edit: an edit would have to be asked of the kernel again
      expect(await page.$eval('#editor-box', (e) => (e as unknown as { hidden: boolean }).hidden)).toBe(true);
      await screenshot(page, 'real-seed');
      await page.goto(sim.url);
      await page.waitForSelector('body[data-ready="1"]');
      expect(await page.$eval('#mode', (e) => e.getAttribute('data-mode'))).toBe('sim');
      expect(await page.$eval('#mode', (e) => e.textContent)).toContain('Simulated');
      expect(errors).toEqual([]);
      await page.close();
    });

    it('the matrix is the kernel pinging every pair of reach --json, and on the seed it agrees with the simulator', async () => {
      const { page, errors } = await openPage(b);
      await page.goto(real.url);
      await page.waitForSelector('body[data-ready="1"]');
      const bad = new Set(reach.unreachable.map((u) => `${u.from} ${u.to}`));
      expect(await matrixCells(page)).toEqual(reach.sources.flatMap((from) => reach.destinations.map((to) => ({ from, to, ok: !bad.has(`${from} ${to}`) }))));
      // a cell plays its ping: the kernel's own line, then the simulator's steps, each named as such
      await page.click('#matrix td[data-from="node1/NS1"][data-to="172.16.0.3"]');
      await page.waitForSelector('#kernel-answer');
      expect(await page.$eval('#kernel-answer', (e) => e.textContent)).toMatch(/^✓ the kernel: 64 bytes from 172\.16\.0\.3: icmp_seq=1 ttl=64$/);
      expect(await page.$eval('#verdict', (e) => e.textContent)).toContain("the simulator's explanation");
      await page.click('#matrix td[data-from="node1/NS1"][data-to="172.16.1.3"]');
      await page.waitForFunction(() =>
        (globalThis as unknown as { document: { querySelector(s: string): { textContent: string | null } | null } }).document.querySelector('#kernel-answer')?.textContent?.startsWith('✗'),
      );
      expect(await page.$eval('#kernel-answer', (e) => e.textContent)).toMatch(/^✗ the kernel: (ping: connect: Network is unreachable|From \S+ icmp_seq=1 .*|no answer within 1 s)$/);
      expect(errors).toEqual([]);
      await page.close();
    });

    it('refuses an edit', async () => {
      const u = new URL(real.url);
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port: u.port, path: `/api/edit${u.search}`, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
          res.resume();
          resolve(res.statusCode!);
        });
        req.on('error', reject);
        req.end(JSON.stringify({ file: 'examples/seed/node1.sh', text: 'true' }));
      });
      expect(status).toBe(400);
    });
  },
  { tools: [['chromium', 'chromium']] },
);
