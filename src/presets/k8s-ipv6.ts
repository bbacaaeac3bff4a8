/**
 * The IPv6 half of a dual-stack cluster (k8sLab's `ipFamilies: ['IPv4', 'IPv6']`), as the
 * commands a node runs — the same text the simulator runs here and the kernel runs in
 * test/real/k8s-dual-stack.test.ts: node i's pod subnet fd00:10:244:i::/64 on cni0 (the gateway
 * ::1, pod p at ::p+1, its default route via the gateway), its address fd00::i/64 on the
 * nodes' segment, IPv6 forwarding, and a route per other node's pod subnet via that node
 * (host-gw). Addresses skip DAD (`nodad`), as container runtimes add them.
 */
import type { K8sCluster } from './k8s-cluster.js';

/** Node i's pod subnet (1-based), without its length (/64). */
export function podNet6(i: number): string {
  return `fd00:10:244:${i.toString(16)}::`;
}

/** Node i's address on the nodes' segment (1-based), without its length (/64). */
export function nodeAddr6(i: number): string {
  return `fd00::${i.toString(16)}`;
}

/**
 * The IPv6 commands of node `i` (1-based) of a cluster of `nodes` nodes with `pods` pods each.
 *
 * @example
 * k8sIpv6Setup(1, 2, 1)[0]; // 'sysctl -w net.ipv6.conf.all.forwarding=1'
 */
export function k8sIpv6Setup(i: number, nodes: number, pods: number): string[] {
  const net = podNet6(i);
  const lines = ['sysctl -w net.ipv6.conf.all.forwarding=1', `ip -6 addr add ${nodeAddr6(i)}/64 dev eth0 nodad`, `ip -6 addr add ${net}1/64 dev cni0 nodad`];
  for (let p = 1; p <= pods; p++) {
    lines.push(`ip -n pod${p} -6 addr add ${net}${(p + 1).toString(16)}/64 dev eth0 nodad`, `ip -n pod${p} -6 route add default via ${net}1`);
  }
  for (let j = 1; j <= nodes; j++) if (j !== i) lines.push(`ip -6 route add ${podNet6(j)}/64 via ${nodeAddr6(j)} dev eth0`);
  return lines;
}

/** Runs every node's IPv6 commands on the cluster; a command that fails is a bug of the preset. */
export function k8sIpv6(c: K8sCluster, pods: number): void {
  const n = c.hosts.length;
  c.hosts.forEach((h, k) => {
    const steps = c.lab.run(h, `${k8sIpv6Setup(k + 1, n, pods).join('\n')}\n`, { file: 'k8s-ipv6.sh' });
    const bad = steps.find((s) => s.exit !== 0);
    if (bad) throw new Error(`k8sLab: ${h.name}: ${bad.command}: ${bad.stderr.trim()}`);
  });
}
