/** Policy rules, static neighbours and bridge FDB entries. */
import { findDev, type OpContext } from './context.js';
import { ERRNO, rtnetlinkError } from './errors.js';
import type { FdbOp, NeighOp, RuleAddOp } from './op.js';

export function applyRule(ctx: OpContext, op: RuleAddOp): void {
  const ns = ctx.ns;
  const same = (r: (typeof ns.rules)[number]) =>
    (op.priority === null || r.priority === op.priority) &&
    (op.table === null || r.table === op.table) &&
    JSON.stringify(r.src) === JSON.stringify(op.src) &&
    JSON.stringify(r.dst) === JSON.stringify(op.dst) &&
    r.iif === op.iif &&
    r.oif === op.oif;
  if (op.del) {
    const i = ns.rules.findIndex(same);
    if (i < 0) throw rtnetlinkError(ERRNO.ENOENT);
    ns.rules.splice(i, 1);
    ns.touch();
    return;
  }
  // Without a priority the kernel takes one below the first non-zero rule.
  let priority = op.priority;
  if (priority === null) {
    const nz = ns.rules.find((r) => r.priority > 0);
    priority = nz ? nz.priority - 1 : 0;
  }
  const rule = {
    priority,
    table: op.table ?? 254,
    src: op.src,
    dst: op.dst,
    iif: op.iif,
    oif: op.oif,
    action: op.action,
  };
  let i = 0;
  while (i < ns.rules.length && ns.rules[i].priority <= priority) i++;
  ns.rules.splice(i, 0, rule);
  ns.touch();
}

export function applyNeigh(ctx: OpContext, op: NeighOp): void {
  const dev = findDev(ctx, op.dev);
  const key = `${dev.ifindex}:${op.dst}`;
  const exists = ctx.ns.staticNeigh.has(key);
  if (op.mode === 'del') {
    if (!exists) throw rtnetlinkError(ERRNO.ENOENT);
    ctx.ns.staticNeigh.delete(key);
  } else {
    if (op.mode === 'add' && exists) throw rtnetlinkError(ERRNO.EEXIST);
    if (op.mode === 'change' && !exists) throw rtnetlinkError(ERRNO.ENOENT);
    ctx.ns.staticNeigh.set(key, { dev, ip: op.dst, lladdr: op.lladdr, state: op.state });
  }
  ctx.ns.touch();
}

export function applyFdb(ctx: OpContext, op: FdbOp): void {
  const dev = findDev(ctx, op.dev);
  const i = dev.fdb.findIndex((e) => e.mac === op.mac && (op.mode !== 'append' || e.dst === op.dst));
  if (op.mode === 'del') {
    if (i < 0) throw rtnetlinkError(ERRNO.ENOENT);
    dev.fdb.splice(i, 1);
  } else if (op.mode === 'add' && i >= 0) {
    throw rtnetlinkError(ERRNO.EEXIST);
  } else if (op.mode === 'replace' && i >= 0) {
    dev.fdb[i] = { mac: op.mac, dst: op.dst, permanent: op.permanent };
  } else if (op.mode === 'append' && i >= 0) {
    throw rtnetlinkError(ERRNO.EEXIST);
  } else {
    dev.fdb.push({ mac: op.mac, dst: op.dst, permanent: op.permanent });
  }
  dev.ns.touch();
}
