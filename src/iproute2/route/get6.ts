/**
 * `ip -6 route get ADDR [from S] [iif D] [oif D] [fibmatch]` (net/ipv6/route.c
 * inet6_rtm_getroute + rt6_fill_node): the route one packet would take, printed as the route
 * it matched with the request's addresses —
 *
 *     2001:db8::5 from :: dev va proto kernel src 2001:db8::1 metric 256 pref medium
 *
 * `from` is the request's source (`::` without one); an output route reports the source the
 * kernel would choose (`src`, none when it finds none); an input route (`iif`) reports `iif`;
 * local delivery goes to `dev lo` in table local. Refusals are `RTNETLINK answers: <strerror>`.
 */
import { formatIp6, type Ip6 } from '../../model/ipv6/ip6.js';
import { modelView6, type Fib6Errno } from '../../model/ipv6/fib6-lookup.js';
import { route6Input, route6Output, type Rt6Entry } from '../../model/ipv6/route6.js';
import { ipv6DevGetSaddr } from '../../model/ipv6/source6.js';
import { now6 } from '../../model/ipv6/port6.js';
import { Printer } from '../print.js';
import { noHide, printRoute } from './msg.js';
import { route6Msg } from './msg6.js';
import { unsupported, type CmdContext, type CommandResult, type IpGlobals } from '../types.js';
import { multipathHashText } from '../../model/route.js';

const STRERROR: Record<Fib6Errno, string> = {
  EINVAL: 'Invalid argument',
  EHOSTUNREACH: 'No route to host',
  EACCES: 'Permission denied',
  ENETUNREACH: 'Network is unreachable',
};

export interface Route6GetArgs {
  dst: Ip6;
  from: Ip6 | null;
  iif: string | null;
  oif: string | null;
  fibmatch: boolean;
  /** `mark M` (flowi6_mark), for `fwmark` rules */
  mark?: number;
}

/**
 * `ip -6 route show cache`: the path MTUs learned from "packet too big", as routes of their
 * destination (RTM_F_CLONED: no protocol shown).
 */
export function render6Cache(ctx: CmdContext, g: IpGlobals): CommandResult {
  const ns = ctx.ns;
  const lo = ns.linkList()[0];
  const now = lo ? now6(lo) : 0;
  const p = new Printer(g.json, g.pretty);
  p.startList();
  for (const [dst, e] of ns.inet6.pmtu) {
    if (e.expires <= now || !ns.inet6.tables.get(e.route.table)?.routes.includes(e.route)) continue;
    const m = route6Msg(e.route, now);
    m.dst = formatIp6(dst);
    m.dstLen = 128;
    m.cloned = true;
    m.expires = Math.trunc((e.expires - now - 4000) / 1e6);
    m.mtu = e.mtu;
    printRoute(p, m, noHide(), g.details, g.oneline ? '\\' : '\n');
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/** `ip -6 route get`. */
export function route6Get(ctx: CmdContext, g: IpGlobals, a: Route6GetArgs): CommandResult {
  const ns = ctx.ns;
  const iif = a.iif !== null ? (ns.linkByName(a.iif) ?? null) : null;
  const oif = a.oif !== null ? (ns.linkByName(a.oif) ?? null) : null;
  if (a.iif !== null && !iif) return { exit: 1, stdout: '', stderr: `Cannot find device "${a.iif}"\n` };
  if (a.oif !== null && !oif) return { exit: 1, stdout: '', stderr: `Cannot find device "${a.oif}"\n` };
  const view = modelView6(ns);
  const lo = ns.linkList()[0];
  const now = lo ? now6(lo) : 0;
  const mark = a.mark ?? 0;
  const res = iif ? route6Input(view, { dst: a.dst, src: a.from ?? 0n, iif, now, mark }) : route6Output(view, { dst: a.dst, src: a.from ?? 0n, oif, now, mark, hashKeys: { flowlabel: 0, proto: 0 } });
  if (!res.ok) return { exit: 2, stdout: '', stderr: `RTNETLINK answers: ${STRERROR[res.errno]}\n` };
  const rt: Rt6Entry = res.rt;
  // the sibling the hash takes is the answer, and `fibmatch` lists the siblings from it
  if (rt.hashed) return unsupported(multipathHashText(rt.hashed));
  const m = route6Msg(rt.route, now);
  if (!a.fibmatch) {
    m.dst = formatIp6(a.dst);
    m.dstLen = 128;
    m.from = formatIp6(a.from ?? 0n);
    m.dev = rt.dev.name;
    delete m.gateway;
    delete m.nexthops;
    if (rt.gateway !== null) m.gateway = formatIp6(rt.gateway);
    delete m.prefsrc;
    // ip6_route_get_saddr: the route's src, else the source the kernel would choose (whatever `from` said)
    const chosen = iif ? null : (rt.route.prefsrc ?? ipv6DevGetSaddr(ns, rt.route.dev, a.dst));
    if (chosen !== null) m.prefsrc = formatIp6(chosen);
    if (iif) m.iif = iif.name;
    if (rt.type === 'local') m.flags = [];
    // the answer is a dst, not the route: a route's own expiry is not in it
    delete m.expires;
    // a learned path MTU: the exception's expiry and MTU
    if (rt.pmtu) {
      m.expires = Math.trunc((rt.pmtu.expires - now - 4000) / 1e6);
      m.mtu = rt.pmtu.mtu;
    }
  }
  const p = new Printer(g.json, g.pretty);
  p.startList();
  printRoute(p, m, noHide(), g.details, g.oneline ? '\\' : '\n');
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}
