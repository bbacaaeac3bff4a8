/**
 * The per-namespace decisions the walk is made of, one per destination class, each computed
 * once by the event engine's own functions (routeOutput, routeInput, inet_select_addr) on a
 * fresh state and then reused for every address of the class:
 * - OutTmpl: what ping's socket does with a destination (connect + send): fails at once,
 *   loops back locally, or leaves through a device toward a next hop with a chosen source;
 * - InTmpl: what a namespace does with a packet arriving on an endpoint: deliver, forward
 *   (toward which next hop), answer with an ICMP error, or drop (and why);
 * - `resolve`: the ARP exchange from an endpoint for a next hop: which endpoint answers.
 * Anything the fast path does not model exactly comes out as `unsure`.
 */
import { SCOPE } from '../../src/model/address.js';
import { isLoopbackNet, isMulticast, type Ip4 } from '../../src/model/ip.js';
import type { Link } from '../../src/model/link.js';
import { inetSelectAddr } from '../../src/model/source-address.js';
import { loopsBack, routeOutput } from '../../src/model/route-output.js';
import { arpIgnore } from '../arp.js';
import { mayProxyArp } from '../../src/model/proxy-arp.js';
import { inputDecision } from '../input-decision.js';
import type { DropReason } from '../trace.js';
import type { NsInfo, ReachContext } from './context.js';

/** resolve(): no answer / not modelled */
export const FAIL = -1;
export const UNSURE = -2;

/** A placeholder source for source-blind decisions: unicast, local nowhere, never martian. */
export const ANY_SRC = 0x00000001;

export type TmplKind = 'fail' | 'local' | 'out' | 'unsure' | 'drop' | 'error';

/**
 * One decision. A single class for both directions, so that the walk's property reads stay
 * monomorphic (templates are read once per pair in the hot loop).
 */
export class Tmpl {
  /** the device it leaves through, and its endpoint id */
  dev: Link | null = null;
  ep = -1;
  /** gateway, or −1 when the destination is the next hop */
  gw = -1;
  /** the ARP request's sender address */
  sip = 0;
  /** for a gateway: the endpoint that answers ARP for it (resolved once); −3 not yet */
  next = -3;
  /** for output: the ping's source address and its destination slot (−1: not one) */
  src = 0;
  srcSlot = -1;
  /**
   * For a direct route: whether the ARP answerer's STALE entry for `sip` would be found again
   * by asking (see `resolve`): 0 yes, FAIL, UNSURE; −3 not yet known.
   */
  sym = -3;
  /** for `local` output: lo is up (the request and the reply loop back through it) */
  loOk = false;

  constructor(
    readonly kind: TmplKind,
    readonly reason: DropReason | null,
    readonly detail: string,
  ) {}

  /** A decision that leaves through `dev` toward `gw` (or the destination), asking ARP as `sip`. */
  static out(kind: TmplKind, detail: string, dev: Link, ep: number, gw: Ip4 | null, sip: Ip4): Tmpl {
    const t = new Tmpl(kind, null, detail);
    t.dev = dev;
    t.ep = ep;
    t.gw = gw === null ? -1 : gw;
    t.sip = sip;
    return t;
  }
}

export type OutTmpl = Tmpl;
export type InTmpl = Tmpl;

const ERRNO_REASON: Record<string, DropReason> = { EINVAL: 'blackhole', EHOSTUNREACH: 'unreachable', EACCES: 'prohibit', ENETUNREACH: 'no-route', ENODEV: 'no-route' };

interface HopCheck {
  ep: number;
}

/**
 * Checks shared by both directions before a next hop: the device is an endpoint that ARPs
 * (not a bridge port, tunnel or loopback), and the next hop is a plain unicast neighbour.
 */
function hopOf(ctx: ReachContext, info: NsInfo, dev: Link, nh: Ip4, sip: Ip4): HopCheck | string {
  const ep = ctx.l2.epOf.get(dev);
  if (ep === undefined) {
    if (!dev.up || !ctx.sim.isLive(dev)) return 'down';
    return `${dev.name} is not a plain L2 endpoint`;
  }
  if (dev.noarp) return `${dev.name} is NOARP`;
  const fib = info.st.fib;
  if (nh === 0xffffffff || isMulticast(nh) || (fib.broadcasts.has(nh) && fib.addrType(nh, dev) === 'broadcast')) return 'next hop is broadcast or multicast';
  if (!sip) return 'no address for ARP';
  return { ep };
}

/** ping's connect + first send from `info` to `a` (a stands for its whole interval). */
export function outTmpl(ctx: ReachContext, info: NsInfo, iv: number, a: Ip4): Tmpl {
  let t = info.outT[iv];
  if (t) return t;
  t = computeOut(ctx, info, a);
  info.outT[iv] = t;
  return t;
}

function computeOut(ctx: ReachContext, info: NsInfo, a: Ip4): Tmpl {
  const res = routeOutput(info.st, { dst: a, src: 0, oif: null });
  if (!res.ok) return new Tmpl('fail', ERRNO_REASON[res.errno] ?? 'no-route', `no route: ${res.errno}`);
  const rt = res.rt;
  if (rt.type === 'broadcast') return new Tmpl('fail', 'prohibit', 'a broadcast address: ping refuses without -b');
  if (rt.type === 'multicast') return new Tmpl('unsure', null, 'multicast');
  if (loopsBack(rt)) {
    if (!rt.route || rt.route.type !== 'local' || rt.saddr !== a) return new Tmpl('unsure', null, 'local through a non-local route');
    const lo = rt.dev;
    const t = new Tmpl('local', lo.up ? null : 'lo-down', lo.up ? 'local address' : 'local address but lo is down');
    t.src = a;
    t.srcSlot = ctx.destOf.get(a) ?? -1;
    t.loOk = lo.up && ctx.sim.isLive(lo);
    return t;
  }
  const src = rt.saddr;
  if (!src || isLoopbackNet(src)) return new Tmpl('unsure', null, 'no usable source address');
  const nh = rt.gateway ?? a;
  const dev = rt.dev;
  const announce = Math.max(dev.conf.arp_announce, info.ns.all.arp_announce);
  const sip = announce === 0 && info.st.fib.addrType(src, dev) === 'local' ? src : inetSelectAddr(dev, nh, SCOPE.link);
  const hop = hopOf(ctx, info, dev, nh, sip);
  let t: Tmpl;
  if (hop === 'down') t = new Tmpl('fail', 'link-down', `${dev.name} is down`);
  else if (typeof hop === 'string') t = new Tmpl('unsure', null, hop);
  else t = Tmpl.out('out', `out ${dev.name}`, dev, hop.ep, rt.gateway, sip);
  t.src = src;
  t.srcSlot = ctx.destOf.get(src) ?? -1;
  return t;
}

/** What `info` does with a packet to `a` arriving on endpoint `ep` (a source-blind answer). */
export function inTmpl(ctx: ReachContext, info: NsInfo, ep: number, a: Ip4): Tmpl {
  const iv = info.iv.find(a);
  // a Map per namespace: the endpoints of one namespace are few
  let arr = info.inT.get(ep);
  if (!arr) info.inT.set(ep, (arr = new Array(info.iv.size)));
  let t = arr[iv];
  if (t) return t;
  t = computeIn(ctx, info, ctx.l2.epLink[ep]!, a, ANY_SRC);
  arr[iv] = t;
  return t;
}

/** routeInput → ip_forward's next hop, for a packet from `src` (ANY_SRC when source-blind). */
export function computeIn(ctx: ReachContext, info: NsInfo, dev: Link, a: Ip4, src: Ip4): Tmpl {
  const d = inputDecision(info.st, dev, a, src);
  if (d.kind === 'local') {
    if (d.broadcast) return new Tmpl('drop', 'broadcast-echo-ignored', 'a broadcast address here');
    return new Tmpl('local', null, `local address, arrived on ${dev.name}`);
  }
  if (d.kind === 'drop') return new Tmpl('drop', d.reason, d.detail);
  if (d.kind === 'error') return new Tmpl('error', d.reason, d.detail);
  const out = d.dev;
  const gw = d.gateway;
  const nh = gw ?? a;
  const announce = Math.max(out.conf.arp_announce, info.ns.all.arp_announce);
  const sip = announce === 0 && src !== ANY_SRC && info.st.fib.addrType(src, out) === 'local' ? src : inetSelectAddr(out, nh, SCOPE.link);
  const hop = hopOf(ctx, info, out, nh, sip);
  if (hop === 'down') return new Tmpl('drop', 'link-down', `${out.name} is down`);
  if (typeof hop === 'string') return new Tmpl('unsure', null, hop);
  return Tmpl.out('out', `forwarded out ${out.name}`, out, hop.ep, gw, sip);
}

function domainIndex(ctx: ReachContext, dom: number): Map<number, number[]> {
  let idx = ctx.domainAddrs[dom];
  if (idx) return idx;
  idx = new Map();
  for (const e of ctx.l2.domainEps[dom]!) {
    const ns = ctx.l2.epLink[e]!.ns;
    for (const l of ns.linkList()) {
      for (const x of l.addrs) {
        let list = idx.get(x.local);
        if (!list) idx.set(x.local, (list = []));
        if (!list.includes(e)) list.push(e);
      }
    }
  }
  ctx.domainAddrs[dom] = idx;
  return idx;
}

/** The endpoint of domain `dom` that answers ARP for `tip` (FAIL: none; UNSURE: several). */
export function answer(ctx: ReachContext, dom: number, tip: Ip4): number {
  const memo = ctx.answers[dom]!;
  const m = memo.get(tip);
  if (m !== undefined) return m;
  let found = FAIL;
  // a device answering for others (proxy ARP) may answer too, after a delay: the engine knows
  if (!(isMulticast(tip) || isLoopbackNet(tip)) && ctx.l2.domainEps[dom]!.some((e) => mayProxyArp(ctx.l2.epLink[e]!))) found = UNSURE;
  else if (!(isMulticast(tip) || isLoopbackNet(tip))) {
    for (const e of domainIndex(ctx, dom).get(tip) ?? []) {
      const dev = ctx.l2.epLink[e]!;
      if (dev.noarp) continue;
      const info = ctx.infoOf.get(dev.ns)!;
      const d = inputDecision(info.st, dev, tip, ANY_SRC);
      if (d.kind !== 'local' || d.broadcast || arpIgnore(dev, null, tip)) continue;
      if (found !== FAIL) {
        found = UNSURE;
        break;
      }
      found = e;
    }
  }
  memo.set(tip, found);
  return found;
}

/**
 * The ARP exchange from endpoint `ep` for `nh`, asking as `sip`: the endpoint that answers.
 * The answerer keeps a STALE entry for `sip` pointing back at `ep`, which a reply may use
 * instead of asking again: claimed only when asking again would find `ep` too.
 */
export function resolve(ctx: ReachContext, ep: number, nh: Ip4, sip: Ip4): number {
  const l2 = ctx.l2;
  if (!l2.epSends[ep]) return FAIL;
  const dom = l2.epDomain[ep]!;
  if (l2.domainComplex[dom]) return UNSURE;
  const y = answer(ctx, dom, nh);
  if (y < 0) return y;
  if (l2.epLink[y]!.ns === l2.epLink[ep]!.ns) return UNSURE;
  if (answer(ctx, dom, sip) !== ep) return UNSURE;
  return y;
}

/** The next endpoint of a hop (cached in the template when it is a gateway). */
export function nextOf(ctx: ReachContext, t: Tmpl, a: Ip4): number {
  if (t.gw < 0) return resolve(ctx, t.ep, a, t.sip);
  if (t.next === -3) t.next = resolve(ctx, t.ep, t.gw, t.sip);
  return t.next;
}

/**
 * `resolve` split for direct routes, where the next hop is each destination itself: the
 * requester's part (it can send, its domain is claimed, the answerer's STALE entry for `sip`
 * is what asking would give) is the same for every destination and is checked once per
 * template; the answerer of each destination is then per (domain, destination).
 */
export function requesterOk(ctx: ReachContext, t: Tmpl): number {
  const l2 = ctx.l2;
  if (!l2.epSends[t.ep]) return FAIL;
  const dom = l2.epDomain[t.ep]!;
  if (l2.domainComplex[dom]) return UNSURE;
  if (answer(ctx, dom, t.sip) !== t.ep) return UNSURE;
  return 0;
}
