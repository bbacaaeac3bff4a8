/**
 * reach over IPv6 on hand-made cases, each decided by the fast path alone (no pair handed to
 * the engine) and equal to the engine's `ping -6 -c 1 -W 1` pair by pair: a router forwarding
 * or not, a hop limit of 1 before a router, a source left with a link-local address only (its
 * packets are not forwarded off the link), a device without a link-local (no neighbour
 * solicitation leaves it: left to the engine, which knows the entries a ping's own
 * solicitations teach), lo down for a namespace's own address, a missing route back, and a
 * dual-stack bridge whose every pair answers.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { formatIp6 } from '../../../../src/model/ipv6/ip6.js';

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

/** The matrix as "from -> to: 1|0" lines, fast path and engine, and how many pairs were handed over. */
function both(script: string): { fast: string[]; engine: string[]; handed: number } {
  const lab = new Lab();
  lab.host('h').sh(script);
  const f = lab.reach6();
  const e = lab.reach6({ engine: true });
  const lines = (m: Uint8Array) => {
    const nd = f.destinations.length;
    return [...m].map((v, k) => `${f.sources[Math.floor(k / nd)]!.path} -> ${formatIp6(f.destinations[k % nd]!.addr)}: ${v}`);
  };
  return { fast: lines(f.matrix()), engine: lines(e.matrix()), handed: f.engineChecked };
}

const CASES: [string, string, string, number][] = [
  ['through a forwarding router', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n', 'h/A -> 2001:db8:2::2', 1],
  ['forwarding off at the router', '', 'h/A -> 2001:db8:2::2', 0],
  ['the router answers for its far address without forwarding', '', 'h/A -> 2001:db8:2::1', 1],
  ['a hop limit of 1 dies at the router', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip netns exec A sysctl -w net.ipv6.conf.va.hop_limit=1\n', 'h/A -> 2001:db8:2::2', 0],
  [
    'the echo reply leaves with the hop limit of its way out (1: it dies at the router)',
    'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip netns exec A sysctl -w net.ipv6.conf.va.hop_limit=1\n',
    'h/B -> 2001:db8:1::2',
    0,
  ],
  ['a hop limit of 1 reaches the next hop', 'ip netns exec A sysctl -w net.ipv6.conf.va.hop_limit=1\n', 'h/A -> 2001:db8:1::1', 1],
  ['a link-local source is not forwarded', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip -n A -6 addr flush dev va scope global\n', 'h/A -> 2001:db8:2::2', 0],
  ['a link-local source reaches its neighbour', 'ip -n A -6 addr flush dev va scope global\n', 'h/A -> 2001:db8:1::1', 1],
  ['no route back', 'ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\nip -n B -6 route del default\n', 'h/A -> 2001:db8:2::2', 0],
  ['lo down: its own address', 'ip -n A link set lo down\n', 'h/A -> 2001:db8:1::2', 0],
  ['lo up: its own address', '', 'h/A -> 2001:db8:1::2', 1],
];

describe('reach over IPv6: the fast path decides, as the engine does', () => {
  for (const [name, extra, pair, want] of CASES) {
    it(name, () => {
      const r = both(ROUTED + extra);
      expect(r.fast).toEqual(r.engine);
      expect(r.fast).toContain(`${pair}: ${want}`);
      expect(r.handed).toBe(0);
    });
  }

  it('addr_gen_mode none on the router (no link-local): the engine decides, and agrees', () => {
    // set before the device comes up, so that it never gets a link-local
    const script = ROUTED.replace('ip -n R link set rb up\n', 'ip netns exec R sysctl -w net.ipv6.conf.rb.addr_gen_mode=1\nip -n R link set rb up\n');
    const r = both(`${script}ip netns exec R sysctl -w net.ipv6.conf.all.forwarding=1\n`);
    expect(r.fast).toEqual(r.engine);
    // no solicitation can leave rb: A's request dies there …
    expect(r.fast).toContain('h/A -> 2001:db8:2::2: 0');
    // … but B's goes through, and the reply finds B by the entry R learnt from B's own solicitation
    expect(r.fast).toContain('h/B -> 2001:db8:1::2: 1');
    expect(r.handed).toBeGreaterThan(0);
  });

  it('a dual-stack bridge: every IPv6 pair answers', () => {
    let s = 'ip link add br0 type bridge\nip link set br0 up\n';
    for (let i = 1; i <= 6; i++) {
      s += `ip netns add n${i}\nip -n n${i} link set lo up\nip link add v${i} type veth peer name p${i} netns n${i}\nip link set v${i} master br0\nip link set v${i} up\n`;
      s += `ip -n n${i} link set p${i} up\nip -n n${i} addr add 10.0.0.${i}/24 dev p${i}\nip -n n${i} addr add fd00::${i}/64 dev p${i}\n`;
    }
    const lab = new Lab();
    lab.host('h').sh(s);
    const r = lab.reach6();
    expect(r.destinations.map((d) => formatIp6(d.addr))).toEqual(['fd00::1', 'fd00::2', 'fd00::3', 'fd00::4', 'fd00::5', 'fd00::6']);
    // the host's root namespace has no IPv6 address on the bridge: no route, no reply
    expect(r.reachableCount).toBe(6 * 6);
    expect(r.engineChecked).toBe(0);
  });
});
