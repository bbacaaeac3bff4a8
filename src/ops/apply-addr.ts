/** addr add / del / flush (net/ipv4/devinet.c inet_rtm_newaddr, inet_rtm_deladdr). */
import { SCOPE, type Addr } from '../model/address.js';
import { checkNewAddress, insertAddress, primaryOf } from '../model/device.js';
import { fibAddIfaddr, fibDelIfaddr } from '../model/fib-events.js';
import { addrScope6, deleteAddress6 } from '../model/ipv6/addrconf.js';
import { ip6InPrefix } from '../model/ipv6/ip6.js';
import { broadcastOf, inPrefix, maskOf, networkOf } from '../model/ip.js';
import type { Link } from '../model/link.js';
import { markAllConfSet } from '../model/sysctl.js';
import { kernelError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { AddrAddOp, AddrDelOp, AddrFlushOp } from './op.js';

export function applyAddrAdd(ctx: OpContext, op: AddrAddOp): void {
  const l = findDev(ctx, op.dev);
  // rtm_to_ifaddr marks every conf key of the device as set before the address is checked
  markAllConfSet(l.confSet);
  const address = op.peer ?? op.local;
  let broadcast: number | null = null;
  if (op.broadcast === '+') broadcast = broadcastOf(op.local, op.prefixLen);
  else if (op.broadcast === '-') broadcast = networkOf(op.local, op.prefixLen);
  else if (typeof op.broadcast === 'number') broadcast = op.broadcast;
  const a: Addr = {
    local: op.local,
    address,
    prefixLen: op.prefixLen,
    // iproute2's default_scope: 127/8 is host scope, everything else global
    scope: op.scope ?? (op.local >>> 24 === 127 ? SCOPE.host : SCOPE.global),
    secondary: false,
    label: op.label ?? l.name,
    broadcast,
    noprefixroute: op.noprefixroute,
    metric: op.metric ?? 0,
  };
  if (op.mode !== 'add') {
    const existing = l.addrs.find((x) => x.local === a.local && x.prefixLen === a.prefixLen);
    if (existing) {
      // replace/change update the address in place
      existing.scope = a.scope;
      existing.label = a.label;
      existing.broadcast = a.broadcast;
      existing.metric = a.metric;
      l.ns.touch();
      return;
    }
    // inet_rtm_newaddr ignores NLM_F_CREATE: `change` of a missing address adds it
  }
  const err = checkNewAddress(l, a);
  if (err) throw kernelError(err);
  insertAddress(l, a);
}

/**
 * __inet_del_ifa: deleting a primary takes the secondaries of its subnet with it, unless
 * promote_secondaries is on (conf/all or the device's): then the first of them becomes the
 * primary (moved after the last primary of the same or wider scope that came before it), and
 * it and the others get their routes back with it as their source.
 */
export function deleteAddress(l: Link, a: Addr): void {
  const sameSubnet = (x: Addr) => x.secondary && x.prefixLen === a.prefixLen && inPrefix(x.address, a.address, a.prefixLen);
  let promote: Addr | null = null;
  let prevProm: Addr | null = null;
  let lastPrim: Addr | null = null;
  if (!a.secondary) {
    const doPromote = (l.conf.promote_secondaries || l.ns.all.promote_secondaries) !== 0;
    for (const x of l.addrs.slice(l.addrs.indexOf(a) + 1)) {
      if (!x.secondary && a.scope <= x.scope) lastPrim = x;
      if (!sameSubnet(x)) {
        prevProm = x;
        continue;
      }
      if (doPromote) {
        promote = x;
        break;
      }
      const prim = primaryOf(l, x);
      l.addrs.splice(l.addrs.indexOf(x), 1);
      fibDelIfaddr(l, x, prim);
    }
  }
  const index = l.addrs.indexOf(a);
  const prim = primaryOf(l, a);
  l.addrs.splice(index, 1);
  fibDelIfaddr(l, a, prim);
  if (!promote) return;
  const rest = l.addrs.filter((x) => x !== promote && sameSubnet(x));
  if (prevProm) {
    l.addrs.splice(l.addrs.indexOf(promote), 1);
    l.addrs.splice(lastPrim ? l.addrs.indexOf(lastPrim) + 1 : index, 0, promote);
  }
  promote.secondary = false;
  fibAddIfaddr(l, promote);
  for (const x of rest) fibAddIfaddr(l, x);
}

export function applyAddrDel(ctx: OpContext, op: AddrDelOp): void {
  const l = findDev(ctx, op.dev);
  const a = l.addrs.find(
    (x) =>
      x.local === op.local &&
      (op.label == null || x.label === op.label) &&
      (op.prefixLen === null || (x.prefixLen === op.prefixLen && ((x.address ^ (op.peer ?? op.local)) & maskOf(x.prefixLen)) === 0)),
  );
  if (!a) throw kernelError('ipv4: Address not found');
  deleteAddress(l, a);
}

/** ipaddr_flush: every address the dump selects, IPv4 first, then IPv6. */
export function applyAddrFlush(ctx: OpContext, op: AddrFlushOp): void {
  const links = op.dev !== null ? [findDev(ctx, op.dev)] : ctx.ns.linkList();
  const to = op.to;
  const family = op.family ?? (to ? (to.addr6 !== undefined ? 'inet6' : 'inet') : null);
  for (const l of links) {
    if (family === 'inet6') continue;
    for (const a of [...l.addrs]) {
      if (!l.addrs.includes(a)) continue;
      if (op.scope !== null && a.scope !== op.scope) continue;
      if (to && !inPrefix(a.local, to.addr, to.len)) continue;
      deleteAddress(l, a);
    }
  }
  if (family === 'inet') return;
  for (const l of links) {
    for (const a of [...l.inet6.addrs]) {
      if (op.scope !== null && addrScope6(a) !== op.scope) continue;
      if (to && to.len > 0 && !ip6InPrefix(a.addr, to.addr6!, to.len)) continue;
      deleteAddress6(l, a);
    }
  }
}
