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
    expect(f.fdb).toEqual([{ mac: peerMac, dst: 0xc0a80102, permanent: true }]);
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

describe('k8sLab options', () => {
  it('refuses a pod CIDR with host bits set, naming the option', () => {
    expect(() => k8sLab({ nodes: 1, podsPerNode: 1, podCidr: '10.244.1.0/16' })).toThrow(/k8sLab: podCidr "10.244.1.0\/16"/);
  });
  it('refuses a pod CIDR too narrow for a /24 per node', () => {
    expect(() => k8sLab({ nodes: 1, podsPerNode: 1, podCidr: '10.244.0.0/20' })).toThrow(/\/16 or shorter, got \/20/);
  });
});
