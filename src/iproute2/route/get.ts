/**
 * `ip route get ADDR [from S] [iif D] [oif D] [uid N] [connected] [fibmatch]` (ip/iproute.c
 * iproute_get; the kernel's inet_rtm_getroute + rt_fill_info): the route the kernel would give
 * one packet, printed as a cached route —
 *
 *     8.8.8.8 via 10.0.0.1 dev eth0 src 10.0.0.2 uid 0
 *         cache
 *
 * Output routes report the chosen source (`src`) unless `from` fixed it and `uid` (0 for root);
 * input routes (`iif`) report `iif` and no uid. Local delivery goes to `dev lo` with
 * `cache <local>`. `table T` appears only for a table other than main — and while a namespace
 * has never had a custom rule, tables local and main are one and every answer is main.
 * Refusals are `RTNETLINK answers: <strerror>` with exit 2.
 */
import { ip4ToString } from '../../model/ip.js';
import { multipathHashText } from '../../model/route.js';
import type { RtEntry, RtErrno, RtResult } from '../../model/route-output.js';
import { routeOutput } from '../../model/route-output.js';
import { routeInput, type InputResult } from '../../model/route-input.js';
import { fibView } from '../../model/fib-lookup.js';
import { expiresSeconds, pmtuBind } from '../../model/pmtu.js';
import type { RouteGetArgs } from '../filters.js';
import { Printer } from '../print.js';
import { routeMsg } from './render.js';
import { noHide, printRoute, type RouteMsg } from './msg.js';
import { unsupported, type CmdContext, type CommandResult, type IpGlobals } from '../types.js';

const STRERROR: Record<RtErrno, string> = {
  EINVAL: 'Invalid argument',
  EHOSTUNREACH: 'No route to host',
  EACCES: 'Permission denied',
  ENETUNREACH: 'Network is unreachable',
  ENODEV: 'No such device',
  EXDEV: 'Invalid cross-device link',
};

/** `uid N` is optional on the command line; without it the kernel answers for the caller (root). */
type GetArgs = RouteGetArgs & { uid?: number | null };

function rtnlError(errno: RtErrno, stdout = ''): CommandResult {
  return { exit: 2, stdout, stderr: `RTNETLINK answers: ${STRERROR[errno]}\n` };
}

/** rt_fill_info: the answer to one route request; a learned PMTU (rt_bind_exception) shows as `expires Nsec mtu M`. */
function cachedMsg(ctx: CmdContext, rt: RtEntry, a: GetArgs): RouteMsg {
  const flags: string[] = [];
  // RTCF_MULTICAST shares its bit with RTM_F_OFFLOAD_FAILED, so iproute2 names it so
  if (rt.flags.multicast) flags.push('rt_offload_failed');
  const cache: string[] = [];
  if (rt.flags.local) cache.push('local');
  if (rt.flags.multicast) cache.push('mc');
  if (rt.flags.broadcast) cache.push('brd');
  if (rt.flags.redirect) cache.push('redirect');
  const m: RouteMsg = {
    family: 'inet',
    type: rt.type,
    dst: ip4ToString(a.dst),
    dstLen: 32,
    tos: rt.route?.tos ?? 0,
    dev: rt.dev.name,
    table: rt.table,
    protocol: 0,
    scope: 0,
    flags,
    cloned: true,
    cache,
  };
  if (a.from) m.from = ip4ToString(a.from);
  if (rt.gateway !== null) m.gateway = ip4ToString(rt.gateway);
  if (!rt.input && rt.saddr !== (a.from ?? 0)) m.prefsrc = ip4ToString(rt.saddr);
  if (a.uid !== undefined && a.uid !== null) m.uid = a.uid;
  else if (!rt.input) m.uid = 0;
  if (rt.route?.mtu) m.mtu = rt.route.mtu;
  const now = ctx.nowUs?.() ?? 0;
  const pmtu = rt.type === 'unicast' ? pmtuBind(ctx.ns, rt.daddr, rt.route, now) : null;
  if (pmtu) {
    m.expires = expiresSeconds(pmtu, now);
    m.mtu = pmtu.mtu;
    if (pmtu.locked) m.mtuLock = true;
  }
  if (rt.input) m.iif = a.iif!;
  return m;
}

function resolve(ctx: CmdContext, a: GetArgs): RtResult | InputResult | CommandResult {
  const ns = ctx.ns;
  const iif = a.iif !== null ? ns.linkByName(a.iif) : null;
  const oif = a.oif !== null ? ns.linkByName(a.oif) : null;
  if (a.iif !== null && !iif) return { exit: 1, stdout: '', stderr: `Cannot find device "${a.iif}"\n` };
  if (a.oif !== null && !oif) return { exit: 1, stdout: '', stderr: `Cannot find device "${a.oif}"\n` };
  // inet_rtm_getroute_build_skb: the request becomes a packet, which the multipath hash reads
  if (iif) return routeInput(fibView(ns), { dst: a.dst, src: a.from ?? 0, iif, tos: a.tos, mark: a.mark, hashKey: { src: a.from ?? 0, dst: a.dst } });
  return routeOutput(fibView(ns), { dst: a.dst, src: a.from ?? 0, oif: oif ?? null, tos: a.tos, mark: a.mark });
}

/** What the kernel answers with RTM_F_FIB_MATCH: the FIB entry itself, or an error. */
function fibMatchMsg(rt: RtEntry): RouteMsg | RtErrno {
  if (!rt.route) return 'EHOSTUNREACH';
  const m = routeMsg(rt.route, rt.table);
  m.type = rt.type;
  return m;
}

/**
 * `ip route get`.
 *
 * @example
 * routeGet({ ns }, defaultGlobals(), { dst: parseIp4('10.0.0.1')!, from: null, iif: null, oif: null,
 *   tos: 0, mark: 0, connected: false, fibmatch: false }).stdout
 * // 'local 10.0.0.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n'
 */
export function routeGet(ctx: CmdContext, g: IpGlobals, a: GetArgs): CommandResult {
  const r = resolve(ctx, a);
  if ('exit' in r) return r;
  if (!r.ok) return rtnlError(r.errno);
  const sl = g.oneline ? '\\' : '\n';
  let msg: RouteMsg;
  if (a.fibmatch) {
    const fm = fibMatchMsg(r.rt);
    if (typeof fm === 'string') return rtnlError(fm);
    msg = fm;
  } else {
    // the FIB entry is known, the hop the hash takes is not
    if (r.rt.hashed) return unsupported(multipathHashText(r.rt.hashed));
    msg = cachedMsg(ctx, r.rt, a);
    if (a.mark) msg.mark = a.mark;
  }
  const p = new Printer(g.json, g.pretty);
  p.startList();
  printRoute(p, msg, noHide(), g.details, sl);
  if (a.connected && a.from === null) {
    // iproute2 closes the JSON document after the first answer, then prints the second as text
    p.endList();
    if (msg.prefsrc === undefined && msg.from === undefined) {
      return { exit: 1, stdout: p.output, stderr: 'Failed to connect the route\n' };
    }
    // …and it sends the original request again, so the second answer is the first one again
    const again = new Printer(false, false);
    printRoute(again, msg, noHide(), g.details, sl);
    return { exit: 0, stdout: p.output + again.output, stderr: '' };
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/**
 * `ip route show cache` (IPv4): the nexthop exceptions a lookup has bound (fnhe_dump_bucket
 * lists those with a cached route only), each as rt_fill_info gives it without a flow — no
 * `src`, no `uid` —, with its learned MTU and the seconds left.
 */
export function renderCache(ctx: CmdContext, g: IpGlobals): CommandResult {
  const ns = ctx.ns;
  const now = ctx.nowUs?.() ?? 0;
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const [dst, e] of ns.pmtu) {
    if (!e.bound || e.expiresUs <= now || !ns.tables.get(e.route.table)?.routes.includes(e.route)) continue;
    const m: RouteMsg = {
      family: 'inet',
      type: 'unicast',
      dst: ip4ToString(dst),
      dstLen: 32,
      tos: e.route.tos,
      dev: e.route.dev?.name ?? '',
      table: e.route.table,
      protocol: 0,
      scope: 0,
      flags: [],
      cloned: true,
      cache: [],
    };
    if (e.route.gateway !== null) m.gateway = ip4ToString(e.route.gateway);
    m.expires = expiresSeconds(e, now);
    m.mtu = e.mtu;
    if (e.locked) m.mtuLock = true;
    printRoute(p, m, noHide(), g.details, g.oneline ? '\\' : '\n');
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}
