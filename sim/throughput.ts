/**
 * What a shaped link lets a bulk TCP flow carry (the figure `iperf3` reports at its receiver):
 * the rate of the root qdisc on the device a flow to `dst` leaves by — tbf's `rate`, netem's
 * `rate`, or for htb the `ceil` of the class unclassified traffic falls into (a lone flow borrows
 * up to it, within its ancestors' ceilings) — times the share of each frame the qdisc counts that
 * is TCP payload (MSS over the Ethernet frame: 1448 of 1514 bytes at MTU 1500 with timestamps).
 * Only the first hop's shaping is looked at; null when it has no rate (unshaped, or htb's
 * unlimited direct queue). test/real/throughput-iperf3.test.ts holds it against iperf3 on UML's 6.1.
 */
import type { Link } from '../src/model/link.js';
import type { Ip4 } from '../src/model/ip.js';
import type { Netns } from '../src/model/netns.js';
import type { HtbOpts } from '../src/model/qdisc.js';
import { routeOutput } from '../src/model/route-output.js';
import type { Simulator } from './simulator.js';

/** IPv4 (20) and TCP (20 + 12 of timestamps) headers, and the Ethernet header a qdisc counts (14). */
const TCP_IP_HEADERS = 52;
const ETH_HEADER = 14;

/** Bytes a second the root qdisc of `dev` lets through, or null for no limit. */
export function qdiscRate(dev: Link): number | null {
  const q = dev.qdisc;
  if (!q) return null;
  if (q.kind === 'tbf') return q.tbf.rate;
  // netem keeps its rate in bits a second
  if (q.kind === 'netem') return q.netem.rateBps > 0 ? q.netem.rateBps / 8 : null;
  return htbDefaultCeil(q.htb);
}

/** The ceiling of htb's default class and of each class above it (a class borrows no more than its parents may). */
function htbDefaultCeil(h: HtbOpts): number | null {
  let c = h.classes.find((k) => k.minor === h.defcls);
  if (!c) return null;
  let ceil = c.ceil;
  while (c.parent !== null) {
    const parent: number = c.parent;
    c = h.classes.find((k) => k.minor === parent);
    if (!c) break;
    ceil = Math.min(ceil, c.ceil);
  }
  return ceil;
}

/** The predicted TCP goodput (bits a second) from `ns` to `dst`, or null when the first hop is not shaped or there is no route. */
export function predictedGoodput(sim: Simulator, ns: Netns, dst: Ip4): number | null {
  const res = routeOutput(sim.state(ns), { dst, src: 0, oif: null });
  if (!res.ok) return null;
  const dev = res.rt.dev;
  const rate = qdiscRate(dev);
  if (rate === null) return null;
  const mss = dev.mtu - TCP_IP_HEADERS;
  return rate * 8 * (mss / (dev.mtu + ETH_HEADER));
}
