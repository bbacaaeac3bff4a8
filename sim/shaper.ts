/**
 * tbf and htb on a device's way out (net/sched/sch_tbf.c, sch_htb.c), on the virtual clock.
 * A packet leaves when its class's buckets hold its transmission time (psched_l2t_ns at the
 * bucket's rate); tbf drops what does not fit its byte limit or is larger than its burst. htb
 * classifies with its u32 filters (then the default class, else the direct queue, sent at once)
 * and lets a leaf borrow up to its ceil from the first ancestor with tokens, charging each class
 * on the way as htb_charge_class does (lends, borrows, tokens). Packets are scheduled one by one
 * in arrival order: one flow per class is exact; several flows competing in one htb get each
 * class's rate and ceil but not the kernel's DRR interleaving between them.
 */
import type { Link } from '../src/model/link.js';
import { l2tNs, rateCfg } from '../src/model/psched.js';
import type { Bucket, HtbClass, Qdisc } from '../src/model/qdisc.js';
import type { Frame } from './packet.js';
import { frameBytes } from './pcap/frame-bytes.js';
import type { Simulator } from './simulator.js';
import { filterMatches } from './tc-classify.js';

/** htb's mbuffer: at most 60 s of idle time counts. */
const MBUFFER_NS = 60_000_000_000;

/** The bucket's tokens (ns) at `atUs`, refilled since its last charge and capped at its depth. */
function tokensAt(b: Bucket, atUs: number): number {
  return Math.min(b.bufferNs, b.tokensNs + Math.min(MBUFFER_NS, (atUs - b.lastUs) * 1000));
}

export function shaperEnqueue(sim: Simulator, dev: Link, frame: Frame, send: (f: Frame) => void): void {
  const q = dev.qdisc!;
  const bytes = frameBytes(frame);
  const len = bytes.length;
  if (q.kind === 'tbf') tbf(sim, dev, q, frame, len, send);
  else if (q.kind === 'htb') htb(sim, dev, q, frame, bytes, send);
}

function tbf(sim: Simulator, dev: Link, q: Extract<Qdisc, { kind: 'tbf' }>, frame: Frame, len: number, send: (f: Frame) => void): void {
  const now = sim.now;
  q.backlog = q.backlog.filter((p) => p.at > now);
  const queued = q.backlog.reduce((n, p) => n + p.len, 0);
  // tbf_enqueue: larger than the bucket, or beyond the child bfifo's byte limit
  if (len > q.tbf.maxSize || queued + len > q.tbf.limit) {
    q.stats.dropped++;
    if (sim.tracer) sim.stepDrop(dev.ns, 'tbf-drop', `${dev.name}: tbf dropped the packet (${len > q.tbf.maxSize ? 'larger than its burst' : 'its queue is full'})`);
    return;
  }
  const cost = l2tNs(rateCfg(q.tbf.rate), len);
  const start = Math.max(now, q.busyUntilUs ?? 0);
  const toks = tokensAt(q.bucket, start);
  // not enough tokens: it waits for them (the kernel counts an overlimit when its watchdog is set)
  const at = toks >= cost ? start : start + (cost - toks) / 1000;
  if (at > start) q.stats.overlimits++;
  q.bucket.tokensNs = tokensAt(q.bucket, at) - cost;
  q.bucket.lastUs = at;
  q.busyUntilUs = at;
  q.backlog.push({ at, len });
  q.stats.packets++;
  q.stats.bytes += len;
  if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: tbf sends the packet ${at > now ? `after ${Math.round(at - now)} µs` : 'at once'}`);
  sim.queue.after(at - now, () => send(frame));
}

function htb(sim: Simulator, dev: Link, q: Extract<Qdisc, { kind: 'htb' }>, frame: Frame, bytes: Uint8Array, send: (f: Frame) => void): void {
  const o = q.htb;
  const now = sim.now;
  const len = bytes.length;
  const find = (minor: number) => o.classes.find((c) => c.minor === minor);
  const leaf = (c: HtbClass | undefined) => c && !o.classes.some((x) => x.parent === c.minor);
  // htb_classify: the first filter that matches names the class; an inner or missing one falls to the default
  const hit = o.filters.find((f) => filterMatches(f, frame.eth.ethertype, bytes));
  let cl = hit ? find(hit.classMinor) : undefined;
  if (!leaf(cl)) cl = find(o.defcls);
  q.stats.packets++;
  q.stats.bytes += len;
  if (!cl || !leaf(cl)) {
    o.directPackets++;
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: htb sends the packet by its direct queue (no class)`);
    send(frame);
    return;
  }
  const chain: HtbClass[] = [];
  for (let c: HtbClass | undefined = cl; c; c = c.parent === null ? undefined : find(c.parent)) chain.push(c);
  const start = Math.max(now, q.busyUntilUs ?? 0);
  // for each level k: when chain[0..k] have ceil tokens and chain[k] rate tokens; the earliest wins
  const ready = (b: Bucket, cost: number) => {
    const t = tokensAt(b, start);
    return t >= cost ? start : start + (cost - t) / 1000;
  };
  let at = Number.POSITIVE_INFINITY;
  let level = 0;
  let ceilReady = start;
  chain.forEach((c, k) => {
    ceilReady = Math.max(ceilReady, ready(c.cbucket, 0));
    const t = Math.max(ceilReady, ready(c.bucket, 0));
    if (t < at) {
      at = t;
      level = k;
    }
  });
  chain.forEach((c, k) => {
    const diff = Math.min(MBUFFER_NS, (at - c.bucket.lastUs) * 1000);
    if (k >= level) {
      if (k === level) c.stats.lends++;
      c.bucket.tokensNs = Math.min(c.bucket.bufferNs, c.bucket.tokensNs + diff) - l2tNs(rateCfg(c.rate), len);
    } else {
      c.stats.borrows++;
      c.bucket.tokensNs += diff;
    }
    c.cbucket.tokensNs = Math.min(c.cbucket.bufferNs, c.cbucket.tokensNs + Math.min(MBUFFER_NS, (at - c.cbucket.lastUs) * 1000)) - l2tNs(rateCfg(c.ceil), len);
    c.bucket.lastUs = at;
    c.cbucket.lastUs = at;
    c.stats.packets++;
    c.stats.bytes += len;
  });
  if (at > start) q.stats.overlimits++;
  q.busyUntilUs = at;
  if (sim.tracer)
    sim.step(
      dev.ns,
      'xmit',
      `${dev.name}: htb class ${q.handle.toString(16)}:${cl.minor.toString(16)} sends the packet ${at > now ? `after ${Math.round(at - now)} µs` : 'at once'}${level ? ' (borrowing)' : ''}`,
    );
  sim.queue.after(at - now, () => send(frame));
}
