/**
 * The pod networking the seed teaches, built at any scale: per node a bridge `cni0` holding
 * the node's pod gateway, one namespace per pod on a veth, and (backend host-gw) a route per
 * other node's pod subnet via that node's address on a shared L2 segment.
 *
 * @example
 * const lab = k8sLab({ nodes: 3, podsPerNode: 2 });
 * lab.ping('node1/pod1', '10.244.2.2');
 */
import { Lab } from '../lab.js';
import { createLink, linkUp, setMaster } from '../model/device.js';
import type { Host } from '../model/host.js';
import { ip4ToString, parsePrefix } from '../model/ip.js';
import { apply } from '../ops/apply.js';
import * as build from '../ops/build.js';
import { createNetns } from '../ops/apply-netns.js';

export interface K8sLabOptions {
  nodes: number;
  podsPerNode: number;
  /** the cluster's pod range; node i gets the i-th /24 of it (default 10.244.0.0/16) */
  podCidr?: string;
  /** the nodes' underlay subnet (default 192.168.0.0/16, node i = .0.i+... ) */
  nodeCidr?: string;
  backend?: 'host-gw';
}

export function k8sLab(opts: K8sLabOptions): Lab {
  const { nodes, podsPerNode } = opts;
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error('k8sLab: nodes must be a positive integer');
  if (!Number.isInteger(podsPerNode) || podsPerNode < 0 || podsPerNode > 253) throw new Error('k8sLab: podsPerNode must be 0..253');
  const pod = parsePrefix(opts.podCidr ?? '10.244.0.0/16');
  if (!pod || pod.len > 16) throw new Error('k8sLab: podCidr must be a prefix of /16 or shorter');
  const under = parsePrefix(opts.nodeCidr ?? '192.168.0.0/16');
  if (!under || under.len > 16) throw new Error('k8sLab: nodeCidr must be a prefix of /16 or shorter');
  if (nodes > 250 * 256) throw new Error('k8sLab: too many nodes');
  const lab = new Lab();
  const room = lab.model.infra.root;
  const sw = createLink(room, 'sw0', 'bridge');
  linkUp(sw);
  const nodeAddr = (i: number) => (under.addr + 256 + i + 1) >>> 0; // 192.168.1.1, .2, …
  const podNet = (i: number) => (pod.addr + (i + 1) * 256) >>> 0; // 10.244.1.0/24, …
  const hosts: Host[] = [];
  for (let i = 0; i < nodes; i++) {
    const h = lab.model.addHost(`node${i + 1}`);
    hosts.push(h);
    const ctx = { ns: h.root };
    // the node's NIC on the shared segment
    const far = createLink(room, `sw0p${i}`, 'veth');
    const nic = createLink(h.root, 'eth0', 'veth');
    nic.peer = far;
    far.peer = nic;
    h.root.nsidOf(room, true);
    room.nsidOf(h.root, true);
    setMaster(far, sw);
    linkUp(far);
    apply(ctx, build.addr('eth0', `${ip4ToString(nodeAddr(i))}/${under.len}`));
    apply(ctx, build.linkSet('eth0', { up: true }));
    apply(ctx, build.bridge('cni0'));
    apply(ctx, build.addr('cni0', `${ip4ToString(podNet(i) + 1)}/24`));
    apply(ctx, build.linkSet('cni0', { up: true }));
    apply(ctx, { op: 'sysctl.set', key: 'net.ipv4.ip_forward', value: '1' });
    for (let p = 0; p < podsPerNode; p++) {
      const name = `pod${p + 1}`;
      createNetns(ctx, name);
      apply(ctx, build.veth(`veth${p + 1}`, 'eth0', name));
      apply(ctx, build.linkSet(`veth${p + 1}`, { master: 'cni0', up: true }));
      const pctx = { ns: h.namespaces.get(name)! };
      apply(pctx, build.linkSet('lo', { up: true }));
      apply(pctx, build.addr('eth0', `${ip4ToString(podNet(i) + 2 + p)}/24`));
      apply(pctx, build.linkSet('eth0', { up: true }));
      apply(pctx, build.route('0.0.0.0/0', { via: ip4ToString(podNet(i) + 1) }));
    }
  }
  for (let i = 0; i < nodes; i++) {
    for (let j = 0; j < nodes; j++) {
      if (i === j) continue;
      apply({ ns: hosts[i].root }, build.route(`${ip4ToString(podNet(j))}/24`, { via: ip4ToString(nodeAddr(j)), dev: 'eth0' }));
    }
  }
  return lab;
}
