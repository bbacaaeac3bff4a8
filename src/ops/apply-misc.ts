/** Policy rules, static neighbours and bridge FDB entries. */
import type { FdbEntry, Link } from '../model/link.js';
import type { Rule } from '../model/rule.js';
import { KINDS } from '../model/kinds/index.js';
import { findDev, type OpContext } from './context.js';
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';
import { applyRuleOp } from './apply-rules.js';
import type { FdbOp, NeighOp, NeighProxyOp, RuleAddOp } from './op.js';
import { pneighFind } from '../model/proxy-arp.js';

export function applyRule(ctx: OpContext, op: RuleAddOp): void {
  applyRuleOp<number, Rule>(ctx.ns.rules, op);
  if (!op.del) ctx.ns.customRules = true;
  ctx.ns.touch();
}

export function applyNeigh(ctx: OpContext, op: NeighOp): void {
  const dev = findDev(ctx, op.dev);
  const key = `${dev.ifindex}:${op.dst}`;
  const exists = ctx.ns.staticNeigh.has(key) || op.learnt === true;
  if (op.mode === 'del') {
    if (!exists) throw rtnetlinkError(ERRNO.ENOENT);
    ctx.ns.staticNeigh.delete(key);
    if (op.learnt) ctx.ns.neighForgets.push({ dev, ip: op.dst });
  } else {
    if (op.mode === 'add' && exists) throw rtnetlinkError(ERRNO.EEXIST);
    if (op.mode === 'change' && !exists) throw rtnetlinkError(ERRNO.ENOENT);
    // __neigh_update: a device that resolves addresses needs one, unless the entry has it
    const arp = KINDS[dev.kind].type === 'ether' && !dev.noarp;
    const lladdr = op.lladdr ?? ctx.ns.staticNeigh.get(key)?.lladdr ?? null;
    if (arp && lladdr === null) throw kernelError('No link layer address given');
    ctx.ns.staticNeigh.set(key, { dev, ip: op.dst, lladdr, state: op.state });
    // the entry the system learnt is now the one set by hand
    if (op.learnt) ctx.ns.neighForgets.push({ dev, ip: op.dst });
  }
  ctx.ns.touch();
}

/**
 * neigh_add / neigh_delete with NTF_PROXY: an existing entry takes the new flags (add, replace
 * and change alike, never EEXIST); a new one is created; a delete needs the exact device.
 */
export function applyNeighProxy(ctx: OpContext, op: NeighProxyOp): void {
  const ns = ctx.ns;
  const dev = op.dev !== null ? findDev(ctx, op.dev) : null;
  const pn = pneighFind(ns, op.dst, dev);
  if (op.mode === 'del') {
    if (!pn) throw rtnetlinkError(ERRNO.ENOENT);
    ns.proxyNeigh = ns.proxyNeigh.filter((p) => p !== pn);
  } else if (pn) {
    pn.router = op.router;
  } else {
    ns.proxyNeigh.push({ ip: op.dst, dev, router: op.router });
  }
  ns.touch();
}

/**
 * rtnl_fdb_add / rtnl_fdb_del: `master` entries go to the port's bridge (br_fdb_add), `self`
 * entries to the device: a VXLAN device's own table of remotes (vxlan_fdb_add/delete), or
 * the unicast address list of any other Ethernet device (ndo_dflt_fdb_add).
 */
export function applyFdb(ctx: OpContext, op: FdbOp): void {
  const dev = findDev(ctx, op.dev);
  const del = op.mode === 'del';
  if (KINDS[dev.kind].type !== 'ether') {
    throw kernelError(`FDB ${del ? 'delete' : 'add'} only supported for Ethernet devices`);
  }
  if (op.master && (!dev.master || dev.master.kind !== 'bridge')) throw rtnetlinkError(ERRNO.EOPNOTSUPP);
  const made = !op.master && dev.kind === 'vxlan' ? (applyVxlanFdb(dev, op), null) : applyAddrFdb(dev, op);
  dev.ns.touch();
  // fdb_create: the bridge lists its entries newest first
  if (made) made.seq = dev.ns.host.lab.version;
}

const ZERO = '00:00:00:00:00:00';

function isMulticastMac(mac: string): boolean {
  return (parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** vxlan_fdb_update / __vxlan_fdb_delete: one entry per MAC, each with a list of remotes. */
function applyVxlanFdb(dev: Link, op: FdbOp): void {
  const remotes = dev.fdb.filter((e) => e.mac === op.mac);
  if (op.mode === 'del') {
    if (remotes.length === 0) throw rtnetlinkError(ERRNO.ENOENT);
    // a dst that is not there is quietly ignored; the last remote takes the entry with it
    const gone = op.dst === null ? remotes : remotes.filter((e) => e.dst === op.dst);
    dev.fdb = dev.fdb.filter((e) => !gone.includes(e));
    return;
  }
  if (op.dst === null) throw rtnetlinkError(ERRNO.EINVAL);
  // the version the add's touch is about to make: an entry learnt before it is older
  const entry = { mac: op.mac, dst: op.dst, permanent: op.permanent, seq: dev.ns.host.lab.version + 1 };
  if (remotes.length === 0) {
    dev.fdb.push(entry);
    return;
  }
  if (op.mode === 'add') throw rtnetlinkError(ERRNO.EEXIST);
  const nonUnicast = op.mac === ZERO || isMulticastMac(op.mac);
  if (op.mode === 'replace') {
    if (nonUnicast) throw kernelError('Cannot replace non-unicast fdb entries');
    remotes[0].dst = op.dst;
    return;
  }
  // append: only the all-zeros and multicast entries take more remotes; a known one is a no-op
  if (nonUnicast && !remotes.some((e) => e.dst === op.dst)) {
    const last = dev.fdb.lastIndexOf(remotes[remotes.length - 1]);
    dev.fdb.splice(last + 1, 0, entry);
  }
}

/**
 * br_fdb_add / ndo_dflt_fdb_add: static addresses, one per MAC, dup refused only by `add`.
 * A `master` entry is local (NUD_PERMANENT: frames to it go up to the bridge) or static. The
 * bridge keeps one entry per MAC: a MAC it learned is there already (`add` finds it, `append`
 * or `replace` turn it into the added entry where it stands, `del` on its port deletes it).
 */
function applyAddrFdb(dev: Link, op: FdbOp): FdbEntry | null {
  const master = op.master === true;
  const i = dev.fdb.findIndex((e) => e.mac === op.mac && (e.master === true) === master);
  const learned = master && i < 0 ? op.learned : undefined;
  if (op.mode === 'del') {
    const moved = master ? op.learned : undefined;
    if (moved?.moved) {
      // a static entry learning moved: it is the kernel's entry on the port it points to now
      if (moved.port !== dev.name) throw rtnetlinkError(ERRNO.ENOENT);
      for (const p of dev.ns.linkList()) {
        const k = p.master === dev.master ? p.fdb.findIndex((e) => e.master && e.mac === op.mac) : -1;
        if (k >= 0) p.fdb.splice(k, 1);
      }
      return null;
    }
    if (learned && learned.port === dev.name) {
      const br = dev.master!.bridge!;
      dev.ns.touch();
      (br.forgotten ??= new Map()).set(op.mac, dev.ns.host.lab.version);
      return null;
    }
    if (i < 0) throw rtnetlinkError(ERRNO.ENOENT);
    dev.fdb.splice(i, 1);
    return null;
  }
  if (learned && op.mode === 'add') throw rtnetlinkError(ERRNO.EEXIST);
  if ((master || dev.kind === 'bridge') && op.mac === ZERO) throw rtnetlinkError(ERRNO.EINVAL);
  if (i >= 0) {
    if (op.mode === 'add') throw rtnetlinkError(ERRNO.EEXIST);
    // fdb_add_entry without NLM_F_EXCL: the entry takes the new state where it stands
    const old = dev.fdb[i]!;
    if (master) {
      old.permanent = op.permanent;
      if (op.permanent) delete old.static;
      else old.static = true;
    }
    return null;
  }
  const e: FdbEntry = { mac: op.mac, dst: op.dst, permanent: op.permanent, ...(master ? { master: true } : {}), ...(master && !op.permanent ? { static: true } : {}) };
  dev.fdb.push(e);
  if (learned) {
    // the learned entry becomes this one: it keeps its place in the bridge's list
    e.seq = learned.seq;
    return null;
  }
  return e;
}
