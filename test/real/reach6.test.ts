/**
 * `reach` over IPv6 against the kernel: for each lab, every (source, destination) pair of
 * `lab.reach6()` — the fast path, with what it hands to the engine — must be what
 * `ping -6 -c 1 -W 1` answers on the kernel after the same script (exit 0 for a reply). Labs:
 * a router that forwards IPv6 or not, a hop limit of 1 before it, a namespace whose lo is
 * down, a source left with a link-local address only, and a dual-stack bridge.
 */
import { describe, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { formatIp6 } from '../../src/model/ipv6/ip6.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const ROUTED = `ip netns add A
ip netns add R
ip netns add B
ip link add va netns A type veth peer name ra netns R
ip link add vb netns B type veth peer name rb netns R
for n in A R B; do ip -n $n link set lo up; done
ip -n A link set va up
ip -n B link set vb up
ip -n R link set ra up
ip -n R link set rb up
ip -n A addr add 2001:db8:1::2/64 dev va
ip -n R addr add 2001:db8:1::1/64 dev ra
ip -n R addr add 2001:db8:2::1/64 dev rb
ip -n B addr add 2001:db8:2::2/64 dev vb
ip -n A -6 route add default via 2001:db8:1::1
ip -n B -6 route add default via 2001:db8:2::1
`;

let bridge = 'ip link add br0 type bridge\nip link set br0 up\nip addr add fd00::100/64 dev br0\n';
for (let i = 1; i <= 4; i++) {
  bridge += `ip netns add n${i}\nip -n n${i} link set lo up\nip link add v${i} type veth peer name p${i} netns n${i}\nip link set v${i} master br0\nip link set v${i} up\n`;
  bridge += `ip -n n${i} link set p${i} up\nip -n n${i} addr add 10.0.0.${i}/24 dev p${i}\nip -n n${i} addr add fd00::${i}/64 dev p${i}${i % 2 ? ' nodad' : ''}\n`;
}

const LABS: [string, string][] = [
  ['a router forwarding IPv6', `${ROUTED}ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n`],
  ['a router not forwarding IPv6, A with lo down', `${ROUTED}ip -n A link set lo down\n`],
  ['a hop limit of 1 before the router', `${ROUTED}ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip netns exec A sysctl -w net.ipv6.conf.va.hop_limit=1\n`],
  ['a source with a link-local address only', `${ROUTED}ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip -n B -6 addr flush dev vb scope global\n`],
  ['a dual-stack bridge', bridge],
];

describeReal('reach over IPv6 vs ping -6 on the kernel', () => {
  describe.concurrent('labs', () => {
    for (const [name, script] of LABS) {
      it(name, async ({ expect }) => {
        const kernel = (await resolveKernelProfile('auto')).profile;
        const lab = new Lab({ kernel });
        lab.host('host').sh(script, { file: 'lab.sh' });
        const r = lab.reach6();
        const m = r.matrix();
        const nd = r.destinations.length;
        expect(nd).toBeGreaterThan(0);
        const pairs: string[] = [];
        let pings = '';
        for (let i = 0; i < r.sources.length; i++) {
          const ns = r.sources[i]!;
          for (let j = 0; j < nd; j++) {
            const to = formatIp6(r.destinations[j]!.addr);
            pairs.push(`${ns.path} -> ${to}`);
            pings += `${ns.name ? `ip netns exec ${ns.name} ` : ''}ping -6 -c 1 -W 1 ${to}\n`;
          }
        }
        const steps = await withSandboxSlot(() => runScriptInSandbox(`${script}${pings}`, { file: 'lab.sh', host: 'host', kernel }));
        const real = steps.slice(-pairs.length);
        expect(real.every((s) => / ping -6 /.test(` ${s.command}`))).toBe(true);
        const want = pairs.map((p, k) => `${p}: ${real[k]!.exit === 0 ? 1 : 0}`);
        const got = pairs.map((p, k) => `${p}: ${m[k]}`);
        expect(got).toEqual(want);
      }, 120_000);
    }
  });
});
