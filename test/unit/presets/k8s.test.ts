/**
 * k8sLab's backends: every pod reaches every other node's pods whichever way the nodes are
 * joined — routes (host-gw), flannel-style VXLAN, or socat tunnels started in the order the
 * kernel needs.
 */
import { describe, expect, it } from 'vitest';
import { k8sLab } from '../../../src/lab.js';
import { processTable } from '../../../sim/processes.js';

describe('k8sLab', () => {
  for (const backend of ['host-gw', 'vxlan', 'udp'] as const) {
    it(`${backend}: pods reach the pods of every other node`, () => {
      const lab = k8sLab({ nodes: 3, podsPerNode: 2, backend });
      expect(lab.ping('node1/pod1', '10.244.2.2').received).toBe(1);
      expect(lab.ping('node3/pod2', '10.244.1.3').received).toBe(1);
      expect(lab.ping('node2/pod1', '10.244.3.1').received).toBe(1);
    });
  }

  it('vxlan: flannel.1 on each node, with its peers as permanent neighbours and FDB entries', () => {
    const lab = k8sLab({ nodes: 2, podsPerNode: 1, backend: 'vxlan' });
    const f = lab.model.netns('node1')!.linkByName('flannel.1')!;
    expect(f.mtu).toBe(1450);
    expect(f.vxlan).toMatchObject({ id: 1, dstport: 8472, learning: false });
    expect(lab.host('node1').sh('ip route show dev flannel.1')[0].stdout).toBe('10.244.2.0/24 via 10.244.2.0 onlink \n');
    const peerMac = lab.model.netns('node2')!.linkByName('flannel.1')!.mac;
    expect(f.fdb).toEqual([{ mac: peerMac, dst: 0xc0a80102, permanent: true, seq: expect.any(Number) }]);
  });

  it('udp: one socat per node and peer, all alive', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 1, backend: 'udp' });
    expect(processTable(lab.sim).list.filter((p) => p.alive)).toHaveLength(6);
    expect(lab.host('node1').sh('ip route show dev udp-node2')[0].stdout).toBe('10.244.2.0/24 scope link \n');
  });

  it('refuses an unknown backend', () => {
    expect(() => k8sLab({ nodes: 2, podsPerNode: 1, backend: 'ipip' as never })).toThrow('k8sLab: backend must be host-gw, vxlan or udp');
  });
});

describe('k8sLab dual stack', () => {
  it("ipFamilies ['IPv4', 'IPv6']: every pod reaches every pod over both families", () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 2, ipFamilies: ['IPv4', 'IPv6'] });
    const pod = lab.model.netns('node2/pod1')!;
    expect(pod.linkByName('eth0')!.inet6.addrs.map((a) => a.prefixLen)).toContain(64);
    expect(lab.host('node2').sh('ip -n pod1 -6 route show default')[0]!.stdout).toBe('default via fd00:10:244:2::1 dev eth0 metric 1024 pref medium\n');
    expect(lab.host('node1').sh('ip -6 route show fd00:10:244:3::/64')[0]!.stdout).toBe('fd00:10:244:3::/64 via fd00::3 dev eth0 metric 1024 pref medium\n');
    const r6 = lab.reach6();
    const pods = r6.sources.map((s, i) => [s.path, i] as const).filter(([p]) => p.includes('/pod'));
    const podDests = r6.destinations.map((d, j) => [d.ns.path, j] as const).filter(([p]) => p.includes('/pod'));
    expect(podDests).toHaveLength(6);
    for (const [, i] of pods) for (const [, j] of podDests) expect(r6.reachable(i, j)).toBe(true);
    // the IPv4 half is unchanged
    const r4 = lab.reach();
    expect(r4.reachableCount).toBe(r4.sources.length * r4.destinations.length);
  });

  it('refuses IPv6 alone, an unknown family, and IPv6 over another backend', () => {
    expect(() => k8sLab({ nodes: 2, podsPerNode: 1, ipFamilies: ['IPv6'] })).toThrow(/ipFamilies must be \['IPv4'\] or \['IPv4', 'IPv6'\]/);
    expect(() => k8sLab({ nodes: 2, podsPerNode: 1, ipFamilies: ['IPv4', 'IPX' as never] })).toThrow(/ipFamilies must be/);
    expect(() => k8sLab({ nodes: 2, podsPerNode: 1, ipFamilies: ['IPv4', 'IPv6'], backend: 'vxlan' })).toThrow('k8sLab: the IPv6 family takes the host-gw backend (not vxlan)');
  });
});

describe('k8sLab options', () => {
  it('refuses a pod CIDR with host bits set, naming the option', () => {
    expect(() => k8sLab({ nodes: 1, podsPerNode: 1, podCidr: '10.244.1.0/16' })).toThrow(/k8sLab: podCidr "10.244.1.0\/16"/);
  });
  it('refuses a pod CIDR too narrow for a /24 per node', () => {
    expect(() => k8sLab({ nodes: 1, podsPerNode: 1, podCidr: '10.244.0.0/20' })).toThrow(/\/16 or shorter, got \/20/);
  });
});
