/**
 * IPv4 tunnels' data path (RFC 2003 IP in IP, RFC 2784/2890 GRE with a key, RFC 4213 sit;
 * net/ipv4/ip_tunnel.c ip_tunnel_xmit and ip_tunnel_rcv/ip_tunnel_lookup, ipip.c, ip_gre.c,
 * net/ipv6/sit.c). Transmit: what the tunnel is given goes out in an outer IPv4 packet from
 * `local` (or the address the route gives) to `remote`, routed over the namespace's underlay,
 * with the tunnel's TTL (`inherit`: the inner packet's), DF when `pmtudisc`, and the GRE key.
 * Receive: an outer packet of the tunnel's protocol for this host goes to the tunnel that is up
 * with those ends (one with any local address after one with both) and, for GRE, that key;
 * its inner packet then enters that tunnel as if received there. No tunnel: dropped (the
 * kernel answers port unreachable, which the sender's tunnel ignores).
 */
import { ip4ToString } from '../src/model/ip.js';
import type { Link, LinkKind } from '../src/model/link.js';
import { routeOutput } from '../src/model/route-output.js';
import type { InetProtocol } from './ip-deliver.js';
import { ipOutput } from './ip-output.js';
import type { Frame, IpPacket } from './packet.js';
import type { Simulator } from './simulator.js';
import { cloneFrame, l3Length } from './tunnel-frame.js';
import { ETHERTYPE } from './wire/ethernet.js';
import { DEFAULT_TTL } from './wire/ipv4.js';

/** The outer IP protocol of each tunnel kind: IPPROTO_IPIP, IPPROTO_GRE, IPPROTO_IPV6. */
export const TUNNEL_PROTO = { ipip: 4, gre: 47, sit: 41 } as const;

const ZERO_MAC = '00:00:00:00:00:00';

/** GRE's header: flags and protocol, and the key when the tunnel has one. */
function greLen(dev: Link): number {
  return 4 + (dev.iptnl!.okey !== null ? 4 : 0);
}

/** ip_tunnel_xmit (ipip_tunnel_xmit, ipgre_xmit, ipip6_tunnel_xmit). */
export function ipTunnelXmit(sim: Simulator, dev: Link, frame: Frame): void {
  const t = dev.iptnl!;
  const kind = dev.kind as keyof typeof TUNNEL_PROTO;
  // ipip carries IPv4 only, sit IPv6 (and IPv4: mode any), GRE either
  const ok = kind === 'ipip' ? !!frame.pkt : kind === 'sit' ? !!(frame.pkt6 || frame.pkt) : !!(frame.pkt || frame.pkt6);
  if (!ok) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'tunnel-unsupported', `${dev.name}: a ${kind} tunnel does not carry this packet`);
    return;
  }
  const st = sim.state(dev.ns);
  const res = routeOutput(st, { dst: t.remote, src: t.local, oif: null });
  if (!res.ok) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-route', `${dev.name}: no route to the tunnel's remote ${ip4ToString(t.remote)} (${res.errno})`);
    return;
  }
  if (res.rt.dev === dev) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'loop', `${dev.name}: the route to the tunnel's remote ${ip4ToString(t.remote)} goes through ${dev.name} itself`);
    return;
  }
  const inner = cloneFrame(frame);
  const innerTtl = inner.pkt ? inner.pkt.ip.ttl : inner.pkt6 ? inner.pkt6.ip6.hopLimit : DEFAULT_TTL;
  const pkt: IpPacket = {
    ip: {
      src: t.local || res.rt.saddr,
      dst: t.remote,
      ttl: t.ttl || innerTtl,
      // sit puts IPv4 in IPPROTO_IPIP (ipip_tunnel_xmit), IPv6 in IPPROTO_IPV6
      protocol: kind === 'sit' && inner.pkt ? TUNNEL_PROTO.ipip : TUNNEL_PROTO[kind],
      id: st.nextIpId(),
      tos: 0,
      df: t.pmtudisc,
      payloadLen: l3Length(inner) + (kind === 'gre' ? greLen(dev) : 0),
    },
    icmp: null,
    udp: null,
    inner,
  };
  if (kind === 'gre' && t.okey !== null) pkt.greKey = t.okey;
  if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: ${kind} to ${ip4ToString(t.remote)} from ${ip4ToString(pkt.ip.src)}${pkt.greKey !== undefined ? ` key ${ip4ToString(pkt.greKey)}` : ''}`);
  ipOutput(sim, st, pkt, res.rt);
}

/** ip_tunnel_lookup: both ends, then a tunnel with any local address, then any remote; GRE's key must match. */
function lookup(links: readonly Link[], kind: LinkKind, pkt: IpPacket): Link | null {
  const remote = pkt.ip.src;
  const local = pkt.ip.dst;
  const live = links.filter((l) => l.kind === kind && l.iptnl && l.up && (kind !== 'gre' || (l.iptnl.ikey ?? null) === (pkt.greKey ?? null)));
  return (
    live.find((l) => l.iptnl!.local === local && l.iptnl!.remote === remote) ??
    live.find((l) => l.iptnl!.local === 0 && l.iptnl!.remote === remote) ??
    live.find((l) => l.iptnl!.local === local && l.iptnl!.remote === 0) ??
    live.find((l) => l.iptnl!.local === 0 && l.iptnl!.remote === 0) ??
    null
  );
}

/** The receive handler of a tunnel kind's protocol (inet_protos[] / xfrm4_tunnel handlers). */
export function ipTunnelRcv(kind: keyof typeof TUNNEL_PROTO): InetProtocol {
  return (sim, st, dev, _iif, pkt) => {
    // tunnel4's handlers for IPPROTO_IPIP: ipip's first, then sit's (IPv4 over a sit tunnel)
    const links = st.ns.linkList();
    const target = lookup(links, kind, pkt) ?? (kind === 'ipip' ? lookup(links, 'sit', pkt) : null);
    const inner = pkt.inner;
    if (!target || !inner || (!inner.pkt && !inner.pkt6)) {
      sim.drop(st.ns, 'no-socket', `${kind} packet from ${ip4ToString(pkt.ip.src)}: no ${kind} tunnel here is up with those ends${kind === 'gre' ? ' and key' : ''}`, pkt, dev);
      return;
    }
    const f = cloneFrame(inner);
    f.eth = { src: ZERO_MAC, dst: ZERO_MAC, ethertype: f.pkt ? ETHERTYPE.ipv4 : ETHERTYPE.ipv6 };
    if (sim.tracer) sim.step(st.ns, 'rx', `${target.name}: ${kind} from ${ip4ToString(pkt.ip.src)} decapsulated`);
    sim.receive(target, f);
  };
}
