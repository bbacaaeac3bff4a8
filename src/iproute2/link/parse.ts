/**
 * `ip link` (ip/iplink.c of iproute2 6.1.0): add, set/change, delete, show. The argument loop
 * is iplink_parse(), kept in its order so that the same mistakes give the same messages:
 * values are checked as they are read (invarg, exit 255), `master` and `netns` are resolved
 * while parsing, the device itself only after the loop ("Cannot find device", exit 1), and
 * the link type's own options (veth, bridge, vxlan) last.
 */
import type { Link } from '../../model/link.js';
import type { LinkAddOp, LinkDelOp, LinkSetOp } from '../../ops/op.js';
import {
  Argv,
  atoi,
  checkAltifname,
  checkIfname,
  duparg,
  duparg2,
  exitWith,
  formatLladdr,
  getInteger,
  getU32,
  invarg,
  llAddrA2n,
  llNameToIndex,
  matches,
  netnsByName,
  nodevText,
  notModelled,
} from '../args.js';
import { parseBridgeOpts } from './parse-bridge.js';
import { parseVxlanOpts } from './parse-vxlan.js';
import { hasAbsentKindParser, parseAbsentKindOpts } from './parse-absent.js';
import { parseAddrList } from '../addr/parse.js';
import { Gaps, donePlan, opsPlan, type IpPlan } from '../plan.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { LINK_USAGE, VETH_USAGE } from '../usage.js';
import { kernelHasLinkKind } from '../../model/kernel-profile.js';

/** Link kinds with an iproute2 link_util (ip/iplink_*.c); others take no options. */
const HAS_LINK_UTIL = new Set(
  'amt bareudp batadv bond bond_slave bridge bridge_slave can dsa dummy erspan geneve gre gretap gtp hsr ifb ip6erspan ip6gre ip6gretap ip6tnl ipip ipoib ipvlan ipvtap macsec macvlan macvtap netdevsim nlmon rmnet sit team tun vcan veth virt_wifi vlan vrf vrf_slave vti vti6 vxcan vxlan wwan xfrm'.split(
    ' ',
  ),
);

/** link_utils whose options are not parsed at all (no parse_opt): their arguments are ignored. */
const NO_PARSE_OPT = new Set('dummy ifb netdevsim nlmon team vcan virt_wifi tun'.split(' '));

/** Kinds the model creates itself. */
const MODEL_KINDS = new Set(['veth', 'bridge', 'vxlan']);

/** One RTNETLINK link request as iplink_parse() fills it. */
interface LinkReq {
  /** IFF_UP in ifi_change: true for `up`, false for `down` */
  up: boolean | null;
  name: string | null;
  dev: string | null;
  mtu: number | null;
  txqlen: number | null;
  address: number[] | null;
  netns: string | null;
  /** IFLA_MASTER: a device, or 0 for `nomaster` */
  master: Link | 0 | null;
  type: string | null;
  /** index of the first argument after `type KIND` */
  typeArgs: string[];
  /** the resolved device, for requests that change an existing link */
  link: Link | null;
  /** `link DEV`: the lower device (IFLA_LINK), checked to exist */
  lowerDev: string | null;
}

function lookupDev(ctx: CmdContext, name: string): Link | null {
  return llNameToIndex(ctx.ns, name);
}

/** iplink_parse(): the generic link options, up to `type`. */
function iplinkParse(ctx: CmdContext, argv: string[], create: boolean, gaps: Gaps): LinkReq {
  const a = new Argv(argv);
  const req: LinkReq = {
    up: null,
    name: null,
    dev: null,
    mtu: null,
    txqlen: null,
    address: null,
    netns: null,
    master: null,
    type: null,
    typeArgs: [],
    link: null,
    lowerDev: null,
  };
  let name: string | null = null;
  let dev: string | null = null;
  // iproute2 compares the pointers: `dev` may alias `name` (set by `name X`)
  let devIsName = true;
  let moveNetns = false;
  let index = 0;
  let linkDev: string | null = null;
  while (a.more) {
    const arg = a.cur;
    if (arg === 'up') {
      req.up = true;
    } else if (arg === 'down') {
      req.up = false;
    } else if (arg === 'name') {
      const v = a.next();
      if (name !== null) duparg('name', v);
      if (!checkIfname(v)) invarg('"name" not a valid ifname', v);
      name = v;
      if (dev === null) {
        dev = name;
        devIsName = true;
      }
    } else if (arg === 'index') {
      const v = a.next();
      if (index) duparg('index', v);
      index = atoi(v);
      if (index <= 0) invarg('Invalid "index" value', v);
      gaps.add('link index');
    } else if (matches(arg, 'link')) {
      linkDev = a.next();
    } else if (matches(arg, 'address')) {
      const v = a.next();
      const r = llAddrA2n(v);
      if (!Array.isArray(r)) exitWith(r.error, 1);
      req.address = r;
    } else if (matches(arg, 'broadcast') || arg === 'brd') {
      const v = a.next();
      const r = llAddrA2n(v);
      if (!Array.isArray(r)) exitWith(r.error, 1);
      gaps.add('link broadcast');
    } else if (matches(arg, 'txqueuelen') || arg === 'qlen' || matches(arg, 'txqlen')) {
      const v = a.next();
      if (req.txqlen !== null) duparg('txqueuelen', v);
      const n = getInteger(v);
      if (n === null) invarg('Invalid "txqueuelen" value\n', v);
      // IFLA_TXQLEN is a u32 on the wire
      req.txqlen = n >>> 0;
    } else if (arg === 'mtu') {
      const v = a.next();
      if (req.mtu !== null) duparg('mtu', v);
      const n = getInteger(v);
      if (n === null) invarg('Invalid "mtu" value\n', v);
      req.mtu = n;
    } else if (arg === 'xdpgeneric' || arg === 'xdpdrv' || arg === 'xdpoffload' || arg === 'xdp') {
      notModelled(`ip link ${arg}`);
    } else if (arg === 'netns') {
      const v = a.next();
      if (req.netns !== null) duparg('netns', v);
      const ns = netnsByName(ctx.ns, v);
      if (ns) req.netns = ns.name!;
      else if (getInteger(v) !== null) notModelled('netns PID');
      else invarg('Invalid "netns" value\n', v);
      moveNetns = true;
    } else if (arg === 'multicast' || arg === 'allmulticast' || arg === 'promisc' || arg === 'trailers' || arg === 'arp' || matches(arg, 'dynamic')) {
      const key = matches(arg, 'dynamic') ? 'dynamic' : arg;
      const v = a.next();
      if (v !== 'on' && v !== 'off') exitWith(`Error: argument of "${key}" must be "on" or "off", not "${v}"\n`, 1);
      gaps.add(`link ${key}`);
    } else if (arg === 'carrier' || arg === 'protodown') {
      // parse_on_off() accepts abbreviations and makes iplink_parse return -EINVAL: exit 22
      const v = a.next();
      if (!matches(v, 'off') && !matches(v, 'on')) exitWith(`Error: argument of "${arg}" must be one of "off", "on", not "${v}"\n`, 22);
      gaps.add(`link ${arg}`);
    } else if (arg === 'vf') {
      notModelled('ip link vf');
    } else if (matches(arg, 'master')) {
      const v = a.next();
      const m = lookupDev(ctx, v);
      if (!m) invarg('Device does not exist\n', v);
      req.master = m;
    } else if (arg === 'vrf') {
      const v = a.next();
      // the model has no VRF devices, so every name is "not a valid VRF name"
      invarg('Not a valid VRF name\n', v);
    } else if (matches(arg, 'nomaster')) {
      req.master = 0;
    } else if (matches(arg, 'type')) {
      req.type = a.next();
      a.step();
      req.typeArgs = a.rest();
      break;
    } else if (matches(arg, 'alias')) {
      const v = a.next();
      if (Buffer.byteLength(v) >= 256) invarg('alias too long\n', v);
      gaps.add('link alias');
    } else if (arg === 'group') {
      notModelled('ip link group');
    } else if (arg === 'mode') {
      const v = a.next().toLowerCase();
      if (v !== 'default' && v !== 'dormant') invarg('Invalid link mode\n', a.cur);
      gaps.add('link mode');
    } else if (arg === 'state') {
      const v = a.next();
      if (!['UNKNOWN', 'NOTPRESENT', 'DOWN', 'LOWERLAYERDOWN', 'TESTING', 'DORMANT', 'UP'].includes(v.toUpperCase())) invarg('Invalid operstate\n', v);
      gaps.add('link state');
    } else if (matches(arg, 'numtxqueues') || matches(arg, 'numrxqueues')) {
      const key = matches(arg, 'numtxqueues') ? 'numtxqueues' : 'numrxqueues';
      const v = a.next();
      if (getInteger(v) === null) invarg(`Invalid "${key}" value\n`, v);
      gaps.add(`link ${key}`);
    } else if (matches(arg, 'addrgenmode')) {
      const v = a.next().toLowerCase();
      if (!['eui64', 'none', 'stable_secret', 'random'].includes(v)) invarg('Invalid address generation mode\n', a.cur);
      gaps.add('link addrgenmode');
    } else if (matches(arg, 'link-netns') || matches(arg, 'link-netnsid')) {
      notModelled('ip link link-netns');
    } else if (arg === 'protodown_reason') {
      notModelled('ip link protodown_reason');
    } else if (arg === 'gso_max_size' || arg === 'gso_max_segs' || arg === 'gro_max_size') {
      const v = a.next();
      const n = getU32(v);
      if (n === null || (arg === 'gso_max_segs' && n > 65535)) invarg(`Invalid "${arg}" value\n`, v);
      gaps.add(`link ${arg}`);
    } else if (arg === 'parentdev') {
      a.next();
      gaps.add('link parentdev');
    } else {
      if (matches(arg, 'help')) exitWith(LINK_USAGE, 255);
      let v = arg;
      if (arg === 'dev') v = a.next();
      if (!(dev === null || (devIsName && dev === name))) duparg2('dev', v);
      if (!checkAltifname(v)) invarg('"dev" not a valid ifname', v);
      dev = v;
      devIsName = false;
    }
    a.step();
  }

  if (name === null) name = dev;
  else if (dev === null) dev = name;

  if (dev !== null && req.address !== null && !create) {
    const l = lookupDev(ctx, dev);
    const halen = l ? hwAddrLen(l) : -1;
    if (halen >= 0 && halen !== req.address.length) {
      exitWith(`Invalid address length ${req.address.length} - must be ${halen} bytes\n`, 1);
    }
  }
  if (index && !create && !moveNetns) {
    exitWith('index can be used only when creating devices or when moving device to another netns.\n', 255);
  }
  if (!create) {
    if (dev === null) exitWith('Not enough information: "dev" argument is required.\n', 255);
    const l = lookupDev(ctx, dev);
    if (!l) exitWith(nodevText(dev), 1);
    req.link = l;
    req.dev = l.name;
    req.name = name !== dev ? name : null;
  } else {
    if (name !== dev) exitWith('both "name" and "dev" cannot be used when creating devices.\n', 255);
    if (linkDev !== null && !lookupDev(ctx, linkDev)) exitWith(nodevText(linkDev), 1);
    req.name = name;
    req.dev = dev;
  }
  req.lowerDev = linkDev;
  if (linkDev !== null && !create) gaps.add('link LINK');
  return req;
}

/** The length of a device's hardware address (IFLA_ADDRESS); -1 for devices without one. */
function hwAddrLen(l: Link): number {
  return l.kind === 'tun' ? -1 : 6;
}

function lladdr(bytes: number[] | null): string | null {
  return bytes === null ? null : formatLladdr(bytes);
}

/** iplink_modify(RTM_NEWLINK, NLM_F_CREATE|NLM_F_EXCL): `ip link add`. */
function linkAdd(ctx: CmdContext, argv: string[], replace: boolean): IpPlan {
  const gaps = new Gaps();
  const req = iplinkParse(ctx, argv, true, gaps);
  if (req.type === null) exitWith('Not enough information: "type" argument is required\n', 1);
  const kind = req.type;
  const op: LinkAddOp = {
    op: 'link.add',
    name: req.name,
    kind,
    netns: req.netns,
    mtu: req.mtu,
    address: lladdr(req.address),
    up: req.up === true,
    master: req.master ? req.master.name : null,
    txqlen: req.txqlen,
    peer: null,
    vxlan: null,
    bridge: null,
  };
  if (req.master === 0) gaps.add('nomaster on add');
  let warn = '';
  const args = req.typeArgs;
  if (args.length > 0) {
    if (kind === 'veth') {
      op.peer = parseVethPeer(ctx, args, gaps);
    } else if (kind === 'bridge') {
      op.bridge = parseBridgeOpts(args, gaps);
    } else if (kind === 'vxlan') {
      const v = parseVxlanOpts(ctx, args, false, gaps);
      op.vxlan = v.spec;
      warn = v.warn;
    } else if (kind === 'macvlan' || kind === 'macvtap') {
      parseMacvlanOpts(kind, args);
    } else if (hasAbsentKindParser(kind)) {
      parseAbsentKindOpts(ctx, kind, args);
    } else if (HAS_LINK_UTIL.has(kind)) {
      if (!NO_PARSE_OPT.has(kind)) notModelled(`ip link type ${kind} options`);
    } else {
      if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
      exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
    }
  } else if (kind === 'vxlan') {
    op.vxlan = { id: null, dstport: null, local: null, remote: null, group: null, dev: null, learning: null, ttl: null };
  }
  if (req.lowerDev !== null) {
    op.link = req.lowerDev;
    if (MODEL_KINDS.has(kind)) gaps.add('link LINK');
  }
  if (kind === 'macvlan' || kind === 'macvtap') {
    // the kernel refuses a missing or non-ethernet lower device; a device it would make is not modelled
    const lower = req.lowerDev !== null ? lookupDev(ctx, req.lowerDev) : null;
    if (lower && lower.kind !== 'loopback' && lower.kind !== 'tun') gaps.add(`link type ${kind}`);
    // a kind the modelled kernel has (kernel-profile.ts) and the model lacks is not modelled, one it lacks gets
    // "Unknown device type" (tun's refusal and an existing name's "File exists" come first, and are modelled)
  } else if (!MODEL_KINDS.has(kind) && kind !== 'tun' && kernelHasLinkKind(ctx.ns, kind) && !(req.name !== null && req.netns === null && ctx.ns.linkByName(req.name))) gaps.add(`link type ${kind}`);
  if (replace) {
    const existing = req.name !== null ? ctx.ns.linkByName(req.name) : null;
    if (existing) gaps.add('ip link replace of an existing device');
  }
  if (gaps.any) notModelled(`ip link add: ${gaps.text()}`);
  return opsPlan([op], warn);
}

/** veth_parse_opt(): `peer` and the peer's own link options. */
function parseVethPeer(ctx: CmdContext, args: string[], gaps: Gaps): LinkAddOp['peer'] {
  if (args[0] !== 'peer') exitWith('', 1, VETH_USAGE);
  const peerArgs = args.slice(1);
  const req = iplinkParse(ctx, peerArgs, true, gaps);
  if (req.type !== null) duparg('type', req.type);
  if (req.up !== null) gaps.add('veth peer up/down');
  if (req.master !== null) gaps.add('veth peer master');
  if (req.txqlen !== null) gaps.add('veth peer txqueuelen');
  if (req.lowerDev !== null) gaps.add('veth peer link');
  return { name: req.name, netns: req.netns, mtu: req.mtu, address: lladdr(req.address) };
}

/** macvlan_parse_opt(): `mode` only; the other options are not modelled. */
function parseMacvlanOpts(kind: string, args: string[]): void {
  const a = new Argv(args);
  while (a.more) {
    if (!matches(a.cur, 'mode')) notModelled(`ip link type ${kind} option ${a.cur}`);
    const v = a.next();
    if (!['private', 'vepa', 'bridge', 'passthru', 'source'].includes(v)) {
      exitWith(`Error: argument of "mode" must be "private", "vepa", "bridge", "passthru" or "source", not "${v}"\n`, 1);
    }
    a.step();
  }
}

/** iplink_modify(RTM_NEWLINK, 0): `ip link set` / `ip link change`. */
function linkSet(ctx: CmdContext, argv: string[]): IpPlan {
  const gaps = new Gaps();
  const req = iplinkParse(ctx, argv, false, gaps);
  const l = req.link!;
  const op: LinkSetOp = {
    op: 'link.set',
    dev: req.dev!,
    up: req.up,
    mtu: req.mtu,
    address: lladdr(req.address),
    name: req.name,
    master: req.master === null ? null : req.master === 0 ? '' : req.master.name,
    netns: req.netns,
    txqlen: req.txqlen,
    bridge: null,
  };
  if (req.address !== null && l.kind === 'tun') gaps.add('address of a tun device');
  if (req.type !== null) {
    const kind = req.type;
    const args = req.typeArgs;
    if (args.length > 0) {
      if (kind === 'bridge') {
        op.bridge = parseBridgeOpts(args, gaps);
        if (l.kind !== 'bridge') gaps.add('type bridge options on a device that is not a bridge');
      } else if (kind === 'vxlan') {
        parseVxlanOpts(ctx, args, true, gaps);
        gaps.add('changing a vxlan device');
      } else if (kind === 'veth') {
        parseVethPeer(ctx, args, gaps);
        gaps.add('changing a veth device');
      } else if (HAS_LINK_UTIL.has(kind)) {
        if (!NO_PARSE_OPT.has(kind)) notModelled(`ip link set type ${kind}`);
      } else {
        if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
        exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
      }
    }
    if (kind !== l.kind && !(kind === 'tun' && l.kind === 'tap')) gaps.add(`ip link set type ${kind}`);
  }
  if (gaps.any) notModelled(`ip link set: ${gaps.text()}`);
  return opsPlan([op]);
}

/** iplink_modify(RTM_DELLINK, 0): `ip link delete`. */
function linkDel(ctx: CmdContext, argv: string[]): IpPlan {
  const gaps = new Gaps();
  const req = iplinkParse(ctx, argv, false, gaps);
  if (req.type !== null && req.typeArgs.length > 0) {
    const kind = req.type;
    const args = req.typeArgs;
    // the type's own parser still reads its options, with its own errors
    if (kind === 'veth') parseVethPeer(ctx, args, gaps);
    else if (kind === 'bridge') parseBridgeOpts(args, gaps);
    else if (kind === 'vxlan') parseVxlanOpts(ctx, args, false, gaps);
    else if (!HAS_LINK_UTIL.has(kind)) {
      if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
      exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
    }
    if (!NO_PARSE_OPT.has(kind)) gaps.add('ip link delete with type options');
  }
  if (req.up !== null || req.mtu !== null || req.address !== null || req.netns !== null || req.master !== null || req.txqlen !== null || req.name !== null) {
    gaps.add('ip link delete with attributes');
  }
  if (gaps.any) notModelled(`ip link delete: ${gaps.text()}`);
  const op: LinkDelOp = { op: 'link.del', dev: req.dev!, kind: req.type };
  return opsPlan([op]);
}

/** do_help(): `ip link help [TYPE]`. */
function linkHelp(argv: string[]): IpPlan {
  if (argv.length === 0) exitWith(LINK_USAGE, 255);
  const kind = argv[0];
  if (kind === 'veth' || kind === 'bridge' || kind === 'vxlan') notModelled(`ip link help ${kind}`);
  if (HAS_LINK_UTIL.has(kind)) notModelled(`ip link help ${kind}`);
  exitWith(LINK_USAGE, 255);
}

/** do_iplink(). */
export function parseLink(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return parseAddrList(ctx, g, [], 'link');
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'add')) return linkAdd(ctx, rest, false);
  if (matches(cmd, 'set') || matches(cmd, 'change')) return linkSet(ctx, rest);
  if (matches(cmd, 'replace')) return linkAdd(ctx, rest, true);
  if (matches(cmd, 'delete')) return linkDel(ctx, rest);
  if (matches(cmd, 'show') || matches(cmd, 'lst') || matches(cmd, 'list')) return parseAddrList(ctx, g, rest, 'link');
  if (matches(cmd, 'xstats') || matches(cmd, 'afstats') || matches(cmd, 'property')) notModelled(`ip link ${cmd}`);
  if (matches(cmd, 'help')) return linkHelp(rest);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip link help".\n` });
}
