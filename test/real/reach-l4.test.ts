/**
 * `reach --proto tcp|udp --port N` held against the kernel: each lab of test/cases/reach-l4/
 * runs in the simulator, where portReach (the fast path `nettwin reach --proto --port` runs:
 * one engine run per class of twin sources) answers every namespace → every address × port; the
 * same lab runs in a kernel sandbox followed by `nc -z -v -w 1` (`-u` for UDP) for every one of
 * those, and each answer must be what the kernel's nc met: exit 0 open, "Connection refused"
 * refused, "timed out" filtered, any other failure (No route to host …) unreachable. For UDP
 * the kernel's nc tells only refused (exit 1) from the rest: open and filtered both exit 0.
 *
 * reach answers each probe from a fresh state; the kernel's probes run one after another, and
 * `nc -zu` sends several datagrams, each answered with a port unreachable that draws on the
 * kernel's per-peer ICMP rate limit (a burst of 6, then one a second): before probing, the
 * kernel's namespaces get net.ipv4.icmp_ratelimit=0 so one probe does not starve the next.
 */
import { describe, it } from 'vitest';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';
import type { L4Proto, PortAnswer } from '../../sim/reach/l4.js';
import { portReach } from '../../sim/reach/port-reach.js';
import { Lab } from '../../src/lab.js';
import { SCOPE } from '../../src/model/address.js';
import { ip4ToString } from '../../src/model/ip.js';
import { loadCases } from './cases.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const PORTS: ReadonlyArray<readonly [L4Proto, number]> = [
  ['tcp', 22],
  ['tcp', 23],
  ['tcp', 24],
  ['tcp', 80],
  ['tcp', 8000],
  ['tcp', 9000],
  ['udp', 53],
  ['udp', 5353],
  ['udp', 54],
];

/** What the kernel's nc met, in reach's words (UDP: `open|filtered` when nc cannot tell them apart). */
function kernelAnswer(proto: L4Proto, exit: number, stderr: string): string {
  if (proto === 'udp') return exit === 0 ? 'open|filtered' : 'refused';
  if (exit === 0) return 'open';
  if (/Connection refused/.test(stderr)) return 'refused';
  if (/timed out/.test(stderr)) return 'filtered';
  return 'unreachable';
}

function simAnswer(proto: L4Proto, a: PortAnswer): string {
  return proto === 'udp' && (a === 'open' || a === 'filtered') ? 'open|filtered' : a;
}

describeReal(
  'reach --proto/--port against the kernel (nc -z -w 1 for every pair and port)',
  () => {
    describe.concurrent('cases', () => {
      for (const c of loadCases('reach-l4')) {
        it(c.file, { timeout: 600_000 }, async ({ expect }) => {
          const kernel = (await resolveKernelProfile('auto')).profile;
          const lab = new Lab({ kernel });
          const setup = lab.host('host').sh(c.text, { file: c.file });
          expect(setup.filter((s) => s.supported === false).map((s) => s.command)).toEqual([]);
          const sources = lab.model.namespaces().filter((ns) => ns.name !== null);
          const addrs = sources.flatMap((ns) => ns.linkList().flatMap((l) => l.addrs.filter((a) => a.scope !== SCOPE.host).map((a) => a.local)));
          expect(addrs.length).toBeGreaterThan(2);
          const probes: { line: string; proto: L4Proto; sim: string }[] = [];
          const answers = PORTS.map(([proto, port]) => portReach(lab.model, sources, addrs, proto, port));
          sources.forEach((ns, i) => {
            addrs.forEach((a, j) => {
              PORTS.forEach(([proto, port], k) => {
                const p = answers[k]!.at(i, j);
                const u = proto === 'udp' ? ' -u' : '';
                probes.push({ line: `ip netns exec ${ns.name} nc -z${u} -v -w 1 ${ip4ToString(a)} ${port}`, proto, sim: simAnswer(proto, p.answer) });
              });
            });
          });
          const unlimited = sources.map((ns) => `ip netns exec ${ns.name} sysctl -qw net.ipv4.icmp_ratelimit=0`);
          const text = `${c.text}\n${[...unlimited, ...probes.map((p) => p.line)].join('\n')}\n`;
          const real = await withSandboxSlot(() => runScriptInSandbox(text, { file: c.file, host: 'host', kernel }));
          const ran = real.slice(-probes.length);
          const disagree: string[] = [];
          const seen = new Set<string>();
          probes.forEach((p, k) => {
            const s = ran[k]!;
            expect(s.command).toBe(p.line);
            const want = kernelAnswer(p.proto, s.exit, s.stderr);
            seen.add(want);
            if (want !== p.sim) disagree.push(`${p.line}: reach says ${p.sim}, the kernel ${want} (${s.stderr.trim()})`);
          });
          expect(disagree).toEqual([]);
          // the lab is built to meet every answer at least once
          expect([...seen].sort()).toEqual(['filtered', 'open', 'open|filtered', 'refused', 'unreachable']);
        });
      }
    });
  },
  { tools: [['nc', 'netcat-openbsd']] },
);
