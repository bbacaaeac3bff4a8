/**
 * The seed's tunnel backend, done right: one socat UDP tunnel per pair of nodes (node i's end
 * bound to its own address, port 9000 + the pair's number, sending to the other node's), each
 * a tun `udp-nodeJ` without an address. Every socat is started before any tun comes up — a tun
 * that comes up solicits a router at once, and a far end not yet listening would answer with
 * the ICMP port unreachable that ends the near socat. Then each node routes every other node's
 * pod subnet into the tun toward it.
 */
import { SocatProcess } from '../programs/socat/process.js';
import { settleJobs } from '../../sim/processes.js';
import { ip4ToString } from '../model/ip.js';
import { apply } from '../ops/apply.js';
import * as build from '../ops/build.js';
import type { K8sCluster } from './k8s-cluster.js';

const BASE_PORT = 9000;

/** Wires the nodes of `c` with a socat tunnel per pair. */
export function udpBackend(c: K8sCluster): void {
  const n = c.hosts.length;
  const sim = c.lab.sim;
  const tun = (j: number) => `udp-node${j + 1}`;
  let pair = 0;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++, pair++) {
      const port = BASE_PORT + pair;
      for (const [me, peer] of [
        [i, j],
        [j, i],
      ]) {
        const udp = `UDP:${ip4ToString(c.nodeAddr(peer))}:${port},bind=${ip4ToString(c.nodeAddr(me))}:${port}`;
        const dev = `TUN,tun-name=${tun(peer)},iff-no-pi,tun-type=tun`;
        const host = c.hosts[me];
        const p = new SocatProcess(sim, host.root, host.name, 0, `socat ${udp} ${dev} &`, [udp, dev]);
        if (p.start(sim).kind !== 'running') throw new Error(`k8sLab (udp): socat on ${host.name} did not start: ${p.stderr.trim()}`);
      }
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) apply({ ns: c.hosts[i].root }, build.linkSet(tun(j), { up: true }));
  }
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) if (i !== j) apply({ ns: c.hosts[i].root }, build.route(`${ip4ToString(c.podNet(j))}/24`, { dev: tun(j) }));
  }
  // the tuns' router solicitations cross now, and find every far end listening
  const ended = settleJobs(sim);
  if (ended.length) throw new Error(`k8sLab (udp): a tunnel died: ${ended[0].stderr.trim()}`);
}
