/**
 * Stable privacy ids (addr_gen_mode 2, stable_secret) byte for byte: test/cases/ipv6/stable-privacy.sh
 * and addrgenmode.sh run in the simulator and on the kernel, every command agrees once masked (as in
 * ipv6.test.ts), and — since the comparison masks every fe80:: interface id — each address
 * flagged `stable-privacy` is compared again unmasked: the same secret and prefix must give the
 * kernel's id exactly (only DAD's `tentative`, which depends on timing, is left out).
 */
import * as fs from 'node:fs';
import { expect, it } from 'vitest';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

/** Each case and how many stable-privacy addresses it shows at least (so the check compares something). */
const CASES: [string, number][] = [
  // va text and JSON, vc, vb after its down and up, vb's SLAAC address
  ['test/cases/ipv6/stable-privacy.sh', 5],
  // va after `addrgenmode stable_secret` and a down and up
  ['test/cases/ipv6/addrgenmode.sh', 1],
  // B's retry with the next DAD counter (text and JSON), its dadfailed first id, the third run's two failures
  ['test/cases/ipv6/dad-stable-retry.sh', 8],
  // addr_gen_mode 3 with a secret it keeps: B's id, A's before and after its retry (text and JSON)
  ['test/cases/ipv6/dad-random-retry.sh', 6],
];

/** The `inet6 …` lines flagged stable-privacy, and the JSON addresses with the flag, of a step's output. */
function stableLines(stdout: string): string[] {
  const text = stdout.match(/^ *inet6 .*stable-privacy.*$/gm) ?? [];
  const json = stdout.match(/"local":"[^"]+"[^{}]*"stable-privacy":true/g) ?? [];
  return [...text, ...json].map((l) => l.replace(/tentative /, '').replace(/"tentative":true,/, ''));
}

describeReal('stable privacy addresses: the kernel’s ids, unmasked', () => {
  it.each(CASES)('%s', async (file, least) => {
    const text = fs.readFileSync(file, 'utf8');
    const r = await withSandboxSlot(() => compareScript(text, file));
    expect(r.report).toBe('');
    expect(r.real.length).toBe(r.sim.length);
    const kernel = r.real.map((s) => stableLines(s.stdout));
    const sim = r.sim.map((s) => stableLines(s.stdout));
    expect(kernel.flat().length).toBeGreaterThanOrEqual(least);
    expect(sim).toEqual(kernel);
  });
});
