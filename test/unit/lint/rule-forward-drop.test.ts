import { describe, expect, it } from 'vitest';
import { forwardDrop } from '../../../src/lint/rule-forward-drop.js';
import { Lab } from '../../../src/lab.js';
import { runRule } from './run-rule.js';

const ROUTER = [
  'ip netns add c',
  'ip netns add r',
  'ip netns add s',
  'ip link add c0 netns c type veth peer name r0 netns r',
  'ip link add s0 netns s type veth peer name r1 netns r',
  'ip -n c addr add 192.168.1.2/24 dev c0',
  'ip -n r addr add 192.168.1.1/24 dev r0',
  'ip -n r addr add 203.0.113.1/24 dev r1',
  'ip -n s addr add 203.0.113.2/24 dev s0',
  'ip -n c link set c0 up',
  'ip -n r link set r0 up',
  'ip -n r link set r1 up',
  'ip -n s link set s0 up',
  'ip -n c route add default via 192.168.1.1',
  'ip -n s route add default via 203.0.113.1',
  'ip netns exec r sysctl -qw net.ipv4.ip_forward=1',
  'ip netns exec r iptables -P FORWARD DROP',
];
const script = (...more: string[]) => [...ROUTER, ...more].join('\n');
/** what the simulator says of a ping through the router: the lint finding must agree with it */
const pings = (s: string) => new Lab().host('host').sh(`${s}\nip netns exec c ping -c 1 -W 1 203.0.113.2`).at(-1)!.exit;

describe('lint rule forward-drop', () => {
  it('FORWARD DROP with no accept: everything forwarded is dropped', () => {
    const s = script();
    const f = runRule(forwardDrop, s);
    expect(f.map((x) => [x.line, x.severity])).toEqual([[17, 'warning']]);
    expect(f[0].message).toBe('host/r forwards (ip_forward=1) but its FORWARD chain drops by policy and accepts nothing: every packet it should pass on is dropped');
    expect(pings(s)).toBe(1);
  });

  it('accepts one way only: the replies are dropped, and the fix accepts established connections', () => {
    const s = script('ip netns exec r iptables -A FORWARD -i r0 -o r1 -j ACCEPT');
    const f = runRule(forwardDrop, s);
    expect(f.map((x) => x.fix)).toEqual(['ip netns exec r iptables -I FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT']);
    expect(pings(s)).toBe(1);
    const fixed = script('ip netns exec r iptables -A FORWARD -i r0 -o r1 -j ACCEPT', f[0].fix);
    expect(runRule(forwardDrop, fixed)).toEqual([]);
    expect(pings(fixed)).toBe(0);
  });

  it('both directions accepted by interface, or a router that does not forward: nothing to say', () => {
    const both = script('ip netns exec r iptables -A FORWARD -i r0 -o r1 -j ACCEPT', 'ip netns exec r iptables -A FORWARD -i r1 -o r0 -j ACCEPT');
    expect(runRule(forwardDrop, both)).toEqual([]);
    expect(pings(both)).toBe(0);
    expect(runRule(forwardDrop, script('ip netns exec r sysctl -qw net.ipv4.ip_forward=0'))).toEqual([]);
  });

  it('an nft forward chain with policy drop', () => {
    const f = runRule(
      forwardDrop,
      script(
        'ip netns exec r iptables -P FORWARD ACCEPT',
        'ip netns exec r nft add table inet fw',
        "ip netns exec r nft add chain inet fw pass '{ type filter hook forward priority 0; policy drop; }'",
        'ip netns exec r nft add rule inet fw pass iifname r0 accept',
      ),
    );
    expect(f.map((x) => x.fix)).toEqual(['ip netns exec r nft insert rule inet fw pass ct state established,related accept']);
  });
});
