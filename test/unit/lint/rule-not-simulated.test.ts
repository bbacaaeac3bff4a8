import { describe, expect, it } from 'vitest';
import { notSimulated } from '../../../src/lint/rule-not-simulated.js';
import { runRule } from './run-rule.js';

describe('lint rule not-simulated', () => {
  it('warns at each line that sets something the simulator keeps and ignores', () => {
    const f = runRule(
      notSimulated,
      [
        'ip link add veth0 type veth peer name veth1',
        'sysctl -w net.ipv4.conf.veth0.proxy_arp=1',
        'sysctl -w net.ipv4.conf.veth1.proxy_arp=0',
        'ip link set veth0 mtu 1000',
        'ip link set veth1 mtu 1500',
        'echo 1 > /proc/sys/net/ipv4/conf/all/arp_accept',
        'ip link add br0 type bridge stp_state 1',
        'ip link set veth9 mtu 1000',
      ].join('\n'),
    );
    expect(f.map((x) => [x.line, x.severity, x.message])).toEqual([
      [2, 'warning', "net.ipv4.conf.veth0.proxy_arp is set and not simulated: nettwin answers as if it kept the kernel's default"],
      [4, 'warning', "link veth0 mtu is set and not simulated: nettwin answers as if it kept the kernel's default"],
      [6, 'warning', "net.ipv4.conf.all.arp_accept is set and not simulated: nettwin answers as if it kept the kernel's default"],
      [7, 'warning', "link br0 stp_state is set and not simulated: nettwin answers as if it kept the kernel's default"],
    ]);
  });

  it('says nothing of a script that keeps to what is simulated', () => {
    expect(runRule(notSimulated, 'ip link add br0 type bridge\nsysctl -w net.ipv4.ip_forward=1\nsysctl -w net.ipv4.conf.all.rp_filter=1')).toEqual([]);
  });
});
