/**
 * Kubernetes-style pod networking, the seed's own lab, at any shape that fits a sandbox: node
 * namespaces on one underlay bridge, a `cni0` bridge per node holding its pods' gateway, pods
 * on veths, host-gw routes between nodes, and every pod pinging every other pod at the end.
 * It is all one host, so the script runs as is in `nettwin run` and in a kernel sandbox.
 */
import fc from 'fast-check';
import type { LabDescription, LabStep } from './lab-description.js';
import { labArbitrary } from './arb-lab.js';

/** A cluster's shape, as `k8sLab` takes it. */
export interface K8sShape {
  nodes: number;
  podsPerNode: number;
}

/** At most this many namespaces (nodes plus pods), so the kernel side stays quick. */
const MAX_K8S_NAMESPACES = 8;

/**
 * Cluster shapes that fit in eight namespaces: 1 node with up to 7 pods, 2 with up to 3, …
 * Shrinks toward one node with one pod.
 *
 * @example fc.sample(k8sShape(), 1) // [{ nodes: 2, podsPerNode: 3 }]
 */
export function k8sShape(opts: { maxNodes?: number } = {}): fc.Arbitrary<K8sShape> {
  const maxNodes = Math.max(1, Math.min(4, opts.maxNodes ?? 4));
  return fc
    .integer({ min: 1, max: maxNodes })
    .chain((nodes) => fc.record({ nodes: fc.constant(nodes), podsPerNode: fc.integer({ min: 1, max: Math.max(1, Math.floor(MAX_K8S_NAMESPACES / nodes) - 1) }) }));
}

/** A pod of the cluster: its namespace and address. */
export interface K8sPod {
  ns: string;
  address: string;
}

/** The pods of a shape, in the order `k8sClusterLab` makes them. */
export function k8sPods(shape: K8sShape): K8sPod[] {
  const pods: K8sPod[] = [];
  for (let n = 1; n <= shape.nodes; n++) for (let p = 1; p <= shape.podsPerNode; p++) pods.push({ ns: `n${n}-pod${p}`, address: `10.244.${n}.${p + 1}` });
  return pods;
}

/**
 * The script of a cluster: `node1` … as namespaces joined by the bridge `sw0` on 172.16.0.0/24,
 * pod subnet 10.244.N.0/24 per node behind `cni0` (10.244.N.1), pods `nN-podP` at 10.244.N.(P+1),
 * a default route in each pod, a route per other node's pod subnet on each node, `ip_forward`
 * on the nodes, then a ping from every pod to every other pod (from the pod to itself on a
 * one-pod cluster).
 */
export function k8sClusterLab(shape: K8sShape): LabDescription {
  const s: LabStep[] = [];
  const nodes = Array.from({ length: shape.nodes }, (_, i) => i + 1);
  const pods = k8sPods(shape);
  s.push({ kind: 'bridge-add', in: null, name: 'sw0' }, { kind: 'link-state', in: null, dev: 'sw0', up: true });
  for (const n of nodes) {
    const node = `node${n}`;
    s.push({ kind: 'netns-add', name: node });
    s.push({ kind: 'veth-add', in: null, name: `sw0-node${n}`, peer: 'eth0', peerIn: node });
    s.push({ kind: 'link-master', in: null, dev: `sw0-node${n}`, master: 'sw0' });
    s.push({ kind: 'link-state', in: null, dev: `sw0-node${n}`, up: true });
    s.push({ kind: 'link-state', in: node, dev: 'lo', up: true });
    s.push({ kind: 'addr-add', in: node, dev: 'eth0', address: `172.16.0.${10 + n}/24` });
    s.push({ kind: 'link-state', in: node, dev: 'eth0', up: true });
    s.push({ kind: 'bridge-add', in: node, name: 'cni0' });
    s.push({ kind: 'addr-add', in: node, dev: 'cni0', address: `10.244.${n}.1/24` });
    s.push({ kind: 'link-state', in: node, dev: 'cni0', up: true });
    s.push({ kind: 'sysctl', in: node, key: 'net.ipv4.ip_forward', value: '1' });
    for (let p = 1; p <= shape.podsPerNode; p++) {
      const pod = `n${n}-pod${p}`;
      s.push({ kind: 'netns-add', name: pod });
      s.push({ kind: 'veth-add', in: node, name: `veth${p}`, peer: 'eth0', peerIn: pod });
      s.push({ kind: 'link-master', in: node, dev: `veth${p}`, master: 'cni0' });
      s.push({ kind: 'link-state', in: node, dev: `veth${p}`, up: true });
      s.push({ kind: 'link-state', in: pod, dev: 'lo', up: true });
      s.push({ kind: 'addr-add', in: pod, dev: 'eth0', address: `10.244.${n}.${p + 1}/24` });
      s.push({ kind: 'link-state', in: pod, dev: 'eth0', up: true });
      s.push({ kind: 'route-add', in: pod, dst: 'default', via: `10.244.${n}.1` });
    }
  }
  for (const n of nodes) {
    for (const m of nodes) if (m !== n) s.push({ kind: 'route-add', in: `node${n}`, dst: `10.244.${m}.0/24`, via: `172.16.0.${10 + m}` });
  }
  for (const a of pods) for (const b of pods) if (a !== b || pods.length === 1) s.push({ kind: 'ping', in: a.ns, to: b.address });
  return { steps: s, title: `k8s-style pod network: ${shape.nodes} node(s), ${shape.podsPerNode} pod(s) each` };
}

/**
 * Clusters as labs (`k8sClusterLab` of a `k8sShape`): shrinking goes to fewer nodes and pods,
 * then deletes steps; counterexamples print as scripts.
 *
 * @example
 * fc.assert(fc.property(k8sCluster(), (lab) => simulate(lab).pings.every((p) => p.answered)));
 */
export function k8sCluster(opts: { maxNodes?: number } = {}): fc.Arbitrary<LabDescription> {
  return labArbitrary(k8sShape(opts), k8sClusterLab);
}
