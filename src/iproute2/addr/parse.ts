/**
 * `ip address` (ip/ipaddress.c of iproute2 6.1.0): add/change/replace/delete through
 * ipaddr_modify(), show/flush through ipaddr_list_flush_or_save() — which `ip link show`
 * uses too.
 */
import { broadcastOf, networkOf } from '../../model/ip.js';
import type { AddrAddOp, AddrDelOp, AddrFlushOp } from '../../ops/op.js';
import { Argv, duparg, duparg2, exitWith, getAddr, getPrefix, getU32, invarg, llNameToIndex, matches, nodevText, notModelled, type Family, type InetPrefix } from '../args.js';
import { rtscopeA2n } from '../names.js';
import { IFA_F } from './fields.js';
import { isIp6Multicast } from '../../model/ipv6/ip6.js';
import type { Addr6AddOp, Addr6DelOp } from '../../ops/op.js';
import { emptyLinkFilter, type LinkFilter } from '../filters.js';
import { Gaps, donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderAddrs, renderLinks } from '../renderers.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { ADDR_USAGE } from '../usage.js';

/** ifa_flag_data[]: address flags by name. */
const IFA_FLAGS: Record<string, { readonly: boolean; v6only: boolean }> = {
  secondary: { readonly: true, v6only: false },
  temporary: { readonly: true, v6only: false },
  nodad: { readonly: false, v6only: true },
  optimistic: { readonly: false, v6only: true },
  dadfailed: { readonly: true, v6only: true },
  home: { readonly: false, v6only: true },
  deprecated: { readonly: true, v6only: true },
  tentative: { readonly: true, v6only: true },
  permanent: { readonly: true, v6only: true },
  mngtmpaddr: { readonly: false, v6only: true },
  noprefixroute: { readonly: false, v6only: false },
  autojoin: { readonly: false, v6only: false },
  'stable-privacy': { readonly: true, v6only: true },
};

/** The IFA_F bit of each settable flag word. */
const IFA_FLAG_BITS: Record<string, keyof typeof IFA_F> = {
  nodad: 'NODAD',
  optimistic: 'OPTIMISTIC',
  home: 'HOMEADDRESS',
  mngtmpaddr: 'MANAGETEMPADDR',
  noprefixroute: 'NOPREFIXROUTE',
  autojoin: 'MCAUTOJOIN',
};

/** The IFA_F bit each flag word of ifa_flag_names selects (`temporary` is IFA_F_SECONDARY's other name). */
const FILTER_BITS: Record<string, keyof typeof IFA_F> = {
  secondary: 'SECONDARY',
  temporary: 'SECONDARY',
  nodad: 'NODAD',
  optimistic: 'OPTIMISTIC',
  dadfailed: 'DADFAILED',
  home: 'HOMEADDRESS',
  deprecated: 'DEPRECATED',
  tentative: 'TENTATIVE',
  permanent: 'PERMANENT',
  mngtmpaddr: 'MANAGETEMPADDR',
  noprefixroute: 'NOPREFIXROUTE',
  autojoin: 'MCAUTOJOIN',
  'stable-privacy': 'STABLE_PRIVACY',
};

/** Addresses of either family are read here. */
const V6 = { v6: true } as const;

function globalFamily(g: IpGlobals): Family {
  return g.family;
}

/**
 * get_filter(): an address-flag selector (`primary`, `secondary`, `dynamic`, `permanent`,
 * `-secondary`...). Returns false when the word is not one.
 */
function applyFlagFilter(arg: string, f: LinkFilter): boolean {
  let inv = false;
  let name = arg;
  if (name.startsWith('-')) {
    inv = true;
    name = name.slice(1);
  }
  if (name === 'dynamic') {
    inv = !inv;
    name = 'permanent';
  } else if (name === 'primary') {
    inv = !inv;
    name = 'secondary';
  }
  if (!(name in IFA_FLAGS)) return false;
  const bit = IFA_F[FILTER_BITS[name]!];
  const cur = f.addrFlags ?? { flags: 0, mask: 0 };
  f.addrFlags = { flags: inv ? cur.flags & ~bit : cur.flags | bit, mask: cur.mask | bit };
  return true;
}

/**
 * ipaddr_list_flush_or_save(): `ip addr show|flush` and `ip link show` selectors.
 * `mode` is `link` for `ip link show` (do_link), `addr` for `ip addr show`, `flush`.
 */
export function parseAddrList(ctx: CmdContext, g: IpGlobals, argv: string[], mode: 'link' | 'addr' | 'flush'): IpPlan {
  const gaps = new Gaps();
  const f = emptyLinkFilter();
  let family: Family = mode === 'link' ? 'link' : globalFamily(g);
  if (mode === 'flush') {
    if (argv.length === 0) exitWith('Flush requires arguments.\n', 1);
    if (family === 'link') exitWith('Cannot flush link addresses.\n', 1);
  }
  let filterDev: string | null = null;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'to') {
      const v = a.next();
      const p = getPrefix(v, family, V6);
      if (family === null) family = p.family;
      f.to = p.addr6 !== undefined ? { addr: 0, len: p.len, addr6: p.addr6 } : { addr: p.addr, len: p.len };
      if (p.keyword && !p.lenGiven) f.to = null;
    } else if (arg === 'scope') {
      const v = a.next();
      const s = rtscopeA2n(v);
      if (s === null) {
        if (v !== 'all') invarg('invalid "scope"\n', v);
        f.scope = null;
      } else {
        f.scope = s;
      }
    } else if (arg === 'up') {
      f.up = true;
    } else if (applyFlagFilter(arg, f)) {
      // an address flag
    } else if (arg === 'label') {
      f.label = a.next();
    } else if (arg === 'group') {
      a.next();
      notModelled('device groups');
    } else if (arg === 'master') {
      const v = a.next();
      const m = llNameToIndex(ctx.ns, v);
      if (!m) invarg('Device does not exist\n', v);
      f.master = m.name;
    } else if (arg === 'vrf') {
      // name_is_vrf, then the links enslaved to it (filter.master)
      const v = a.next();
      const m = llNameToIndex(ctx.ns, v);
      if (!m?.vrf) invarg('Not a valid VRF name\n', v);
      f.master = m.name;
    } else if (arg === 'nomaster') {
      f.nomaster = true;
    } else if (arg === 'type') {
      const v = a.next();
      if (v.endsWith('_slave')) gaps.add('type KIND_slave');
      f.type = v;
    } else {
      let v = arg;
      if (arg === 'dev') v = a.next();
      else if (matches(arg, 'help')) exitWith(ADDR_USAGE, 255);
      if (filterDev !== null) duparg2('dev', v);
      filterDev = v;
    }
    a.step();
  }
  if (filterDev !== null) {
    const l = llNameToIndex(ctx.ns, filterDev);
    if (!l) exitWith(`Device "${filterDev}" does not exist.\n`, 1);
    f.dev = l.name;
  }
  if (mode === 'flush') return addrFlush(g, f, gaps, family === 'inet' || family === 'inet6' ? family : null);
  if (gaps.any) notModelled(`ip ${mode === 'link' ? 'link' : 'address'} show: ${gaps.text()}`);
  if (mode === 'link') return showPlan(() => renderLinks(ctx, g, f));
  return showPlan(() => renderAddrs(ctx, g, f));
}

/** ipaddr_flush(): one delete per selected address; the model's flush Op does the same walk. */
function addrFlush(g: IpGlobals, f: LinkFilter, gaps: Gaps, family: 'inet' | 'inet6' | null): IpPlan {
  if (g.stats) gaps.add('ip -s address flush');
  if (f.up || f.label != null || f.master != null || f.nomaster || f.type != null || f.primary != null || f.permanent != null || f.addrFlags != null) {
    gaps.add('ip address flush selectors other than dev, scope and to');
  }
  if (gaps.any) notModelled(`ip address flush: ${gaps.text()}`);
  const op: AddrFlushOp = { op: 'addr.flush', dev: f.dev, scope: f.scope ?? null, to: f.to ?? null, family };
  return opsPlan([op]);
}

/** ipaddr_modify(): `ip addr add|change|replace|delete`. */
function addrModify(ctx: CmdContext, g: IpGlobals, argv: string[], mode: 'add' | 'change' | 'replace' | 'del'): IpPlan {
  const gaps = new Gaps();
  let family: Family = globalFamily(g);
  let dev: string | null = null;
  let label: string | null = null;
  let lclArg: string | null = null;
  let lcl: InetPrefix | null = null;
  let peer: InetPrefix | null = null;
  let prefixLen = 0;
  let brd: 'plus' | 'minus' | InetPrefix | null = null;
  let scope: number | null = null;
  let metric: number | null = null;
  let noprefixroute = false;
  let autojoin = false;
  let validLft: string | null = null;
  let preferredLft: string | null = null;
  let anycast = false;
  let ifaFlags = 0;
  let warn = '';
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'peer' || arg === 'remote') {
      const v = a.next();
      if (peer) duparg('peer', v);
      peer = getPrefix(v, family, V6);
      if (family === null) family = peer.family;
      prefixLen = peer.len;
    } else if (matches(arg, 'broadcast') || arg === 'brd') {
      const v = a.next();
      if (brd !== null) duparg('broadcast', v);
      if (v === '+') brd = 'plus';
      else if (v === '-') brd = 'minus';
      else {
        const b = getAddr(v, family, V6);
        if (family === null) family = b.family;
        brd = b;
      }
    } else if (arg === 'anycast') {
      const v = a.next();
      if (anycast) duparg('anycast', v);
      const b = getAddr(v, family, V6);
      if (family === null) family = b.family;
      anycast = true;
      gaps.add('anycast addresses');
    } else if (arg === 'scope') {
      const v = a.next();
      const s = rtscopeA2n(v);
      if (s === null) invarg('invalid scope value.', v);
      scope = s;
    } else if (arg === 'dev') {
      dev = a.next();
    } else if (arg === 'label') {
      label = a.next();
    } else if (matches(arg, 'metric') || matches(arg, 'priority') || matches(arg, 'preference')) {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('"metric" value is invalid\n', v);
      metric = n;
    } else if (matches(arg, 'valid_lft')) {
      if (validLft !== null) duparg('valid_lft', a.cur);
      const v = a.next();
      if (v !== 'forever' && getU32(v) === null) invarg('valid_lft value', v);
      validLft = v;
    } else if (matches(arg, 'preferred_lft')) {
      if (preferredLft !== null) duparg('preferred_lft', a.cur);
      const v = a.next();
      if (v !== 'forever' && getU32(v) === null) invarg('preferred_lft value', v);
      preferredLft = v;
    } else if (Object.hasOwn(IFA_FLAGS, arg)) {
      const fl = IFA_FLAGS[arg];
      if (fl.readonly) warn += `Warning: ${arg} option is not mutable from userspace\n`;
      else if (fl.v6only && family !== 'inet6') warn += `Warning: ${arg} option can be set only for IPv6 addresses\n`;
      else {
        ifaFlags |= IFA_F[IFA_FLAG_BITS[arg]!];
        if (arg === 'noprefixroute') noprefixroute = true;
        else if (arg === 'autojoin') autojoin = true;
      }
    } else {
      let v = arg;
      if (arg === 'local') v = a.next();
      if (matches(v, 'help')) exitWith(ADDR_USAGE, 255);
      if (lcl) duparg2('local', v);
      lclArg = v;
      lcl = getPrefix(v, family, V6);
      if (family === null) family = lcl.family;
    }
    a.step();
  }
  const out = (stderr: string, exit: number) => exitWith(warn + stderr, exit);
  if (dev === null) out('Not enough information: "dev" argument is required.\n', 1);
  // a keyword local address (`default`, `any`) has no bytes: iproute2 sends no IFA_LOCAL
  const localLen = lcl && !(lcl.keyword && lcl.family === null) ? 4 : 0;
  let wildcard = false;
  if (!peer && localLen) {
    if (mode === 'del' && !lcl!.lenGiven && lcl!.family === 'inet') {
      warn +=
        'Warning: Executing wildcard deletion to stay compatible with old scripts.\n' +
        `         Explicitly specify the prefix length (${lclArg}/${localLen * 8}) to avoid this warning.\n` +
        '         This special behaviour is likely to disappear in further releases,\n' +
        '         fix your scripts!\n';
      wildcard = true;
    } else {
      peer = lcl;
    }
  }
  if (prefixLen === 0 && lcl) prefixLen = lcl.len;
  let broadcast: number | null = null;
  if ((brd === 'plus' || brd === 'minus') && mode !== 'del') {
    if (family !== 'inet') out('Broadcast can be set only for IPv4 addresses\n', 1);
    // iproute2 derives it from the peer (or local) address, only for prefixes up to /30
    const base = peer ?? { addr: 0, len: 0 };
    const len = peer ? peer.len : 0;
    if (len <= 30) broadcast = brd === 'plus' ? broadcastOf(base.addr, len) : networkOf(base.addr, len);
  } else if (brd !== null && typeof brd === 'object') {
    broadcast = brd.addr;
  }
  const link = llNameToIndex(ctx.ns, dev!);
  if (!link) out(nodevText(dev!), 1);
  if (validLft !== null || preferredLft !== null) {
    const valid = validLft === null || validLft === 'forever' ? 0xffffffff : getU32(validLft)!;
    const pref = preferredLft === null || preferredLft === 'forever' ? 0xffffffff : getU32(preferredLft)!;
    if (!valid) out('valid_lft is zero\n', 1);
    if (valid < pref) out('preferred_lft is greater than valid_lft\n', 1);
    if ((valid !== 0xffffffff || pref !== 0xffffffff) && family !== 'inet6') gaps.add('address lifetimes');
  }
  const multicast = lcl !== null && (lcl.addr6 !== undefined ? isIp6Multicast(lcl.addr6) : lcl.family === 'inet' && lcl.addr >>> 28 === 0xe);
  if (autojoin && !multicast) out('autojoin needs multicast address\n', 1);
  if (autojoin) gaps.add('autojoin');
  if (lcl && lcl.family === 'inet6') {
    if (anycast) gaps.add('anycast addresses');
    if (gaps.any) notModelled(`ip address ${mode}: ${gaps.text()}`);
    const devName6 = link!.name;
    const addr6 = lcl.addr6 ?? 0n;
    if (mode === 'del') return opsPlan([{ op: 'addr6.del', dev: devName6, addr: addr6, prefixLen: peer && peer !== lcl ? peer.len : lcl.len } satisfies Addr6DelOp], warn);
    const valid = validLft === null || validLft === 'forever' ? 0xffffffff : getU32(validLft)!;
    const pref = preferredLft === null || preferredLft === 'forever' ? 0xffffffff : getU32(preferredLft)!;
    const op6: Addr6AddOp = {
      op: 'addr6.add',
      mode,
      dev: devName6,
      addr: addr6,
      prefixLen: peer && peer !== lcl ? peer.len : lcl.len,
      peer: peer && peer !== lcl ? (peer.addr6 ?? 0n) : null,
      flags: ifaFlags,
      validLft: valid,
      preferredLft: pref,
      metric,
    };
    return opsPlan([op6], warn);
  }
  if (!lcl || localLen === 0 || family !== 'inet') {
    // no IFA_LOCAL: an AF_UNSPEC request the kernel has no handler for
    if (!lcl && family === null) out('RTNETLINK answers: Operation not supported\n', 2);
    notModelled('ip address without an IPv4 local address');
  }
  if (gaps.any) notModelled(`ip address ${mode}: ${gaps.text()}`);
  const devName = link!.name;
  if (mode === 'del') {
    const op: AddrDelOp = {
      op: 'addr.del',
      dev: devName,
      local: lcl!.addr,
      prefixLen: wildcard ? null : prefixLen,
      peer: wildcard ? null : peer!.addr,
    };
    if (label !== null) op.label = label;
    return opsPlan([op], warn);
  }
  const op: AddrAddOp = {
    op: 'addr.add',
    mode,
    dev: devName,
    local: lcl!.addr,
    prefixLen,
    peer: peer && peer !== lcl ? peer.addr : null,
    broadcast,
    scope,
    label,
    noprefixroute,
    metric,
  };
  return opsPlan([op], warn);
}

/** do_ipaddr(). */
export function parseAddr(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return parseAddrList(ctx, g, [], 'addr');
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'add')) return addrModify(ctx, g, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return addrModify(ctx, g, rest, 'change');
  if (matches(cmd, 'replace')) return addrModify(ctx, g, rest, 'replace');
  if (matches(cmd, 'delete')) return addrModify(ctx, g, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return parseAddrList(ctx, g, rest, 'addr');
  if (matches(cmd, 'flush')) return parseAddrList(ctx, g, rest, 'flush');
  if (matches(cmd, 'save') || matches(cmd, 'showdump') || matches(cmd, 'restore')) notModelled(`ip address ${cmd}`);
  if (matches(cmd, 'help')) exitWith(ADDR_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip address help".\n` });
}
