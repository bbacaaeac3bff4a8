/**
 * Counters the kernel's own timers make random are not claimed: once a device carried IPv6 (the
 * kernel sends router solicitations and MLD reports after random delays), `ip -s link` and
 * /proc/net/dev say they are not modelled, naming why; with IPv6 off they are printed
 * (test/cases/shell/link-stats.sh holds those against the kernel).
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const pair = (v6: boolean) =>
  [
    'ip netns add a',
    'ip netns add b',
    ...(v6 ? [] : ['ip netns exec a sysctl -qw net.ipv6.conf.default.disable_ipv6=1', 'ip netns exec b sysctl -qw net.ipv6.conf.default.disable_ipv6=1']),
    'ip link add va netns a type veth peer name vb netns b',
    'ip -n a addr add 10.0.0.1/24 dev va',
    'ip -n b addr add 10.0.0.2/24 dev vb',
    'ip -n a link set va up',
    'ip -n b link set vb up',
    'sleep 3',
    'ip netns exec a ping -c 1 10.0.0.2',
    'ip -n a -s link show va',
    'ip netns exec a cat /proc/net/dev',
  ].join('\n');

describe('device counters and IPv6', () => {
  it('with IPv6 on, the counters of a veth that carried it are not modelled, with the reason', () => {
    const steps = new Lab().host('h').sh(pair(true));
    const [show, dev] = steps.slice(-2);
    expect(show!.supported).toBe(false);
    expect(show!.stderr).toContain('counters of va: it carried IPv6');
    expect(dev!.supported).toBe(false);
  });

  it('with IPv6 off, they are printed: the ping and the ARP exchange, nothing else', () => {
    const steps = new Lab().host('h').sh(pair(false));
    const [show, dev] = steps.slice(-2);
    expect(show!.supported).toBe(true);
    // ARP request 42 + echo request 98 out; ARP reply 42 + echo reply 98 in
    expect(show!.stdout).toMatch(/RX: {2}bytes packets.*\n +140 +2 /);
    expect(show!.stdout).toMatch(/TX: {2}bytes packets.*\n +140 +2 /);
    expect(dev!.supported).toBe(true);
  });
});
