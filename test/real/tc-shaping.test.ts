/**
 * tbf and htb shaping on the virtual clock against this machine's kernel (test/cases/tc-shaping):
 * pings queued behind a shaper. Every command must agree as the other kernel comparisons do,
 * except what timing makes vary: a ping's round trips (its received share must be the
 * kernel's, its average within 20% or 3 ms) and the qdisc's overlimits (the kernel counts each
 * time its watchdog finds the bucket short, the simulator each packet that had to wait). A lab
 * file's `rate:` alone (Mininet's htb on both ends) is diffed in both modes too.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { loadCases, projectRoot } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const cases = loadCases('tc-shaping');

/** A ping's share of replies and average round trip (ms). */
function figures(stdout: string): { received: number; avgMs: number } {
  const sent = /(\d+) packets transmitted, (\d+) received/.exec(stdout);
  const rtt = /rtt min\/avg\/max\/mdev = [\d.]+\/([\d.]+)\//.exec(stdout);
  return { received: sent ? Number(sent[2]) / Number(sent[1]) : Number.NaN, avgMs: rtt ? Number(rtt[1]) : Number.NaN };
}

const withoutOverlimits = (s: string) => s.replace(/overlimits \d+/g, 'overlimits N');

describeReal('tc shaping: simulator vs kernel within tolerances', () => {
  describe.concurrent('cases', () => {
    for (const c of cases) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(
          r.sim.filter((s) => s.supported === false).map((s) => s.command),
          'lines the simulator does not model',
        ).toEqual([]);
        // every ping: the kernel's share of replies, its average round trip within tolerance
        let shaped = 0;
        for (const [i, k] of r.real.entries()) {
          if (!k.command.startsWith('ping')) continue;
          const kf = figures(k.stdout);
          const sf = figures(r.sim[i]!.stdout);
          const where = `line ${k.line}: ${k.command}`;
          expect(sf.received, `${where}: received share`).toBe(kf.received);
          expect(Math.abs(sf.avgMs - kf.avgMs), `${where}: average round trip ${sf.avgMs} ms, the kernel's ${kf.avgMs} ms`).toBeLessThanOrEqual(Math.max(3, 0.2 * kf.avgMs));
          if (/ping -c [68] -i 0.3 /.test(k.command)) {
            shaped++;
            // the shaped ping is there and queued: its average is far above an unshaped veth's
            expect(kf.avgMs, 'the kernel queued the pings').toBeGreaterThan(20);
          }
        }
        for (const d of r.diffs) {
          const where = `line ${d.line}: ${d.command} (${d.field})`;
          if (d.command.startsWith('ping') && (d.field === 'stdout' || d.field === 'ping')) continue;
          if (d.command.startsWith('tc -s') && d.field === 'stdout') expect(withoutOverlimits(d.sim), where).toBe(withoutOverlimits(d.kernel));
          else expect.fail(`${where}: kernel ${JSON.stringify(d.kernel)}, simulator ${JSON.stringify(d.sim)}`);
        }
        expect(shaped, 'the case has its shaped ping').toBe(1);
      });
    }
  });

  it('a lab file link with rate alone: Mininet’s htb on both ends, agreeing in both modes', async ({ expect }) => {
    const { spawnSync } = await import('node:child_process');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tc5-lab-'));
    try {
      const file = path.join(dir, 'lab.yaml');
      fs.writeFileSync(
        file,
        'hosts:\n  a:\n    nics: { eth0: 10.0.0.1/24 }\n  b:\n    nics: { eth0: 10.0.0.2/24 }\nlinks:\n  - { ends: [a:eth0, b:eth0], rate: 8kbit }\nrun:\n  - a: ping -c 6 -i 0.3 -s 400 10.0.0.2\n  - a: tc class show dev eth0\n  - b: tc qdisc show dev eth0\n',
      );
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'diff', file, '--json'], { cwd: projectRoot, encoding: 'utf8', timeout: 280_000 });
      const out = JSON.parse(r.stdout) as { agree: number; disagree: unknown[]; unmodelled: unknown[] };
      expect(out.disagree).toEqual([]);
      expect(out.unmodelled).toEqual([]);
      // two tc lines on each end, then the three of the run list
      expect(out.agree).toBe(7);
      expect(r.status).toBe(0);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
