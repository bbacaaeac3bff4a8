/**
 * `ip link` (ip/iplink.c of iproute2 6.1.0): add, set/change, delete, show. The generic
 * options are iplink_parse()'s (link/iplink-parse.ts); the link type's own options come last,
 * parsed by the kind's link_util (link/kinds/).
 */
import { KINDS } from '../../model/kinds/index.js';
import type { LinkAddOp, LinkDelOp, LinkSetOp } from '../../ops/op.js';
import { Argv, exitWith, matches, notModelled } from '../args.js';
import { hasAbsentKindParser, parseAbsentKindOpts } from './parse-absent.js';
import { parseAddrList } from '../addr/parse.js';
import { Gaps, donePlan, opsPlan, type IpPlan } from '../plan.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { LINK_USAGE } from '../usage.js';
import { kernelHasLinkKind } from '../../model/kernel-profile.js';
import { iplinkParse, lladdr, lookupDev } from './iplink-parse.js';
import { linkUtilOfType } from './kinds/index.js';
import { parseBridgePortOpts } from './parse-bridge-slave.js';

/** Link kinds with an iproute2 link_util (ip/iplink_*.c); others take no options. */
const HAS_LINK_UTIL = new Set(
  'amt bareudp batadv bond bond_slave bridge bridge_slave can dsa dummy erspan geneve gre gretap gtp hsr ifb ip6erspan ip6gre ip6gretap ip6tnl ipip ipoib ipvlan ipvtap macsec macvlan macvtap netdevsim nlmon rmnet sit team tun vcan veth virt_wifi vlan vrf vrf_slave vti vti6 vxcan vxlan wwan xfrm'.split(
    ' ',
  ),
);

/** link_utils whose options are not parsed at all (no parse_opt): their arguments are ignored. */
const NO_PARSE_OPT = new Set('dummy ifb netdevsim nlmon team vcan virt_wifi tun'.split(' '));

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
  if (req.addrGenMode !== undefined) op.addrGenMode = req.addrGenMode;
  if (req.master === 0) gaps.add('nomaster on add');
  if (req.alias !== undefined) gaps.add('link alias on add');
  let warn = '';
  const args = req.typeArgs;
  const util = linkUtilOfType(kind);
  if (args.length > 0) {
    if (util?.parseAdd) {
      warn = util.parseAdd(ctx, args, op, gaps);
    } else if (kind === 'macvtap') {
      parseMacvtapOpts(kind, args);
    } else if (hasAbsentKindParser(kind)) {
      parseAbsentKindOpts(ctx, kind, args);
    } else if (HAS_LINK_UTIL.has(kind)) {
      if (!NO_PARSE_OPT.has(kind)) notModelled(`ip link type ${kind} options`);
    } else {
      if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
      exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
    }
  } else util?.addDefaults?.(op, ctx, gaps);
  if (req.lowerDev !== null) {
    op.link = req.lowerDev;
    if (util && !util.lower) gaps.add('link LINK');
  }
  if (kind === 'macvtap') {
    // the kernel refuses a missing or non-ethernet lower device; a device it would make is not modelled
    const lower = req.lowerDev !== null ? lookupDev(ctx, req.lowerDev) : null;
    if (lower && KINDS[lower.kind].type === 'ether') gaps.add(`link type ${kind}`);
    // a kind the modelled kernel has (kernel-profile.ts) and the model lacks is not modelled, one it lacks gets
    // "Unknown device type" (tun's refusal and an existing name's "File exists" come first, and are modelled)
  } else if (!util && kind !== 'tun' && kernelHasLinkKind(ctx.ns, kind) && !(req.name !== null && req.netns === null && ctx.ns.linkByName(req.name))) gaps.add(`link type ${kind}`);
  if (replace) {
    const existing = req.name !== null ? ctx.ns.linkByName(req.name) : null;
    if (existing) gaps.add('ip link replace of an existing device');
  }
  if (gaps.any) notModelled(`ip link add: ${gaps.text()}`);
  return opsPlan([op], warn);
}

/** macvtap's macvlan_parse_opt(): `mode` only; the other options are not modelled. */
function parseMacvtapOpts(kind: string, args: string[]): void {
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
    ...(req.promisc !== undefined ? { promisc: req.promisc } : {}),
    ...(req.alias !== undefined ? { alias: req.alias } : {}),
  };
  if (req.addrGenMode !== undefined) {
    op.addrGenMode = req.addrGenMode;
    if (req.netns !== null) gaps.add('addrgenmode with netns');
  }
  if (req.address !== null && KINDS[l.kind].hwAddrLen === 0) gaps.add('address of a tun device');
  // a tunnel's address is its local end; one moved keeps its underlay in the namespace it left (link-netns)
  if (l.iptnl && req.address !== null) gaps.add('address of a tunnel');
  if (l.iptnl && req.netns !== null) gaps.add('a tunnel moved to another namespace');
  if (req.type !== null) {
    const kind = req.type;
    const args = req.typeArgs;
    if (args.length > 0) {
      const util = linkUtilOfType(kind);
      if (util?.parseSet) {
        util.parseSet(ctx, args, op, l, gaps);
      } else if (kind === 'bridge_slave') {
        op.bridgePort = parseBridgePortOpts(args, gaps, 1);
      } else if (HAS_LINK_UTIL.has(kind)) {
        if (!NO_PARSE_OPT.has(kind)) notModelled(`ip link set type ${kind}`);
      } else {
        if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
        exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
      }
    }
    // a tap is a tun device (rtnl_link_ops "tun"), a lab NIC a veth, as the kernel shows them
    if (kind !== KINDS[l.kind].infoKind && !(kind === 'bridge_slave' && op.bridgePort)) gaps.add(`ip link set type ${kind}`);
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
    const util = linkUtilOfType(kind);
    if (util?.parseDel) util.parseDel(ctx, args, gaps);
    else if (!HAS_LINK_UTIL.has(kind)) {
      if (matches(args[0], 'help')) exitWith(LINK_USAGE, 255);
      exitWith(`Garbage instead of arguments "${args[0]} ...". Try "ip link help".\n`, 1);
    }
    if (!NO_PARSE_OPT.has(kind)) gaps.add('ip link delete with type options');
  }
  if (req.up !== null || req.mtu !== null || req.address !== null || req.netns !== null || req.master !== null || req.txqlen !== null || req.name !== null || req.alias !== undefined) {
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
