/**
 * Steps that set something the simulator keeps and ignores are `modelled: 'partial'`, naming
 * it; the kernel's default value, a failed command and a simulated setting are not flagged.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const run = (script: string) =>
  new Lab({ seed: 1 })
    .host('h')
    .sh(script)
    .map((s) => [s.command, s.exit, s.modelled ?? null, s.ignored ?? null]);

describe('partial steps', () => {
  it('name the sysctl, link, bridge, VXLAN and route settings the simulator ignores', () => {
    expect(
      run(
        [
          'ip link add v0 type veth peer name v1',
          'sysctl -w net.ipv4.conf.v0.proxy_arp=1 net.ipv4.conf.v0.rp_filter=1',
          'ip link set v0 mtu 1400',
          'ip link add br0 type bridge stp_state 1 mcast_snooping 0',
          'ip link add vx0 type vxlan id 42 group 239.0.0.10 dev v0 dstport 4789',
          'ip link set v0 up',
          'ip addr add 10.0.0.1/24 dev v0',
          'ip route add 10.9.0.0/24 dev v0 mtu 1300',
          'brctl stp br0 on',
        ].join('\n'),
      ).filter((s) => s[2] !== null),
    ).toEqual([
      ['sysctl -w net.ipv4.conf.v0.proxy_arp=1 net.ipv4.conf.v0.rp_filter=1', 0, 'partial', ['net.ipv4.conf.v0.proxy_arp']],
      ['ip link set v0 mtu 1400', 0, 'partial', ['link v0 mtu']],
      ['ip link add br0 type bridge stp_state 1 mcast_snooping 0', 0, 'partial', ['link br0 stp_state', 'link br0 mcast_snooping']],
      ['ip link add vx0 type vxlan id 42 group 239.0.0.10 dev v0 dstport 4789', 0, 'partial', ['link vx0 group']],
      ['ip route add 10.9.0.0/24 dev v0 mtu 1300', 0, 'partial', ['route 10.9.0.0/24 mtu']],
      ['brctl stp br0 on', 0, 'partial', ['link br0 stp_state']],
    ]);
  });

  it('leave the kernel’s defaults, failures and simulated settings alone', () => {
    const steps = run(
      [
        'ip link add v0 type veth peer name v1',
        'sysctl -w net.ipv4.conf.v0.proxy_arp=0',
        'sysctl -w net.ipv4.conf.v0.accept_source_route=1',
        'sysctl -w net.ipv4.conf.nosuch.proxy_arp=1',
        'ip link set nosuch mtu 1000',
        'ip link set v0 mtu 1500',
        'sysctl -w net.ipv4.conf.all.arp_ignore=1',
      ].join('\n'),
    );
    expect(steps.filter((s) => s[2] !== null)).toEqual([]);
  });
});
