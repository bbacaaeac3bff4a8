/**
 * Live L2 domains as a fresh ARP exchange sees them (drivers/net/veth.c, net/bridge/br_*.c):
 * a veth pair joins its ends when both are up (carrier), a cable joins two NICs when both are
 * up, a bridge joins each port that forwards (bridge up, port up with carrier). Endpoints are
 * the devices whose frames reach an IP stack: devices up and not enslaved to a bridge
 * (veth ends, NICs, the bridge devices themselves). A broadcast from one endpoint reaches every
 * other endpoint of its domain; the one answering ARP receives the unicast frames after it.
 *
 * Domains the fast path does not claim to know are marked `complex` (every pair through them
 * goes to the event engine): a cycle (flooding loops), more bridges than the engine's hop
 * limit, VLAN filtering, static FDB entries, or a MAC address used twice.
 */
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { segments } from '../../src/model/segments.js';
import type { Simulator } from '../simulator.js';
import { DRIVERS } from '../links/driver.js';

export interface L2 {
  /** endpoint id by link */
  epOf: Map<Link, number>;
  epLink: Link[];
  /** domain of each endpoint */
  epDomain: Int32Array;
  /** the endpoint can send (up with carrier) */
  epSends: Uint8Array;
  /** per domain: complex (not claimed) */
  domainComplex: Uint8Array;
  /** per domain: its endpoints */
  domainEps: number[][];
}

export function buildL2(sim: Simulator, namespaces: Netns[]): L2 {
  const links: Link[] = [];
  for (const ns of namespaces) for (const l of ns.linkList()) links.push(l);
  const live = (l: Link) => sim.isLive(l);
  const up = (l: Link) => live(l) && l.up;
  // the joins a fresh ARP exchange crosses: veth carrier and cables need both ends up, a
  // bridge joins each port that forwards
  const seg = segments(links, (a, b, how) => {
    if (how === 'master') return b.kind === 'bridge' && sim.portForwards(a);
    if (how === 'lower') return up(a) && up(b);
    return a.kind === (how === 'peer' ? 'veth' : 'ether') && up(a) && up(b);
  });
  const find = seg.segmentOf;
  const edges = seg.edges;
  // per union-find root: nodes, edges, bridges, and the checks that make a domain complex
  const nodes = new Map<number, number>();
  const edgeCount = new Map<number, number>();
  for (let i = 0; i < links.length; i++) {
    const r = find(i);
    nodes.set(r, (nodes.get(r) ?? 0) + 1);
  }
  for (const [a] of edges) {
    const r = find(a);
    edgeCount.set(r, (edgeCount.get(r) ?? 0) + 1);
  }
  const complexRoot = new Set<number>();
  const bridges = new Map<number, number>();
  const macs = new Map<number, Map<string, Link>>();
  for (let i = 0; i < links.length; i++) {
    const r = find(i);
    if ((edgeCount.get(r) ?? 0) === 0) continue;
    if ((edgeCount.get(r) ?? 0) >= nodes.get(r)!) complexRoot.add(r);
    const l = links[i]!;
    if (l.kind === 'bridge') {
      bridges.set(r, (bridges.get(r) ?? 0) + 1);
      if (l.bridge!.vlanFiltering) complexRoot.add(r);
    }
    if (l.fdb.length) complexRoot.add(r);
    // who hears whom through a macvlan port is its modes' business: the event engine's
    if (l.uppers?.length) complexRoot.add(r);
    if (!DRIVERS[l.kind].plainL2) complexRoot.add(r);
    let m = macs.get(r);
    if (!m) macs.set(r, (m = new Map()));
    const other = m.get(l.mac);
    // a bridge takes its lowest port's MAC: that one sharing is how the kernel works
    if (other && !(other.master === l || l.master === other)) complexRoot.add(r);
    else if (!other) m.set(l.mac, l);
  }
  for (const [r, n] of bridges) if (n > 30) complexRoot.add(r);

  const epOf = new Map<Link, number>();
  const epLink: Link[] = [];
  const epDomainL: number[] = [];
  const epSendsL: number[] = [];
  const domainOfRoot = new Map<number, number>();
  const domainComplexL: number[] = [];
  const domainEps: number[][] = [];
  for (let i = 0; i < links.length; i++) {
    const l = links[i]!;
    if (!live(l) || !l.up) continue;
    if (l.master && l.master.kind === 'bridge') continue;
    if (!DRIVERS[l.kind].plainL2) continue;
    const r = find(i);
    let d = domainOfRoot.get(r);
    if (d === undefined) {
      d = domainComplexL.length;
      domainOfRoot.set(r, d);
      domainComplexL.push(complexRoot.has(r) ? 1 : 0);
      domainEps.push([]);
    }
    const e = epLink.length;
    epOf.set(l, e);
    epLink.push(l);
    epDomainL.push(d);
    epSendsL.push(sim.carrier(l) && !l.noarp ? 1 : 0);
    domainEps[d]!.push(e);
  }
  return {
    epOf,
    epLink,
    epDomain: Int32Array.from(epDomainL),
    epSends: Uint8Array.from(epSendsL),
    domainComplex: Uint8Array.from(domainComplexL),
    domainEps,
  };
}
