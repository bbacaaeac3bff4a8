/**
 * The `bridge` command of iproute2 6.1.0 (bridge/bridge.c, fdb.c, link.c): `bridge fdb
 * add|append|replace|del|show` and `bridge link [show]`. Unlike `ip`, its handlers return -1
 * for every failure, kernel refusals included, so almost every error exits 255.
 */
import { portCostOf } from '../model/kinds/index.js';
import { portForwards, type Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import type { FdbOp, LinkSetOp } from '../ops/op.js';
import { parseBridgePortOpts } from './link/parse-bridge-slave.js';
import { Argv, duparg, duparg2, exitWith, getAddr, getU32, invarg, llNameToIndex, matches, netnsByName, nodevText, notModelled, strtoul, type Family } from './args.js';
import { IFF, ifinfo, linkFlags } from './link/ifinfo.js';
import { executePlan, resultOf } from './ip.js';
import { printLinkFlags, printNameAndLink, type ShowCtx } from './link/fields.js';
import { Gaps, donePlan, opsPlan, showPlan, type IpPlan } from './plan.js';
import { Printer } from './print.js';
import type { CmdContext, CommandResult } from './types.js';
import { fdbShow } from './bridge-fdb-show.js';
import { doVlan } from './bridge/vlan.js';
import { BRIDGE_LINK_USAGE, BRIDGE_USAGE, BRIDGE_VERSION, FDB_USAGE } from './usage.js';

/** The global options `bridge` understands. */
export interface BridgeGlobals {
  json: boolean;
  pretty: boolean;
  details: number;
  stats: number;
  oneline: boolean;
  color: boolean;
  family: Family;
  /** -compressvlans: `bridge vlan show` asks for ranges */
  compress: boolean;
}

function parseGlobals(ctx0: CmdContext, argv: string[]): { g: BridgeGlobals; ctx: CmdContext; rest: string[] } {
  const g: BridgeGlobals = { json: false, pretty: false, details: 0, stats: 0, oneline: false, color: false, family: null, compress: false };
  let ctx = ctx0;
  let i = 0;
  while (i < argv.length) {
    let opt = argv[i];
    if (opt === '--') {
      i++;
      break;
    }
    if (opt[0] !== '-') break;
    if (opt[1] === '-') opt = opt.slice(1);
    if (matches(opt, '-help')) {
      exitWith(BRIDGE_USAGE, 255);
    } else if (matches(opt, '-Version')) {
      exitWith('', 0, BRIDGE_VERSION);
    } else if (matches(opt, '-stats') || matches(opt, '-statistics')) {
      g.stats++;
    } else if (matches(opt, '-details')) {
      g.details++;
    } else if (matches(opt, '-oneline')) {
      g.oneline = true;
    } else if (matches(opt, '-timestamp')) {
      // only `bridge monitor` prints timestamps
    } else if (matches(opt, '-family')) {
      i++;
      if (i >= argv.length) exitWith(BRIDGE_USAGE, 255);
      const v = argv[i];
      if (v === 'inet') g.family = 'inet';
      else if (v === 'inet6') g.family = 'inet6';
      else if (v === 'help') exitWith(BRIDGE_USAGE, 255);
      else invarg('invalid protocol family', v);
    } else if (opt === '-4') {
      g.family = 'inet';
    } else if (opt === '-6') {
      g.family = 'inet6';
    } else if (matches(opt, '-netns')) {
      i++;
      const name = argv[i];
      const ns = name === undefined ? null : netnsByName(ctx.ns, name);
      if (!ns) exitWith(`Cannot open network namespace "${name ?? '(null)'}": No such file or directory\n`, 255);
      ctx = { ...ctx, ns };
    } else if (colorOption(opt) !== null) {
      g.color = colorOption(opt)!;
    } else if (matches(opt, '-compressvlans')) {
      g.compress = true;
    } else if (matches(opt, '-force')) {
      // only changes how -batch reacts to errors
    } else if (matches(opt, '-json')) {
      g.json = true;
    } else if (matches(opt, '-pretty')) {
      g.pretty = true;
    } else if (matches(opt, '-batch')) {
      i++;
      if (i >= argv.length) exitWith(BRIDGE_USAGE, 255);
      notModelled('bridge -batch');
    } else {
      exitWith(`Option "${opt}" is unknown, try "bridge help".\n`, 255);
    }
    i++;
  }
  g.color = g.color && !g.json;
  return { g, ctx, rest: argv.slice(i) };
}

function colorOption(opt: string): boolean | null {
  const eq = opt.indexOf('=');
  const name = eq >= 0 ? opt.slice(0, eq) : opt;
  const val = eq >= 0 ? opt.slice(eq + 1) : '';
  if (!matches(name, '-color')) return null;
  if (val === '' || val === 'always') return true;
  if (val === 'auto' || val === 'never') return false;
  return null;
}

/** sscanf("%hhx:%hhx:%hhx:%hhx:%hhx:%hhx") == 6: six hex fields, each kept modulo 256. */
function parseMac(addr: string): string | null {
  const out: number[] = [];
  let rest = addr;
  for (let k = 0; k < 6; k++) {
    const m = /^\s*[+-]?(0[xX])?[0-9a-fA-F]+/.exec(rest);
    if (!m) return null;
    const r = strtoul(m[0], 16);
    const neg = /^\s*-/.test(m[0]);
    let v = Number(r.value & 0xffn);
    if (neg) v = (256 - v) & 0xff;
    out.push(v);
    rest = rest.slice(m[0].length);
    if (k < 5) {
      if (rest[0] !== ':') return null;
      rest = rest.slice(1);
    }
  }
  return out.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

/** fdb_modify(). */
function fdbModify(ctx: CmdContext, g: BridgeGlobals, argv: string[], mode: FdbOp['mode']): IpPlan {
  const gaps = new Gaps();
  let addr: string | null = null;
  let dev: string | null = null;
  let dst: number | bigint | null = null;
  let dstOk = false;
  let self = false;
  let master = false;
  let permanent = false;
  let reachable = false;
  let vid = -1;
  let nhid = 0;
  let port = false;
  let vni = false;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'dev') {
      dev = a.next();
    } else if (arg === 'dst') {
      const v = a.next();
      if (dstOk) duparg2('dst', v);
      const d = getAddr(v, g.family, { v6: true });
      dst = d.family === 'inet6' ? (d.addr6 ?? 0n) : d.addr;
      dstOk = true;
    } else if (arg === 'nhid') {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('"id" value is invalid\n', v);
      nhid = n;
      gaps.add('fdb nhid');
    } else if (arg === 'port') {
      const v = a.next();
      const r = strtoul(v, 0);
      if (r.end !== v.length || v === '') notModelled('fdb port by service name');
      if (r.value > 0xffffn) invarg('invalid port\n', v);
      port = r.value !== 0n;
      gaps.add('fdb port');
    } else if (arg === 'vni' || arg === 'src_vni') {
      const v = a.next();
      const r = strtoul(v, 0);
      if (r.end !== v.length || r.value >> 24n !== 0n) invarg(arg === 'vni' ? 'invalid VNI\n' : 'invalid src VNI\n', v);
      if (arg === 'vni') vni = true;
      gaps.add(`fdb ${arg}`);
    } else if (arg === 'via') {
      const v = a.next();
      if (!llNameToIndex(ctx.ns, v)) exitWith(nodevText(v), 255);
      gaps.add('fdb via');
    } else if (arg === 'self') {
      self = true;
    } else if (matches(arg, 'master')) {
      master = true;
    } else if (matches(arg, 'router')) {
      gaps.add('fdb router');
    } else if (matches(arg, 'local') || matches(arg, 'permanent')) {
      permanent = true;
    } else if (matches(arg, 'temp') || matches(arg, 'static')) {
      reachable = true;
    } else if (matches(arg, 'dynamic')) {
      reachable = true;
      gaps.add('fdb dynamic');
    } else if (matches(arg, 'vlan')) {
      if (vid >= 0) duparg2('vlan', arg);
      vid = Number.parseInt(a.next(), 10) || 0;
      gaps.add('fdb vlan');
    } else if (matches(arg, 'use') || matches(arg, 'extern_learn') || matches(arg, 'sticky')) {
      gaps.add(`fdb ${arg}`);
    } else {
      let v = arg;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) exitWith(FDB_USAGE, 255);
      if (addr !== null) duparg2('to', v);
      addr = v;
    }
    a.step();
  }
  if (dev === null || addr === null) exitWith('Device and address are required arguments.\n', 255);
  if (nhid && (dstOk || port || vni)) exitWith('dst, port, vni are mutually exclusive with nhid\n', 255);
  if (!self && !master) self = true;
  const mac = parseMac(addr);
  if (mac === null) exitWith(`Invalid mac address ${addr}\n`, 255);
  const link = llNameToIndex(ctx.ns, dev);
  if (!link) exitWith(nodevText(dev), 255);
  // NUD_REACHABLE|NUD_NOARP without NUD_PERMANENT: a bridge's static entry (BR_FDB_STATIC)
  const isStatic = reachable && !permanent;
  if (isStatic && !master) gaps.add('fdb entries that are not permanent');
  if (self && master) gaps.add('fdb self and master together');
  // the kernel's entry for a MAC a VXLAN device learnt is the simulator's, which no Op reaches yet
  if (!master && link.kind === 'vxlan' && !link.fdb.some((e) => e.mac === mac) && ctx.vxlanLearned?.(link).some((e) => e.mac === mac)) gaps.add('an entry the VXLAN device learnt');
  if (gaps.any) notModelled(`bridge fdb ${mode}: ${gaps.text()}`);
  const op: FdbOp = { op: 'fdb.add', mode, mac, dev: link.name, dst, master, self, permanent: !isStatic };
  if (master && link.master?.kind === 'bridge') {
    const l = ctx.learnedFdb?.(link.master).find((e) => e.mac === mac);
    if (l) op.learned = { seq: l.seq, port: l.port.name, ...(l.moved ? { moved: true } : {}) };
  }
  return opsPlan([op], '', 255);
}

function doFdb(ctx: CmdContext, g: BridgeGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return fdbShow(ctx, g, []);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'add')) return fdbModify(ctx, g, rest, 'add');
  if (matches(cmd, 'append')) return fdbModify(ctx, g, rest, 'append');
  if (matches(cmd, 'replace')) return fdbModify(ctx, g, rest, 'replace');
  if (matches(cmd, 'delete')) return fdbModify(ctx, g, rest, 'del');
  if (matches(cmd, 'get')) notModelled('bridge fdb get');
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return fdbShow(ctx, g, rest);
  if (cmd === 'flush') notModelled('bridge fdb flush');
  if (matches(cmd, 'help')) exitWith(FDB_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "bridge fdb help".\n` });
}

/** BR_STATE_*: a port forwards once it has carrier and its bridge is up (STP off). */
function portState(p: Link): string {
  return p.master !== null && p.master.up && portForwards(p) ? 'forwarding' : 'disabled';
}

/** br_port_cost: 802.1D's cost for the port's speed (veth, tap: 10 Gb/s; a vxlan its lower device's), 100 when it has none. */
function portCost(p: Link): number {
  return portCostOf(p);
}

const PORT_DETAILS: Array<[string, boolean | number]> = [
  ['guard', false],
  ['root_block', false],
  ['fastleave', false],
  ['learning', true],
  ['flood', true],
  ['mcast_flood', true],
  ['bcast_flood', true],
  ['mcast_router', 1],
  ['mcast_to_unicast', false],
  ['neigh_suppress', false],
  ['vlan_tunnel', false],
  ['isolated', false],
  ['locked', false],
];

/** print_linkinfo() of bridge/link.c for every bridge port of the namespace. */
function renderBridgeLinks(ns: Netns, g: BridgeGlobals, only: Link | null): CommandResult {
  const p = new Printer(g.json, g.pretty);
  const sl = g.oneline ? '\\' : '\n';
  const c: ShowCtx = { p, ns, sl, doLink: true, brief: false, details: g.details > 0, oneline: g.oneline, family: null };
  p.startList();
  // rtnl_bridge_getlink walks the namespace's device list (for_each_netdev_rcu), not the ifindex
  // order `ip link` dumps in: a device is listed in the order it arrived in the namespace
  for (const l of ns.links.values()) {
    if (!l.master || l.master.kind !== 'bridge') continue;
    if (only && l !== only) continue;
    // br_fill_ifinfo sends IFLA_LINK without IFLA_LINK_NETNSID: the peer's index is looked up
    // here, so a veth whose peer lives elsewhere is named after whatever has that index here;
    // and it sends none at all when that index is the device's own
    const full = ifinfo(l, 'full');
    const info = { ...full, iflink: full.iflink === l.ifindex ? null : full.iflink, linkNetnsid: null };
    p.openObject();
    p.any('ifindex', `${l.ifindex}: `, l.ifindex);
    const mdown = printNameAndLink(c, info, null);
    printLinkFlags(c, linkFlags(l) & ~(IFF.PROMISC | IFF.ALLMULTI), mdown);
    p.any('mtu', `mtu ${l.mtu} `, l.mtu);
    p.any('master', `master ${l.master.name} `, l.master.name);
    const state = portState(l);
    p.any('state', `state ${state} `, state);
    p.any('priority', 'priority 32 ', 32);
    const cost = portCost(l);
    p.any('cost', `cost ${cost} `, cost);
    if (g.details) {
      p.text(`${sl}    `);
      p.any('hairpin', `hairpin ${l.hairpin ? 'on' : 'off'} `, l.hairpin ?? false);
      for (const [key, v] of PORT_DETAILS) {
        if (typeof v === 'number') p.any(key, `${key} ${v} `, v);
        else p.any(key, `${key} ${v ? 'on' : 'off'} `, v);
      }
    }
    p.text('\n');
    p.closeObject();
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** brlink_show(). */
function linkShow(ctx: CmdContext, g: BridgeGlobals, argv: string[]): IpPlan {
  let filterDev: string | null = null;
  const a = new Argv(argv);
  while (a.more) {
    if (a.cur === 'dev') {
      const v = a.next();
      if (filterDev !== null) duparg('dev', v);
      filterDev = v;
    }
    a.step();
  }
  let only: Link | null = null;
  if (filterDev !== null) {
    only = llNameToIndex(ctx.ns, filterDev);
    if (!only) exitWith(nodevText(filterDev), 255);
  }
  const ports = ctx.ns.linkList().filter((l) => l.master && l.master.kind === 'bridge');
  if (ports.some((l) => l.master!.bridge!.stp !== 0)) notModelled('bridge link show with STP on');
  if (g.stats) notModelled('bridge -s link show');
  if (g.color) notModelled('colored output');
  return showPlan(() => renderBridgeLinks(ctx.ns, g, only));
}

/**
 * brlink_modify(): `bridge link set dev DEV OPTIONS`, a port's settings (the model keeps
 * `hairpin`); the kernel refuses a device that is not a bridge port (EOPNOTSUPP, exit 255).
 */
function linkSet(ctx: CmdContext, argv: string[]): IpPlan {
  const gaps = new Gaps();
  if (argv[0] !== 'dev' || argv.length < 2) notModelled('bridge link set without dev first');
  const dev = llNameToIndex(ctx.ns, argv[1]!);
  if (!dev) notModelled('bridge link set of a missing device');
  const port = parseBridgePortOpts(argv.slice(2), gaps, 234);
  if (gaps.any) notModelled(`bridge link set: ${gaps.text()}`);
  const op: LinkSetOp = { op: 'link.set', dev: dev.name, up: null, mtu: null, address: null, name: null, master: null, netns: null, txqlen: null, bridge: null, bridgePort: port };
  return opsPlan([op], '', 255);
}

function doLink(ctx: CmdContext, g: BridgeGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return linkShow(ctx, g, []);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ctx, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return linkShow(ctx, g, rest);
  if (matches(cmd, 'help')) exitWith(BRIDGE_LINK_USAGE, 255);
  exitWith(`Command "${cmd}" is unknown, try "bridge link help".\n`, 255);
}

/** bridge.c cmds[], in order. */
const OBJECTS = ['link', 'fdb', 'mdb', 'vlan', 'vni', 'monitor', 'help'];

/** Parses a `bridge` command line (without "bridge") into a plan. Never throws. */
export function parseBridge(ctx: CmdContext, argv: string[]): { plan: IpPlan; ctx: CmdContext } {
  let run = ctx;
  try {
    const { g, ctx: c, rest } = parseGlobals(ctx, argv);
    run = c;
    if (rest.length === 0) exitWith(BRIDGE_USAGE, 255);
    const obj = OBJECTS.find((o) => matches(rest[0], o));
    if (!obj) exitWith(`Object "${rest[0]}" is unknown, try "bridge help".\n`, 255);
    const args = rest.slice(1);
    if (obj === 'link') return { plan: doLink(run, g, args), ctx: run };
    if (obj === 'fdb') return { plan: doFdb(run, g, args), ctx: run };
    if (obj === 'vlan') return { plan: doVlan(run, g, args), ctx: run };
    if (obj === 'help') exitWith(BRIDGE_USAGE, 255);
    notModelled(`bridge ${obj}`);
  } catch (e) {
    return { plan: donePlan(resultOf(e)), ctx: run };
  }
}

/**
 * Runs `bridge ARGV...` against the model, as iproute2 6.1's `bridge` would on Linux.
 * Never throws.
 *
 * @example
 * runBridge(ctx, ['fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx0', 'dst', '10.0.0.2']);
 */
export function runBridge(ctx: CmdContext, argv: string[]): CommandResult {
  const { plan, ctx: run } = parseBridge(ctx, argv);
  return executePlan(run, plan);
}
