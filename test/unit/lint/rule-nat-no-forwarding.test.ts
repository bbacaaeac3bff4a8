import { describe, expect, it } from 'vitest';
import { natNoForwarding } from '../../../src/lint/rule-nat-no-forwarding.js';
import { runRule } from './run-rule.js';

const script = (forward: boolean, rule: string) => ['ip netns add r', ...(forward ? ['ip netns exec r sysctl -qw net.ipv4.ip_forward=1'] : []), `ip netns exec r iptables -t nat ${rule}`].join('\n');

describe('lint rule nat-no-forwarding', () => {
  it('MASQUERADE for another network, or DNAT, while ip_forward is 0', () => {
    const f = runRule(natNoForwarding, script(false, '-A POSTROUTING -s 172.16.0.0/24 -j MASQUERADE'));
    expect(f.map((x) => [x.line, x.fix])).toEqual([[2, 'ip netns exec r sysctl -w net.ipv4.ip_forward=1']]);
    expect(f[0].message).toBe('host/r has MASQUERADE rules for traffic passing through it, but forwarding is off (net.ipv4.ip_forward=0): those packets are dropped, never translated');
    expect(runRule(natNoForwarding, script(false, '-A PREROUTING -d 10.0.0.1 -j DNAT --to-destination 10.0.0.2')).map((x) => x.rule)).toEqual(['nat-no-forwarding']);
  });

  it('nothing once it forwards, nor for a MASQUERADE that may be for its own packets', () => {
    expect(runRule(natNoForwarding, script(true, '-A POSTROUTING -s 172.16.0.0/24 -j MASQUERADE'))).toEqual([]);
    expect(runRule(natNoForwarding, script(false, '-A POSTROUTING -o eth0 -j MASQUERADE'))).toEqual([]);
  });
});
