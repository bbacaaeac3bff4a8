/**
 * flannel's `vxlan` backend: per node a VXLAN device `flannel.1` (VNI 1, port 8472, learning
 * off, MTU 1450 over eth0) holding the node's pod subnet's network address as a /32; for each
 * other node, a route to its pod subnet via its `flannel.1` address (onlink), that address's
 * MAC as a permanent neighbour, and an FDB entry sending that MAC to the node's address — so
 * nothing is ever flooded and nothing is learned.
 */
import { runBridge } from '../iproute2/bridge.js';
import { runIp } from '../iproute2/ip.js';
import { ip4ToString } from '../model/ip.js';
import type { K8sCluster } from './k8s-cluster.js';

function must(what: string, r: { exit: number; stderr: string }): void {
  if (r.exit !== 0) throw new Error(`k8sLab (vxlan): ${what}: ${r.stderr.trim()}`);
}

/** Wires the nodes of `c` with flannel.1 devices. */
export function vxlanBackend(c: K8sCluster): void {
  const n = c.hosts.length;
  const ip = (i: number) => ip4ToString(c.nodeAddr(i));
  const vtep = (i: number) => ip4ToString(c.podNet(i));
  for (let i = 0; i < n; i++) {
    const ctx = { ns: c.hosts[i].root };
    for (const cmd of [`link add flannel.1 type vxlan id 1 local ${ip(i)} dev eth0 dstport 8472 nolearning`, `addr add ${vtep(i)}/32 dev flannel.1`, 'link set flannel.1 up']) {
      must(cmd, runIp(ctx, cmd.split(' ')));
    }
  }
  const macs = c.hosts.map((h) => h.root.linkByName('flannel.1')!.mac);
  for (let i = 0; i < n; i++) {
    const ctx = { ns: c.hosts[i].root };
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      must('route', runIp(ctx, `route add ${vtep(j)}/24 via ${vtep(j)} dev flannel.1 onlink`.split(' ')));
      must('neigh', runIp(ctx, `neigh add ${vtep(j)} lladdr ${macs[j]} dev flannel.1 nud permanent`.split(' ')));
      must('fdb', runBridge(ctx, `fdb append ${macs[j]} dev flannel.1 dst ${ip(j)} self permanent`.split(' ')));
    }
  }
}
