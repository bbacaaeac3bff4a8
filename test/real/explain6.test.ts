/**
 * `explain` over IPv6 against the kernel: after a lab of three namespaces (A — R — B, IPv6
 * only), explain's verdict for a ping from A must be what `ping -6 -c 1` answers on the kernel
 * at the same point: a reply (exit 0), the same ICMPv6 error line (no route at R; neighbour
 * discovery failing at R: address unreachable; R's forwarding off gives nothing back), or the
 * same local error (connect: Network is unreachable). The trace must show the IPv6 walk:
 * route lookups, neighbour discovery and forwarding with the hop limit.
 */
import { describe, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { formatExplain } from '../../src/twin/explain.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const LAB = `ip netns add A
ip netns add R
ip netns add B
ip netns add C
ip link add va netns A type veth peer name ra netns R
ip link add vb netns B type veth peer name rb netns R
for n in A R B C; do ip -n $n link set lo up; done
ip -n A link set va up
ip -n B link set vb up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 2001:db8:1::2/64 dev va nodad
ip -n R addr add 2001:db8:1::1/64 dev ra nodad
ip -n R addr add 2001:db8:2::1/64 dev rb nodad
ip -n B addr add 2001:db8:2::2/64 dev vb nodad
ip -n A -6 route add default via 2001:db8:1::1
ip -n B -6 route add default via 2001:db8:2::1
`;

const CASES: [string, string, string, string][] = [
  ['a reply through the router', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n', 'A', '2001:db8:2::2'],
  ['no route at the router', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n', 'A', '2001:db8:3::1'],
  ['neighbour discovery fails at the router', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n', 'A', '2001:db8:2::9'],
  ['forwarding off at the router', '', 'A', '2001:db8:2::2'],
  ['no route at the sender', '', 'C', '2001:db8:2::2'],
];

describeReal('explain over IPv6: verdict vs the kernel', () => {
  describe.concurrent('cases', () => {
    for (const [name, extra, from, to] of CASES) {
      it(name, async ({ expect }) => {
        const script = LAB + extra;
        const kernel = (await resolveKernelProfile('auto')).profile;
        const lab = new Lab({ kernel });
        lab.host('host').sh(script, { file: 'lab.sh' });
        const x = lab.explain(`host/${from}`, to);
        const real = await withSandboxSlot(() => runScriptInSandbox(`${script}ip netns exec ${from} ping -6 -c 1 -W 5 ${to}\n`, { file: 'lab.sh', host: 'host', kernel }));
        const p = real[real.length - 1]!;
        expect(p.command).toMatch(/ping -6/);
        const text = formatExplain(x, { verbose: true });
        if (p.exit === 0) expect(x.disposition, text).toBe('reply');
        else if (p.exit === 2) {
          expect(x.disposition, text).toBe('local-error');
          expect(p.stderr).toContain(x.ping.fatal!);
        } else if (/^From /m.test(p.stdout)) {
          expect(x.disposition, text).toBe('icmp-error');
          expect(p.stdout).toContain(x.ping.errorLines[0]!);
        } else expect(x.disposition, text).toBe('no-answer');
        if (x.disposition !== 'local-error') expect(x.path[0]).toBe(`host/${from}`);
        if (x.disposition === 'reply') {
          expect(x.path).toContain('host/R');
          // the IPv6 walk: the sender's route lookup, neighbour discovery, R forwarding with the hop limit one less
          expect(text).toMatch(new RegExp(`route +echo request seq 1 2001:db8:1::2 > ${to} hlim 64 out va via 2001:db8:1::1`));
          expect(text).toMatch(/ndisc +va: neighbour solicitation for 2001:db8:1::1/);
          expect(text).toMatch(new RegExp(`forward echo request seq 1 2001:db8:1::2 > ${to} hlim 63 from ra out rb`));
        }
      });
    }
  });
});
