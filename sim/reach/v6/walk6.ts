/**
 * One `ping -6 -c 1` in the IPv6 fast path, with the event engine's own decisions
 * (src/model/ipv6/route6.ts for every route, source6.ts for the source) taken once per
 * destination class and reused: the echo request from the source's output route, neighbour
 * discovery on the L2 domain (RFC 4861 §7.2: only a device holding the target, not tentative,
 * joined to its solicited-node group answers — unlike ARP, another device of the namespace
 * does not), then at each namespace it reaches the input route (local delivery or
 * ip6_forward: `all.forwarding`, a link-local source not forwarded off its link, the hop
 * limit); then the echo reply, routed by the destination's owner toward the ping's source
 * from the destination address, preferring the device the request came in on (icmpv6_echo_reply
 * sets the flow's output device). Anything else is MAYBE: the pair goes to the engine.
 */
import type { Link } from '../../../src/model/link.js';
import type { Netns } from '../../../src/model/netns.js';
import { modelView6 } from '../../../src/model/ipv6/fib6-lookup.js';
import { IFA6 } from '../../../src/model/ipv6/inet6-dev.js';
import { isIp6LinkLocal, solicitedNode, type Ip6 } from '../../../src/model/ipv6/ip6.js';
import { route6Input, route6Output, type Rt6Result } from '../../../src/model/ipv6/route6.js';
import { ipv6DevGetSaddr } from '../../../src/model/ipv6/source6.js';
import { joined6 } from '../../ipv6/mld.js';
import { validLinkLocal } from '../../ipv6/ndisc.js';
import type { Context6 } from './context6.js';

export const YES = 1;
export const NO = 2;
export const MAYBE = 3;

/** How a route leaves a namespace: a code (NO, MAYBE) or a device toward a next hop. */
interface Leave {
  code: number;
  dev: Link | null;
  ep: number;
  gw: Ip6 | null;
  /** the source when every address of the class gets the same (null: chosen per address) */
  saddr: Ip6 | null;
  hop: number;
}

/** The end of a walk from an ingress endpoint: where it was delivered and what it met. */
interface Arrival {
  code: number;
  /** forwarding routers on the way */
  routers: number;
  /** the endpoint it was delivered on */
  ep: number;
  /** the namespaces that forwarded it */
  path: Netns[];
}

const NO_WAY: Arrival = { code: NO, routers: 0, ep: -1, path: [] };
const UNSURE: Arrival = { code: MAYBE, routers: 0, ep: -1, path: [] };
const BUSY: Arrival = { code: 0, routers: 0, ep: -1, path: [] };
const fixed = (code: number): Leave => ({ code, dev: null, ep: -1, gw: null, saddr: null, hop: 0 });

export class Walk6 {
  private readonly outMemo = new Map<Netns, (Leave | undefined)[]>();
  private readonly inMemo = new Map<Link, (Leave | undefined)[]>();
  private readonly answerMemo: Map<Ip6, number>[] = [];
  private readonly arriveMemo: Map<Ip6, Arrival>[] = [];
  /** the same memos for a destination's own address, by its index (no bigint hashing per pair) */
  private readonly answerByDest: (Int32Array | undefined)[] = [];
  private readonly arriveByDest: ((Arrival | undefined)[] | undefined)[] = [];
  /** the source side of the last row asked (pair() is asked a row at a time) */
  private rowNs: Netns | null = null;
  private rowSrc: Ip6 = 0n;
  private rowSrcOk = false;
  private rowSrcIdx = -1;
  private rowSrcClass = -1;
  private readonly domainPlain: Int8Array;
  /** per endpoint: its device has a usable link-local address (a solicitation's source), -1 not asked */
  private readonly epLinkLocal: Int8Array;
  /** the echo reply's leave decisions by the endpoint the request came in on, then by class */
  private readonly replyByEp: ((Leave | undefined)[] | undefined)[] = [];
  /** the source side's per-row answers: its namespace is plain, its output decisions by class */
  private rowPlainNs: Netns | null = null;
  private rowPlain = false;
  private rowOut: (Leave | undefined)[] = [];

  constructor(private readonly ctx: Context6) {
    this.domainPlain = new Int8Array(ctx.l2.domainEps.length).fill(-1);
    this.epLinkLocal = new Int8Array(ctx.l2.epLink.length).fill(-1);
  }

  /** The leave decision of a route lookup's answer (an output route's or a forwarding one's). */
  private leave(res: Rt6Result): Leave {
    if (!res.ok) return fixed(NO);
    const rt = res.rt;
    if (rt.type !== 'unicast' || rt.dev.kind === 'loopback') return fixed(MAYBE);
    const dev = rt.dev;
    const l2 = this.ctx.l2;
    const ep = l2.epOf.get(dev);
    if (ep === undefined || dev.noarp || dev.inet6.conf.disable_ipv6 || !l2.epSends[ep] || l2.domainComplex[l2.epDomain[ep]!]) return fixed(MAYBE);
    return { code: 0, dev, ep, gw: rt.gateway, saddr: rt.saddr, hop: rt.route.hoplimit ?? dev.inet6.conf.hop_limit };
  }

  /** ping's connect and send from `ns` toward class `c` (not one of its own addresses). */
  private out(ns: Netns, c: number): Leave {
    let a = ns === this.rowPlainNs ? this.rowOut : this.outMemo.get(ns);
    if (!a) this.outMemo.set(ns, (a = []));
    let v = a[c];
    if (!v) {
      const rep = this.ctx.classRep[c]!;
      if (rep === null) return fixed(MAYBE);
      const res = route6Output(modelView6(ns), { dst: rep, src: 0n, oif: null });
      v = this.leave(res);
      if (v.code === 0) {
        if (res.ok && res.rt.route.prefsrc === null && (this.ctx.globalCount.get(ns) ?? 0) > 1) v.saddr = null;
        else if (v.saddr === null) v = fixed(NO);
      }
      a[c] = v;
    }
    return v;
  }

  /** What `link`'s namespace does with a packet for class `c` arriving on it (not one of its own). */
  private input(link: Link, c: number): Leave {
    let a = this.inMemo.get(link);
    if (!a) this.inMemo.set(link, (a = []));
    let v = a[c];
    if (!v) {
      const ns = link.ns;
      const rep = this.ctx.classRep[c]!;
      if (rep === null) return fixed(MAYBE);
      const res = route6Input(modelView6(ns), { dst: rep, src: 0n, iif: link });
      if (res.ok && (res.rt.type === 'local' || res.rt.type === 'anycast')) v = fixed(MAYBE);
      else if (res.ok && !ns.inet6.all.forwarding && !link.inet6.conf.force_forwarding) v = fixed(NO);
      else v = this.leave(res);
      a[c] = v;
    }
    return v;
  }

  /** The echo reply's route from `link`'s namespace (the request came in on `link`, endpoint `ep`) toward class `c`. */
  private reply(link: Link, ep: number, c: number, from: Ip6): Leave {
    let a = this.replyByEp[ep];
    if (!a) this.replyByEp[ep] = a = [];
    let v = a[c];
    if (!v) {
      const rep = this.ctx.classRep[c]!;
      if (rep === null) return fixed(MAYBE);
      v = this.leave(route6Output(modelView6(link.ns), { dst: rep, src: from, oif: link }));
      a[c] = v;
    }
    return v;
  }

  /** Whether every namespace with an endpoint on the domain is plain (a proxy could answer there). */
  private plainDomain(dom: number): boolean {
    let p = this.domainPlain[dom]!;
    if (p < 0) {
      const l2 = this.ctx.l2;
      p = l2.domainEps[dom]!.every((e) => this.ctx.plain.get(l2.epLink[e]!.ns) === true) ? 1 : 0;
      this.domainPlain[dom] = p;
    }
    return p === 1;
  }

  /** answer() for destination `di`'s address (a next hop that is the destination itself). */
  private answerDest(dom: number, nh: Ip6, di: number): number {
    let a = this.answerByDest[dom];
    if (!a) this.answerByDest[dom] = a = new Int32Array(this.ctx.destinations.length);
    // 0 is "not asked yet": answers are stored one up
    const v = a[di]!;
    if (v !== 0) return v - 1;
    const r = this.answer(dom, nh);
    a[di] = r + 1;
    return r;
  }

  /** The endpoint that answers a solicitation for `nh` on domain `dom`, or -NO / -MAYBE. */
  private answer(dom: number, nh: Ip6): number {
    let m = this.answerMemo[dom];
    if (!m) this.answerMemo[dom] = m = new Map();
    let v = m.get(nh);
    if (v !== undefined) return v;
    v = -MAYBE;
    if (this.plainDomain(dom)) {
      const sn = solicitedNode(nh);
      const l2 = this.ctx.l2;
      let found = -1;
      let n = 0;
      let unsure = false;
      for (const e of this.ctx.holdersOnDomain(dom, nh)) {
        const l = l2.epLink[e]!;
        const a = l.inet6.addrs.find((x) => x.addr === nh)!;
        if (a.flags & (IFA6.TENTATIVE | IFA6.OPTIMISTIC | IFA6.DADFAILED)) unsure = true;
        else if (!l.inet6.conf.disable_ipv6 && joined6(l, sn)) {
          found = e;
          n++;
        }
      }
      if (!unsure && n === 0) v = -NO;
      else if (!unsure && n === 1 && l2.epSends[found]) v = found;
    }
    m.set(nh, v);
    return v;
  }

  /**
   * The neighbour solicitation from `dev` (endpoint `ep`) can be sent: a source for it (the
   * packet's own, else the link-local). A device with a usable link-local always can: that is
   * asked once per endpoint, and only a device without one looks at the packet's source.
   */
  private canSolicit(dev: Link, ep: number, src: Ip6): boolean {
    let ll = this.epLinkLocal[ep]!;
    if (ll < 0) this.epLinkLocal[ep] = ll = validLinkLocal(dev) !== null ? 1 : 0;
    if (ll === 1) return true;
    for (const a of dev.inet6.addrs) if (a.addr === src && !(a.flags & (IFA6.TENTATIVE | IFA6.OPTIMISTIC))) return true;
    return false;
  }

  /** Sends a packet for `dst` (destination `di`, or -1) from `src` out of `l` toward `nh`; the arrival. */
  private send(l: Leave, nh: Ip6, dst: Ip6, src: Ip6, di = -1): Arrival {
    // without a source for the solicitation, only an entry learnt earlier in the same ping (from
    // the far end's own solicitation) lets the packet out: the engine follows that
    if (!this.canSolicit(l.dev!, l.ep, src)) return UNSURE;
    const dom = this.ctx.l2.epDomain[l.ep]!;
    const e = di >= 0 && nh === dst ? this.answerDest(dom, nh, di) : this.answer(dom, nh);
    if (e < 0) return e === -NO ? NO_WAY : UNSURE;
    const ll = isIp6LinkLocal(src);
    if (di < 0 || ll) return this.arrive(e, dst, ll);
    let a = this.arriveByDest[e];
    if (!a) this.arriveByDest[e] = a = [];
    let r = a[di];
    if (r === undefined) a[di] = r = this.arrive(e, dst, false, di);
    return r;
  }

  /** A packet for `dst` arriving on endpoint `ep`: where it ends. `llSrc`: its source is link-local. */
  private arrive(ep: number, dst: Ip6, llSrc: boolean, di = -1): Arrival {
    const ctx = this.ctx;
    const link = ctx.l2.epLink[ep]!;
    const ns = link.ns;
    if (ctx.plain.get(ns) !== true) return UNSURE;
    const own = di >= 0 && !ctx.destShared[di] ? ctx.ownsDest(ns, di) : ctx.ownership(ns, dst);
    if (own === 1) return { code: YES, routers: 0, ep, path: [] };
    if (own < 0) return UNSURE;
    let m = this.arriveMemo[ep];
    if (!m) this.arriveMemo[ep] = m = new Map();
    const key = llSrc ? -dst - 1n : dst;
    const got = m.get(key);
    if (got === BUSY) return NO_WAY; // a forwarding loop: the hop limit runs out
    if (got) return got;
    m.set(key, BUSY);
    const f = this.input(link, ctx.classOf(dst));
    let r: Arrival;
    if (f.code !== 0) r = f.code === NO ? NO_WAY : UNSURE;
    else if (llSrc && f.dev !== link) r = NO_WAY;
    else {
      // the forwarded packet's solicitation comes from the way out's link-local (its source is not ours)
      const next = this.send(f, f.gw ?? dst, dst, 0n);
      r = next.code === YES ? { code: YES, routers: next.routers + 1, ep: next.ep, path: [ns, ...next.path] } : next;
    }
    m.set(key, r);
    return r;
  }

  /** `ping -6 -c 1` from `ns` to destination `d` (an address `ns` does not share with another namespace). */
  pair(ns: Netns, d: number): number {
    const ctx = this.ctx;
    const dst = ctx.destinations[d]!.addr;
    if (this.rowPlainNs !== ns) {
      this.rowPlainNs = ns;
      this.rowPlain = ctx.plain.get(ns) === true;
      let a = this.outMemo.get(ns);
      if (!a) this.outMemo.set(ns, (a = []));
      this.rowOut = a;
    }
    if (ctx.destShared[d] || !this.rowPlain) return MAYBE;
    const own = ctx.ownsDest(ns, d);
    if (own < 0) return MAYBE;
    if (own === 1) {
      const lo = ns.linkList().find((l) => l.kind === 'loopback');
      return lo?.up ? YES : NO;
    }
    const o = this.out(ns, ctx.destClass[d]!);
    if (o.code !== 0) return o.code;
    const src = o.saddr ?? ipv6DevGetSaddr(ns, o.dev, dst);
    if (src === null) return NO;
    if (this.rowNs !== ns || this.rowSrc !== src) {
      // one source for most of a row: its checks once
      this.rowNs = ns;
      this.rowSrc = src;
      this.rowSrcOk = !ctx.shared(src) && ctx.ownership(ns, src) === 1;
      this.rowSrcIdx = ctx.destIdx.get(src) ?? -1;
      this.rowSrcClass = ctx.classOf(src);
    }
    if (!this.rowSrcOk) return MAYBE;
    const there = this.send(o, o.gw ?? dst, dst, src, d);
    if (there.code !== YES) return there.code;
    if (there.routers >= o.hop) return NO;
    if (there.path.includes(ns)) return MAYBE;
    const inLink = ctx.l2.epLink[there.ep]!;
    const owner = inLink.ns;
    const r = this.reply(inLink, there.ep, this.rowSrcClass, dst);
    if (r.code !== 0) return r.code;
    const back = this.send(r, r.gw ?? src, src, dst, this.rowSrcIdx);
    if (back.code !== YES) return back.code;
    // the echo reply's hop limit is its way out's, as the request's is (sim/ipv6/icmp6.ts)
    if (back.routers >= r.hop) return NO;
    if (back.path.includes(owner) || ctx.l2.epLink[back.ep]!.ns !== ns) return MAYBE;
    return YES;
  }
}
