/**
 * `ip route` (ip/iproute.c of iproute2 6.1.0): add/change/replace/prepend/append/delete
 * through iproute_modify(), show/flush through iproute_list_flush_or_save(), get through
 * iproute_get(). The defaults iproute2 fills in (table main or local, the scope from the type
 * and the gateway, protocol boot) are the model's too, so fields the command left out stay null.
 */
import { TABLE } from '../../model/route.js';
import type { HopSpec, Op, RouteAddOp, RouteDelOp, RouteFlushOp, RouteSpec } from '../../ops/op.js';
import { parseNexthops } from './nexthops.js';
import { routeMatches } from './match.js';
import { Argv, duparg2, exitWith, getAddr, getPrefix, getU32, getUnsigned, invarg, llNameToIndex, matches, nodevText, notModelled, readFamily, type Family, type InetPrefix } from '../args.js';
import { dsfieldA2n, MODEL_ROUTE_TYPES, RTN, rtntypeA2n, rtprotA2n, rtscopeA2n, rttableA2n } from '../names.js';
import { emptyRouteFilter, type PrefixArg, type RouteFilter, type RouteGetArgs } from '../filters.js';
import { Gaps, donePlan, opsPlan, showPlan, type IpPlan } from '../plan.js';
import { renderRoutes, routeGet } from '../renderers.js';
import { route6Flush, route6Modify } from './parse6.js';
import { render6Cache, route6Get } from './get6.js';
import { renderCache } from './get.js';
import type { CmdContext, IpGlobals } from '../types.js';
import { ROUTE_USAGE } from '../usage.js';
import { SCOPE } from '../../model/address.js';

/**
 * Route metrics (RTA_METRICS) other than mtu, in iproute2's test order: name, exact match,
 * the label of its error message, how the value is read, whether `lock` may precede it.
 */
const METRICS: Array<[name: string, exact: boolean, label: string, kind: 'unsigned' | 'u8' | 'time' | 'bool' | 'ecn' | 'text', lock: boolean]> = [
  ['hoplimit', true, 'hoplimit', 'u8', true],
  ['advmss', true, 'mss', 'unsigned', true],
  ['reordering', false, 'reordering', 'unsigned', true],
  ['rtt', true, 'rtt', 'time', true],
  ['rto_min', true, 'rto_min', 'time', false],
  ['window', false, 'window', 'unsigned', true],
  ['cwnd', false, 'cwnd', 'unsigned', true],
  ['initcwnd', false, 'initcwnd', 'unsigned', true],
  ['initrwnd', false, 'initrwnd', 'unsigned', true],
  ['features', false, 'features', 'ecn', false],
  ['quickack', false, 'quickack', 'bool', false],
  ['congctl', false, 'congctl', 'text', true],
  ['rttvar', false, 'rttvar', 'time', true],
  ['ssthresh', false, 'ssthresh', 'unsigned', true],
];

type Mode = RouteAddOp['mode'] | 'del';

/** The kernel files `table 0` under main (fib_new_table / fib_get_table). */
function tableId(t: number | null): number | null {
  return t === 0 ? TABLE.main : t;
}

/** iproute_modify(). */
function routeModify(ctx: CmdContext, g: IpGlobals, argv: string[], mode: Mode): IpPlan {
  const gaps = new Gaps();
  const del = mode === 'del';
  let family: Family = g.family;
  let dev: string | null = null;
  let gwOk = false;
  let dst: InetPrefix | null = null;
  let scope: number | null = null;
  let table: number | null = null;
  let type: number = del ? RTN.unspec : RTN.unicast;
  let typeOk = false;
  let gateway: number | null = null;
  let prefsrc: number | null = null;
  let metric: number | null = null;
  let protocol: number | null = null;
  let tos = 0;
  let onlink = false;
  let mtu: number | null = null;
  let gateway6: bigint | null = null;
  let prefsrc6: bigint | null = null;
  let expires: number | null = null;
  let hoplimit: number | null = null;
  let pref: 'low' | 'medium' | 'high' | null = null;
  let hops: HopSpec[] | null = null;
  let nhWords: string[] | null = null;
  let nhid: number | null = null;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'src') {
      const p = getAddr(a.next(), family, V6);
      if (family === null) family = p.family;
      prefsrc = p.addr;
      prefsrc6 = p.addr6 ?? null;
    } else if (arg === 'as') {
      let v = a.next();
      if (v === 'to') v = a.next();
      const p = getAddr(v, family);
      if (family === null) family = p.family;
      gaps.add('route NAT (as)');
    } else if (arg === 'via') {
      if (gwOk) invarg('use nexthop syntax to specify multiple via\n', arg);
      gwOk = true;
      let v = a.next();
      let fam = readFamily(v);
      if (fam === undefined || fam === null) fam = family;
      else v = a.next();
      const p = getAddr(v, fam, V6);
      if (family === null) family = p.family;
      if (p.family !== family) notModelled('via with another address family');
      gateway = p.addr;
      gateway6 = p.addr6 ?? null;
    } else if (arg === 'from') {
      const p = getPrefix(a.next(), family, V6);
      if (family === null) family = p.family;
      gaps.add('route from (source prefix)');
    } else if (arg === 'tos' || matches(arg, 'dsfield')) {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === null) invarg('"tos" value is invalid\n', v);
      tos = t;
      if (tos !== 0) gaps.add('route tos');
    } else if (arg === 'expires') {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('"expires" value is invalid\n', v);
      expires = n;
    } else if (matches(arg, 'metric') || matches(arg, 'priority') || arg === 'preference') {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('"metric" value is invalid\n', v);
      metric = n;
    } else if (arg === 'scope') {
      const v = a.next();
      const s = rtscopeA2n(v);
      if (s === null) invarg('invalid "scope" value\n', v);
      scope = s;
    } else if (arg === 'mtu') {
      let v = a.next();
      if (v === 'lock') {
        gaps.add('route mtu lock');
        v = a.next();
      }
      const n = getUnsigned(v);
      if (n === null) invarg('"mtu" value is invalid\n', v);
      mtu = n;
    } else if (arg === 'hoplimit') {
      let v = a.next();
      if (v === 'lock') {
        gaps.add('route hoplimit lock');
        v = a.next();
      }
      const n = getUnsigned(v);
      if (n === null || n > 255) invarg('"hoplimit" value is invalid\n', v);
      hoplimit = n;
    } else if (parseMetric(a, arg, gaps)) {
      // another route metric
    } else if (matches(arg, 'realms')) {
      a.next();
      notModelled('route realms');
    } else if (arg === 'onlink') {
      onlink = true;
    } else if (arg === 'nexthop') {
      // parse_nexthops takes every word left, once the destination is known
      nhWords = a.rest();
      break;
    } else if (arg === 'nhid') {
      const v = a.next();
      const id = getU32(v);
      if (id === null) invarg('"id" value is invalid\n', v);
      nhid = id;
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      const p = rtprotA2n(v);
      if (p === null) invarg('"protocol" value is invalid\n', v);
      protocol = p;
    } else if (matches(arg, 'table')) {
      const v = a.next();
      const t = rttableA2n(v);
      if (t === null) invarg('"table" value is invalid\n', v);
      table = t;
    } else if (matches(arg, 'vrf')) {
      table = vrfTable(ctx, a.next());
    } else if (arg === 'dev' || arg === 'oif') {
      dev = a.next();
    } else if (matches(arg, 'pref')) {
      const v = a.next();
      if (v !== 'low' && v !== 'medium' && v !== 'high' && getUnsigned(v) === null) invarg('"pref" value is invalid\n', v);
      if (v === 'low' || v === 'medium' || v === 'high') pref = v;
      else gaps.add('route pref by number');
    } else if (arg === 'encap') {
      notModelled('route encap');
    } else if (arg === 'ttl-propagate') {
      const v = a.next();
      if (!matches(v, 'enabled') && !matches(v, 'disabled')) invarg('"ttl-propagate" value is invalid\n', v);
      gaps.add('route ttl-propagate');
    } else if (matches(arg, 'fastopen_no_cookie')) {
      const v = a.next();
      const n = getUnsigned(v);
      if (n === null) invarg('"fastopen_no_cookie" value is invalid\n', v);
      if (n !== 0 && n !== 1) invarg('"fastopen_no_cookie" value should be 0 or 1\n', v);
      gaps.add('route fastopen_no_cookie');
    } else {
      let v = arg;
      if (v === 'to') v = a.next();
      const first = v.charCodeAt(0);
      if (!(first >= 48 && first <= 57)) {
        const t = rtntypeA2n(v);
        if (t !== null) {
          v = a.next();
          type = t;
          typeOk = true;
        }
      }
      if (matches(v, 'help')) exitWith(ROUTE_USAGE, 255);
      if (dst) duparg2('to', v);
      dst = getPrefix(v, family, V6);
      if (family === null) family = dst.family;
    }
    a.step();
  }
  if (!dst) exitWith(ROUTE_USAGE, 255);
  if (nhWords) {
    const mp = parseNexthops(ctx, nhWords, family);
    family = mp.family;
    hops = mp.hops;
  }
  if (family === 'inet6' && nhid !== null) notModelled('IPv6 routes through nexthop objects (nhid)');
  if (family === 'inet6') return route6Modify(ctx, mode, gaps, { dst, typeOk, type, table, dev, gateway6, prefsrc6, metric, protocol, onlink, mtu, hoplimit, pref, expires, hops });
  if (expires !== null) gaps.add('route expires');
  if (hoplimit !== null) gaps.add('route hoplimit');
  if (pref !== null) gaps.add('route pref');
  let devName: string | null = null;
  if (dev !== null) {
    const l = llNameToIndex(ctx.ns, dev);
    if (!l) exitWith(nodevText(dev), 1);
    devName = l.name;
  }
  const typeName = MODEL_ROUTE_TYPES[type];
  if (typeOk && !typeName) gaps.add(`route type ${type}`);
  if (!del && !typeName) gaps.add(`route type ${type}`);
  if (gaps.any) notModelled(`ip route ${mode}: ${gaps.text()}`);
  if (table === null && (type === RTN.local || type === RTN.broadcast || type === RTN.anycast)) table = TABLE.local;
  const base = {
    dst: dst.addr,
    dstLen: dst.len,
    table: tableId(table),
    dev: devName,
    gateway,
    prefsrc,
    metric,
    protocol,
    onlink,
    tos,
    mtu,
    ...(hops ? { hops } : {}),
    ...(nhid !== null ? { nhid } : {}),
  };
  if (del) {
    // a delete matches any scope (RT_SCOPE_NOWHERE) unless the type implies one
    let delScope = scope;
    if (delScope === null) {
      if (type === RTN.local) delScope = SCOPE.host;
      else if (type === RTN.broadcast || type === RTN.multicast || type === RTN.anycast) delScope = SCOPE.link;
    }
    const op: RouteDelOp = {
      op: 'route.del',
      route: { ...base, protocol: protocol || null, scope: delScope === SCOPE.nowhere ? null : delScope, type: typeName ?? null, typeGiven: typeOk },
    };
    return opsPlan([op]);
  }
  const spec: RouteSpec = { ...base, type: typeName!, scope };
  return opsPlan([{ op: 'route.add', mode, route: spec }]);
}

/** The TCP metrics of a route (RTA_METRICS other than mtu): read, checked, not modelled. */
function parseMetric(a: Argv, arg: string, gaps: Gaps): boolean {
  const m = METRICS.find(([name, exact]) => (exact ? arg === name : matches(arg, name)));
  if (!m) return false;
  const [name, , label, kind, lock] = m;
  let v = a.next();
  if (lock && v === 'lock') v = a.next();
  let bad = false;
  if (kind === 'unsigned') bad = getUnsigned(v) === null;
  else if (kind === 'u8') bad = getUnsigned(v) === null || getUnsigned(v)! > 255;
  else if (kind === 'time') bad = !/^\d+(\.\d*)?(s|sec|secs|ms|msec|msecs)?$/.test(v);
  else if (kind === 'ecn') bad = v !== 'ecn';
  else if (kind === 'bool') {
    const n = getUnsigned(v);
    if (n === null) invarg(`"${label}" value is invalid\n`, v);
    bad = false;
    if (n !== 0 && n !== 1) invarg(`"${label}" value should be 0 or 1\n`, v);
  }
  if (bad) invarg(kind === 'ecn' ? '"features" value not valid\n' : `"${label}" value is invalid\n`, v);
  gaps.add(`route ${name}`);
  return true;
}

function prefixArg(p: InetPrefix): PrefixArg | null {
  // `all`/`any` with no family select nothing; with -4 they are 0/0
  if (p.keyword && !p.lenGiven && p.family === null) return null;
  return p.addr6 !== undefined ? { addr: 0, len: p.len, addr6: p.addr6 } : { addr: p.addr, len: p.len };
}

/** ipvrf_get_table: the table of the VRF device `name`, else invarg's "Invalid VRF". */
function vrfTable(ctx: CmdContext, name: string): number {
  const l = ctx.ns.linkByName(name);
  if (!l?.vrf) invarg('Invalid VRF\n', name);
  return l.vrf.table;
}

/** Addresses of either family are read where the IPv6 side is modelled. */
const V6 = { v6: true } as const;

/** iproute_list_flush_or_save(): the selectors of `ip route show` and `ip route flush`. */
function routeSelect(ctx: CmdContext, g: IpGlobals, argv: string[], flush: boolean): IpPlan {
  const gaps = new Gaps();
  const f = emptyRouteFilter();
  let tb: number | 'all' = TABLE.main;
  let cloned = false;
  const dumpFamily: Family = g.family;
  let iif: string | null = null;
  let oif: string | null = null;
  if (flush && argv.length === 0) exitWith('"ip route flush" requires arguments.\n', 1);
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (matches(arg, 'table')) {
      const v = a.next();
      const t = rttableA2n(v);
      if (t === null) {
        if (v === 'all') tb = 'all';
        else if (v === 'cache') cloned = true;
        else if (v === 'help') exitWith(ROUTE_USAGE, 255);
        else invarg('table id value is invalid\n', v);
      } else {
        tb = t === 0 ? 'all' : t;
      }
    } else if (matches(arg, 'vrf')) {
      tb = vrfTable(ctx, a.next());
      f.vrfOnly = true;
    } else if (matches(arg, 'cached') || matches(arg, 'cloned')) {
      cloned = true;
    } else if (arg === 'tos' || matches(arg, 'dsfield')) {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === null) invarg('TOS value is invalid\n', v);
      f.tos = t;
    } else if (matches(arg, 'protocol')) {
      const v = a.next();
      const p = rtprotA2n(v);
      if (p === null) {
        if (v !== 'all') invarg('invalid "protocol"\n', v);
        f.protocol = null;
      } else f.protocol = p;
    } else if (matches(arg, 'scope')) {
      const v = a.next();
      const s = rtscopeA2n(v);
      if (s === null) {
        if (v !== 'all') invarg('invalid "scope"\n', v);
        f.scope = null;
      } else f.scope = s;
    } else if (matches(arg, 'type')) {
      const v = a.next();
      const t = rtntypeA2n(v);
      if (t === null) invarg('node type value is invalid\n', v);
      if (MODEL_ROUTE_TYPES[t]) f.type = MODEL_ROUTE_TYPES[t];
      else gaps.add(`route type ${t}`);
    } else if (arg === 'dev' || arg === 'oif') {
      oif = a.next();
    } else if (arg === 'iif') {
      iif = a.next();
    } else if (arg === 'mark') {
      const v = a.next();
      const m = getUnsigned(v);
      if (m === null) invarg('invalid mark value', v);
      f.mark = m;
    } else if (matches(arg, 'metric') || matches(arg, 'priority') || arg === 'preference') {
      const v = a.next();
      const n = getU32(v);
      if (n === null) invarg('"metric" value is invalid\n', v);
      f.metric = n;
    } else if (arg === 'via') {
      let v = a.next();
      let fam = readFamily(v);
      if (fam === undefined || fam === null) fam = dumpFamily;
      else v = a.next();
      const p = getPrefix(v, fam, V6);
      f.via = prefixArg(p) ?? { addr: 0, len: 0 };
      if (p.keyword && !p.lenGiven && p.family === null) f.via = null;
    } else if (arg === 'src') {
      const p = getPrefix(a.next(), dumpFamily, V6);
      f.src = p.keyword && !p.lenGiven && p.family === null ? null : prefixArg(p);
    } else if (matches(arg, 'realms')) {
      a.next();
      notModelled('route realms');
    } else if (matches(arg, 'from')) {
      let v = a.next();
      if (matches(v, 'root') || matches(v, 'match') || matches(v, 'exact')) v = a.next();
      getPrefix(v, dumpFamily, V6);
      gaps.add('route from selector');
    } else {
      let v = arg;
      if (matches(v, 'to')) v = a.next();
      if (matches(v, 'root')) {
        f.root = prefixArg(getPrefix(a.next(), dumpFamily, V6));
      } else if (matches(v, 'match')) {
        f.match = prefixArg(getPrefix(a.next(), dumpFamily, V6));
      } else {
        if (matches(v, 'exact')) v = a.next();
        f.exact = prefixArg(getPrefix(v, dumpFamily, V6));
      }
    }
    a.step();
  }
  f.table = tb === TABLE.main ? null : tb;
  // iproute2 dumps IPv4 only unless `table all` (or -6) asks for every family
  f.family = dumpFamily === 'inet' || dumpFamily === 'inet6' ? dumpFamily : tb !== 'all' ? 'inet' : null;
  if (iif !== null) {
    const l = llNameToIndex(ctx.ns, iif);
    if (!l) exitWith(nodevText(iif), 1);
    f.iif = l.name;
  }
  if (oif !== null) {
    const l = llNameToIndex(ctx.ns, oif);
    if (!l) exitWith(nodevText(oif), 1);
    f.dev = l.name;
  }
  if (flush) {
    if (cloned) {
      if (dumpFamily === 'inet6') notModelled('ip -6 route flush cache');
      if (gaps.any || g.stats) notModelled(`ip route flush cache: ${gaps.text() || '-s'}`);
      // IPv4 has had no route cache since Linux 3.6; what the flush still drops is the nexthop
      // exceptions (learned path MTUs)
      return opsPlan([{ op: 'route.flushCache' }]);
    }
    if (g.stats) gaps.add('ip -s route flush');
    if (gaps.any) notModelled(`ip route flush: ${gaps.text()}`);
    if (f.family === 'inet6') return route6Flush(ctx, f);
    return routeFlush(ctx, f);
  }
  if (cloned && f.family === 'inet6' && argv.length === 1 && !g.color) return showPlan(() => render6Cache(ctx, g));
  // `cache`, `cached`, `cloned` or `table cache`, with no other selector
  const cacheOnly = argv.length === 1 || (argv.length === 2 && matches(argv[0]!, 'table') && argv[1] === 'cache');
  if (cloned && f.family !== 'inet6' && cacheOnly && !g.color && !g.stats) return showPlan(() => renderCache(ctx, g));
  if (cloned) gaps.add('route cache');
  if (g.color && cloned) gaps.add('colored output');
  if (gaps.any) notModelled(`ip route show: ${gaps.text()}`);
  return showPlan(() => renderRoutes(ctx, g, f));
}

/**
 * iproute_flush(): one RTM_DELROUTE per selected route. A flush by table, device, protocol and
 * `root` is the model's RouteFlushOp; any other selector becomes the list of deletes.
 */
function routeFlush(ctx: CmdContext, f: RouteFilter): IpPlan {
  const simple =
    f.iif === null &&
    f.scope === null &&
    f.type === null &&
    f.via === null &&
    f.src === null &&
    f.metric === null &&
    f.tos === null &&
    (f.mark ?? null) === null &&
    f.match === null &&
    f.exact === null &&
    f.family !== null;
  if (simple) {
    const op: RouteFlushOp = {
      op: 'route.flush',
      table: f.table === 'all' ? 0 : f.table,
      dev: f.dev,
      protocol: f.protocol,
      root: f.root,
    };
    return opsPlan([op]);
  }
  const ops: Op[] = [];
  const tables = f.table === 'all' ? [...ctx.ns.tables.values()] : [ctx.ns.tables.get(f.table ?? TABLE.main)].filter((t) => t !== undefined);
  for (const t of tables) {
    for (const r of t.routes) {
      if (!routeMatches(r, f)) continue;
      ops.push({
        op: 'route.del',
        route: {
          type: r.type,
          typeGiven: true,
          dst: r.dst,
          dstLen: r.dstLen,
          table: r.table,
          dev: r.dev && !r.hops ? r.dev.name : null,
          gateway: r.hops ? null : r.gateway,
          ...(r.hops ? { hops: r.hops.map((h) => ({ gateway: h.gateway, dev: h.dev.name, weight: h.weight, onlink: h.onlink })) } : {}),
          prefsrc: r.prefsrc,
          metric: r.metric,
          protocol: r.protocol || null,
          scope: r.scope,
          onlink: r.onlink,
          tos: r.tos,
          mtu: null,
        },
      });
    }
  }
  return opsPlan(ops);
}

/** iproute_get(). */
function routeGetPlan(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  const gaps = new Gaps();
  let family: Family = g.family;
  const args: RouteGetArgs & { uid?: number | null } = { dst: 0, from: null, iif: null, oif: null, tos: 0, mark: 0, connected: false, fibmatch: false };
  let warn = '';
  let found = false;
  let dst6: bigint | null = null;
  let from6: bigint | null = null;
  let idev: string | null = null;
  let odev: string | null = null;
  const a = new Argv(argv);
  while (a.more) {
    const arg = a.cur;
    if (arg === 'tos' || matches(arg, 'dsfield')) {
      const v = a.next();
      const t = dsfieldA2n(v);
      if (t === null) invarg('TOS value is invalid\n', v);
      args.tos = t;
    } else if (matches(arg, 'from')) {
      const v = a.next();
      if (matches(v, 'help')) exitWith(warn + ROUTE_USAGE, 255);
      const p = getPrefix(v, family, V6);
      if (family === null) family = p.family;
      if (!(p.keyword && p.family === null)) {
        args.from = p.addr;
        from6 = p.addr6 ?? null;
        if (p.len !== (p.family === 'inet6' ? 128 : 32)) gaps.add('route get from PREFIX');
      }
    } else if (matches(arg, 'iif')) {
      idev = a.next();
    } else if (matches(arg, 'mark')) {
      const v = a.next();
      const m = getUnsigned(v);
      if (m === null) invarg('invalid mark value', v);
      args.mark = m;
    } else if (matches(arg, 'oif') || arg === 'dev') {
      odev = a.next();
    } else if (matches(arg, 'notify')) {
      gaps.add('route get notify');
    } else if (matches(arg, 'connected')) {
      args.connected = true;
    } else if (matches(arg, 'vrf')) {
      // name_is_vrf, then the VRF device is the output device
      const v = a.next();
      if (!ctx.ns.linkByName(v)?.vrf) invarg('Invalid VRF\n', v);
      odev = v;
    } else if (matches(arg, 'uid')) {
      const v = a.next();
      const uid = getUnsigned(v);
      if (uid === null) invarg('invalid UID\n', v);
      args.uid = uid;
    } else if (matches(arg, 'fibmatch')) {
      args.fibmatch = true;
    } else if (arg === 'as') {
      let v = a.next();
      if (v === 'to') v = a.next();
      getAddr(v, family, V6);
      gaps.add('route get as');
    } else if (matches(arg, 'sport') || matches(arg, 'dport')) {
      const key = matches(arg, 'sport') ? 'sport' : 'dport';
      const v = a.next();
      if (getUnsigned(v) === null || getUnsigned(v)! > 0xffff) invarg(`invalid ${key}\n`, v);
      gaps.add(`route get ${key}`);
    } else if (matches(arg, 'ipproto')) {
      a.next();
      gaps.add('route get ipproto');
    } else {
      let v = arg;
      if (v === 'to') v = a.next();
      if (matches(v, 'help')) exitWith(warn + ROUTE_USAGE, 255);
      const p = getPrefix(v, family, V6);
      if (family === null) family = p.family;
      const full = p.family === 'inet6' ? 128 : 32;
      if (p.len !== full) warn += `Warning: /${p.len} as prefix is invalid, only /${full} (or none) is supported.\n`;
      args.dst = p.keyword && p.family === null ? 0 : p.addr;
      dst6 = p.addr6 ?? null;
      found = true;
    }
    a.step();
  }
  if (!found) exitWith(`${warn}need at least a destination address\n`, 1);
  if (idev !== null) {
    const l = llNameToIndex(ctx.ns, idev);
    if (!l) exitWith(warn + nodevText(idev), 1);
    args.iif = l.name;
  }
  if (odev !== null) {
    const l = llNameToIndex(ctx.ns, odev);
    if (!l) exitWith(warn + nodevText(odev), 1);
    args.oif = l.name;
  }
  if (g.color) gaps.add('colored output');
  if (family === 'inet6') {
    if (args.connected) gaps.add('ip -6 route get connected');
    if (args.tos) gaps.add('ip -6 route get tos');
    if (args.uid !== undefined && args.uid !== null) gaps.add('ip -6 route get uid');
    if (gaps.any) notModelled(`ip -6 route get: ${gaps.text()}`);
    const a6 = { dst: dst6 ?? 0n, from: from6, iif: args.iif, oif: args.oif, fibmatch: args.fibmatch, mark: args.mark };
    return showPlan(() => route6Get(ctx, g, a6), warn);
  }
  if (gaps.any) notModelled(`ip route get: ${gaps.text()}`);
  return showPlan(() => routeGet(ctx, g, args), warn);
}

/** do_iproute(). */
export function parseRoute(ctx: CmdContext, g: IpGlobals, argv: string[]): IpPlan {
  if (argv.length === 0) return routeSelect(ctx, g, [], false);
  const [cmd, ...rest] = argv;
  if (matches(cmd, 'add')) return routeModify(ctx, g, rest, 'add');
  if (matches(cmd, 'change') || cmd === 'chg') return routeModify(ctx, g, rest, 'change');
  if (matches(cmd, 'replace')) return routeModify(ctx, g, rest, 'replace');
  if (matches(cmd, 'prepend')) return routeModify(ctx, g, rest, 'prepend');
  if (matches(cmd, 'append')) return routeModify(ctx, g, rest, 'append');
  if (matches(cmd, 'test')) notModelled('ip route test');
  if (matches(cmd, 'delete')) return routeModify(ctx, g, rest, 'del');
  if (matches(cmd, 'list') || matches(cmd, 'show') || matches(cmd, 'lst')) return routeSelect(ctx, g, rest, false);
  if (matches(cmd, 'get')) return routeGetPlan(ctx, g, rest);
  if (matches(cmd, 'flush')) return routeSelect(ctx, g, rest, true);
  if (matches(cmd, 'save') || matches(cmd, 'restore') || matches(cmd, 'showdump')) notModelled(`ip route ${cmd}`);
  if (matches(cmd, 'help')) exitWith(ROUTE_USAGE, 255);
  return donePlan({ exit: 255, stdout: '', stderr: `Command "${cmd}" is unknown, try "ip route help".\n` });
}
