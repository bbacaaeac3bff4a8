/**
 * Questions over destination classes rather than addresses, for `nettwin verify`: the lab's
 * IPv4 space is cut at every boundary any namespace can tell apart (the union of all
 * namespaces' intervals), and each class is followed once from every router ingress through
 * a chain memo of its own. Source-blind, like the fast path: in a lab that is not, these are
 * the answers for a packet whose source no namespace filters on.
 */
import { parsePrefix, type Ip4 } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import type { DropReason } from '../trace.js';
import type { BlackholeFinding, LoopFinding } from './api.js';
import { C_BLACKHOLE, C_LOOP, ChainMemo, endCode } from './chain.js';
import type { ReachContext } from './context.js';
import { inTmpl, nextOf, outTmpl } from './templates.js';
import { contextFor } from './walk.js';

/** Class starts (sorted, unique) over every namespace, clipped to [lo, hi]. */
function classes(ctx: ReachContext, lo: number, hi: number): number[] {
  const cuts = new Set<number>([lo]);
  for (const info of ctx.infos) for (const s of info.iv.starts) if (s > lo && s <= hi) cuts.add(s);
  return Float64Array.from(cuts).sort() as unknown as number[];
}

function lastOf(starts: number[], i: number, hi: number): number {
  return i + 1 < starts.length ? starts[i + 1]! - 1 : hi;
}

/** The cycle a looping chain enters, from endpoint `ep`, as endpoints. */
function cycleFrom(memo: ChainMemo, ep: number, slot: number, a: Ip4): number[] {
  const order: number[] = [];
  const at = new Map<number, number>();
  for (let e = ep; e >= 0 && !at.has(e); e = memo.nextAfter(e, slot, a)) {
    at.set(e, order.length);
    order.push(e);
  }
  const last = order[order.length - 1]!;
  const next = memo.nextAfter(last, slot, a);
  return next >= 0 && at.has(next) ? order.slice(at.get(next)!) : [];
}

/**
 * Forwarding loops: for each destination class, the cycles its packets can enter, with one
 * source whose packets do. Neighbouring classes with the same cycle are reported together.
 *
 * @example
 * findLoops(lab.model).map((l) => l.cycle.map((ns) => ns.path)); // [['r1', 'r2']]
 */
export function findLoops(lab: LabModel): LoopFinding[] {
  const ctx = contextFor(lab);
  const starts = classes(ctx, 0, 0xffffffff);
  const memo = new ChainMemo(ctx, starts.length);
  const routerEps: number[] = [];
  ctx.l2.epLink.forEach((l, e) => {
    if (l.conf.forwarding) routerEps.push(e);
  });
  const out: LoopFinding[] = [];
  let prevKey = '';
  for (let c = 0; c < starts.length; c++) {
    const a = starts[c]!;
    const seenCycles = new Set<string>();
    for (const e of routerEps) {
      if (memo.at(e, c, a) !== C_LOOP) continue;
      const cyc = cycleFrom(memo, e, c, a);
      if (!cyc.length) continue;
      const min = cyc.indexOf(Math.min(...cyc));
      const norm = [...cyc.slice(min), ...cyc.slice(0, min)];
      const key = norm.join(',');
      if (seenCycles.has(key)) continue;
      seenCycles.add(key);
      const prev = out[out.length - 1];
      if (prev && prevKey === key && prev.last + 1 === a) {
        prev.last = lastOf(starts, c, 0xffffffff);
        continue;
      }
      const from = sourceInto(ctx, memo, c, a, new Set(norm)) ?? ctx.l2.epLink[norm[0]!]!.ns;
      out.push({ first: a, last: lastOf(starts, c, 0xffffffff), cycle: norm.map((x) => ctx.l2.epLink[x]!.ns), from });
      prevKey = key;
    }
  }
  return out;
}

/** A source namespace whose packets for class `slot` reach one of `eps`. */
function sourceInto(ctx: ReachContext, memo: ChainMemo, slot: number, a: Ip4, eps: Set<number>): Netns | null {
  for (const info of ctx.rowInfo) {
    const t = outTmpl(ctx, info, info.iv.find(a), a);
    if (t.kind !== 'out') continue;
    for (let e = nextOf(ctx, t, a), n = 0; e >= 0 && n < 256; e = memo.nextAfter(e, slot, a), n++) if (eps.has(e)) return info.ns;
  }
  return null;
}

/**
 * Sources whose packets to part of `prefix` end in a blackhole (no route, or a blackhole,
 * unreachable or prohibit route or rule), and where. Neighbouring classes with the same
 * (source, place, reason) are reported together. A bad prefix gives no findings.
 *
 * @example
 * findBlackholes(lab.model, '10.0.0.0/8')[0]; // { from: A, first, last, at: R, reason: 'no-route', … }
 */
export function findBlackholes(lab: LabModel, prefix: string): BlackholeFinding[] {
  const p = parsePrefix(prefix);
  if (!p) return [];
  const size = p.len === 0 ? 2 ** 32 : 2 ** (32 - p.len);
  const lo = Math.floor((p.addr >>> 0) / size) * size;
  const hi = lo + size - 1;
  const ctx = contextFor(lab);
  const starts = classes(ctx, lo, hi);
  const memo = new ChainMemo(ctx, starts.length);
  const out: BlackholeFinding[] = [];
  for (const info of ctx.rowInfo) {
    let prev: BlackholeFinding | null = null;
    for (let c = 0; c < starts.length; c++) {
      const a = starts[c]!;
      const t = outTmpl(ctx, info, info.iv.find(a), a);
      let at: Netns | null = null;
      let reason: DropReason | null = null;
      let detail = '';
      if (t.kind === 'fail' && t.reason && ['no-route', 'blackhole', 'unreachable', 'prohibit'].includes(t.reason)) {
        at = info.ns;
        reason = t.reason;
        detail = t.detail;
      } else if (t.kind === 'out') {
        const y = nextOf(ctx, t, a);
        if (y >= 0 && memo.at(y, c, a) === C_BLACKHOLE) {
          let e = y;
          for (let n = 0; n < 256; n++) {
            const nx = memo.nextAfter(e, c, a);
            if (nx < 0) break;
            e = nx;
          }
          const d = inTmpl(ctx, ctx.epInfo[e]!, e, a);
          if (endCode(d) === C_BLACKHOLE || d.kind === 'out') {
            at = ctx.l2.epLink[e]!.ns;
            reason = d.reason ?? 'no-route';
            detail = d.detail;
          }
        }
      }
      if (!at || !reason) {
        prev = null;
        continue;
      }
      if (prev && prev.at === at && prev.reason === reason && prev.last + 1 === a) {
        prev.last = lastOf(starts, c, hi);
        continue;
      }
      prev = { from: info.ns, first: a, last: lastOf(starts, c, hi), at, reason, detail };
      out.push(prev);
    }
  }
  return out;
}
