/**
 * What `ip link show` and `ip addr show` share (ip/ipaddress.c ipaddr_list_flush_or_save):
 * resolving the selectors, asking the "kernel" for links (one by name, or a dump that the
 * kernel itself filters by master and known kind), for addresses, dropping links without a
 * matching address, then printing each link and its addresses. Filters applied by iproute2
 * rather than by the kernel leave an empty `{}` in JSON output, as they do on Linux.
 */
import type { Link } from '../../model/link.js';
import { IFA_F, linkAddrs, printAddrinfo, addrMatches, type AddrPrintFilter, type IfAddr } from '../addr/fields.js';
import type { LinkFilter } from '../filters.js';
import { IFF, ifinfo, linkKind, type IfInfo } from './ifinfo.js';
import { kernelHasLinkKind } from '../../model/kernel-profile.js';
import { printLinkinfo, printNl, type LinkPrintFilter, type ShowCtx } from './fields.js';
import { printLinkStats } from './stats.js';
import { Printer } from '../print.js';
import { fail, ok, unsupported, type CmdContext, type CommandResult, type IpGlobals } from '../types.js';

/** Kinds whose rtnl_link_ops are registered on the reference machine: the kernel filters a dump by them. */
const KERNEL_KINDS = new Set(['veth', 'bridge', 'vxlan', 'tun', 'macvlan']);

/**
 * Lists links (`doLink`: `ip link show`) or links with their addresses (`ip addr show`).
 * Never throws: bad selectors give iproute2's message and exit status.
 */
export function showLinks(ctx: CmdContext, g: IpGlobals, f: LinkFilter, doLink: boolean): CommandResult {
  const ns = ctx.ns;
  // counters are the simulator's, for the kinds it counts (sim/dev-stats.ts); brief output has none
  const counted = g.stats > 0 && !g.brief ? ctx.linkStats : undefined;
  if (g.stats > 0 && !g.brief) {
    // `dev X` shows one device: only its counters matter
    const one = f.dev !== null ? ns.linkByName(f.dev) : undefined;
    const shown = one ? [one] : ns.linkList();
    const uncounted = shown.find((l) => !counted?.(l));
    // counts the kernel's own timers make random (sim/dev-stats.ts)
    const random = uncounted ? undefined : shown.find((l) => counted?.(l)?.unpredictable);
    if (random) return unsupported(`ip ${'-s '.repeat(g.stats)}${doLink ? 'link' : 'address'} (counters of ${random.name}: ${counted!(random)!.unpredictable})`);
    // `-s -s` adds the error counters (none in the simulator's devices) and transns, the carrier
    // changes the model counts for veth ends; lo has none
    const noTransns = g.stats > 1 ? shown.find((l) => l.kind !== 'loopback' && l.carrierChanges === undefined) : undefined;
    if (g.stats > 2 || noTransns || g.json || !counted || uncounted)
      return unsupported(`ip ${'-s '.repeat(g.stats)}${doLink ? 'link' : 'address'}${uncounted ? ` (counters of a ${uncounted.kind} device)` : ''}`);
  }
  // `ip link` lists with AF_PACKET whatever -4/-6 says; `to PREFIX` makes `ip addr` IPv4
  let family = doLink ? 'link' : g.family;
  if (!doLink && family === null && f.to) family = 'inet';

  let master = 0;
  if (f.master !== null) {
    const m = ns.linkByName(f.master);
    if (!m) return fail(`Error: argument "${f.master}" is wrong: Device does not exist\n\n`, 255);
    master = m.ifindex;
  }
  if (f.nomaster) master = -1;
  let kind: string | null = null;
  let slaveKind: string | null = null;
  if (f.type !== null) {
    if (f.type.endsWith('_slave')) slaveKind = f.type.slice(0, -'_slave'.length);
    else kind = f.type;
  }
  let dev: Link | null = null;
  if (f.dev !== null) {
    dev = ns.linkByName(f.dev) ?? null;
    if (!dev) return fail(`Device "${f.dev}" does not exist.\n`, 1);
  }

  const p = new Printer(g.json, g.pretty);
  p.color = g.color;
  const c: ShowCtx = {
    p,
    ns,
    sl: g.oneline ? '\\' : '\n',
    doLink,
    brief: g.brief,
    details: g.details > 0,
    oneline: g.oneline,
    family,
    ...(counted ? { stats: counted } : {}),
    ...(g.stats > 1 ? { errorStats: true } : {}),
  };
  const pf: LinkPrintFilter = { up: f.up, master, kind, slaveKind, label: !!f.label };
  p.startList();

  if (dev && doLink) {
    // iplink_get: RTM_GETLINK for that one device, every filter applied by iproute2
    p.openObject();
    printLinkinfo(c, ifinfo(dev, 'full'), pf);
    p.closeObject();
    p.endList();
    return ok(p.output);
  }

  let infos: IfInfo[];
  if (dev) infos = [ifinfo(dev, 'full')];
  else if (family === 'inet6') infos = ns.linkList().map((l) => ifinfo(l, 'inet6'));
  else
    infos = ns
      .linkList()
      .filter((l) => kernelKeeps(l, master, kind))
      .map((l) => ifinfo(l, 'full'));

  const withAddrs = family !== 'link';
  const af: AddrPrintFilter = addrFilter(f, family === 'link' ? null : family);
  // the address dump asks for one family (or all): a link's list holds only those
  const addrs = new Map<Link, IfAddr[]>();
  if (withAddrs) {
    for (const info of infos)
      addrs.set(
        info.link,
        linkAddrs(info.link).filter((a) => family === null || a.family === family),
      );
    infos = infos.filter((info) => keepForAddrs(info, addrs.get(info.link)!, af, family));
    // an id the kernel drew at random cannot be predicted: the listing is not (ids of fe80::/64,
    // which comparisons mask, are not marked)
    for (const info of infos) {
      const shown = addrs.get(info.link)!.find((a) => a.randomIid && addrMatches(a, af, info.name));
      if (shown) return unsupported(`ip address (${info.name}'s ${shown.local}/${shown.prefixlen} has an id addr_gen_mode 3 drew at random)`);
    }
  }
  // `ip -o addr`: one line per address, no link lines
  const noLink = withAddrs && g.oneline;

  for (const info of infos) {
    p.openObject();
    let res = 0;
    if (c.brief || !noLink) res = printLinkinfo(c, info, pf);
    if (res >= 0 && withAddrs) printSelectedAddrinfo(c, info, addrs.get(info.link)!, af, f.up);
    // `ip -s addr`: the counters come after the addresses (print_link_stats)
    const counters = res > 0 && !doLink ? counted?.(info.link) : null;
    if (counters) {
      printLinkStats(c, counters, info.link);
      printNl(c);
    }
    p.closeObject();
  }
  p.endList();
  return ok(p.output);
}

/** rtnl_dump_ifinfo's link_master_filtered and link_kind_filtered. */
function kernelKeeps(l: Link, master: number, kind: string | null): boolean {
  if (master === -1 && l.master !== null) return false;
  if (master > 0 && l.master?.ifindex !== master) return false;
  if (kind !== null && (KERNEL_KINDS.has(kind) || (['dummy', 'ifb', 'vlan', 'ipip', 'gre', 'sit'].includes(kind) && kernelHasLinkKind(l.ns, kind))) && linkKind(l) !== kind) return false;
  return true;
}

/** The address selectors of a LinkFilter, as print_addrinfo tests them. */
function addrFilter(f: LinkFilter, family: 'inet' | 'inet6' | null): AddrPrintFilter {
  let flags = 0;
  let flagmask = 0;
  if (f.primary != null) {
    flagmask |= IFA_F.SECONDARY;
    if (!f.primary) flags |= IFA_F.SECONDARY;
  }
  if (f.permanent != null) {
    flagmask |= IFA_F.PERMANENT;
    if (f.permanent) flags |= IFA_F.PERMANENT;
  }
  if (f.addrFlags) {
    flags = (flags & ~f.addrFlags.mask) | f.addrFlags.flags;
    flagmask |= f.addrFlags.mask;
  }
  return { family, scope: f.scope ?? null, flags, flagmask, label: f.label ?? null, to: f.to ?? null };
}

/** ipaddr_filter: a link stays if one of its addresses matches, or if it has none and no family was asked for. */
function keepForAddrs(info: IfInfo, addrs: IfAddr[], af: AddrPrintFilter, family: string | null): boolean {
  if (addrs.some((a) => addrMatches(a, af, info.name))) return true;
  return addrs.length === 0 && family === null;
}

/** print_selected_addrinfo: the `addr_info` array; brief mode ends the line here. */
function printSelectedAddrinfo(c: ShowCtx, info: IfInfo, addrs: IfAddr[], af: AddrPrintFilter, up: boolean): void {
  c.p.openArray('addr_info');
  for (const a of addrs) {
    if (up && !(info.flags & IFF.UP)) continue;
    c.p.openObject();
    printAddrinfo(c, a, af, info.link.name);
    c.p.closeObject();
  }
  c.p.closeArray();
  if (c.brief) c.p.text('\n');
}
