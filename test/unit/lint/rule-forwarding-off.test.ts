import { describe, expect, it } from 'vitest';
import { forwardingOff } from '../../../src/lint/rule-forwarding-off.js';
import { runRule } from './run-rule.js';

const lab = (forward: boolean) =>
  [
    'ip netns add A',
    'ip netns add R',
    'ip link add a0 netns A type veth peer name r0 netns R',
    'ip -n A addr add 10.0.1.2/24 dev a0',
    'ip -n R addr add 10.0.1.1/24 dev r0',
    'ip -n A link set a0 up',
    'ip -n R link set r0 up',
    'ip -n A route add 10.0.2.0/24 via 10.0.1.1',
    ...(forward ? ['ip netns exec R sysctl -w net.ipv4.ip_forward=1'] : []),
  ].join('\n');

describe('lint rule forwarding-off', () => {
  it('finds a gateway namespace with ip_forward 0, at the route through it', () => {
    const f = runRule(forwardingOff, lab(false));
    expect(f.map((x) => [x.line, x.severity, x.fix])).toEqual([[8, 'error', 'ip netns exec R sysctl -w net.ipv4.ip_forward=1']]);
    expect(f[0].message).toBe('host/A routes through 10.0.1.1 (host/R), which has forwarding off: packets to other networks are dropped there');
  });

  it('says nothing once the gateway forwards', () => {
    expect(runRule(forwardingOff, lab(true))).toEqual([]);
  });
});
