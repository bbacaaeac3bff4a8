/**
 * What the fast path knows about a lab at one version: namespaces with their compiled FIBs
 * (from a fresh Simulator, so no learned state), destination classes, L2 domains, the
 * configured destinations, and whether the lab is "source-blind" — whether every decision on a
 * packet's way can be taken without knowing its exact source address. That holds when each
 * address is held by one namespace only, no address is a broadcast address anywhere, and no
 * namespace filters on sources (rp_filter, arp_ignore=2, `from` rules, hand-made local routes,
 * route_localnet, static neighbours, multicast/anycast routes). Then the only source test left
 * on the way is "is the source one of my addresses", true only at its owner, which the walk
 * checks by itself.
 */
import { isLoopbackNet } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import type { NsState } from '../ns-state.js';
import { Simulator } from '../simulator.js';
import { Intervals } from './intervals.js';
import { wiredNamespaces } from '../../src/model/segments.js';
import { buildL2, type L2 } from './l2.js';
import type { Tmpl } from './templates.js';
import type { Destination } from './api.js';

const PLAIN_TYPES = new Set(['unicast', 'local', 'broadcast', 'blackhole', 'unreachable', 'prohibit', 'throw']);

export interface NsInfo {
  idx: number;
  ns: Netns;
  st: NsState;
  iv: Intervals;
  /** intervals when last cut from the whole namespace (refinements since add to them) */
  ivExact: number;
  /** output decisions per interval (ping's connect and send) */
  outT: (Tmpl | undefined)[];
  /** decisions on what arrives, per ingress endpoint, per interval */
  inT: Map<number, (Tmpl | undefined)[]>;
  blind: boolean;
  /** some device forwards: a packet can come back through it */
  router: boolean;
  lo: Link | null;
  /** row in the source list, -1 for the machine room */
  source: number;
}

export class ReachContext {
  readonly sim: Simulator;
  readonly infos: NsInfo[] = [];
  readonly infoOf = new Map<Netns, NsInfo>();
  readonly sources: Netns[];
  readonly destinations: Destination[] = [];
  readonly destOf = new Map<number, number>();
  readonly destAddr: number[];
  /** destination indices in address order */
  readonly destSorted: Int32Array;
  /** owner row (source index) of each destination */
  readonly destOwner: Int32Array;
  readonly l2: L2;
  /** every namespace is source-blind and addresses are unique */
  readonly blind: boolean;
  readonly version: number;
  /** per domain: tip → answering endpoint (≥0), FAIL or UNSURE */
  readonly answers: Map<number, number>[];
  /** the namespace info of each endpoint, and of each source row */
  readonly epInfo: NsInfo[];
  readonly rowInfo: NsInfo[];
  /** per domain (built on first use): address → endpoints whose namespace holds it */
  readonly domainAddrs: (Map<number, number[]> | undefined)[] = [];

  constructor(readonly lab: LabModel) {
    this.version = lab.version;
    this.sim = new Simulator(lab);
    const all = wiredNamespaces(lab);
    this.sources = lab.namespaces();
    const srcIdx = new Map<Netns, number>();
    this.sources.forEach((ns, i) => {
      srcIdx.set(ns, i);
    });
    let blind = true;
    const holders = new Map<number, Netns>();
    const broadcasts = new Set<number>();
    for (const ns of all) {
      const info = this.makeInfo(ns, srcIdx.get(ns) ?? -1);
      if (!info.blind) blind = false;
      for (const b of info.st.fib.broadcasts) broadcasts.add(b);
      for (const l of ns.linkList()) {
        for (const a of l.addrs) {
          // 127/8 stays inside each namespace: it never leaves through a wire
          if (isLoopbackNet(a.local)) continue;
          const h = holders.get(a.local);
          if (h && h !== ns) blind = false;
          holders.set(a.local, ns);
          if (info.source < 0 || this.destOf.has(a.local)) continue;
          this.destOf.set(a.local, this.destinations.length);
          this.destinations.push({ addr: a.local, ns, dev: l });
        }
      }
    }
    for (const a of holders.keys()) if (broadcasts.has(a)) blind = false;
    this.blind = blind;
    this.destAddr = this.destinations.map((d) => d.addr);
    this.destSorted = Int32Array.from(this.destinations.keys()).sort((x, y) => this.destAddr[x]! - this.destAddr[y]!);
    this.destOwner = Int32Array.from(this.destinations, (d) => srcIdx.get(d.ns)!);
    this.l2 = buildL2(this.sim, all);
    this.answers = this.l2.domainEps.map(() => new Map());
    this.epInfo = this.l2.epLink.map((l) => this.infoOf.get(l.ns)!);
    this.rowInfo = this.sources.map((ns) => this.infoOf.get(ns)!);
  }

  private makeInfo(ns: Netns, source: number): NsInfo {
    const st = this.sim.state(ns);
    const fib = st.fib;
    let blind = !fib.customLocalRoutes && ns.staticNeigh.size === 0 && !ns.all.route_localnet && ns.all.rp_filter === 0 && ns.all.arp_ignore !== 2;
    let router = false;
    let lo: Link | null = null;
    for (const l of ns.linkList()) {
      if (l.kind === 'loopback' && !lo) lo = l;
      if (l.conf.forwarding) router = true;
      if (l.conf.rp_filter || l.conf.arp_ignore === 2 || l.conf.route_localnet) blind = false;
    }
    for (const r of ns.rules) if (r.src) blind = false;
    for (const t of ns.tables.values()) for (const r of t.routes) if (!PLAIN_TYPES.has(r.type)) blind = false;
    const iv = Intervals.of(ns);
    const info: NsInfo = { idx: this.infos.length, ns, st, iv, ivExact: iv.size, outT: new Array(iv.size), inT: new Map(), blind, router, lo, source };
    this.infos.push(info);
    this.infoOf.set(ns, info);
    return info;
  }

  /**
   * Rebuilds one namespace's classes after a route change within `ranges` (its decisions are
   * recomputed lazily): the classes cut further at the ranges' bounds, or, once such cuts have
   * piled up, cut again from the namespace.
   */
  refreshRoutes(info: NsInfo, ranges?: readonly (readonly [number, number])[]): void {
    if (ranges && info.iv.size + 2 * ranges.length <= 2 * info.ivExact + 16) {
      info.iv = info.iv.refine(ranges);
    } else {
      info.iv = Intervals.of(info.ns);
      info.ivExact = info.iv.size;
    }
    info.outT = new Array(info.iv.size);
    info.inT.clear();
  }

  /** Whether a route change left the namespace as source-blind as it was. */
  stillBlind(info: NsInfo): boolean {
    const ns = info.ns;
    if (info.st.fib.customLocalRoutes) return false;
    for (const t of ns.tables.values()) for (const r of t.routes) if (!PLAIN_TYPES.has(r.type)) return false;
    return true;
  }
}
