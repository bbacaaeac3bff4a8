/**
 * `bridge fdb show` (iproute2 6.1 bridge/fdb.c fdb_show, print_fdb) over the kernel's dump
 * (net/core/rtnetlink.c rtnl_fdb_dump, 6.18), device by device in ifindex order:
 *
 * - a bridge port first lists its bridge's entries that point to it, newest first (the
 *   bridge's fdb_list): its own MAC (`permanent`, made when it joined or changed MAC), entries
 *   added with `master` (`permanent` ones are local to the bridge, `static` ones forward to
 *   the port) and the MACs the bridge learned on it (no state; gone once older than
 *   ageing_time, or when the port stops forwarding);
 * - then the device's own dump: a VXLAN device its table of remotes (vxlan_fdb_dump); any
 *   other Ethernet device its unicast and multicast address lists (ndo_dflt_fdb_dump, `self
 *   permanent`; hw-mc-list.ts says what is in the latter and in which order); a bridge device
 *   adds its own entries (its MAC when no port has it, `master BR permanent`).
 *
 * `br BR` keeps the bridge and its ports; `dev DEV` (or `brport`) keeps one device and drops
 * `dev NAME` from the lines. Kinds whose dump is not modelled make the line "not modelled".
 */
import { formatEither } from '../model/ipv6/either.js';
import { KINDS } from '../model/kinds/index.js';
import type { Link } from '../model/link.js';
import { ZERO_MAC } from '../model/mac.js';
import { hwMcList } from '../model/hw-mc-list.js';
import { localFdbVlans } from '../model/bridge-vlan.js';
import { Argv, duparg, exitWith, getU32, invarg, llNameToIndex, matches, nodevText, notModelled } from './args.js';
import { Gaps, showPlan, type IpPlan } from './plan.js';
import { Printer } from './print.js';
import type { CmdContext, CommandResult } from './types.js';
import { FDB_USAGE } from './usage.js';

/** The output options of `bridge` that fdb show reads. */
export interface FdbShowGlobals {
  json: boolean;
  pretty: boolean;
  stats: number;
  color: boolean;
}

/** One line of the listing. */
interface Row {
  mac: string;
  dst?: string;
  /** the device a VXLAN remote is reached through (remote_ifindex) */
  via?: string;
  self: boolean;
  master?: string;
  state: string;
  /** the VLAN of a local entry for a device's MAC (a kernel built with VLAN filtering) */
  vlan?: number;
}

/** Kinds whose part of the dump the model knows. */
const DUMPED = new Set(['loopback', 'veth', 'bridge', 'vxlan', 'ether']);

function isMulticastMac(mac: string): boolean {
  return (Number.parseInt(mac.slice(0, 2), 16) & 1) === 1;
}

/** The bridge's entries pointing to `port`, newest first (br_fdb_dump with a filter device). */
function portRows(ctx: CmdContext, port: Link): Row[] {
  const br = port.master!;
  const entries: { row: Row; seq: number; serial: number }[] = [];
  const learned = ctx.learnedFdb?.(br) ?? [];
  entries.push({ row: { mac: port.mac, self: false, master: br.name, state: 'permanent' }, seq: port.brSeq ?? 0, serial: 0 });
  // nbp_vlan_add → br_fdb_add_local: the port's MAC once more in each of its VLANs, made after its plain entry
  for (const v of localFdbVlans(port))
    entries.push({ row: { mac: port.mac, self: false, master: br.name, state: 'permanent', vlan: v.vid }, seq: Math.max(v.seq, port.brSeq ?? 0), serial: v.vid / 8192 });
  for (const e of port.fdb) {
    // a static entry learning moved elsewhere is listed under the port it points to now
    if (!e.master || learned.some((l) => l.moved === e)) continue;
    entries.push({ row: { mac: e.mac, self: false, master: br.name, state: e.permanent ? 'permanent' : 'static' }, seq: e.seq ?? 0, serial: 0 });
  }
  for (const e of learned) {
    if (e.port === port) entries.push({ row: { mac: e.mac, self: false, master: br.name, state: e.moved ? 'static' : '' }, seq: e.seq, serial: e.serial });
  }
  entries.sort((a, b) => b.seq - a.seq || b.serial - a.serial);
  return entries.map((e) => e.row);
}

/** ndo_dflt_fdb_dump: the unicast list, then the multicast list. */
function defaultRows(dev: Link, gaps: Gaps): Row[] {
  const rows: Row[] = [];
  if (dev.kind !== 'bridge') {
    for (const e of dev.fdb) {
      if (e.master) continue;
      if (isMulticastMac(e.mac)) gaps.add('multicast addresses added with bridge fdb … self');
      rows.push({ mac: e.mac, self: true, state: 'permanent' });
    }
  }
  for (const mac of hwMcList(dev)) rows.push({ mac, self: true, state: 'permanent' });
  return rows;
}

/** br_fdb_dump without a filter device: the bridge's entries that point to no port. */
function bridgeOwnRows(br: Link, ports: Link[]): Row[] {
  const rows: Row[] = [];
  const own = [...br.fdb].sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0));
  for (const e of own) rows.push({ mac: e.mac, self: false, master: br.name, state: 'permanent' });
  const portVids = (vid: number) => ports.some((p) => p.mac === br.mac && p.brVlans?.vids.has(vid));
  // br_vlan_add / br_fdb_change_mac_address: the bridge's MAC in each of its VLANs no port holds it in, newest first
  const vlans = localFdbVlans(br)
    .filter((v) => !portVids(v.vid))
    .sort((a, b) => b.seq - a.seq || b.vid - a.vid);
  const listed = br.mac !== ZERO_MAC && !ports.some((p) => p.mac === br.mac) && !own.some((e) => e.mac === br.mac);
  if (br.mac !== ZERO_MAC) for (const v of vlans) rows.push({ mac: br.mac, self: false, master: br.name, state: 'permanent', vlan: v.vid });
  if (listed) rows.push({ mac: br.mac, self: false, master: br.name, state: 'permanent' });
  return rows;
}

/**
 * vxlan_fdb_dump: one MAC at a time, newest MAC first (entries added by hand and learnt ones
 * alike), each with its remotes in order; a learnt entry has no state.
 */
function vxlanRows(ctx: CmdContext, dev: Link): Row[] {
  const macs: { mac: string; seq: number; at: number; learnt?: { dst: string } }[] = [];
  for (const e of dev.fdb) if (!macs.some((m) => m.mac === e.mac)) macs.push({ mac: e.mac, seq: e.seq ?? 0, at: macs.length });
  for (const e of ctx.vxlanLearned?.(dev) ?? []) macs.push({ mac: e.mac, seq: e.seq, at: macs.length, learnt: { dst: formatEither(e.dst) } });
  macs.sort((a, b) => b.seq - a.seq || b.at - a.at);
  const rows: Row[] = [];
  for (const m of macs) {
    if (m.learnt) {
      rows.push({ mac: m.mac, dst: m.learnt.dst, self: true, state: '' });
      continue;
    }
    for (const e of dev.fdb.filter((x) => x.mac === m.mac)) {
      rows.push({ mac: m.mac, ...(e.dst !== null ? { dst: formatEither(e.dst) } : {}), ...(e.via ? { via: e.via.name } : {}), self: true, state: e.permanent ? 'permanent' : '' });
    }
  }
  return rows;
}

function render(rows: { row: Row; dev: Link }[], g: FdbShowGlobals, filtered: boolean): CommandResult {
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const { row, dev } of rows) {
    p.openObject();
    p.any('mac', `${row.mac} `, row.mac);
    if (!filtered) {
      p.text('dev ');
      p.any('ifname', `${dev.name} `, dev.name);
    }
    if (row.dst !== undefined) {
      p.text('dst ');
      p.any('dst', `${row.dst} `, row.dst);
    }
    if (row.vlan !== undefined) p.any('vlan', `vlan ${row.vlan} `, row.vlan);
    if (row.via !== undefined) {
      p.text('via ');
      p.any('viaIf', `${row.via} `, row.via);
    }
    p.openArray('flags');
    if (row.self) p.any(null, 'self ', 'self');
    p.closeArray();
    if (row.master !== undefined) {
      p.text('master ');
      p.any('master', `${row.master} `, row.master);
    }
    p.any('state', `${row.state}\n`, row.state);
    p.closeObject();
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** fdb_show(). */
export function fdbShow(ctx: CmdContext, g: FdbShowGlobals, argv: string[]): IpPlan {
  let filterDev: string | null = null;
  let brName: string | null = null;
  const gaps = new Gaps();
  const a = new Argv(argv);
  let vlan = 0;
  while (a.more) {
    const arg = a.cur;
    if (arg === 'brport' || arg === 'dev') {
      filterDev = a.next();
    } else if (arg === 'br') {
      brName = a.next();
    } else if (arg === 'vlan') {
      const v = a.next();
      if (vlan) duparg('vlan', v);
      vlan = Number.parseInt(v, 10) || 0;
      gaps.add('fdb show vlan');
    } else if (arg === 'state') {
      const v = a.next();
      if (!(matches(v, 'permanent') || matches(v, 'static') || matches(v, 'temp') || matches(v, 'stale') || getU32(v) !== null)) {
        invarg('invalid state', v);
      }
      gaps.add('fdb show state');
    } else if (arg === 'dynamic') {
      gaps.add('fdb show dynamic');
    } else if (matches(arg, 'help')) {
      exitWith(FDB_USAGE, 255);
    }
    a.step();
  }
  let br: Link | null = null;
  if (brName !== null) {
    br = llNameToIndex(ctx.ns, brName);
    if (!br) exitWith(`Cannot find bridge device "${brName}"\n`, 255);
  }
  let only: Link | null = null;
  if (filterDev !== null) {
    only = llNameToIndex(ctx.ns, filterDev);
    if (!only) exitWith(nodevText(filterDev), 255);
  }
  if (g.stats) gaps.add('bridge -s fdb show');
  if (g.color) gaps.add('colored output');
  // rtnl_fdb_dump's filters: one device, or a bridge with its ports
  const devs = ctx.ns.linkList().filter((d) => (only === null || d === only) && (br === null || d === br || (d.master === br && br.kind === 'bridge')));
  const rows: { row: Row; dev: Link }[] = [];
  for (const dev of devs) {
    if (!DUMPED.has(dev.kind)) gaps.add(`bridge fdb show of a ${dev.kind} device`);
    if (KINDS[dev.kind].type !== 'ether') continue;
    if (dev.master?.kind === 'bridge') for (const row of portRows(ctx, dev)) rows.push({ row, dev });
    if (dev.kind === 'vxlan') {
      for (const row of vxlanRows(ctx, dev)) rows.push({ row, dev });
      continue;
    }
    if (dev.kind === 'bridge' && dev.bridge!.vlanFiltering) gaps.add('bridge fdb show of a VLAN-filtering bridge');
    for (const row of defaultRows(dev, gaps)) rows.push({ row, dev });
    if (dev.kind === 'bridge') {
      const ports = ctx.ns.linkList().filter((p) => p.master === dev);
      for (const row of bridgeOwnRows(dev, ports)) rows.push({ row, dev });
    }
  }
  // a multicast VXLAN joins its group on the underlay device: that device's list is not modelled
  if (devs.some((d) => d.kind !== 'vxlan') && ctx.ns.linkList().some((d) => d.kind === 'vxlan' && d.vxlan?.group != null)) gaps.add('multicast groups a VXLAN device joined');
  if (gaps.any) notModelled(gaps.text());
  return showPlan(() => render(rows, g, only !== null));
}
