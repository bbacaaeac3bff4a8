/**
 * A router advertisement received (net/ipv6/ndisc.c ndisc_router_discovery; RFC 4861 §6.1.2):
 * - dropped unless its source is link-local (the hop limit of 255 was checked by ndisc_rcv);
 * - a device that does not take RAs (accept_ra 0, or 1 while forwarding: acceptsRa) looks at
 *   nothing but the source link-layer address option;
 * - otherwise the default router and the hop limit (unless the RA comes from one of the
 *   namespace's own addresses and accept_ra_from_local is 0), then the prefixes with
 *   accept_ra_pinfo (src/model/ipv6/addrconf-ra.ts); router solicitations stop (IF_RA_RCVD);
 * - a source link-layer address option enters the router STALE, flagged `router`.
 * Route information and MTU options are not modelled (the RA sender does not produce them).
 */
import { raDefaultRouter, raPrefix, type RaInfo } from '../../src/model/ipv6/addrconf-ra.js';
import { acceptsRa } from '../../src/model/ipv6/conf6.js';
import type { RoutePref } from '../../src/model/ipv6/fib6.js';
import { formatIp6, isIp6LinkLocal } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import { neighEventNs, neighLookup } from '../neighbor.js';
import type { NsState } from '../ns-state.js';
import type { Ip6Packet } from '../packet.js';
import type { Simulator } from '../simulator.js';
import type { NdpRaRepr } from '../wire/icmpv6.js';

/** The devices that received an RA since they last started soliciting (IF_RA_RCVD). */
export const raReceived = new WeakSet<Link>();

/** RFC 4191's two-bit preference; the reserved value (2) reads as medium. */
function prefOf(prf: number): RoutePref {
  return prf === 1 ? 'high' : prf === 3 ? 'low' : 'medium';
}

/** ndisc_router_discovery: router advertisement `m` arrived on `dev` in packet `pkt`. */
export function ndiscRouterDiscovery(sim: Simulator, st: NsState, dev: Link, pkt: Ip6Packet, m: NdpRaRepr): void {
  const src = pkt.ip6.src;
  if (!isIp6LinkLocal(src)) {
    if (sim.tracer) sim.stepDrop(st.ns, 'not-for-us', `router advertisement from ${formatIp6(src)} on ${dev.name}: source is not link-local`);
    return;
  }
  const accept = acceptsRa(dev.inet6.conf) && dev.kind !== 'loopback';
  if (sim.tracer) sim.step(st.ns, 'ndisc', `${dev.name}: router advertisement from ${formatIp6(src)}${accept ? '' : ' ignored (accept_ra, forwarding)'}`);
  if (accept) {
    raReceived.add(dev);
    const own = st.ns.linkList().some((l) => l.inet6.addrs.some((a) => a.addr === src));
    if (dev.inet6.conf.accept_ra_from_local || !own) {
      const ra: RaInfo = { router: src, curHopLimit: m.curHopLimit, routerLifetime: m.routerLifetime, pref: prefOf(m.prf) };
      raDefaultRouter(dev, ra);
    }
  }
  if (m.slla) {
    neighEventNs(sim, st, dev, src, m.slla);
    const e = neighLookup(st, dev, src);
    if (e) e.router = true;
  }
  if (!accept) return;
  if (!dev.inet6.conf.accept_ra_pinfo) return;
  for (const p of m.prefixes) raPrefix(dev, { prefix: p.prefix, prefixLen: p.len, onLink: p.onLink, autonomous: p.autonomous, validLft: p.validLft, preferredLft: p.preferredLft });
}
