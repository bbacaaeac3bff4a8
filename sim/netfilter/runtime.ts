/**
 * Where a simulator keeps netfilter's runtime state: packet and byte counters, the conntrack
 * tables, the statistic match's nth counters and its random numbers. The script's own
 * simulator (the twin's) keeps them in the model, where `iptables -L -v` and `conntrack -L`
 * read them; any other simulator (a fork for explain, a fresh one for reach or verify) keeps
 * its own copy, so asking a question never changes what the script's commands answer.
 */
import type { CtTable } from '../../src/model/netfilter/conntrack.js';
import type { LimitMatch, StatisticMatch } from '../../src/model/netfilter/match.js';
import type { Counters } from '../../src/model/netfilter/rule.js';
import { nfState } from '../../src/model/netfilter/state.js';
import type { Netns } from '../../src/model/netns.js';
import { CtTable as Table } from '../../src/model/netfilter/conntrack.js';
import { Ct6Table } from '../../src/model/netfilter/conntrack6.js';
import { limitStep, type LimitState } from './limit.js';
import { RecentTable } from './recent.js';

/** A namespace's recent lists, by name, with the generation of the list they belong to. */
type RecentLists = Map<string, { gen: number; table: RecentTable }>;

/** xt_recent's table of that name: a fresh one once the list went away with its last rule. */
function recentLists(all: Map<Netns, RecentLists>, ns: Netns, name: string): RecentTable {
  let l = all.get(ns);
  if (!l) {
    l = new Map();
    all.set(ns, l);
  }
  const gen = ns.nf?.recentGen.get(name) ?? 0;
  let t = l.get(name);
  if (!t || t.gen !== gen) {
    t = { gen, table: new RecentTable() };
    l.set(name, t);
  }
  return t.table;
}

function copyRecent(all: Map<Netns, RecentLists>): Map<Netns, RecentLists> {
  return new Map([...all].map(([ns, l]) => [ns, new Map([...l].map(([n, t]) => [n, { gen: t.gen, table: t.table.clone() }]))]));
}

/** Where a limit is evaluated: its table's backend and generation, the kernel's HZ. */
export interface LimitWhere {
  legacy: boolean;
  hz: number;
  gen: number;
}

export interface NfRuntime {
  /** one packet of `bytes` counted on a rule or a chain's policy */
  count(c: Counters, bytes: number): void;
  /** the counters as this simulator sees them */
  read(c: Counters): Counters;
  conntrack(ns: Netns): CtTable;
  /** the namespace's IPv6 connections */
  conntrack6(ns: Netns): Ct6Table;
  /** the statistic match's nth mode: true when this packet is the chosen one (xt_statistic's shared count) */
  nth(m: StatisticMatch): boolean;
  /** get_random_u32's 31 low bits */
  random31(): number;
  /** a rate limit's answer for a packet of `len` bytes at `nowUs`, its bucket moved on */
  limit(m: LimitMatch, nowUs: number, len: number, where: LimitWhere): boolean;
  /** the namespace's recent list of that name (made when first used) */
  recent(ns: Netns, name: string): RecentTable;
  /** a copy for a fork: the same state now, apart from then on */
  fork(): NfRuntime;
}

/** xorshift32: reproducible draws for `-m statistic --mode random` and nft's `numgen random`. */
class Draws {
  constructor(private s = 0x2545f491) {}
  next31(): number {
    let x = this.s;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.s = x >>> 0;
    return this.s & 0x7fffffff;
  }
  clone(): Draws {
    return new Draws(this.s);
  }
}

/** kernel: count starts at every - packet; each packet moves it on, and the one that wraps it to 0 matches */
function nthStep(counts: Map<StatisticMatch, number> | WeakMap<StatisticMatch, number>, m: StatisticMatch): boolean {
  const old = counts.get(m) ?? m.every - m.packet;
  const next = old === m.every ? 0 : old + 1;
  counts.set(m, next);
  return next === 0;
}

/** A limit's bucket moved on by one packet (the map holds every bucket a runtime has seen). */
function stepLimit(limits: Map<LimitMatch, LimitState>, m: LimitMatch, nowUs: number, len: number, where: LimitWhere): boolean {
  const r = limitStep(m, limits.get(m), nowUs, len, where);
  limits.set(m, r.st);
  return r.hit;
}

/** A fork's buckets: the same state now, apart from then on. */
function copyLimits(limits: Map<LimitMatch, LimitState>): Map<LimitMatch, LimitState> {
  return new Map([...limits].map(([m, st]) => [m, { ...st }]));
}

/** The script's simulator: counters and conntrack live in the model. */
export class ModelRuntime implements NfRuntime {
  private readonly counts = new WeakMap<StatisticMatch, number>();
  private readonly draws = new Draws();
  private readonly limits = new Map<LimitMatch, LimitState>();
  private readonly recents = new Map<Netns, RecentLists>();

  count(c: Counters, bytes: number): void {
    c.pkts++;
    c.bytes += bytes;
  }
  read(c: Counters): Counters {
    return c;
  }
  conntrack(ns: Netns): CtTable {
    return nfState(ns).conntrack;
  }
  conntrack6(ns: Netns): Ct6Table {
    return nfState(ns).conntrack6;
  }
  nth(m: StatisticMatch): boolean {
    return nthStep(this.counts, m);
  }
  random31(): number {
    return this.draws.next31();
  }
  limit(m: LimitMatch, nowUs: number, len: number, where: LimitWhere): boolean {
    return stepLimit(this.limits, m, nowUs, len, where);
  }
  recent(ns: Netns, name: string): RecentTable {
    return recentLists(this.recents, ns, name);
  }
  fork(): NfRuntime {
    return new PrivateRuntime(
      (ns) => nfState(ns).conntrack.clone(),
      this.draws.clone(),
      (ns) => nfState(ns).conntrack6.clone(),
      copyLimits(this.limits),
      copyRecent(this.recents),
    );
  }
}

/** Any other simulator: its own counters (over the model's) and conntrack tables. */
export class PrivateRuntime implements NfRuntime {
  private readonly counters = new WeakMap<Counters, Counters>();
  private readonly tables = new Map<Netns, CtTable>();
  private readonly tables6 = new Map<Netns, Ct6Table>();
  private readonly counts = new WeakMap<StatisticMatch, number>();

  constructor(
    /** the conntrack table a namespace starts with here (fresh: empty) */
    private readonly initial: (ns: Netns) => CtTable = () => new Table(),
    private readonly draws = new Draws(),
    private readonly initial6: (ns: Netns) => Ct6Table = () => new Ct6Table(),
    private readonly limits = new Map<LimitMatch, LimitState>(),
    private readonly recents = new Map<Netns, RecentLists>(),
  ) {}

  count(c: Counters, bytes: number): void {
    let own = this.counters.get(c);
    if (!own) {
      own = { ...c };
      this.counters.set(c, own);
    }
    own.pkts++;
    own.bytes += bytes;
  }
  read(c: Counters): Counters {
    return this.counters.get(c) ?? c;
  }
  conntrack(ns: Netns): CtTable {
    let t = this.tables.get(ns);
    if (!t) {
      t = this.initial(ns);
      this.tables.set(ns, t);
    }
    return t;
  }
  conntrack6(ns: Netns): Ct6Table {
    let t = this.tables6.get(ns);
    if (!t) {
      t = this.initial6(ns);
      this.tables6.set(ns, t);
    }
    return t;
  }
  nth(m: StatisticMatch): boolean {
    return nthStep(this.counts, m);
  }
  random31(): number {
    return this.draws.next31();
  }
  limit(m: LimitMatch, nowUs: number, len: number, where: LimitWhere): boolean {
    return stepLimit(this.limits, m, nowUs, len, where);
  }
  recent(ns: Netns, name: string): RecentTable {
    return recentLists(this.recents, ns, name);
  }
  fork(): NfRuntime {
    const f = new PrivateRuntime(
      (ns) => this.conntrack(ns).clone(),
      this.draws.clone(),
      (ns) => this.conntrack6(ns).clone(),
      copyLimits(this.limits),
      copyRecent(this.recents),
    );
    return f;
  }
}
