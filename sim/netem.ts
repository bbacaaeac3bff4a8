/**
 * netem on a device's way out (net/sched/sch_netem.c netem_enqueue): each packet is lost or
 * duplicated by chance, then held for the delay (with jitter drawn uniformly from ±jitter, as
 * tabledist does without a distribution table) and, with a rate, for its own transmission time
 * behind the packets before it. Chance comes from a generator seeded per device, so a run
 * repeats; the counters are what `tc -s qdisc` shows.
 */
import type { Link } from '../src/model/link.js';
import type { Qdisc } from '../src/model/qdisc.js';
import type { Frame } from './packet.js';
import { frameBytes } from './pcap/frame-bytes.js';
import type { Simulator } from './simulator.js';

/** mulberry32: a small seeded generator, one per device. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const generators = new WeakMap<Link, () => number>();

function chance(dev: Link): number {
  let g = generators.get(dev);
  if (!g) {
    // the seed is the device's name and index: the same lab draws the same losses
    let h = dev.ifindex;
    for (const c of dev.name) h = Math.imul(h ^ c.charCodeAt(0), 0x01000193);
    // splitmix32 of the hash: neighbouring seeds give unrelated streams
    h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
    h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
    g = generator(h ^ (h >>> 16));
    generators.set(dev, g);
  }
  return g();
}

/** netem_enqueue, then the driver when the packet's time comes (`send`). */
export function netemEnqueue(sim: Simulator, dev: Link, frame: Frame, send: (f: Frame) => void): void {
  const q = dev.qdisc as Extract<Qdisc, { kind: 'netem' }>;
  const o = q.netem;
  if (o.lossPct && chance(dev) * 100 < o.lossPct) {
    q.stats.dropped++;
    if (sim.tracer) sim.stepDrop(dev.ns, 'netem-loss', `${dev.name}: netem lost the packet (loss ${o.lossPct}%)`);
    return;
  }
  const copies = o.duplicatePct && chance(dev) * 100 < o.duplicatePct ? 2 : 1;
  for (let c = 0; c < copies; c++) {
    const len = frameBytes(frame).length;
    let delay = o.delayUs;
    if (o.jitterUs) delay += (chance(dev) * 2 - 1) * o.jitterUs;
    let at = sim.now + Math.max(0, delay);
    if (o.rateBps) {
      at = Math.max(at, q.busyUntilUs ?? 0) + (len * 8 * 1_000_000) / o.rateBps;
      q.busyUntilUs = at;
    }
    q.stats.packets++;
    q.stats.bytes += len;
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name}: netem holds the packet ${Math.round(at - sim.now)} µs${c ? ' (a duplicate)' : ''}`);
    sim.queue.after(at - sim.now, () => send(frame));
  }
}
