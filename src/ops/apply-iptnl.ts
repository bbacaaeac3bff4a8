/**
 * IPv4 tunnels (net/ipv4/ip_tunnel.c ip_tunnel_newlink, ip_tunnel_changelink,
 * ip_tunnel_bind_dev, __ip_tunnel_change_mtu; net/ipv6/sit.c alike), as Linux 6.1 makes them:
 * one tunnel per kind, ends and key in a namespace (EEXIST otherwise); the MTU of the device
 * the route to the remote leaves by (1500 without one) less the outer headers; POINTOPOINT
 * with a remote; a change that would turn a point-to-point tunnel into a broadcast one (or
 * back) is EINVAL.
 */
import { createLink, linkUp, setMaster } from '../model/device.js';
import { fibView } from '../model/fib-lookup.js';
import { isMulticast } from '../model/ip.js';
import type { IpTunnelInfo, Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { routeOutput } from '../model/route-output.js';
import type { OpContext } from './context.js';
import { ERRNO, rtnetlinkError } from './errors.js';
import type { IpTunnelSpec, LinkAddOp } from './op.js';

type TunnelKind = 'ipip' | 'gre' | 'sit';

/** IP_MAX_MTU, and ETH_DATA_LEN (a tunnel bound to no device) */
const IP_MAX_MTU = 0xffff;
const ETH_DATA_LEN = 1500;
const IPV4_MIN_MTU = 68;
const IPV6_MIN_MTU = 1280;

/** t_hlen: the outer IPv4 header, and GRE's 4 bytes plus 4 for a key. */
export function tunnelHeaderLen(kind: TunnelKind, t: IpTunnelInfo): number {
  return 20 + (kind === 'gre' ? 4 + (t.okey !== null ? 4 : 0) : 0);
}

/** ip_tunnel_key_match and the ends: does `t` take the place `p` asks for? */
function sameTunnel(t: IpTunnelInfo, p: IpTunnelInfo, kind: TunnelKind): boolean {
  if (t.local !== p.local || t.remote !== p.remote) return false;
  // sit has no keys; GRE's match when both have one and it is the same, or neither has
  return kind !== 'gre' || (t.ikey === null ? p.ikey === null : p.ikey === t.ikey);
}

function findTunnel(ns: Netns, kind: TunnelKind, p: IpTunnelInfo): Link | undefined {
  return ns.linkList().find((l) => l.kind === kind && l.iptnl && sameTunnel(l.iptnl, p, kind));
}

/** ip_tunnel_bind_dev: the MTU a tunnel gets from the device its remote is reached by. */
function boundMtu(ns: Netns, kind: TunnelKind, t: IpTunnelInfo): number {
  let mtu = ETH_DATA_LEN;
  if (t.remote) {
    const r = routeOutput(fibView(ns), { dst: t.remote, src: t.local, oif: null });
    if (r.ok) mtu = Math.min(r.rt.dev.mtu, IP_MAX_MTU);
  }
  mtu -= tunnelHeaderLen(kind, t);
  return Math.max(mtu, kind === 'sit' ? IPV6_MIN_MTU : IPV4_MIN_MTU);
}

function settings(s: IpTunnelSpec | null | undefined): IpTunnelInfo {
  return { local: s?.local ?? 0, remote: s?.remote ?? 0, ttl: s?.ttl ?? 0, pmtudisc: s?.pmtudisc ?? true, ikey: s?.ikey ?? null, okey: s?.okey ?? null };
}

export function applyIpTunnelAdd(_ctx: OpContext, ns: Netns, op: LinkAddOp, kind: TunnelKind, master: Link | null): void {
  const t = settings(op.iptnl);
  if (findTunnel(ns, kind, t)) throw rtnetlinkError(ERRNO.EEXIST);
  const name = op.name ?? freeName(ns, kind);
  const l = createLink(ns, name, kind);
  l.iptnl = t;
  l.pointopoint = t.remote !== 0 && !isMulticast(t.remote);
  const max = IP_MAX_MTU - tunnelHeaderLen(kind, t);
  // ip_tunnel_newlink: a given MTU is clamped to what the tunnel can carry
  l.mtu = op.mtu !== null ? Math.min(Math.max(op.mtu, IPV4_MIN_MTU), max) : boundMtu(ns, kind, t);
  if (op.txqlen !== null) l.txqlen = op.txqlen;
  if (master) setMaster(l, master);
  if (op.up) linkUp(l);
}

/** The kernel's names for a tunnel made without one: tunl%d, gre%d, sit%d. */
function freeName(ns: Netns, kind: TunnelKind): string {
  const base = kind === 'ipip' ? 'tunl' : kind;
  for (let i = 0; ; i++) if (!ns.linkByName(`${base}${i}`)) return `${base}${i}`;
}

/** ip_tunnel_changelink: the settings given replace the device's (iproute2 sends the others as they are). */
export function applyIpTunnelChange(l: Link, s: IpTunnelSpec): void {
  const kind = l.kind as TunnelKind;
  const old = l.iptnl!;
  const p: IpTunnelInfo = {
    local: s.local ?? old.local,
    remote: s.remote ?? old.remote,
    ttl: s.ttl ?? old.ttl,
    pmtudisc: s.pmtudisc ?? old.pmtudisc,
    ikey: s.ikey !== undefined ? s.ikey : old.ikey,
    okey: s.okey !== undefined ? s.okey : old.okey,
  };
  const other = findTunnel(l.ns, kind, p);
  if (other && other !== l) throw rtnetlinkError(ERRNO.EEXIST);
  if (!other && kind !== 'sit' && (p.remote !== 0 && !isMulticast(p.remote)) !== l.pointopoint) throw rtnetlinkError(ERRNO.EINVAL);
  l.iptnl = p;
  l.ns.touch();
}

/** __ip_tunnel_change_mtu (strict): 68 … IP_MAX_MTU less the outer headers, else EINVAL. */
export function checkIpTunnelMtu(l: Link, mtu: number): void {
  if (!l.iptnl || l.kind === 'sit') return;
  if (mtu < IPV4_MIN_MTU || mtu > IP_MAX_MTU - tunnelHeaderLen(l.kind as TunnelKind, l.iptnl)) throw rtnetlinkError(ERRNO.EINVAL);
}
