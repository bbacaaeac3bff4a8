/**
 * `ip -6 rule add|del` (fib_rules.c with fib6_rules.c: the first custom rule switches the
 * lookup from "local then main" to the rules) and `ip -6 neigh add|replace|change|del [proxy]`
 * (neighbour.c neigh_add/neigh_delete over nd_tbl; a proxy entry is a pneigh entry, which
 * the device answers neighbour solicitations for when proxy_ndp is on).
 */
import { neighKey6, type Rule6 } from '../model/ipv6/inet6-ns.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import { applyRuleOp } from './apply-rules.js';
import { findDev, type OpContext } from './context.js';
import type { Neigh6Op, Rule6Op } from './op.js';

export function applyRule6(ctx: OpContext, op: Rule6Op): void {
  // the kernel's IPv6 rules carry their protocol (0: made by a user)
  applyRuleOp<bigint, Rule6>(ctx.ns.inet6.rules, op, { protocol: 0 });
  if (!op.del) ctx.ns.inet6.customRules = true;
  ctx.ns.touch();
}

export function applyNeigh6(ctx: OpContext, op: Neigh6Op): void {
  const dev = findDev(ctx, op.dev);
  const n = ctx.ns.inet6;
  const key = neighKey6(dev, op.dst);
  if (op.proxy) {
    const exists = n.proxies.has(key);
    if (op.mode === 'del') {
      if (!exists) throw rtnetlinkError(ERRNO.ENOENT);
      n.proxies.delete(key);
    } else if (!exists) n.proxies.set(key, { dev, addr: op.dst });
    ctx.ns.touch();
    return;
  }
  const exists = n.neigh.has(key) || op.learnt === true;
  if (op.mode === 'del') {
    if (!exists) throw rtnetlinkError(ERRNO.ENOENT);
    n.neigh.delete(key);
    if (op.learnt) ctx.ns.neighForgets.push({ dev, ip: op.dst });
  } else {
    if (op.mode === 'add' && exists) throw rtnetlinkError(ERRNO.EEXIST);
    if (op.mode === 'change' && !exists) throw rtnetlinkError(ERRNO.ENOENT);
    const resolves = dev.kind !== 'loopback' && !dev.noarp;
    const lladdr = op.lladdr ?? n.neigh.get(key)?.lladdr ?? null;
    if (resolves && lladdr === null) throw kernelError('No link layer address given');
    n.neigh.set(key, { dev, addr: op.dst, lladdr, state: op.state });
    // the entry the system learnt is now the one set by hand
    if (op.learnt) ctx.ns.neighForgets.push({ dev, ip: op.dst });
  }
  ctx.ns.touch();
}
