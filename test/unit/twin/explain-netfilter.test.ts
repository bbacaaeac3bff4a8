/**
 * Netfilter in an explanation: every rule that matched with its text as `iptables -S` (or
 * `nft list`) prints it, the NAT bindings and conntrack states, and the rule or policy that
 * dropped the packet. (Whether the packet is dropped there is held against the kernel by
 * test/cases/netfilter; this checks the words.)
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const ROUTER = `ip netns add c
ip netns add r
ip netns add s
ip link add c0 netns c type veth peer name r0 netns r
ip link add s0 netns s type veth peer name r1 netns r
ip -n c addr add 192.168.1.2/24 dev c0
ip -n r addr add 192.168.1.1/24 dev r0
ip -n r addr add 203.0.113.1/24 dev r1
ip -n s addr add 203.0.113.2/24 dev s0
ip -n c link set c0 up
ip -n r link set r0 up
ip -n r link set r1 up
ip -n s link set s0 up
ip -n c route add default via 192.168.1.1
ip netns exec r sysctl -qw net.ipv4.ip_forward=1
ip netns exec r iptables -t nat -A POSTROUTING -s 192.168.1.0/24 -o r1 -j MASQUERADE
ip netns exec r iptables -P FORWARD DROP
ip netns exec r iptables -A FORWARD -i r0 -o r1 -p icmp -j ACCEPT
`;

function lab(extra: string): Lab {
  const l = new Lab();
  const steps = l.host('h').sh(ROUTER + extra);
  expect(steps.filter((s) => s.exit !== 0).map((s) => s.command)).toEqual([]);
  return l;
}

const details = (l: Lab) =>
  l
    .explain('h/c', '203.0.113.2')
    .hops.flatMap((h) => h.steps)
    .filter((s) => s.kind === 'netfilter' || s.kind === 'drop')
    .map((s) => s.detail);

describe('explain: netfilter', () => {
  it('names each rule that matched as iptables -S prints it, the NAT, and the policy that dropped the reply', () => {
    const d = details(lab(''));
    expect(d).toContain('forward: filter FORWARD rule 1 matched: -A FORWARD -i r0 -o r1 -p icmp -j ACCEPT');
    expect(d).toContain('postrouting: nat POSTROUTING rule 1 matched: -t nat -A POSTROUTING -s 192.168.1.0/24 -o r1 -j MASQUERADE');
    expect(d).toContain('postrouting: NAT source rewritten: echo request seq 1 203.0.113.1 > 203.0.113.2 ttl 63');
    expect(d.at(-1)).toBe("echo reply seq 1 203.0.113.2 > 192.168.1.2 ttl 63 dropped by filter FORWARD (the chain's policy DROP)");
  });

  it('the rule that dropped, by number and text; and nothing dropped once replies are accepted', () => {
    const d = details(lab('ip netns exec r iptables -I FORWARD -d 203.0.113.2 -j DROP\n'));
    expect(d.at(-1)).toBe('echo request seq 1 192.168.1.2 > 203.0.113.2 ttl 63 dropped by filter FORWARD (rule 1: -A FORWARD -d 203.0.113.2/32 -j DROP)');
    const ok = lab('ip netns exec r iptables -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n');
    expect(ok.explain('h/c', '203.0.113.2').ping.received).toBe(1);
    expect(details(ok)).toContain('forward: filter FORWARD rule 2 matched: -A FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT');
  });

  it('an nft rule in nft’s words', () => {
    const d = details(
      lab(
        "ip netns exec r nft add table ip f\nip netns exec r nft add chain ip f fw '{ type filter hook forward priority 0; }'\nip netns exec r nft add rule ip f fw icmp type echo-request counter drop\n",
      ),
    );
    expect(d).toContain('forward: f fw rule 1 matched: icmp type echo-request drop');
    expect(d.at(-1)).toBe('echo request seq 1 192.168.1.2 > 203.0.113.2 ttl 63 dropped by f fw (rule 1: icmp type echo-request drop)');
  });
});
