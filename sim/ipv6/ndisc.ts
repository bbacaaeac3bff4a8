/**
 * Neighbour discovery (net/ipv6/ndisc.c; RFC 4861, RFC 4862 §5.4 for DAD): solicitations and
 * advertisements with the kernel's rules.
 * - Resolution (ndisc_solicit): a multicast NS to the target's solicited-node group while the
 *   entry is INCOMPLETE, unicast to the cached MAC in PROBE; its source is the queued packet's
 *   when that is a valid address of the device, else the device's link-local (none: no NS).
 * - An NS for a valid address of ours is answered (solicited NA, the override flag only when
 *   the NS was multicast, the router flag when the device forwards) and its sender is entered
 *   STALE; a DAD probe (from `::`) for it is defended with an NA to all-nodes; a DAD probe for
 *   one of our tentative addresses from another node (another nonce) fails our DAD, as does
 *   any NA for it. With proxy_ndp (on `all` or the device) a forwarding device answers for
 *   the addresses of `ip -6 neigh add proxy` entries.
 * - An NA updates an entry that exists (REACHABLE when solicited, else STALE); an unsolicited
 *   one for an address nobody asked about is dropped (accept_untracked_na 0).
 * - A router solicitation reaching a forwarding device enters its sender STALE. Router
 *   advertisements are taken as ndisc-ra.ts says; the kernel sends none itself (radvd, which
 *   would, is not modelled: a lab's RAs come from a tool such as ra6).
 */
import { neighKey6 } from '../../src/model/ipv6/inet6-ns.js';
import { dadFailed } from '../../src/model/ipv6/addrconf.js';
import { addrUsable, IFA6 } from '../../src/model/ipv6/inet6-dev.js';
import { formatIp6, IP6_ALL_NODES, IP6_ALL_ROUTERS, ip6MulticastMac, isIp6LinkLocal, isIp6Multicast, solicitedNode, type Ip6 } from '../../src/model/ipv6/ip6.js';
import { ipv6DevGetSaddr } from '../../src/model/ipv6/source6.js';
import type { Link } from '../../src/model/link.js';
import { ZERO_MAC } from '../../src/model/mac.js';
import { neighEventNs, neighLookup, neighUpdate, type NeighEntry } from '../neighbor.js';
import type { NsState } from '../ns-state.js';
import { icmp6Packet, isIp6Packet, type AnyPacket, type Ip6Packet } from '../packet.js';
import { PARAMS } from '../params.js';
import type { Simulator } from '../simulator.js';
import type { Icmp6Repr } from '../wire/icmpv6.js';
import { neigh6Output, xmit6 } from './ip6-output.js';
import { nfLocalOut6 } from '../netfilter/hook6.js';
import { ndiscRouterDiscovery } from './ndisc-ra.js';

/** Neighbour discovery messages carry hop limit 255 (RFC 4861 §7.1.1: anything else is forged). */
const ND_HOP_LIMIT = 255;

/** The device's MAC for a link-layer address option, or null for a device with none (a tun). */
function lla(dev: Link): string | null {
  return dev.noarp || dev.mac === ZERO_MAC ? null : dev.mac;
}

/** A valid (non-tentative) link-local of the device (ipv6_get_lladdr), or null. */
export function validLinkLocal(dev: Link): Ip6 | null {
  for (const a of dev.inet6.addrs) if (isIp6LinkLocal(a.addr) && addrUsable(a)) return a.addr;
  return null;
}

/** Sends an ND message on `dev`, to a group by its MAC or to a unicast address through the neighbour layer. */
function send(sim: Simulator, st: NsState, dev: Link, src: Ip6, dst: Ip6, m: Icmp6Repr, mac: string | null = null): void {
  const pkt = icmp6Packet(src, dst, ND_HOP_LIMIT, m);
  if (sim.tracer) sim.step(dev.ns, 'ndisc', `${dev.name}: ${ndText(m)} from ${formatIp6(src)} to ${formatIp6(dst)}`);
  // ndisc_send_skb: NF_INET_LOCAL_OUT, then dst_output's POST_ROUTING
  if (!nfLocalOut6(sim, st, pkt, dev)) return;
  if (isIp6Multicast(dst)) xmit6(sim, dev, dev.noarp ? dev.brd : ip6MulticastMac(dst), pkt);
  else if (mac) xmit6(sim, dev, mac, pkt);
  else neigh6Output(sim, st, dev, dst, pkt);
}

function ndText(m: Icmp6Repr): string {
  if (m.type === 135) return `neighbour solicitation for ${formatIp6(m.target)}`;
  if (m.type === 136) return `neighbour advertisement for ${formatIp6(m.target)}${m.solicited ? ' (solicited)' : ''}`;
  if (m.type === 133) return 'router solicitation';
  if (m.type === 134) return 'router advertisement';
  return `ICMPv6 type ${m.type}`;
}

/** ndisc_send_ns for DAD: from `::` to the solicited-node group, no source option. */
export function ndiscSendDadNs(sim: Simulator, st: NsState, dev: Link, target: Ip6, nonce: number): void {
  send(sim, st, dev, 0n, solicitedNode(target), { type: 135, code: 0, target, slla: null, nonce });
}

/** A router advertisement from the device's valid link-local (or `src`) to `dst`, as a tool injects it; false with no source. */
export function ndiscSendRa(sim: Simulator, dev: Link, dst: Ip6, m: Extract<Icmp6Repr, { type: 134 }>, src: Ip6 | null = null): boolean {
  const from = src ?? validLinkLocal(dev);
  if (from === null) return false;
  send(sim, sim.state(dev.ns), dev, from, dst, m);
  return true;
}

/** ndisc_send_rs: from the valid link-local to all-routers (none while it is tentative). */
export function ndiscSendRs(sim: Simulator, st: NsState, dev: Link): boolean {
  const src = validLinkLocal(dev);
  if (src === null) return false;
  send(sim, st, dev, src, IP6_ALL_ROUTERS, { type: 133, code: 0, slla: lla(dev) });
  return true;
}

/** ndisc_solicit: the neighbour layer's probe for entry `e`. */
export function ndiscSolicit(sim: Simulator, st: NsState, e: NeighEntry, hint: AnyPacket | null): void {
  const dev = e.dev;
  const target = e.ip as Ip6;
  let saddr: Ip6 | null = null;
  if (hint && isIp6Packet(hint) && dev.inet6.addrs.some((a) => a.addr === hint.ip6.src && !(a.flags & (IFA6.TENTATIVE | IFA6.OPTIMISTIC)))) saddr = hint.ip6.src;
  saddr ??= validLinkLocal(dev);
  if (saddr === null) {
    if (sim.tracer) sim.step(dev.ns, 'ndisc', `${dev.name}: no valid link-local to solicit ${formatIp6(target)} from`);
    return;
  }
  const unicast = e.probes - PARAMS.neigh.ucastProbes < 0 && e.mac !== null;
  const dst = unicast ? target : solicitedNode(target);
  send(sim, st, dev, saddr, dst, { type: 135, code: 0, target, slla: lla(dev), nonce: 0 }, unicast ? e.mac : null);
}

/**
 * ndisc_send_na from `src` (the target when it is ours, else chosen) to `dst`; the target's
 * link-layer address only with `incOpt` (an answer to a unicast probe leaves it out).
 */
function sendNa(sim: Simulator, st: NsState, dev: Link, src: Ip6 | null, dst: Ip6, target: Ip6, router: boolean, solicited: boolean, override: boolean, incOpt = true): void {
  const from = src ?? ipv6DevGetSaddr(st.ns, dev, dst);
  if (from === null) return;
  send(sim, st, dev, from, dst, { type: 136, code: 0, router, solicited, override, target, tlla: incOpt ? lla(dev) : null });
}

/** ndisc_rcv: the neighbour discovery message of `pkt`, which arrived on `dev`. */
export function ndiscRcv(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet): void {
  const m = pkt.icmp6;
  if (!m || pkt.ip6.hopLimit !== ND_HOP_LIMIT) return;
  if (m.type === 135) recvNs(sim, st, dev, pkt, m);
  else if (m.type === 136) recvNa(sim, st, dev, pkt, m);
  else if (m.type === 133) recvRs(sim, st, dev, pkt, m.slla);
  else if (m.type === 134) ndiscRouterDiscovery(sim, st, dev, pkt, m);
}

function recvNs(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet, m: Extract<Icmp6Repr, { type: 135 }>): void {
  const ns = st.ns;
  const saddr = pkt.ip6.src;
  const daddr = pkt.ip6.dst;
  const dad = saddr === 0n;
  if (isIp6Multicast(m.target)) return;
  if (dad && (daddr !== solicitedNode(m.target) || m.slla)) return;
  const inc = isIp6Multicast(daddr);
  const ifp = dev.inet6.addrs.find((a) => a.addr === m.target);
  let router = !!dev.inet6.conf.forwarding;
  if (ifp) {
    if (ifp.flags & (IFA6.TENTATIVE | IFA6.OPTIMISTIC)) {
      if (dad) {
        if (m.nonce !== 0 && ifp.dadNonce === m.nonce) return;
        if (ifp.flags & IFA6.DADFAILED) return;
        if (sim.tracer) sim.step(ns, 'ndisc', `${dev.name}: another node runs DAD for ${formatIp6(m.target)}: a duplicate`);
        dadFailed(dev, ifp);
        return;
      }
      if (!(ifp.flags & IFA6.OPTIMISTIC)) return;
    }
  } else {
    const c = dev.inet6.conf;
    const proxy = c.forwarding && (ns.inet6.all.proxy_ndp || c.proxy_ndp) && ns.inet6.proxies.has(neighKey6(dev, m.target));
    if (!proxy) return;
    // is_router = pneigh->flags & NTF_ROUTER: an entry added without `router` advertises none
    router = false;
  }
  if (dad) {
    sendNa(sim, st, dev, ifp ? m.target : null, IP6_ALL_NODES, m.target, router, false, ifp !== undefined);
    return;
  }
  if (m.slla) neighEventNs(sim, st, dev, saddr, m.slla);
  sendNa(sim, st, dev, ifp ? m.target : null, saddr, m.target, router, true, ifp !== undefined && inc, inc);
}

function recvNa(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet, m: Extract<Icmp6Repr, { type: 136 }>): void {
  if (isIp6Multicast(m.target)) return;
  if (isIp6Multicast(pkt.ip6.dst) && m.solicited) return;
  const ifp = dev.inet6.addrs.find((a) => a.addr === m.target);
  if (ifp) {
    if (ifp.flags & IFA6.TENTATIVE && !(ifp.flags & IFA6.DADFAILED)) {
      if (sim.tracer) sim.step(st.ns, 'ndisc', `${dev.name}: ${formatIp6(m.target)} is in use by another node: DAD failed`);
      dadFailed(dev, ifp);
    }
    return;
  }
  const e = neighLookup(st, dev, m.target);
  if (!e) {
    if (sim.tracer) sim.stepDrop(st.ns, 'not-for-us', `unsolicited neighbour advertisement for ${formatIp6(m.target)} on ${dev.name} (no entry; accept_untracked_na=0)`);
    return;
  }
  const mac = m.tlla ?? e.mac;
  if (mac === null) return;
  e.router = m.router;
  neighUpdate(sim, st, e, mac, m.solicited ? 'reachable' : 'stale', m.override);
}

function recvRs(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet, slla: string | null): void {
  if (!dev.inet6.conf.forwarding || pkt.ip6.src === 0n || !slla) return;
  neighEventNs(sim, st, dev, pkt.ip6.src, slla);
}
