/** Kernel profiles: read from a kernel config, the recorded ones, and what the model does with them. */
import { describe, expect, it } from 'vitest';
import { KERNEL_PROFILES, profileFromConfig, STOCK_PROFILE } from '../../../src/model/kernel-profile.js';
import { PROFILES } from '../../../src/model/sysctl.js';
import { Lab } from '../../../src/lab.js';

describe('kernel profiles', () => {
  it('reads link kinds, qdiscs and netfilter features from a config (=y or =m)', () => {
    const p = profileFromConfig('CONFIG_VETH=y\nCONFIG_DUMMY=m\n# CONFIG_VLAN_8021Q is not set\nCONFIG_NET_SCH_NETEM=m\nCONFIG_NET_SCH_INGRESS=y\nCONFIG_NF_TABLES=y\n', {
      name: 'x',
      release: '6.1.0',
      description: '',
      source: 'config',
      sysctl: {},
    });
    expect(p.linkKinds).toEqual(['veth', 'dummy']);
    expect(p.qdiscs).toEqual(expect.arrayContaining(['netem', 'ingress', 'clsact', 'pfifo_fast']));
    expect(p.qdiscs).not.toContain('htb');
    expect(p.netfilter).toEqual(['nf_tables']);
  });

  it('records a stock Debian 12 kernel and nettwin’s CI kernel', () => {
    expect(STOCK_PROFILE.name).toBe('debian-12');
    const stock = KERNEL_PROFILES['debian-12'];
    const ci = KERNEL_PROFILES['ci-6.18'];
    for (const k of ['veth', 'bridge', 'vxlan', 'dummy', 'vlan', 'bond', 'macvlan', 'gre', 'vrf', 'wireguard']) expect(stock.linkKinds, k).toContain(k);
    expect(ci.linkKinds).toEqual(['veth', 'bridge', 'vxlan', 'tun', 'ifb', 'macvlan', 'macvtap']);
    expect(stock.netfilter).toEqual(expect.arrayContaining(['iptables', 'nf_tables', 'conntrack', 'br_netfilter']));
  });

  it('hold the sysctl defaults the model starts a machine with', () => {
    for (const p of Object.values(KERNEL_PROFILES)) {
      for (const [k, v] of Object.entries(PROFILES.kernel.all)) expect(p.sysctl[`net.ipv4.conf.all.${k}`], `${p.name} all.${k}`).toBe(v);
      for (const [k, v] of Object.entries(PROFILES.kernel.default)) expect(p.sysctl[`net.ipv4.conf.default.${k}`], `${p.name} default.${k}`).toBe(v);
    }
  });

  it('a lab models the stock kernel unless told otherwise', () => {
    expect(new Lab().model.kernel).toBe(STOCK_PROFILE);
    const add = (kind: string, kernel = STOCK_PROFILE) => new Lab({ kernel }).host('h').sh(`ip link add d0 type ${kind}`)[0];
    expect(add('team')).toMatchObject({ supported: false, modelled: false, exit: 127 });
    expect(add('team', KERNEL_PROFILES['ci-6.18'])).toMatchObject({ supported: true, exit: 2, stderr: 'Error: Unknown device type.\n' });
    // a kind the model makes is made only where the kernel has it
    expect(add('dummy')).toMatchObject({ supported: true, exit: 0 });
    expect(add('dummy', KERNEL_PROFILES.uml)).toMatchObject({ supported: true, exit: 0 });
    expect(add('dummy', KERNEL_PROFILES['ci-6.18'])).toMatchObject({ supported: true, exit: 2, stderr: 'Error: Unknown device type.\n' });
  });
});
