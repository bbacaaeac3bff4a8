/**
 * `ip -6 rule add|del` (fib_rules.c with fib6_rules.c: the first custom rule switches the
 * lookup from "local then main" to the rules) and `ip -6 neigh add|replace|change|del [proxy]`
 * (neighbour.c neigh_add/neigh_delete over nd_tbl; a proxy entry is a pneigh entry, which
 * the device answers neighbour solicitations for when proxy_ndp is on).
 */
import { neighKey6, type Rule6 } from '../model/ipv6/inet6-ns.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { Neigh6Op, Rule6Op } from './op.js';

type Sel = { addr: bigint; len: number } | null;

function sameSel(a: Sel, b: Sel): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.addr === b.addr && a.len === b.len);
}

export function applyRule6(ctx: OpContext, op: Rule6Op): void {
  const n = ctx.ns.inet6;
  // fib_nl2rule: a mark given alone is matched whole; a mark of 0 alone matches every flow
  const fwmark = op.fwmark ?? 0;
  const fwmask = op.fwmask ?? (fwmark ? 0xffffffff : 0);
  if (op.del) {
    // rule_find: a field the command left out matches any value
    const i = n.rules.findIndex(
      (r) =>
        (op.priority === null || r.priority === op.priority) &&
        (op.table === null || op.table === 0 || r.table === op.table) &&
        (op.src === null || sameSel(r.src, op.src)) &&
        (op.dst === null || sameSel(r.dst, op.dst)) &&
        (op.iif === null || r.iif === op.iif) &&
        (op.oif === null || r.oif === op.oif) &&
        (!op.actionGiven || r.action === op.action) &&
        (!fwmark || (r.fwmark ?? 0) === fwmark) &&
        (!fwmask || (r.fwmask ?? 0) === fwmask) &&
        (op.suppressPrefixlen === undefined || r.suppressPrefixlen === op.suppressPrefixlen),
    );
    if (i < 0) throw rtnetlinkError(ERRNO.ENOENT);
    n.rules.splice(i, 1);
    ctx.ns.touch();
    return;
  }
  let priority = op.priority;
  if (priority === null) {
    const nz = n.rules.find((r) => r.priority > 0);
    priority = nz ? nz.priority - 1 : 0;
  }
  // fib_nl2rule_rtnl: backward jumps are refused, so a lookup always ends
  if (op.action === 'goto' && op.goto !== undefined && op.goto <= priority) throw kernelError('Backward goto not supported');
  const rule: Rule6 = {
    priority,
    table: op.table ?? 254,
    src: op.src,
    dst: op.dst,
    iif: op.iif,
    oif: op.oif,
    action: op.action,
    protocol: 0,
    ...(fwmark || fwmask ? { fwmark, fwmask } : {}),
    ...(op.not ? { not: true } : {}),
    ...(op.goto !== undefined ? { goto: op.goto } : {}),
    ...(op.suppressPrefixlen !== undefined ? { suppressPrefixlen: op.suppressPrefixlen } : {}),
  };
  const dup = n.rules.some(
    (r) =>
      r.priority === rule.priority &&
      r.table === rule.table &&
      r.action === rule.action &&
      sameSel(r.src, rule.src) &&
      sameSel(r.dst, rule.dst) &&
      r.iif === rule.iif &&
      r.oif === rule.oif &&
      (r.fwmark ?? 0) === (rule.fwmark ?? 0) &&
      (r.fwmask ?? 0) === (rule.fwmask ?? 0) &&
      r.suppressPrefixlen === rule.suppressPrefixlen &&
      r.goto === rule.goto &&
      (r.protocol ?? 0) === 0,
  );
  if (dup) throw rtnetlinkError(ERRNO.EEXIST);
  // rules of one priority keep the order they were added in
  let at = n.rules.findIndex((r) => r.priority > priority);
  if (at < 0) at = n.rules.length;
  n.rules.splice(at, 0, rule);
  n.customRules = true;
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
