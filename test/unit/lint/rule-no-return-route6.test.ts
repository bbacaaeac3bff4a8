import { describe, expect, it } from 'vitest';
import { noReturnRoute6 } from '../../../src/lint/rule-no-return-route6.js';
import { runRule } from './run-rule.js';

const lab = [
  'ip netns add A',
  'ip netns add R',
  'ip netns add B',
  'ip link add a0 netns A type veth peer name ra netns R',
  'ip link add b0 netns B type veth peer name rb netns R',
  'ip -n A link set a0 up',
  'ip -n B link set b0 up',
  'ip -n R link set ra up',
  'ip -n R link set rb up',
  'ip -n A addr add 2001:db8:a::2/64 dev a0 nodad',
  'ip -n R addr add 2001:db8:a::1/64 dev ra nodad',
  'ip -n R addr add 2001:db8:b::1/64 dev rb nodad',
  'ip -n B addr add 2001:db8:b::2/64 dev b0 nodad',
  'ip netns exec R sysctl -qw net.ipv6.conf.all.forwarding=1',
  'ip -n A -6 route add 2001:db8:b::/64 via 2001:db8:a::1',
];

describe('lint rule no-return-route6', () => {
  it('a forwarding router, a route one way and none back: the failed ping is an error naming the namespace and the route to add', () => {
    const f = runRule(noReturnRoute6, [...lab, 'ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2'].join('\n'));
    expect(f.map((x) => [x.severity, x.line, x.message, x.fix])).toEqual([
      [
        'error',
        16,
        'host/B has no IPv6 route to 2001:db8:a::/64; needed by the ping at t.sh:16 (host/A -> 2001:db8:b::2, its reply)',
        'add the route back: ip -n B -6 route add 2001:db8:a::/64 via 2001:db8:b::1',
      ],
    ]);
  });

  it('without a ping, the one-way route is a warning at the line of the route', () => {
    const f = runRule(noReturnRoute6, lab.join('\n'));
    expect(f.map((x) => [x.severity, x.line, x.message])).toEqual([['warning', 15, "host/B has no IPv6 route to 2001:db8:a::/64; needed by host/A's route to 2001:db8:b::2 via 2001:db8:a::1"]]);
  });

  it('a request that has no route out: the error is the sender’s', () => {
    const f = runRule(noReturnRoute6, [...lab.slice(0, 14), 'ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2'].join('\n'));
    expect(f.map((x) => [x.severity, x.message])).toEqual([['error', 'host/A has no IPv6 route to 2001:db8:b::/64; needed by the ping at t.sh:15 (host/A -> 2001:db8:b::2)']]);
  });

  it('a route the kernel refused is named as the cause, and its line as the fix', () => {
    const script = [...lab.slice(0, 14), 'ip -n A -6 route add 2001:db8:b::/64 via fe80::1', 'ip netns exec A ping -6 -c 1 -W 1 2001:db8:b::2'];
    const f = runRule(noReturnRoute6, script.join('\n'));
    expect(f.map((x) => [x.line, x.message, x.fix])).toEqual([
      [
        16,
        'host/A has no IPv6 route to 2001:db8:b::/64: the route at t.sh:15 was refused (Error: Egress device not specified.); needed by the ping at t.sh:16 (host/A -> 2001:db8:b::2)',
        'fix the refused route at t.sh:15',
      ],
    ]);
  });

  it('says nothing once the route back is there, or for IPv4 pings', () => {
    expect(runRule(noReturnRoute6, [...lab, 'ip -n B -6 route add default via 2001:db8:b::1', 'ip netns exec A ping -6 -c 1 2001:db8:b::2'].join('\n'))).toEqual([]);
    expect(runRule(noReturnRoute6, [...lab.slice(0, 9), 'ip -n A addr add 10.0.0.1/24 dev a0', 'ip netns exec A ping -c 1 -W 1 10.9.9.9'].join('\n'))).toEqual([]);
  });
});
