/**
 * The input route as the data path uses it: the model's routeInput (src/model/route-input.ts,
 * ip_route_input_slow written once for `ip route get … iif` and for packets) asked through
 * the namespace's runtime state, its answer sorted into what happens to the packet — delivered,
 * forwarded, answered by ip_error, or dropped — and every refusal worded for traces.
 */
import { ip4ToString, type Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { Route } from '../src/model/route.js';
import { routeInput, rpFilter, type InputResult } from '../src/model/route-input.js';
import type { RtErrno } from '../src/model/route-output.js';
import type { NsState } from './ns-state.js';
import type { DropReason } from './trace.js';

export type InputDecision =
  | { kind: 'local'; route: Route | null; broadcast: boolean }
  /** forwarded out of `dev` toward `gateway` (a learned redirect's, or the route's), else the destination */
  | { kind: 'forward'; route: Route; dev: Link; gateway: Ip4 | null; redirect: boolean }
  /** ip_error: no usable route; an ICMP error goes back (the device forwards) */
  | { kind: 'error'; errno: RtErrno; reason: DropReason; detail: string }
  | { kind: 'drop'; reason: DropReason; detail: string };

const ERROR_REASON: Partial<Record<RtErrno, DropReason>> = { ENETUNREACH: 'no-route', EHOSTUNREACH: 'unreachable', EACCES: 'prohibit' };

/** What `st` does with a packet from `src` to `dst` arriving on `dev`. */
export function inputDecision(st: NsState, dev: Link, dst: Ip4, src: Ip4, tos = 0, hashKey?: { readonly src: Ip4; readonly dst: Ip4 }, mark = 0): InputDecision {
  const res = routeInput(st, { dst, src, iif: dev, tos, hashKey, mark });
  if (!res.ok) return refusal(res, dev, dst, src);
  const rt = res.rt;
  // local delivery is typed local, broadcast or multicast (through lo); unicast is forwarding
  if (rt.type === 'unicast' && rt.route) {
    return { kind: 'forward', route: rt.route, dev: rt.dev, gateway: rt.gateway, redirect: rt.flags.redirect };
  }
  return { kind: 'local', route: rt.route, broadcast: rt.type !== 'local' };
}

function refusal(res: Extract<InputResult, { ok: false }>, dev: Link, dst: Ip4, src: Ip4): InputDecision {
  const d = ip4ToString(dst);
  const s = ip4ToString(src);
  switch (res.why) {
    case 'source-multicast':
      return { kind: 'drop', reason: 'martian-source', detail: `source ${s} is broadcast or multicast` };
    case 'not-member':
      return { kind: 'drop', reason: 'not-for-us', detail: `not a member of ${d}` };
    case 'source-zero':
      return { kind: 'drop', reason: 'martian-source', detail: 'source 0.0.0.0' };
    case 'destination-zero':
      return { kind: 'drop', reason: 'martian-destination', detail: 'destination 0.0.0.0' };
    case 'destination-loopback':
      return { kind: 'drop', reason: 'martian-destination', detail: `destination ${d} is a loopback address arriving on ${dev.name}` };
    case 'source-loopback':
      return { kind: 'drop', reason: 'martian-source', detail: `source ${s} is a loopback address arriving on ${dev.name}` };
    case 'forwarding-off':
      return { kind: 'drop', reason: 'forwarding-off', detail: `${d} is not local and ${dev.name} does not forward (forwarding=0)` };
    case 'rp-filter':
      return { kind: 'drop', reason: 'rp-filter', detail: `rp_filter=${rpFilter(dev)}: the route back to ${s} does not leave through ${dev.name}` };
    case 'local-source':
      return { kind: 'drop', reason: 'accept-local', detail: `source ${s} is a local address and accept_local=0 on ${dev.name}` };
    case 'martian-source':
      return { kind: 'drop', reason: 'martian-source', detail: `source ${s} is not a unicast address here` };
    case 'not-unicast':
      return { kind: 'drop', reason: 'martian-destination', detail: `${res.route?.type ?? 'non-unicast'} route to ${d}` };
    case 'no-route': {
      const what = res.route ? `${res.route.type} route` : res.errno === 'ENETUNREACH' ? 'no route' : 'a rule';
      return { kind: 'error', errno: res.errno, reason: ERROR_REASON[res.errno] ?? 'blackhole', detail: `${what} to ${d}` };
    }
  }
}
