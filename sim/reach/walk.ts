/**
 * One packet followed hop by hop with its real source address (no memo, no source-blind
 * shortcut): the forward direction of a ping, for `forwardingWalk` and for reports. Where the
 * fast path would say "unsure" (a domain it does not claim) the walk still goes on with the
 * single endpoint that answers ARP, and says so in `detail`.
 */
import type { Ip4 } from '../../src/model/ip.js';
import { ip4ToString } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import type { DropReason } from '../trace.js';
import type { ForwardingWalk, WalkOutcome } from './api.js';
import { MAX_ROUTERS } from './chain.js';
import { ReachContext } from './context.js';
import { answer, computeIn, FAIL, outTmpl, type Tmpl } from './templates.js';

const cache = new WeakMap<LabModel, ReachContext>();

/** The fast path's view of the lab as it is now (rebuilt when the model changed). */
export function contextFor(lab: LabModel): ReachContext {
  let ctx = cache.get(lab);
  if (!ctx || ctx.version !== lab.version) {
    ctx = new ReachContext(lab);
    cache.set(lab, ctx);
  }
  return ctx;
}

const BLACKHOLE = new Set<DropReason>(['no-route', 'blackhole', 'unreachable', 'prohibit']);

function outcomeOf(reason: DropReason | null): WalkOutcome {
  return reason && BLACKHOLE.has(reason) ? 'blackhole' : 'dropped';
}

export function walk(lab: LabModel, from: Netns, dst: Ip4): ForwardingWalk {
  const ctx = contextFor(lab);
  const info = ctx.infoOf.get(from);
  const path: Netns[] = [from];
  const ingress: Link[] = [];
  const end = (outcome: WalkOutcome, reason: DropReason | null, detail: string, src: Ip4): ForwardingWalk => ({ outcome, path, ingress, reason, detail, src });
  if (!info) return end('dropped', 'device-gone', `${from.path} is not a namespace of this lab`, 0);
  const t0 = outTmpl(ctx, info, info.iv.find(dst), dst);
  const src = t0.src;
  if (t0.kind === 'local')
    return t0.loOk ? end('delivered', null, `${ip4ToString(dst)} is local to ${from.path}`, src) : end('dropped', 'lo-down', `${ip4ToString(dst)} is local to ${from.path} but lo is down`, src);
  if (t0.kind !== 'out') return end(outcomeOf(t0.reason), t0.reason, `${from.path}: ${t0.detail}`, src);
  let t: Tmpl = t0;
  let here = from;
  let routers = 0;
  const seen = new Set<number>();
  for (;;) {
    const nh = t.gw >= 0 ? t.gw : dst;
    const l2 = ctx.l2;
    let y: number = FAIL;
    if (l2.epSends[t.ep]) y = answer(ctx, l2.epDomain[t.ep]!, nh);
    if (y === FAIL) return end('dropped', 'neigh-failed', `${here.path}: no ARP answer for ${ip4ToString(nh)} on ${t.dev!.name}`, src);
    if (y < 0) return end('dropped', 'loop', `${here.path}: several devices answer ARP for ${ip4ToString(nh)} on ${t.dev!.name}`, src);
    const dev = l2.epLink[y]!;
    here = dev.ns;
    path.push(here);
    ingress.push(dev);
    if (seen.has(y)) return end('loop', 'loop', `${here.path}: the packet came back through ${dev.name}`, src);
    seen.add(y);
    const d = computeIn(ctx, ctx.epInfo[y]!, dev, dst, src);
    if (d.kind === 'local') return end('delivered', null, `${here.path}: ${d.detail}`, src);
    if (d.kind !== 'out') return end(d.kind === 'error' ? 'blackhole' : outcomeOf(d.reason), d.reason, `${here.path}: ${d.detail}`, src);
    if (++routers > MAX_ROUTERS) return end('loop', 'ttl-exceeded', `${here.path}: TTL exhausted after ${MAX_ROUTERS} routers`, src);
    t = d;
  }
}
