/**
 * A device's root qdisc when `tc` set one (net/sched): netem's impairments, tbf's token bucket
 * and htb's classes with their filters, as the simulator applies them on the way out (sim/netem.ts,
 * sim/shaper.ts), and the counters `tc -s` shows. A device without one has the kernel's default
 * (noqueue, pfifo_fast, noop while never up: ifinfo.ts).
 */
export interface NetemOpts {
  /** latency and jitter, µs */
  delayUs: number;
  jitterUs: number;
  /** loss and duplicate, percent */
  lossPct: number;
  duplicatePct: number;
  /** rate, bits a second (0: none) */
  rateBps: number;
  /** limit, packets */
  limit: number;
}

export interface QdiscStats {
  bytes: number;
  packets: number;
  dropped: number;
  overlimits: number;
}

/** A token bucket as the kernel keeps it: tokens in ns of transmission time, refilled by time. */
export interface Bucket {
  /** the bucket's depth (ns at its rate) */
  bufferNs: number;
  tokensNs: number;
  /** virtual µs of the last refill */
  lastUs: number;
}

/** tbf's parameters as the kernel holds them (struct tbf_sched_data). */
export interface TbfOpts {
  /** bytes a second */
  rate: number;
  /** the bucket depth, in 64 ns ticks (what the kernel dumps) */
  bufferTicks: number;
  /** the largest packet it passes, bytes */
  maxSize: number;
  /** bytes its queue holds */
  limit: number;
  peakrate: number;
  mtuTicks: number;
}

export interface HtbClass {
  /** minor number (the major is the qdisc's) */
  minor: number;
  /** parent class's minor, or null at the root */
  parent: number | null;
  /** bytes a second */
  rate: number;
  ceil: number;
  bufferTicks: number;
  cbufferTicks: number;
  prio: number;
  quantum: number;
  stats: QdiscStats & { lends: number; borrows: number };
  bucket: Bucket;
  cbucket: Bucket;
}

/** One u32 key (`match ip dst 10.0.0.2/32`): value and mask of the 32-bit word at `off`. */
export interface U32Key {
  val: number;
  mask: number;
  off: number;
}

export interface TcFilter {
  kind: 'u32' | 'flower';
  /** ETH_P_* the filter is for (0x0800 `ip`, 0x0003 `all`) */
  protocol: number;
  pref: number;
  /** target class minor */
  classMinor: number;
  /** u32: its handle's node id (0x800 …); flower: its handle */
  handle: number;
  keys: U32Key[];
  flower?: { dstIp?: { addr: number; len: number }; srcIp?: { addr: number; len: number }; ipProto?: number; dstPort?: number; srcPort?: number };
}

export interface HtbOpts {
  r2q: number;
  /** minor of the default class (0: none, unclassified goes to the direct queue) */
  defcls: number;
  directQlen: number;
  directPackets: number;
  classes: HtbClass[];
  filters: TcFilter[];
}

interface QdiscBase {
  /** its handle's major number (8001: the first a namespace gave automatically) */
  handle: number;
  stats: QdiscStats;
  /** when the link is next free (virtual µs): packets behind it wait */
  busyUntilUs?: number;
}

export type Qdisc =
  | (QdiscBase & { kind: 'netem'; netem: NetemOpts })
  | (QdiscBase & { kind: 'tbf'; tbf: TbfOpts; bucket: Bucket; backlog: { at: number; len: number }[] })
  | (QdiscBase & { kind: 'htb'; htb: HtbOpts });

/** A netem with nothing set: netem's defaults (limit 1000). */
export function freshNetem(): NetemOpts {
  return { delayUs: 0, jitterUs: 0, lossPct: 0, duplicatePct: 0, rateBps: 0, limit: 1000 };
}

export function freshStats(): QdiscStats {
  return { bytes: 0, packets: 0, dropped: 0, overlimits: 0 };
}

/**
 * A mirred action (net/sched/act_mirred.c) as a filter holds it: the packet, or a copy of it
 * (`mirror`), sent out of (`egress`) or received on (`ingress`) another device. `index` is the
 * action's number in its namespace's mirred table (the lowest free, from 1).
 */
export interface MirredAction {
  egress: boolean;
  redirect: boolean;
  /** the target device, by ifindex as the kernel keeps it */
  ifindex: number;
  index: number;
}

/** A filter of an ingress or clsact qdisc's ingress block: u32 or matchall, with its actions. */
export interface IngressFilter {
  kind: 'u32' | 'matchall';
  /** ETH_P_* the filter is for (0x0800 `ip`, 0x0003 `all`) */
  protocol: number;
  pref: number;
  /** u32: hash table << 20 | node id (800::800); matchall: its handle (1) */
  handle: number;
  /** u32's keys (none for matchall) */
  keys: U32Key[];
  /** `flowid`/`classid` as given (major << 16 | minor), or null */
  classid: number | null;
  /** u32's TC_U32_TERMINAL: a flowid or an action was given (a node without it never matches) */
  terminal: boolean;
  actions: MirredAction[];
}

/** The ingress qdisc (sch_ingress.c: `ingress`, or `clsact` with its ingress block), handle ffff:. */
export interface IngressQdisc {
  kind: 'ingress' | 'clsact';
  filters: IngressFilter[];
  /** u32's hash-table ids of the block (gen_new_htid: idr_alloc_cyclic from 1; the first table is 800:) */
  u32NextHt: number;
  stats: QdiscStats;
}
