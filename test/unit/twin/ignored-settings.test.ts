/**
 * Steps that set something the simulator keeps and ignores are `modelled: 'partial'`, naming
 * it; the kernel's default value, a failed command and a simulated setting are not flagged.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { notSimulatedIn } from '../../../src/model/not-simulated.js';

const run = (script: string) =>
  new Lab({ seed: 1 })
    .host('h')
    .sh(script)
    .map((s) => [s.command, s.exit, s.modelled ?? null, s.ignored ?? null]);

describe('partial steps', () => {
  it('name the sysctl and bridge settings the simulator ignores (an MTU, a VXLAN group are simulated)', () => {
    expect(
      run(
        [
          'ip link add v0 type veth peer name v1',
          'sysctl -w net.ipv4.conf.v0.arp_accept=1 net.ipv4.conf.v0.rp_filter=1',
          'ip link set v0 mtu 1400',
          'ip link add br0 type bridge stp_state 1 mcast_snooping 0',
          'ip link add vx0 type vxlan id 42 group 239.0.0.10 dev v0 dstport 4789',
          'ip link set v0 up',
          'ip addr add 10.0.0.1/24 dev v0',
          'ip route add 10.9.0.0/24 dev v0 mtu 1300',
          'brctl stp br0 on',
          'sysctl -w net.ipv6.conf.v0.accept_redirects=0',
          'echo 1 > /proc/sys/net/ipv6/conf/all/ndisc_notify',
        ].join('\n'),
      ).filter((s) => s[2] !== null),
    ).toEqual([
      ['sysctl -w net.ipv4.conf.v0.arp_accept=1 net.ipv4.conf.v0.rp_filter=1', 0, 'partial', ['net.ipv4.conf.v0.arp_accept']],
      ['ip link add br0 type bridge stp_state 1 mcast_snooping 0', 0, 'partial', ['link br0 stp_state', 'link br0 mcast_snooping']],
      ['brctl stp br0 on', 0, 'partial', ['link br0 stp_state']],
      ['sysctl -w net.ipv6.conf.v0.accept_redirects=0', 0, 'partial', ['net.ipv6.conf.v0.accept_redirects']],
      ['echo 1 > /proc/sys/net/ipv6/conf/all/ndisc_notify', 0, 'partial', ['net.ipv6.conf.all.ndisc_notify']],
    ]);
  });

  it('leave the kernel’s defaults, failures and simulated settings alone', () => {
    const steps = run(
      [
        'ip link add v0 type veth peer name v1',
        'sysctl -w net.ipv4.conf.v0.arp_accept=0',
        'sysctl -w net.ipv4.conf.v0.accept_source_route=1',
        'sysctl -w net.ipv4.conf.nosuch.arp_accept=1',
        'ip link set nosuch mtu 1000',
        'ip link set v0 mtu 1500',
        'sysctl -w net.ipv4.conf.all.arp_ignore=1',
        'sysctl -w net.ipv6.conf.v0.accept_redirects=1',
        'sysctl -w net.ipv6.conf.all.forwarding=1 net.ipv6.conf.v0.proxy_ndp=1',
      ].join('\n'),
    );
    expect(steps.filter((s) => s[2] !== null)).toEqual([]);
  });

  it('what a namespace holds of them is listed for explain, IPv6 keys included', () => {
    const h = new Lab({ seed: 1 }).host('h');
    h.sh('ip link add v0 type veth peer name v1\nsysctl -w net.ipv6.conf.all.accept_redirects=0 net.ipv6.conf.v0.ndisc_notify=1');
    expect(notSimulatedIn(h.ns().ns).map((x) => x.setting)).toEqual(['net.ipv6.conf.all.accept_redirects', 'net.ipv6.conf.v0.ndisc_notify']);
  });
});
