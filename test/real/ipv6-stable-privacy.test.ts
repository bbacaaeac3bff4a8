/**
 * Stable privacy ids (addr_gen_mode 2, stable_secret) byte for byte: test/cases/ipv6/stable-privacy.sh
 * runs in the simulator and on the kernel, every command agrees once masked (as in
 * ipv6.test.ts), and — since the comparison masks every fe80:: interface id — each address
 * flagged `stable-privacy` is compared again unmasked: the same secret and prefix must give the
 * kernel's id exactly (only DAD's `tentative`, which depends on timing, is left out).
 */
import * as fs from 'node:fs';
import { it } from 'vitest';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const FILE = 'test/cases/ipv6/stable-privacy.sh';

/** The `inet6 …` lines flagged stable-privacy, and the JSON addresses with the flag, of a step's output. */
function stableLines(stdout: string): string[] {
  const text = stdout.match(/^ *inet6 .*stable-privacy.*$/gm) ?? [];
  const json = stdout.match(/"local":"[^"]+"[^{}]*"stable-privacy":true/g) ?? [];
  return [...text, ...json].map((l) => l.replace(/tentative /, '').replace(/"tentative":true,/, ''));
}

describeReal('stable privacy addresses: the kernel’s ids, unmasked', () => {
  it(FILE, async ({ expect }) => {
    const text = fs.readFileSync(FILE, 'utf8');
    const r = await withSandboxSlot(() => compareScript(text, FILE));
    expect(r.report).toBe('');
    expect(r.real.length).toBe(r.sim.length);
    const kernel = r.real.map((s) => stableLines(s.stdout));
    const sim = r.sim.map((s) => stableLines(s.stdout));
    // the script shows stable-privacy addresses on five lines (va text and JSON, vc, vb after its
    // down and up, vb's SLAAC address): the check compares something
    expect(kernel.flat().length).toBeGreaterThanOrEqual(5);
    expect(sim).toEqual(kernel);
  });
});
