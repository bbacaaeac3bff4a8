/**
 * Op constructors for the typed API, presets and generators: the same Ops the iproute2 parser
 * produces, with defaults filled in. Text arguments are checked at once, naming the function.
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

export function veth(name: string, peer: string, peerNetns: string | null = null, netns: string | null = null): LinkAddOp {
  return { ...baseAdd(name, 'veth'), netns, peer: { name: peer, netns: peerNetns, mtu: null, address: null } };
}

export function bridge(name: string): LinkAddOp {
  return baseAdd(name, 'bridge');
}

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

export function addr(dev: string, cidr: string): AddrAddOp {
  const p = parsePrefix(cidr);
  if (!p || p.keyword) throw new Error(`addr: "${cidr}" is not an IPv4 address with a prefix length`);
  return { op: 'addr.add', mode: 'add', dev, local: p.addr, prefixLen: p.len, peer: null, broadcast: null, scope: null, label: null, noprefixroute: false, metric: null };
}

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
