/**
 * ifb devices, tc's ingress and clsact qdiscs and mirred filters (test/cases/ifb) against this
 * machine's kernel: every command and every ping must agree, and the simulator must model every
 * line. test/cases/ifb-uml needs netem, which only UML's kernel has: there every line must agree
 * but the pings' round trips, which must hold both netem delays (the egress one and the ifb's)
 * within 8 ms or 15 % of the kernel's (UML ticks at 100 Hz and runs late on a loaded machine:
 * 35.6 ms seen for a 30 ms netem), far less than the 50 ms the ifb's netem adds.
 */
import { describe, it } from 'vitest';
import { loadCases } from './cases.js';
import { compareScript } from './compare.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';
import { UML_TOOLS } from './uml-tools.js';

/** A ping's share of replies and average round trip (ms). */
function figures(stdout: string): { received: number; avgMs: number } {
  const sent = /(\d+) packets transmitted, (\d+) received/.exec(stdout);
  const rtt = /rtt min\/avg\/max\/mdev = [\d.]+\/([\d.]+)\//.exec(stdout);
  return { received: sent ? Number(sent[2]) / Number(sent[1]) : Number.NaN, avgMs: rtt ? Number(rtt[1]) : Number.NaN };
}

describeReal('ifb, tc ingress and mirred — simulator vs this kernel', () => {
  describe.concurrent('cases', () => {
    for (const c of loadCases('ifb')) {
      it(c.file, async ({ expect }) => {
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(
          r.sim.filter((s) => !s.supported).map((s) => `${s.line}: ${s.command}`),
          'lines the simulator does not model',
        ).toEqual([]);
        expect(r.report).toBe('');
      });
    }
  });
});

describeReal(
  'ifb with netem on UML 6.1 — simulator vs kernel, round trips within tolerance',
  () => {
    const cases = loadCases('ifb-uml');
    it('every case', async ({ expect }) => {
      const { runCasesOnUml } = await import('./uml-cases.js');
      const runs = await runCasesOnUml(cases);
      for (const r of runs) {
        expect(r.real.length, `${r.file}: the kernel run executed no command`).toBeGreaterThan(0);
        expect(
          r.sim.filter((s) => !s.supported).map((s) => `${s.line}: ${s.command}`),
          `${r.file}: lines the simulator does not model`,
        ).toEqual([]);
        let delayed = 0;
        for (const [i, k] of r.real.entries()) {
          if (!k.command.includes('ping')) continue;
          const kf = figures(k.stdout);
          const sf = figures(r.sim[i]!.stdout);
          const where = `${r.file} line ${k.line}: ${k.command}`;
          expect(sf.received, `${where}: received share`).toBe(kf.received);
          expect(Math.abs(sf.avgMs - kf.avgMs), `${where}: average round trip ${sf.avgMs} ms, the kernel's ${kf.avgMs} ms`).toBeLessThanOrEqual(Math.max(8, 0.15 * kf.avgMs));
          if (kf.avgMs > 75) delayed++;
        }
        expect(delayed, `${r.file}: pings that held both delays on the kernel`).toBeGreaterThan(0);
        for (const d of r.diffs) {
          if (d.command.includes('ping') && (d.field === 'stdout' || d.field === 'ping')) continue;
          expect.fail(`${r.file} line ${d.line}: ${d.command} (${d.field}): kernel ${JSON.stringify(d.kernel)}, simulator ${JSON.stringify(d.sim)}`);
        }
      }
    }, 1_800_000);
  },
  { tools: UML_TOOLS },
);
