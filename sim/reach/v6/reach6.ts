/**
 * All-pairs reachability to IPv6 destinations: what `ping -6 -c 1 -W 1` from a fresh state
 * (no neighbour entries, no learned FDB) answers from every namespace to every global address
 * configured on an interface. The fast path (walk6.ts) answers what it can prove equal to the
 * event engine; the other pairs are asked of the engine (sim/ipv6/ping6.ts) one by one, and
 * every pair when a namespace runs netfilter hooks. After a change of the model the next
 * question starts over.
 */
import type { LabModel } from '../../../src/model/lab-model.js';
import type { Netns } from '../../../src/model/netns.js';
import type { Ip6 } from '../../../src/model/ipv6/ip6.js';
import { ping6 } from '../../ipv6/ping6.js';
import { Simulator } from '../../simulator.js';
import type { ReachOptions, ReachPair } from '../api.js';
import { Context6, type Destination6 } from './context6.js';
import { MAYBE, Walk6, YES } from './walk6.js';

/** All-pairs reachability to IPv6 destinations (the IPv4 `Reachability`'s questions). */
export interface Reachability6 {
  readonly sources: readonly Netns[];
  readonly destinations: readonly Destination6[];
  reachable(i: number, j: number): boolean;
  readonly reachableCount: number;
  unreachable(): Iterable<ReachPair>;
  row(i: number): Uint8Array;
  matrix(): Uint8Array;
  /** pairs the fast path handed to the event engine */
  readonly engineChecked: number;
}

/** The reference: one `ping -6 -c 1 -W 1` in the event engine, from a fresh state. */
export function enginePing6(lab: LabModel, from: Netns, dst: Ip6): boolean {
  return ping6(new Simulator(lab), from, dst, { count: 1, timeout: 1 }).received > 0;
}

export class FastReachability6 implements Reachability6 {
  private ctx!: Context6;
  private walk!: Walk6;
  private version = -1;
  private all: Uint8Array | null = null;
  private rows = new Map<number, Uint8Array>();
  private checked = 0;
  private netfilter = false;

  constructor(
    readonly lab: LabModel,
    private readonly opts: ReachOptions = {},
  ) {
    this.refresh();
  }

  private refresh(): void {
    if (this.lab.version === this.version) return;
    this.version = this.lab.version;
    this.netfilter = [...this.lab.namespaces(), ...this.lab.infraNamespaces()].some((ns) => ns.nf !== null && !ns.nf.empty);
    this.ctx = new Context6(this.lab);
    this.walk = new Walk6(this.ctx);
    this.all = null;
    this.rows.clear();
    this.checked = 0;
  }

  get sources(): readonly Netns[] {
    this.refresh();
    return this.ctx.sources;
  }

  get destinations(): readonly Destination6[] {
    this.refresh();
    return this.ctx.destinations;
  }

  get engineChecked(): number {
    return this.checked;
  }

  private answer(ns: Netns, d: number): number {
    const v = this.opts.engine === true || this.netfilter ? MAYBE : this.walk.pair(ns, d);
    if (v !== MAYBE) return v === YES ? 1 : 0;
    this.checked++;
    return enginePing6(this.lab, ns, this.ctx.destinations[d]!.addr) ? 1 : 0;
  }

  row(i: number): Uint8Array {
    this.refresh();
    if (this.all) return this.all.subarray(i * this.ctx.destinations.length, (i + 1) * this.ctx.destinations.length);
    let r = this.rows.get(i);
    if (!r) {
      const nd = this.ctx.destinations.length;
      const ns = this.ctx.sources[i]!;
      r = new Uint8Array(nd);
      for (let d = 0; d < nd; d++) r[d] = this.answer(ns, d);
      this.rows.set(i, r);
    }
    return r;
  }

  matrix(): Uint8Array {
    this.refresh();
    if (!this.all) {
      const ns = this.ctx.sources.length;
      const nd = this.ctx.destinations.length;
      const all = new Uint8Array(ns * nd);
      let done = 0;
      for (let i = 0; i < ns; i++) {
        all.set(this.row(i), i * nd);
        done += nd;
        if (this.opts.onProgress && (i & 63) === 0) this.opts.onProgress(done, ns * nd);
      }
      this.all = all;
      this.rows.clear();
    }
    return this.all;
  }

  reachable(i: number, j: number): boolean {
    return this.row(i)[j] === 1;
  }

  get reachableCount(): number {
    const m = this.matrix();
    let n = 0;
    for (let k = 0; k < m.length; k++) n += m[k]!;
    return n;
  }

  *unreachable(): Iterable<ReachPair> {
    const m = this.matrix();
    const nd = this.ctx.destinations.length;
    for (let k = m.indexOf(0); k !== -1; k = m.indexOf(0, k + 1)) yield { source: Math.floor(k / nd), destination: k % nd, reachable: false };
  }
}

/**
 * All-pairs reachability of a lab's IPv6 destinations.
 *
 * @example
 * const r = reachability6(lab.model);
 * r.destinations.map((d) => formatIp6(d.addr)); // ['2001:db8::1', …]
 * r.reachable(0, 1);                             // true
 */
export function reachability6(lab: LabModel, opts: ReachOptions = {}): Reachability6 {
  return new FastReachability6(lab, opts);
}
