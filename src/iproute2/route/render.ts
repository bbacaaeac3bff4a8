/**
 * `ip route show|list` (ip/iproute.c iproute_list_flush_or_save + print_route) over the model,
 * in the kernel's dump order: IPv4 tables by hash bucket (id & 255, the newest table first in
 * a bucket), each in fib_trie order (by prefix, longer first for one address, TOS descending,
 * metric ascending, then insertion), and with `table all` the IPv6 routes after them.
 *
 * Without `table` the dump is table main, IPv4; `table all` (or 0) is every table of both
 * families; `-6` shows the IPv6 side only. A table that was never created is the kernel's
 * error `ipv4: FIB table does not exist.` (and, with -j, the `[` already written).
 */
import { hopLinkdown, routeLinkdown } from '../../ops/apply-route.js';
import { inPrefix, ip4ToString, maskOf } from '../../model/ip.js';
import type { Netns } from '../../model/netns.js';
import type { Route, RouteHop } from '../../model/route.js';
import type { PrefixArg, RouteFilter } from '../filters.js';
import { route6Msg } from './msg6.js';
import { ringFrom } from '../../model/ipv6/fib6.js';
import { ip6InPrefix, ip6Mask } from '../../model/ipv6/ip6.js';
import { now6 } from '../../model/ipv6/port6.js';
import { noHide, printRoute, type HopMsg, type RouteHide, type RouteMsg } from './msg.js';
import { Printer } from '../print.js';
import type { CmdContext, CommandResult, IpGlobals } from '../types.js';

/** The rtmsg the kernel dumps for one IPv4 FIB entry (fib_dump_info). */
export function routeMsg(r: Route, tableId = r.table): RouteMsg {
  const flags: string[] = [];
  if (r.onlink && !r.hops) flags.push('onlink');
  if (routeLinkdown(r)) flags.push('linkdown');
  const m: RouteMsg = {
    family: 'inet',
    // fib_dump_info: a route through a blackhole nexthop object is reported as a blackhole
    type: r.nhBlackhole ? 'blackhole' : r.type,
    dst: r.dstLen ? ip4ToString(r.dst) : null,
    dstLen: r.dstLen,
    tos: r.tos,
    table: tableId,
    protocol: r.protocol,
    scope: r.scope,
    flags,
    cloned: false,
  };
  if (r.nh) m.nhid = r.nh.id;
  if (r.hops) m.nexthops = r.hops.map(hopMsg);
  else {
    if (r.gateway !== null) m.gateway = ip4ToString(r.gateway);
    if (r.dev) m.dev = r.dev.name;
    // the blackhole nexthop's device (nexthop_compat_mode)
    else if (r.nhBlackhole) m.dev = 'lo';
  }
  if (r.nh) m.nhInfo = r.nh;
  if (r.prefsrc !== null) m.prefsrc = ip4ToString(r.prefsrc);
  if (r.metric) m.metric = r.metric;
  if (r.mtu) m.mtu = r.mtu;
  return m;
}

/** fib_add_nexthop: one hop of a multipath route, with its flags. */
function hopMsg(h: RouteHop): HopMsg {
  const flags: string[] = [];
  if (h.dead) flags.push('dead');
  if (h.onlink) flags.push('onlink');
  if (hopLinkdown(h)) flags.push('linkdown');
  const m: HopMsg = { dev: h.dev.name, weight: h.weight, flags };
  if (h.gateway !== null) m.gateway = ip4ToString(h.gateway);
  return m;
}

/** The IPv4 tables in dump order: hash bucket id & 255, newest first within a bucket. */
export function tablesInDumpOrder(ns: Netns): number[] {
  const ids = [...ns.tables.keys()];
  const created = new Map(ids.map((id, i) => [id, i]));
  return ids.sort((a, b) => (a & 255) - (b & 255) || created.get(b)! - created.get(a)!);
}

/** inet_addr_match over a prefix: the first `len` bits agree. */
function prefixHas(p: PrefixArg, addr: number, len: number): boolean {
  return ((addr ^ p.addr) & maskOf(len)) === 0;
}

/** filter_nlmsg for the selectors that can apply to either family. */
function keep(m: RouteMsg, f: RouteFilter, dev: string | null, addr: number | null): boolean {
  if (f.protocol !== null && m.protocol !== f.protocol) return false;
  if (f.scope !== null && m.scope !== f.scope) return false;
  if (f.type !== null && m.type !== f.type) return false;
  if (f.vrfOnly && (m.type === 'local' || m.type === 'broadcast')) return false;
  if (f.tos !== null && m.tos !== f.tos) return false;
  if (dev !== null && m.dev !== dev) return false;
  // FIB entries carry no RTA_IIF and no mark
  if (f.iif !== null) return false;
  if (f.mark) return false;
  if (f.metric !== null && (m.metric ?? 0) !== f.metric) return false;
  const v4only = f.root || f.match || f.exact || f.via || f.src;
  if (v4only && m.family !== 'inet') return true;
  if (v4only && [f.root, f.match, f.exact, f.via, f.src].some((p) => p && p.addr6 !== undefined)) return false;
  if (addr === null) return true;
  if (f.root && (f.root.len > m.dstLen || !prefixHas(f.root, addr, f.root.len))) return false;
  if (f.match && (f.match.len < m.dstLen || !prefixHas(f.match, addr, m.dstLen))) return false;
  // `exact P` (or a bare prefix) is root and match at once: this very prefix
  if (f.exact && (f.exact.len !== m.dstLen || !prefixHas(f.exact, addr, f.exact.len))) return false;
  return true;
}

function hides(f: RouteFilter, tableGiven: boolean): RouteHide {
  const h = noHide();
  h.table = tableGiven;
  h.dev = f.dev !== null;
  h.protocol = f.protocol !== null;
  h.scope = f.scope !== null;
  h.metric = f.metric !== null;
  h.tos = f.tos !== null;
  h.iif = f.iif !== null;
  const full = (p: PrefixArg) => p.len === (p.addr6 !== undefined ? 128 : 32);
  h.via = f.via !== null && full(f.via);
  h.prefsrc = f.src !== null && full(f.src);
  h.type = f.type;
  return h;
}

/** The IPv6 selectors of `ip -6 route show` (root, match, exact, via, src) over one route. */
function keep6(f: RouteFilter, dst: bigint, len: number, gw: bigint | null, src: bigint | null): boolean {
  const has = (p: { addr6?: bigint; len: number }, a: bigint, l: number) => p.addr6 !== undefined && ((a ^ p.addr6) & ip6Mask(l)) === 0n;
  for (const p of [f.root, f.match, f.exact, f.via, f.src]) if (p && p.addr6 === undefined) return false;
  if (f.root && (f.root.len > len || !has(f.root, dst, f.root.len))) return false;
  if (f.match && (f.match.len < len || !has(f.match, dst, len))) return false;
  if (f.exact && (f.exact.len !== len || !has(f.exact, dst, f.exact.len))) return false;
  if (f.via && (gw === null || !ip6InPrefix(gw, f.via.addr6!, f.via.len))) return false;
  if (f.src && (src === null || !ip6InPrefix(src, f.src.addr6!, f.src.len))) return false;
  return true;
}

function tableMissing(g: IpGlobals, family: 'ipv4' | 'ipv6'): CommandResult {
  // new_json_obj already wrote the array's opening before the dump failed
  const stdout = g.json ? (g.pretty ? '[ ' : '[') : '';
  return { exit: 2, stdout, stderr: `Error: ${family}: FIB table does not exist.\nDump terminated\n` };
}

/**
 * `ip route show [SELECTOR]`.
 *
 * @example
 * renderRoutes({ ns }, defaultGlobals(), emptyRouteFilter()).stdout
 * // 'default via 10.0.0.1 dev eth0 \n10.0.0.0/24 dev eth0 proto kernel scope link src 10.0.0.2 \n'
 */
export function renderRoutes(ctx: CmdContext, g: IpGlobals, f: RouteFilter): CommandResult {
  const ns = ctx.ns;
  const tb = f.table === 'all' ? 0 : (f.table ?? 254);
  const fam = f.family ?? (g.family === 'inet' || g.family === 'inet6' ? g.family : null);
  // iproute2 asks for IPv4 only when a table is given (main by default) and no family is
  const v4 = fam !== 'inet6';
  const v6 = fam === 'inet6' || (fam === null && tb === 0);
  for (const name of [f.dev, f.iif]) {
    if (name !== null && !ns.linkByName(name)) return { exit: 1, stdout: '', stderr: `Cannot find device "${name}"\n` };
  }
  if (tb !== 0) {
    if (v4 && !ns.tables.has(tb)) return tableMissing(g, 'ipv4');
    if (v6 && !ns.inet6.tables.has(tb)) return tableMissing(g, 'ipv6');
  }
  const p = new Printer(g.json, g.pretty);
  p.color = g.color;
  const hide = hides(f, tb !== 0);
  const sl = g.oneline ? '\\' : '\n';
  p.startList();
  if (v4) {
    const ids = tb === 0 ? tablesInDumpOrder(ns) : [tb];
    for (const id of ids) {
      for (const r of ns.tables.get(id)?.routes ?? []) {
        if (f.dev !== null && (!r.dev || r.hops)) continue;
        const m = routeMsg(r, id);
        if (!keep(m, f, f.dev, r.dst)) continue;
        if (f.via && !inPrefix(r.hops ? 0 : (r.gateway ?? 0), f.via.addr, f.via.len)) continue;
        if (f.src && !inPrefix(r.prefsrc ?? 0, f.src.addr, f.src.len)) continue;
        printRoute(p, m, hide, g.details, sl);
      }
    }
  }
  if (v6) {
    const lo = ns.linkList()[0];
    const now = lo ? now6(lo) : 0;
    for (const t of ns.inet6.dumpOrder()) {
      if (tb !== 0 && t.id !== tb) continue;
      const rs = t.routes;
      for (let i = 0; i < rs.length; i++) {
        const r = rs[i]!;
        const m = route6Msg(r, now);
        // fib6_dump_node: a multipath route is dumped once, and the walk goes on after its last sibling
        if (r.siblings) i = Math.max(i, rs.indexOf(ringFrom(r).at(-1)!));
        if (!keep(m, f, f.dev, null)) continue;
        if (!keep6(f, r.dst, r.dstLen, r.siblings ? null : r.gateway, r.prefsrc)) continue;
        printRoute(p, m, hide, g.details, sl);
      }
    }
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}
