/**
 * `ip -6 addr add|replace|change|del` (net/ipv6/addrconf.c inet6_rtm_newaddr, inet6_addr_add,
 * ipv6_add_addr, inet6_addr_modify, inet6_rtm_deladdr), with the kernel's refusals in its
 * order; the side effects (routes, DAD) are addrconf's.
 */
import { addAddress6, deleteAddress6, modifyAddress6, type Addr6Config } from '../model/ipv6/addrconf.js';
import { IP6_LOOPBACK, isIp6Multicast } from '../model/ipv6/ip6.js';
import { IFA6 } from '../model/ipv6/inet6-dev.js';
import { kernelError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { Addr6AddOp, Addr6DelOp } from './op.js';

export function applyAddr6Add(ctx: OpContext, op: Addr6AddOp): void {
  const l = findDev(ctx, op.dev);
  const cfg: Addr6Config = {
    addr: op.addr,
    prefixLen: op.prefixLen,
    peer: op.peer,
    flags: op.flags,
    validLft: op.validLft,
    preferredLft: op.preferredLft,
    metric: op.metric ?? 0,
  };
  if (cfg.flags & IFA6.NODAD && cfg.flags & IFA6.OPTIMISTIC && (l.inet6.conf.optimistic_dad || l.ns.inet6.all.optimistic_dad)) {
    throw kernelError('IFA_F_NODAD and IFA_F_OPTIMISTIC are mutually exclusive');
  }
  const existing = l.inet6.addrs.find((a) => a.addr === op.addr);
  if (existing) {
    if (op.mode === 'add') throw kernelError('ipv6: address already assigned');
    modifyAddress6(l, existing, cfg);
    return;
  }
  // ipv6_add_addr
  if (op.addr === 0n) throw kernelError('ipv6: Invalid address');
  if (isIp6Multicast(op.addr)) throw kernelError('ipv6: Cannot assign multicast address without "IFA_F_MCAUTOJOIN" flag');
  if (op.addr === IP6_LOOPBACK && l.kind !== 'loopback') throw kernelError('ipv6: Cannot assign loopback address on this device');
  if (l.inet6.conf.disable_ipv6) throw kernelError('ipv6: IPv6 is disabled on this device');
  addAddress6(l, cfg);
}

export function applyAddr6Del(ctx: OpContext, op: Addr6DelOp): void {
  const l = findDev(ctx, op.dev);
  const a = l.inet6.addrs.find((x) => x.addr === op.addr && x.prefixLen === op.prefixLen);
  if (!a) throw kernelError('ipv6: address not found');
  deleteAddress6(l, a);
}
