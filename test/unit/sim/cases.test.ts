/**
 * The forwarding case scripts (test/cases/forwarding/*.sh) run through the whole stack — the
 * script interpreter, the model, the simulator, `ping` — against what the kernel printed for the
 * same scripts (kernel-golden/NAME.txt, made with `test/tools/sbx < test/cases/forwarding/NAME.sh`
 * and `echo rc=$?` after each ping line; times masked with maskPingTimes).
 *
 * Known kernel races, where the golden holds the usual outcome: link-moved.sh's last ping (the
 * re-addressed peer answers only if the pending ARP probe fires after it came up: 4 runs in 6).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { maskPingTimes } from '../../../src/programs/ping/output.js';

const here = dirname(fileURLToPath(import.meta.url));
// forwarding-races/ holds kernel timing races: compared with a recorded kernel run here, never
// live (the live comparison in test/real/forwarding.test.ts would flake under load).
const caseDirs = [join(here, '../../cases/forwarding'), join(here, '../../cases/forwarding-races')];
const goldenDir = join(here, 'kernel-golden');

function golden(name: string): string {
  return readFileSync(join(goldenDir, `${name}.txt`), 'utf8')
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .join('\n');
}

describe('forwarding cases agree with the kernel', () => {
  for (const casesDir of caseDirs)
    for (const file of readdirSync(casesDir)
      .filter((f) => f.endsWith('.sh'))
      .sort()) {
      const name = file.replace(/\.sh$/, '');
      it(name, () => {
        const script = readFileSync(join(casesDir, file), 'utf8');
        const steps = new Lab().host('h').sh(script, { file });
        let got = '';
        for (const s of steps) {
          if (!/^ip netns exec \S+ ping( |$)/.test(s.command)) continue;
          got += `$ ${s.command}\n${maskPingTimes(s.stderr + s.stdout)}[exit ${s.exit}]\n`;
        }
        expect(got).toBe(golden(name));
      });
    }
});
