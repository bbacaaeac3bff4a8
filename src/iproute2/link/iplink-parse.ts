/**
 * iplink_parse() of ip/iplink.c (iproute2 6.1.0): the generic link options of `ip link
 * add|set|delete`, up to `type KIND`, in iproute2's order, so that the same mistakes give the
 * same messages: values are checked as they are read (invarg, exit 255), `master` and `netns`
 * are resolved while parsing, the device itself only after the loop ("Cannot find device",
 * exit 1). The kind's own options are its link_util's (link/kinds/).
 */
import type { Link } from '../../model/link.js';
import { KINDS } from '../../model/kinds/index.js';
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
import { INIT_NETNS } from '../../ops/context.js';
import type { Gaps } from '../plan.js';
import type { CmdContext } from '../types.js';
import { LINK_USAGE } from '../usage.js';

/** One RTNETLINK link request as iplink_parse() fills it. */
export interface LinkReq {
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
  /** `addrgenmode M` (IFLA_INET6_ADDR_GEN_MODE): 0 eui64, 1 none, 2 stable_secret, 3 random */
  addrGenMode?: number;
  /** IFF_PROMISC in ifi_change: `promisc on|off` */
  promisc?: boolean;
  /** IFLA_IFALIAS: `alias NAME` ('' removes it) */
  alias?: string;
}

export function lookupDev(ctx: CmdContext, name: string): Link | null {
  return llNameToIndex(ctx.ns, name);
}

/** iplink_parse(): the generic link options, up to `type`. */
export function iplinkParse(ctx: CmdContext, argv: string[], create: boolean, gaps: Gaps): LinkReq {
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
      else if (v === '1') req.netns = INIT_NETNS;
      else if (getInteger(v) !== null) notModelled('netns PID');
      else invarg('Invalid "netns" value\n', v);
      moveNetns = true;
    } else if (arg === 'multicast' || arg === 'allmulticast' || arg === 'promisc' || arg === 'trailers' || arg === 'arp' || matches(arg, 'dynamic')) {
      const key = matches(arg, 'dynamic') ? 'dynamic' : arg;
      const v = a.next();
      if (v !== 'on' && v !== 'off') exitWith(`Error: argument of "${key}" must be "on" or "off", not "${v}"\n`, 1);
      // a change's promisc is modelled (the flag and the promiscuity count); a new device's is not
      if (key === 'promisc' && !create) req.promisc = v === 'on';
      else gaps.add(`link ${key}`);
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
      // name_is_vrf, then the VRF is the master (IFLA_MASTER)
      const m = lookupDev(ctx, v);
      if (!m?.vrf) invarg('Not a valid VRF name\n', v);
      req.master = m;
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
      req.alias = v;
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
      const mode = ['eui64', 'none', 'stable_secret', 'random'].indexOf(v);
      if (mode < 0) invarg('Invalid address generation mode\n', a.cur);
      req.addrGenMode = mode;
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
  const n = KINDS[l.kind].hwAddrLen;
  return n === 0 ? -1 : n;
}

export function lladdr(bytes: number[] | null): string | null {
  return bytes === null ? null : formatLladdr(bytes);
}
