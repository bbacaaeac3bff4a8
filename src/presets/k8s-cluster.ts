/** What a k8s backend (host-gw, vxlan, udp) is given: the cluster built so far. */
import type { Host } from '../model/host.js';
import type { Ip4 } from '../model/ip.js';
import type { Twin } from '../twin/twin.js';

/** What a backend needs to know of the cluster built so far. */
export interface K8sCluster {
  lab: Twin;
  hosts: Host[];
  /** node i's address on the segment */
  nodeAddr: (i: number) => Ip4;
  /** node i's pod subnet (a /24) */
  podNet: (i: number) => Ip4;
}
