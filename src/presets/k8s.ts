/**
 * The pod networking the seed teaches, built at any scale: per node a bridge `cni0` holding the
 * node's pod gateway, one namespace per pod on a veth, and the nodes' NICs on one L2 segment.
 * How a node reaches the other nodes' pod subnets is the backend, as flannel names them:
 *
 * - `host-gw` (the seed's step 13-1): a route per other node's pod subnet via that node;
 * - `vxlan` (flannel's default): a VXLAN device `flannel.1` per node, routes to each pod subnet
 *   via the peer's `flannel.1` (onlink), its MAC as a permanent neighbour, and an FDB entry
 *   sending that MAC to the peer's node address (k8s-vxlan.ts);
 * - `udp` (the seed's step 13-2, done right): one socat UDP tunnel per pair of nodes, every
 *   end listening before any tun comes up (k8s-udp.ts).
 *
 * @example
 * const lab = k8sLab({ nodes: 3, podsPerNode: 2, backend: 'vxlan' });
 * lab.ping('node1/pod1', '10.244.2.2').received; // 1
 */
import { Twin } from '../twin/twin.js';
import { createLink, linkUp, setMaster } from '../model/device.js';
import type { Host } from '../model/host.js';
import { IPv4CidrRange, Validator } from 'ip-num';
import { ip4ToString, type Ip4 } from '../model/ip.js';
import { apply } from '../ops/apply.js';
import * as build from '../ops/build.js';
import { createNetns } from '../ops/apply-netns.js';
import { udpBackend } from './k8s-udp.js';
import { vxlanBackend } from './k8s-vxlan.js';
import { k8sIpv6 } from './k8s-ipv6.js';
import type { K8sCluster } from './k8s-cluster.js';
import { kubeProxyRules, kubeProxyScript, type K8sService } from './k8s-services.js';

/**
 * The shape of a cluster and how its nodes reach each other's pods.
 *
 * @example
 * const opts: K8sLabOptions = { nodes: 2, podsPerNode: 1, podCidr: '10.244.0.0/16', backend: 'udp' };
 */
export interface K8sLabOptions {
  nodes: number;
  podsPerNode: number;
  /** the cluster's pod range; node i gets the i-th /24 of it (default 10.244.0.0/16) */
  podCidr?: string;
  /** the nodes' underlay subnet (default 192.168.0.0/16: node i is 192.168.1.i) */
  nodeCidr?: string;
  /** default `host-gw` */
  backend?: 'host-gw' | 'vxlan' | 'udp';
  /** Services, as kube-proxy's iptables mode writes them on every node (k8s-services.ts) */
  services?: K8sService[];
  /**
   * the pods' address families (default `['IPv4']`); `['IPv4', 'IPv6']` adds the IPv6 half
   * (k8s-ipv6.ts: pod subnets fd00:10:244:N::/64, routes per node; host-gw backend)
   */
  ipFamilies?: ('IPv4' | 'IPv6')[];
}

/**
 * A cluster of `nodes` nodes with `podsPerNode` pods each, wired by the chosen backend (the
 * public `k8sLab` wraps it in a Lab).
 *
 * @example
 * const twin = k8sTwin({ nodes: 2, podsPerNode: 1, backend: 'udp' });
 * twin.model.netns('node1/pod1'); // the pod's namespace
 */
export function k8sTwin(opts: K8sLabOptions): Twin {
  const { nodes, podsPerNode } = opts;
  if (!Number.isInteger(nodes) || nodes < 1) throw new Error('k8sLab: nodes must be a positive integer');
  if (!Number.isInteger(podsPerNode) || podsPerNode < 0 || podsPerNode > 253) throw new Error('k8sLab: podsPerNode must be 0..253');
  const pod = cidrOption('podCidr', opts.podCidr ?? '10.244.0.0/16');
  const under = cidrOption('nodeCidr', opts.nodeCidr ?? '192.168.0.0/16');
  if (nodes > 250 * 256) throw new Error('k8sLab: too many nodes');
  const backend = opts.backend ?? 'host-gw';
  if (!['host-gw', 'vxlan', 'udp'].includes(backend)) throw new Error(`k8sLab: backend must be host-gw, vxlan or udp, not ${String(backend)}`);
  if (backend === 'udp' && nodes > 200) throw new Error('k8sLab: the udp backend takes at most 200 nodes (one socat per pair)');
  const families = opts.ipFamilies ?? ['IPv4'];
  if (!Array.isArray(families) || families.some((f) => f !== 'IPv4' && f !== 'IPv6') || new Set(families).size !== families.length || !families.includes('IPv4'))
    throw new Error(`k8sLab: ipFamilies must be ['IPv4'] or ['IPv4', 'IPv6'] (IPv6 alone is not built yet), not ${JSON.stringify(families)}`);
  const ipv6 = families.includes('IPv6');
  if (ipv6 && backend !== 'host-gw') throw new Error(`k8sLab: the IPv6 family takes the host-gw backend (not ${backend})`);
  if (ipv6 && nodes > 0xffff) throw new Error('k8sLab: too many nodes for a /64 each');
  const lab = new Twin();
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
  const cluster: K8sCluster = { lab, hosts, nodeAddr, podNet };
  if (backend === 'vxlan') vxlanBackend(cluster);
  else if (backend === 'udp') udpBackend(cluster);
  else hostGwBackend(cluster);
  if (opts.services?.length) {
    const script = kubeProxyScript(kubeProxyRules(opts.services, `${ip4ToString(pod.addr)}/${pod.len}`));
    for (const h of hosts) {
      const failed = lab.run(h, script).find((s) => s.exit !== 0);
      if (failed) throw new Error(`k8sLab: services: ${failed.command}: ${failed.stderr.trim()}`);
    }
  }
  if (ipv6) k8sIpv6(cluster, podsPerNode);
  return lab;
}

/** host-gw: each node routes every other node's pod subnet via that node's address. */
function hostGwBackend(c: K8sCluster): void {
  const n = c.hosts.length;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      apply({ ns: c.hosts[i].root }, build.route(`${ip4ToString(c.podNet(j))}/24`, { via: ip4ToString(c.nodeAddr(j)), dev: 'eth0' }));
    }
  }
}

/**
 * A CIDR option checked with ip-num (its messages name what is wrong, e.g. host bits set), as
 * the base address and length the builder counts from; /16 or shorter leaves room for a /24
 * per node.
 */
function cidrOption(name: string, text: string): { addr: Ip4; len: number } {
  const [valid, errors] = Validator.isValidIPv4CidrRange(text);
  if (!valid) throw new Error(`k8sLab: ${name} "${text}": ${errors.join('; ')}`);
  const range = IPv4CidrRange.fromCidr(text);
  const len = Number(range.getPrefix().getValue());
  if (len > 16) throw new Error(`k8sLab: ${name} must be a prefix of /16 or shorter, got /${len}`);
  return { addr: Number(range.getFirst().getValue()) >>> 0, len };
}
