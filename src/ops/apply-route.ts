/**
 * route add / replace / append / change / del (net/ipv4/fib_frontend.c inet_rtm_newroute,
 * fib_semantics.c fib_create_info + fib_check_nh, fib_trie.c fib_table_insert/delete).
 * They edit tables only through RouteTable (so the namespace's route journal has every edit)
 * and record the change with `touchRoutes`, which lets caches update just those prefixes.
 */
import { SCOPE } from '../model/address.js';
import { addrType, fibLookup, tableLookup } from '../model/fib-lookup.js';
import { maskOf, networkOf } from '../model/ip.js';
import type { Link } from '../model/link.js';
import { hasCarrier } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import { PROTO, TABLE, type Route, type RouteHop, type RouteType } from '../model/route.js';
import { fillFromNexthop } from '../model/nexthop.js';
import { ERRNO, kernelError, OpError, rtnetlinkError } from './errors.js';
import { findDev, type OpContext } from './context.js';
import type { HopSpec, RouteAddOp, RouteDelOp, RouteFlushOp, RouteSpec } from './op.js';

/** fib_props[type].scope: the narrowest scope a route of this type may have. */
const TYPE_MIN_SCOPE: Record<RouteType, number> = {
  unicast: SCOPE.global,
  local: SCOPE.host,
  broadcast: SCOPE.link,
  anycast: SCOPE.link,
  multicast: SCOPE.global,
  blackhole: SCOPE.global,
  unreachable: SCOPE.global,
  prohibit: SCOPE.global,
  throw: SCOPE.global,
};

const REJECT_TYPES = new Set<RouteType>(['blackhole', 'unreachable', 'prohibit', 'throw']);

/** iproute2's defaults for fields the command left out. */
export function routeDefaults(spec: RouteSpec): { table: number; scope: number; protocol: number } {
  const local = spec.type === 'local' || spec.type === 'broadcast' || spec.type === 'anycast';
  const table = spec.table ?? (local ? TABLE.local : TABLE.main);
  let scope = spec.scope;
  if (scope === null) {
    if (spec.type === 'local') scope = SCOPE.host;
    else if (spec.type === 'broadcast' || spec.type === 'multicast' || spec.type === 'anycast') scope = SCOPE.link;
    else if (spec.type === 'unicast' && spec.gateway === null && !spec.hops && spec.nhid === undefined) scope = SCOPE.link;
    else scope = SCOPE.global;
  }
  return { table, scope, protocol: spec.protocol ?? PROTO.boot };
}

/** fib_create_info: the route the kernel would store, or its refusal. */
export function buildRoute(ctx: OpContext, spec0: RouteSpec): Route {
  const ns = ctx.ns;
  // rtm_to_fib_config: RTA_GATEWAY 0.0.0.0 sets no gateway family, so `via 0.0.0.0` is a route
  // with no gateway; only iproute2's default scope (global, a gateway was given) remembers it
  const spec = spec0.gateway === 0 ? { ...spec0, gateway: null, scope: spec0.scope ?? routeDefaults(spec0).scope } : spec0;
  const { table, scope, protocol } = routeDefaults(spec);
  const dev = spec.dev !== null ? findDev(ctx, spec.dev) : null;
  if (spec.dst !== networkOf(spec.dst, spec.dstLen)) throw kernelError('Invalid prefix for given prefix length');
  if (TYPE_MIN_SCOPE[spec.type] > scope) throw kernelError('Invalid scope');
  if (scope > SCOPE.host) throw kernelError('Invalid scope');
  const r: Route = {
    table,
    type: spec.type,
    dst: spec.dst,
    dstLen: spec.dstLen,
    tos: spec.tos,
    protocol,
    scope,
    metric: spec.metric ?? 0,
    dev,
    gateway: spec.gateway,
    prefsrc: spec.prefsrc,
    onlink: spec.onlink,
    nhScope: SCOPE.host,
    mtu: spec.mtu ?? undefined,
  };
  if (spec.nhid !== undefined) {
    useNexthop(ns, r, spec.nhid, scope);
  } else if (REJECT_TYPES.has(spec.type)) {
    if (spec.gateway !== null || dev || spec.hops) throw kernelError('Gateway, device and multipath can not be specified for this route type');
    r.nhScope = SCOPE.nowhere;
  } else if (spec.hops) {
    buildHops(ctx, r, spec.hops, dev, table, scope);
  } else {
    checkNexthop(ns, r, dev, table, scope);
  }
  if (spec.prefsrc !== null && !validPrefsrc(ns, r)) throw kernelError('Invalid prefsrc address');
  return r;
}

/** fib_create_info with RTA_NH_ID: the nexthop object must exist and suit the route's scope (fib_check_nexthop). */
function useNexthop(ns: Netns, r: Route, id: number, scope: number): void {
  const nh = ns.nexthops.get(id);
  if (!nh) throw kernelError('Nexthop id does not exist');
  if (scope === SCOPE.host) {
    if (nh.group) throw kernelError('Route with host scope can not have multiple nexthops');
    if (nh.gateway !== null) throw kernelError('Route with host scope can not have a gateway');
  }
  if (!nh.group && nh.onlink && scope >= SCOPE.link) throw kernelError('Scope mismatch with nexthop');
  fillFromNexthop(r, nh);
}

/** fib_check_nh: the one nexthop `r` holds (its dev, gateway, onlink), with r.dev and r.nhScope set as the kernel resolves them. */
export function checkNexthop(ns: Netns, r: Route, dev: Link | null, table: number, scope: number): void {
  if (scope === SCOPE.host) {
    if (r.gateway !== null) throw kernelError('Route with host scope can not have a gateway');
    if (!dev) throw rtnetlinkError(ERRNO.ENODEV);
    r.nhScope = SCOPE.nowhere;
  } else if (r.gateway !== null) {
    checkGateway(ns, r, dev, table, scope);
  } else {
    if (r.onlink) throw kernelError('Invalid flags for nexthop - PERVASIVE and ONLINK can not be set');
    if (!dev) throw rtnetlinkError(ERRNO.ENODEV);
    if (!dev.up) throw kernelError('Device for nexthop is not up');
    r.nhScope = SCOPE.host;
  }
}

/**
 * fib_create_info for RTA_MULTIPATH: fib_get_nhs, the first hop held against RTA_OIF and
 * RTA_GATEWAY, then fib_check_nh for each hop in order. One hop makes a plain route (the kernel
 * keeps a fib_info of one nexthop, and shows it as such).
 */
function buildHops(ctx: OpContext, r: Route, specs: readonly HopSpec[], dev: Link | null, table: number, scope: number): void {
  const devs = specs.map((h) => (h.dev !== null ? findDev(ctx, h.dev) : null));
  if (dev && devs[0] !== dev) throw kernelError('Nexthop device index does not match RTA_OIF');
  if (r.gateway !== null && specs[0]!.gateway !== r.gateway) throw kernelError('Nexthop gateway does not match RTA_GATEWAY or RTA_VIA');
  const hops: RouteHop[] = specs.map((h, i) => {
    const one: Route = { ...r, dev: devs[i]!, gateway: h.gateway === 0 ? null : h.gateway, onlink: h.onlink };
    checkNexthop(ctx.ns, one, devs[i]!, table, scope);
    return { dev: one.dev!, gateway: one.gateway, weight: h.weight, onlink: one.onlink, nhScope: one.nhScope, dead: false };
  });
  const first = hops[0]!;
  Object.assign(r, { dev: first.dev, gateway: first.gateway, onlink: first.onlink, nhScope: first.nhScope });
  if (hops.length === 1) return;
  r.hops = hops;
  // fib_create_info: RTNH_F_LINKDOWN on the route when every hop is without carrier
  if (hops.every((h) => !hasCarrier(h.dev))) r.allLinkdown = true;
}

/** fib_check_nh_v4_gw: the gateway must be on-link (scope link/host routes only). */
function checkGateway(ns: Netns, r: Route, dev: Link | null, table: number, scope: number): void {
  const gw = r.gateway!;
  if (r.onlink) {
    if (scope >= SCOPE.link) throw kernelError('Nexthop has invalid scope');
    if (!dev) throw kernelError('Nexthop device required for onlink');
    if (!dev.up) throw kernelError('Nexthop device is not up');
    if (addrType(ns, gw, dev) !== 'unicast') throw kernelError('Nexthop has invalid gateway');
    r.nhScope = SCOPE.link;
    return;
  }
  const key = { dst: gw, oif: dev, scope: Math.max(scope + 1, SCOPE.link), ignoreLinkstate: true };
  let res = null;
  if (table !== TABLE.main) {
    const t = ns.tables.get(table);
    if (t) res = tableLookup(t, key);
    if (res && res.kind !== 'route') res = null;
  }
  if (!res) res = fibLookup(ns, key);
  // fib_lookup failed (ENETUNREACH and kin): an ioctl (net-tools route) shows that errno
  if (res.kind !== 'route') throw kernelError('Nexthop has invalid gateway', 'gw-lookup');
  if (res.route.type !== 'unicast' && res.route.type !== 'local') throw kernelError('Nexthop has invalid gateway');
  const out = res.route.dev;
  if (!out) throw kernelError('No egress device for nexthop gateway');
  r.nhScope = res.route.scope;
  r.dev = out;
  if (!out.up) throw rtnetlinkError('Network is down');
}

/** fib_valid_prefsrc: the source must be a local address (table local for table main). */
function validPrefsrc(ns: Netns, r: Route): boolean {
  if (r.type === 'local' && r.dst !== 0 && r.prefsrc === r.dst) return true;
  const tb = r.table === TABLE.main ? TABLE.local : r.table;
  return addrType(ns, r.prefsrc!, null, tb) === 'local';
}

function sameInfo(a: Route, b: Route): boolean {
  return (
    a.type === b.type &&
    a.protocol === b.protocol &&
    a.scope === b.scope &&
    a.prefsrc === b.prefsrc &&
    a.metric === b.metric &&
    a.dev === b.dev &&
    a.gateway === b.gateway &&
    a.onlink === b.onlink &&
    a.nh === b.nh &&
    sameHops(a.hops, b.hops)
  );
}

/** nh_comp: the same nexthops, in the same order, of the same weights. */
function sameHops(a: readonly RouteHop[] | undefined, b: readonly RouteHop[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((h, i) => h.dev === b[i]!.dev && h.gateway === b[i]!.gateway && h.weight === b[i]!.weight && h.onlink === b[i]!.onlink);
}

/**
 * fib_nh_match: `nhid N` matches the route using that object; a route using an object matches
 * no nexthop given otherwise; RTA_OIF or RTA_GATEWAY decide alone (against the first hop); else
 * the hops given.
 */
function nexthopMatch(ctx: OpContext, x: Route, s: RouteDelOp['route'], dev: Link | null): boolean {
  if (s.nhid !== undefined) return x.nh?.id === s.nhid;
  if (x.nh) return !dev && !s.gateway && !s.hops;
  if (dev && x.dev !== dev) return false;
  // a gateway of 0.0.0.0 is none (fib_nh_match compares gateways only when one was given)
  if (s.gateway && x.gateway !== s.gateway) return false;
  return dev !== null || !!s.gateway || !s.hops || hopsMatch(ctx, x, s.hops);
}

/**
 * fib_nh_match for RTA_MULTIPATH: each nexthop of the route against the hop given in its place,
 * on the device and gateway given; a route with more nexthops than were given does not match.
 */
function hopsMatch(ctx: OpContext, r: Route, given: readonly HopSpec[]): boolean {
  const hops = r.hops ?? [{ dev: r.dev!, gateway: r.gateway }];
  if (given.length < hops.length) return false;
  return hops.every((h, i) => {
    const g = given[i]!;
    if (g.dev !== null && findDev(ctx, g.dev) !== h.dev) return false;
    return g.gateway === null || g.gateway === h.gateway;
  });
}

/** fib_table_insert with the netlink flags iproute2 sends for each verb. */
export function applyRouteAdd(ctx: OpContext, op: RouteAddOp): void {
  // inet_rtm_newroute creates the table (fib_new_table) before fib_table_insert validates the
  // route, so a refused route still leaves its table behind; a malformed prefix or an unknown
  // device is refused before that.
  const spec = op.route;
  // rtm_to_fib_config, before any table is made
  if (spec.nhid !== undefined && (spec.dev !== null || (spec.gateway !== null && spec.gateway !== 0) || spec.hops)) {
    throw kernelError('Nexthop specification and nexthop id are mutually exclusive');
  }
  if (spec.dev !== null) findDev(ctx, spec.dev);
  if (spec.dst !== networkOf(spec.dst, spec.dstLen)) throw kernelError('Invalid prefix for given prefix length');
  ctx.ns.table(routeDefaults(spec).table);
  const r = buildRoute(ctx, spec);
  const flags = {
    add: { create: true, excl: true, replace: false, append: false },
    replace: { create: true, excl: false, replace: true, append: false },
    append: { create: true, excl: false, replace: false, append: true },
    prepend: { create: true, excl: false, replace: false, append: false },
    change: { create: false, excl: false, replace: true, append: false },
  }[op.mode];
  const t = ctx.ns.table(r.table);
  const same = t.withPrefix(r.dst, r.dstLen).filter((x) => x.tos === r.tos && x.metric === r.metric);
  if (same.length) {
    if (flags.excl) throw rtnetlinkError(ERRNO.EEXIST);
    const match = same.find((x) => sameInfo(x, r));
    if (flags.replace) {
      const first = same[0];
      // an identical route further down the list: nothing replaced, and EEXIST unless it is the first
      if (match === first) return;
      if (match) throw rtnetlinkError(ERRNO.EEXIST);
      t.replace(first, r);
      ctx.ns.touchRoutes();
      return;
    }
    if (match) throw rtnetlinkError(ERRNO.EEXIST);
  }
  if (!flags.create) throw rtnetlinkError(ERRNO.ENOENT);
  t.insert(r, flags.append);
  ctx.ns.touchRoutes();
}

/** fib_table_delete: the first route of the prefix matching every field the command gave. */
export function applyRouteDel(ctx: OpContext, op: RouteDelOp): void {
  const s = op.route;
  const table = s.table ?? TABLE.main;
  // rtm_to_fib_config and inet_rtm_delroute, before the table is looked for
  if (s.nhid !== undefined) {
    if (s.dev !== null || (s.gateway !== null && s.gateway !== 0) || s.hops) throw kernelError('Nexthop specification and nexthop id are mutually exclusive');
    if (!ctx.ns.nexthops.has(s.nhid)) throw kernelError('Nexthop id does not exist');
  }
  const dev = s.dev !== null ? findDev(ctx, s.dev) : null;
  const t = ctx.ns.tables.get(table);
  if (!t) throw kernelError('FIB table does not exist');
  const found = t
    .withPrefix(s.dst, s.dstLen)
    .find(
      (x) =>
        x.tos === s.tos &&
        (!s.typeGiven || x.type === s.type) &&
        (s.scope === null || x.scope === s.scope) &&
        (s.prefsrc === null || x.prefsrc === s.prefsrc) &&
        (s.protocol === null || x.protocol === s.protocol) &&
        (s.metric === null || x.metric === s.metric) &&
        nexthopMatch(ctx, x, s, dev),
    );
  if (!found) throw rtnetlinkError(ERRNO.ESRCH);
  t.remove(found);
  ctx.ns.touchRoutes();
}

export function applyRouteFlush(ctx: OpContext, op: RouteFlushOp): void {
  const dev = op.dev !== null ? findDev(ctx, op.dev) : null;
  const id = op.table ?? TABLE.main;
  const one = ctx.ns.tables.get(id);
  // the flush is a dump first: a table that was never made is the dump's error
  if (id !== 0 && !one) throw new OpError('Error: ipv4: FIB table does not exist.\nFlush terminated\n', 2, 'no-table');
  const tables = id === 0 ? [...ctx.ns.tables.values()] : [one!];
  for (const t of tables) {
    for (const r of [...t.routes]) {
      // a multipath route carries no RTA_OIF: iproute2's device filter never selects it
      if (dev && (r.dev !== dev || r.hops)) continue;
      if (op.protocol !== null && r.protocol !== op.protocol) continue;
      if (op.root && (r.dstLen < op.root.len || ((r.dst ^ op.root.addr) & maskOf(op.root.len)) !== 0)) continue;
      t.remove(r);
    }
  }
  ctx.ns.touchRoutes();
}

export function routeLinkdown(r: Route): boolean {
  // a multipath route's own flag (fi->fib_flags): set when made with every hop down, gone once one has carrier
  if (r.hops) return !!r.allLinkdown && r.hops.every((h) => !hasCarrier(h.dev));
  return r.dev !== null && r.nhScope !== SCOPE.nowhere && !hasCarrier(r.dev);
}

/** A nexthop's RTNH_F_LINKDOWN: dead, or its device without carrier. */
export function hopLinkdown(h: RouteHop): boolean {
  return h.dead || !hasCarrier(h.dev);
}

export { OpError };
