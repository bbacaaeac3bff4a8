/** addr add / del / flush (net/ipv4/devinet.c inet_rtm_newaddr, inet_rtm_deladdr). */
import { SCOPE, type Addr } from '../model/address.js';
import { checkNewAddress, insertAddress, primaryOf } from '../model/device.js';
import { fibDelIfaddr } from '../model/fib-events.js';
import { broadcastOf, inPrefix, maskOf, networkOf } from '../model/ip.js';
import type { Link } from '../model/link.js';
import { kernelError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { AddrAddOp, AddrDelOp, AddrFlushOp } from './op.js';

export function applyAddrAdd(ctx: OpContext, op: AddrAddOp): void {
  const l = findDev(ctx, op.dev);
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

/** Deletes one address; a primary takes the secondaries of its subnet with it (promote_secondaries=0). */
export function deleteAddress(l: Link, a: Addr): void {
  if (!a.secondary) {
    for (const s of l.addrs.filter((x) => x.secondary && x.prefixLen === a.prefixLen && inPrefix(x.address, a.address, a.prefixLen))) {
      const prim = primaryOf(l, s);
      l.addrs.splice(l.addrs.indexOf(s), 1);
      fibDelIfaddr(l, s, prim);
    }
  }
  const prim = primaryOf(l, a);
  l.addrs.splice(l.addrs.indexOf(a), 1);
  fibDelIfaddr(l, a, prim);
}

export function applyAddrDel(ctx: OpContext, op: AddrDelOp): void {
  const l = findDev(ctx, op.dev);
  const a = l.addrs.find(
    (x) =>
      x.local === op.local &&
      (op.prefixLen === null || (x.prefixLen === op.prefixLen && ((x.address ^ (op.peer ?? op.local)) & maskOf(x.prefixLen)) === 0)),
  );
  if (!a) throw kernelError('ipv4: Address not found');
  deleteAddress(l, a);
}

export function applyAddrFlush(ctx: OpContext, op: AddrFlushOp): void {
  const links = op.dev !== null ? [findDev(ctx, op.dev)] : ctx.ns.linkList();
  for (const l of links) {
    for (const a of [...l.addrs]) {
      if (!l.addrs.includes(a)) continue;
      if (op.scope !== null && a.scope !== op.scope) continue;
      if (op.to && !inPrefix(a.local, op.to.addr, op.to.len)) continue;
      deleteAddress(l, a);
    }
  }
}
