/**
 * Op constructors for the typed API, presets and generators: the same Ops the iproute2 parser
 * produces, with defaults filled in. Text arguments are checked at once, naming the function.
 *
 * @example
 * const ns = new LabModel().addHost('h').root;
 * apply({ ns }, ops.veth('veth0', 'veth1'));
 * apply({ ns }, ops.addr('veth0', '10.0.0.1/24'));
 * apply({ ns }, ops.route('10.9.0.0/16', { via: '10.0.0.254', onlink: true }));
 *
 * @packageDocumentation
 */
import { parseIp4, parsePrefix } from '../model/ip.js';
import type { AddrAddOp, LinkAddOp, LinkSetOp, RouteAddOp } from './op.js';

function ip(fn: string, text: string): number {
  const a = parseIp4(text);
  if (a === null) throw new Error(`${fn}: "${text}" is not an IPv4 address`);
  return a;
}

function baseAdd(name: string, kind: string): LinkAddOp {
  return { op: 'link.add', name, kind, netns: null, mtu: null, address: null, up: false, master: null, txqlen: null, peer: null, vxlan: null, bridge: null };
}

/** `ip link add NAME type veth peer name PEER [netns PEER_NETNS]` (and `netns NETNS` for NAME). */
export function veth(name: string, peer: string, peerNetns: string | null = null, netns: string | null = null): LinkAddOp {
  return { ...baseAdd(name, 'veth'), netns, peer: { name: peer, netns: peerNetns, mtu: null, address: null } };
}

/** `ip link add NAME type bridge` */
export function bridge(name: string): LinkAddOp {
  return baseAdd(name, 'bridge');
}

/** `ip link set DEV [up|down] [master BR] [netns NS] [mtu N] [name NEW]` */
export function linkSet(dev: string, o: { up?: boolean; master?: string; netns?: string; mtu?: number; name?: string }): LinkSetOp {
  return {
    op: 'link.set',
    dev,
    up: o.up ?? null,
    mtu: o.mtu ?? null,
    address: null,
    name: o.name ?? null,
    master: o.master ?? null,
    netns: o.netns ?? null,
    txqlen: null,
    bridge: null,
  };
}

/** `ip addr add A/P dev DEV`; throws when `cidr` is not an address with a prefix length. */
export function addr(dev: string, cidr: string): AddrAddOp {
  const p = parsePrefix(cidr);
  if (!p || p.keyword) throw new Error(`addr: "${cidr}" is not an IPv4 address with a prefix length`);
  return { op: 'addr.add', mode: 'add', dev, local: p.addr, prefixLen: p.len, peer: null, broadcast: null, scope: null, label: null, noprefixroute: false, metric: null };
}

/** `ip route add DST [via GW] [dev DEV] [metric N] [table T] [onlink]`; throws on a bad prefix or gateway. */
export function route(dst: string, o: { via?: string; dev?: string; metric?: number; table?: number; onlink?: boolean; mode?: RouteAddOp['mode'] } = {}): RouteAddOp {
  const p = parsePrefix(dst);
  if (!p) throw new Error(`route: "${dst}" is not a prefix`);
  return {
    op: 'route.add',
    mode: o.mode ?? 'add',
    route: {
      type: 'unicast',
      dst: p.addr,
      dstLen: p.len,
      table: o.table ?? null,
      dev: o.dev ?? null,
      gateway: o.via !== undefined ? ip('route', o.via) : null,
      prefsrc: null,
      metric: o.metric ?? null,
      protocol: null,
      scope: null,
      onlink: o.onlink ?? false,
      tos: 0,
      mtu: null,
    },
  };
}
