/**
 * The IPv6 side of `ip route` (ip/iproute.c, as it sends AF_INET6 requests): the fields
 * routeModify read, turned into route6 Ops; `ip -6 route flush` as one delete per selected
 * route (iproute_flush walks the dump); `ip -6 route get` through the IPv6 renderer.
 */
import { MODEL_ROUTE_TYPES, RTN } from '../names.js';
import type { HopSpec, Op, Route6AddOp, Route6DelOp, Route6Spec } from '../../ops/op.js';
import { exitWith, llNameToIndex, nodevText, notModelled, type InetPrefix } from '../args.js';
import { opsPlan, type Gaps, type IpPlan } from '../plan.js';
import type { CmdContext } from '../types.js';
import type { RouteFilter } from '../filters.js';
import { ip6InPrefix, ip6Mask } from '../../model/ipv6/ip6.js';
import { TABLE6 } from '../../model/ipv6/inet6-ns.js';
import { ringFrom, type Route6 } from '../../model/ipv6/fib6.js';

/** What routeModify read of an IPv6 route. */
export interface Route6Fields {
  dst: InetPrefix;
  typeOk: boolean;
  type: number;
  table: number | null;
  dev: string | null;
  gateway6: bigint | null;
  prefsrc6: bigint | null;
  metric: number | null;
  protocol: number | null;
  onlink: boolean;
  mtu: number | null;
  hoplimit: number | null;
  pref: 'low' | 'medium' | 'high' | null;
  expires: number | null;
  /** the `nexthop` hops (RTA_MULTIPATH), if any */
  hops: HopSpec[] | null;
}

/** iproute_modify for AF_INET6. */
export function route6Modify(ctx: CmdContext, mode: Route6AddOp['mode'] | 'del', gaps: Gaps, f: Route6Fields): IpPlan {
  let devName: string | null = null;
  if (f.dev !== null) {
    const l = llNameToIndex(ctx.ns, f.dev);
    if (!l) exitWith(nodevText(f.dev), 1);
    devName = l.name;
  }
  const del = mode === 'del';
  // IPv6 has every route type IPv4 has but broadcast
  const type = del && !f.typeOk ? 'unicast' : f.type === RTN.broadcast ? undefined : (MODEL_ROUTE_TYPES[f.type] as Route6Spec['type'] | undefined);
  if (!type) gaps.add(`IPv6 route type ${f.type}`);
  if (gaps.any) notModelled(`ip -6 route ${mode}: ${gaps.text()}`);
  let table = f.table === 0 ? TABLE6.main : f.table;
  if (table === null && (type === 'local' || type === 'anycast')) table = TABLE6.local;
  const spec: Route6Spec = {
    type: type!,
    dst: f.dst.addr6 ?? 0n,
    dstLen: f.dst.len,
    table,
    dev: devName,
    gateway: f.gateway6,
    prefsrc: f.prefsrc6,
    metric: f.metric,
    protocol: f.protocol,
    onlink: f.onlink,
    mtu: f.mtu,
    hoplimit: f.hoplimit,
    pref: f.pref,
    expires: f.expires,
    ...(f.hops ? { hops: f.hops } : {}),
  };
  if (del) return opsPlan([{ op: 'route6.del', route: spec } satisfies Route6DelOp]);
  return opsPlan([{ op: 'route6.add', mode, route: spec } satisfies Route6AddOp]);
}

/** Whether an IPv6 route passes `ip -6 route flush`'s selectors (filter_nlmsg). */
function flushMatches(r: Route6, f: RouteFilter): boolean {
  // a multipath message has neither RTA_OIF nor RTA_GATEWAY for the selectors to match
  const mp = r.siblings !== undefined;
  if (f.dev !== null && (mp || r.dev.name !== f.dev)) return false;
  if (f.protocol !== null && r.protocol !== f.protocol) return false;
  if (f.type !== null && r.type !== f.type) return false;
  if (f.metric !== null && r.metric !== f.metric) return false;
  if (f.iif !== null || f.tos !== null || f.scope !== null) return false;
  const in6 = (p: { addr6?: bigint; len: number } | null, a: bigint, len: number) => !p || (p.addr6 !== undefined && ((a ^ p.addr6) & ip6Mask(len)) === 0n);
  if (f.root && (f.root.len > r.dstLen || !in6(f.root, r.dst, f.root.len))) return false;
  if (f.match && (f.match.len < r.dstLen || !in6(f.match, r.dst, r.dstLen))) return false;
  if (f.exact && (f.exact.len !== r.dstLen || !in6(f.exact, r.dst, f.exact.len))) return false;
  if (f.via && (mp || r.gateway === null || f.via.addr6 === undefined || !ip6InPrefix(r.gateway, f.via.addr6, f.via.len))) return false;
  if (f.src && (r.prefsrc === null || f.src.addr6 === undefined || !ip6InPrefix(r.prefsrc, f.src.addr6, f.src.len))) return false;
  return true;
}

/** iproute_flush for AF_INET6: one RTM_DELROUTE per route the dump selects, as the dump describes it. */
export function route6Flush(ctx: CmdContext, f: RouteFilter): IpPlan {
  const ops: Op[] = [];
  const n = ctx.ns.inet6;
  const tables = f.table === 'all' ? n.dumpOrder() : [n.tables.get(f.table ?? TABLE6.main)].filter((t) => t !== undefined);
  for (const t of tables) {
    const rs = t.routes;
    for (let i = 0; i < rs.length; i++) {
      const r = rs[i]!;
      // a multipath route is one message of the dump (its siblings skipped), deleted hop by hop
      const ring = r.siblings ? ringFrom(r) : null;
      if (ring) i = Math.max(i, rs.indexOf(ring.at(-1)!));
      if (!flushMatches(r, f)) continue;
      const hops = ring?.map((x) => ({ gateway: null, gateway6: x.gateway, dev: x.dev.name, weight: x.weight ?? 1, onlink: false }));
      ops.push({
        op: 'route6.del',
        route: {
          type: r.type,
          dst: r.dst,
          dstLen: r.dstLen,
          table: r.table,
          dev: ring ? null : r.dev.name,
          gateway: ring ? null : r.gateway,
          prefsrc: null,
          metric: r.metric,
          protocol: r.protocol,
          onlink: false,
          mtu: null,
          hoplimit: null,
          pref: null,
          expires: null,
          ...(hops ? { hops } : {}),
        },
      });
    }
  }
  return opsPlan(ops);
}
