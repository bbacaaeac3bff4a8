/**
 * What the IPv6 fast path knows about a lab at one version: the destinations (every global
 * unicast address configured on an interface: link-local ones need a `%dev` and ::1 never
 * leaves its namespace), who holds each address, the L2 domains (shared with IPv4's fast path:
 * a bridge or a veth pair carries both families alike), and each destination's class — the
 * set of route prefixes of the whole lab that hold it. Two destinations of one class get the
 * same route in every namespace (a FIB lookup only asks which prefixes hold the address), so
 * a namespace's route decision is taken once per class. The local routes of a namespace's own
 * addresses are left out of the classes: "is it one of mine" is asked of the holders instead.
 *
 * A namespace is `plain` when nothing in it depends on more than the route and the neighbour
 * exchange: no custom rules, no static or proxy neighbour entries. Pairs whose walk meets a
 * namespace that is not plain go to the event engine.
 */
import type { LabModel } from '../../../src/model/lab-model.js';
import type { Link } from '../../../src/model/link.js';
import type { Netns } from '../../../src/model/netns.js';
import { IFA6, type Inet6Addr } from '../../../src/model/ipv6/inet6-dev.js';
import { IP6_LOOPBACK, ip6InPrefix, isIp6LinkLocal, isIp6Multicast, isIp6V4Mapped, type Ip6 } from '../../../src/model/ipv6/ip6.js';
import { wiredNamespaces } from '../../../src/model/segments.js';
import { Simulator } from '../../simulator.js';
import { buildL2, type L2 } from '../l2.js';

/** A destination: a global IPv6 address configured on an interface. */
export interface Destination6 {
  addr: Ip6;
  /** the namespace that holds it (the first, if several do) */
  ns: Netns;
  dev: Link;
}

/** One holder of an address. */
export interface Holder6 {
  ns: Netns;
  dev: Link;
  a: Inet6Addr;
}

/** Whether an address may be a destination of reach: global unicast, not v4-mapped. */
export function isReachable6Dest(a: Ip6): boolean {
  return a !== 0n && a !== IP6_LOOPBACK && !isIp6LinkLocal(a) && !isIp6Multicast(a) && !isIp6V4Mapped(a);
}

export class Context6 {
  readonly sim: Simulator;
  readonly sources: Netns[];
  readonly sourceIdx = new Map<Netns, number>();
  readonly destinations: Destination6[] = [];
  /** every address of the lab (both scopes) → its holders */
  readonly holders = new Map<Ip6, Holder6[]>();
  readonly l2: L2;
  readonly plain = new Map<Netns, boolean>();
  /** usable addresses a source may choose among for a global destination, per namespace */
  readonly globalCount = new Map<Netns, number>();
  private readonly prefixes: { net: Ip6; len: number }[] = [];
  private readonly maxLen: number;
  private readonly classOfKey = new Map<string, number>();
  private readonly classMemo = new Map<Ip6, number>();
  /** class → an address of it that no interface holds (what route decisions are asked with), null: none found */
  readonly classRep: (Ip6 | null)[] = [];
  /** class of each destination */
  readonly destClass: Int32Array;
  /**
   * per destination, what shared() and ownership() answer for its address (in its namespace,
   * the only one holding it when not shared): the walk asks by index, not by a bigint key
   */
  readonly destShared: Uint8Array;
  readonly destOwn: Int8Array;
  /** a destination's index by its address */
  readonly destIdx = new Map<Ip6, number>();
  /** per domain (built on first use): address → the endpoints of the domain whose device holds it */
  private readonly domainAddrs: (Map<Ip6, number[]> | undefined)[] = [];

  constructor(readonly lab: LabModel) {
    this.sim = new Simulator(lab);
    this.sources = lab.namespaces();
    this.sources.forEach((ns, i) => {
      this.sourceIdx.set(ns, i);
    });
    const all = wiredNamespaces(lab);
    const seen = new Set<string>();
    let maxLen = 0;
    for (const ns of all) {
      const i6 = ns.inet6;
      this.plain.set(ns, !i6.customRules && i6.neigh.size === 0 && i6.proxies.size === 0);
      const own = new Set<Ip6>();
      let globals = 0;
      for (const l of ns.linkList()) {
        for (const a of l.inet6.addrs) {
          own.add(a.addr);
          let h = this.holders.get(a.addr);
          if (!h) this.holders.set(a.addr, (h = []));
          h.push({ ns, dev: l, a });
          if (!isIp6LinkLocal(a.addr) && a.addr !== IP6_LOOPBACK) globals++;
          if (!isReachable6Dest(a.addr) || !this.sourceIdx.has(ns) || seen.has(`${a.addr}`)) continue;
          seen.add(`${a.addr}`);
          this.destinations.push({ addr: a.addr, ns, dev: l });
        }
      }
      this.globalCount.set(ns, globals);
      for (const t of i6.tables.values()) {
        for (const r of t.routes) {
          // a namespace's own addresses are asked of the holders, not of the classes
          if (r.type === 'local' && r.dstLen === 128 && own.has(r.dst)) continue;
          const k = `${r.dst}/${r.dstLen}`;
          if (seen.has(k)) continue;
          seen.add(k);
          this.prefixes.push({ net: r.dst, len: r.dstLen });
          if (r.dstLen > maxLen) maxLen = r.dstLen;
        }
      }
    }
    this.maxLen = maxLen;
    this.destClass = Int32Array.from(this.destinations, (d) => this.classOf(d.addr));
    this.destShared = Uint8Array.from(this.destinations, (d) => (this.shared(d.addr) ? 1 : 0));
    this.destOwn = Int8Array.from(this.destinations, (d) => this.ownership(d.ns, d.addr));
    for (let i = 0; i < this.destinations.length; i++) this.destIdx.set(this.destinations[i]!.addr, i);
    this.l2 = buildL2(this.sim, all);
  }

  /** The class of any address (memoised by the bits the prefixes can tell apart). */
  classOf(a: Ip6): number {
    const cut = this.maxLen === 0 ? 0n : a >> BigInt(128 - this.maxLen);
    let c = this.classMemo.get(cut);
    if (c !== undefined) return c;
    const key = this.key(a);
    c = this.classOfKey.get(key);
    if (c === undefined) {
      c = this.classRep.length;
      this.classOfKey.set(key, c);
      this.classRep.push(this.freeMember(a, key));
    }
    this.classMemo.set(cut, c);
    return c;
  }

  private key(a: Ip6): string {
    let key = '';
    for (let i = 0; i < this.prefixes.length; i++) {
      const p = this.prefixes[i]!;
      if (ip6InPrefix(a, p.net, p.len)) key += `${i},`;
    }
    return key;
  }

  /**
   * An address of the class no interface holds (what its route decisions are asked with: a
   * lookup of a namespace's own address would meet its local route), or null when none is
   * found near `a`.
   */
  private freeMember(a: Ip6, key: string): Ip6 | null {
    for (let k = 1n; k <= 64n; k++) {
      const b = a ^ k;
      if (!this.holders.has(b) && isReachable6Dest(b) === isReachable6Dest(a) && this.key(b) === key) return b;
    }
    return null;
  }

  /**
   * Whether `ns` takes `a` as its own: 1 yes (a usable address whose local route is in place
   * on a device that is up), 0 no (it does not hold it), -1 not sure (it holds it otherwise).
   */
  ownership(ns: Netns, a: Ip6): number {
    const hs = this.holders.get(a);
    if (!hs) return 0;
    let r = 0;
    for (const h of hs) {
      if (h.ns !== ns) continue;
      if (h.a.localRoute && !(h.a.flags & (IFA6.TENTATIVE | IFA6.DADFAILED)) && (h.dev.up || h.dev.kind === 'loopback')) r = r === 0 ? 1 : r;
      else r = -1;
    }
    return r;
  }

  /** ownership(ns, destination d's address), by index (d not shared). */
  ownsDest(ns: Netns, d: number): number {
    return this.destinations[d]!.ns === ns ? this.destOwn[d]! : 0;
  }

  /** Whether more than one namespace holds `a`. */
  shared(a: Ip6): boolean {
    const hs = this.holders.get(a);
    if (!hs || hs.length < 2) return false;
    return hs.some((h) => h.ns !== hs[0]!.ns);
  }

  /** The endpoints of domain `dom` whose device holds `a`. */
  holdersOnDomain(dom: number, a: Ip6): readonly number[] {
    let m = this.domainAddrs[dom];
    if (!m) {
      m = new Map();
      for (const e of this.l2.domainEps[dom]!) {
        for (const x of this.l2.epLink[e]!.inet6.addrs) {
          let v = m.get(x.addr);
          if (!v) m.set(x.addr, (v = []));
          v.push(e);
        }
      }
      this.domainAddrs[dom] = m;
    }
    return m.get(a) ?? [];
  }
}
