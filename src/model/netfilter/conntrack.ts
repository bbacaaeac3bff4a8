/**
 * The connection tracking table of one namespace (net/netfilter/nf_conntrack_core.c): each
 * connection is kept under its original and its reply tuple, the reply tuple already holding
 * any NAT bound to the connection (so a reply is found, and un-NATed, by looking it up).
 * Entries die on the virtual clock; `conntrack -L/-D/-F` read and change this table.
 */
import type { Ip4 } from '../ip.js';

/**
 * A tuple: addresses, protocol and the protocol's identifiers (TCP/UDP ports; for ICMP the
 * echo id in `sport` and the type and code).
 */
export interface CtTuple {
  src: Ip4;
  dst: Ip4;
  proto: number;
  sport: number;
  dport: number;
  type: number;
  code: number;
}

/** IPS_* status bits (include/uapi/linux/netfilter/nf_conntrack_common.h). */
export const IPS = {
  EXPECTED: 1 << 0,
  SEEN_REPLY: 1 << 1,
  ASSURED: 1 << 2,
  CONFIRMED: 1 << 3,
  SRC_NAT: 1 << 4,
  DST_NAT: 1 << 5,
  SRC_NAT_DONE: 1 << 7,
  DST_NAT_DONE: 1 << 8,
} as const;

export interface CtEntry {
  orig: CtTuple;
  /** what a reply looks like: after NAT, the translated addresses swapped */
  reply: CtTuple;
  status: number;
  /** virtual µs when it dies */
  expires: number;
  mark: number;
  /** a stable id, in creation order (conntrack's `id=`, and the listing's tie-break) */
  id: number;
  /** the connection this one is RELATED to (an ICMP error's quoted connection), if any */
  master: CtEntry | null;
  /** UDP: when the flow, if still alive, counts as a stream (udp_packet's stream_ts) */
  streamUs?: number;
  /** TCP: the tracker's state, as conntrack -L names it (SYN_SENT, ESTABLISHED, TIME_WAIT …) */
  tcpState?: string;
  /** TCP: the direction the first FIN came from */
  tcpFinDir?: CtDir;
}

export type CtDir = 'original' | 'reply';

/** The key of a tuple in the table. */
export function tupleKey(t: CtTuple): string {
  return `${t.proto}|${t.src}|${t.dst}|${t.sport}|${t.dport}|${t.type}|${t.code}`;
}

/** The reply a tuple expects, before any NAT (nf_ct_invert_tuple). */
export function invertTuple(t: CtTuple): CtTuple {
  // ICMP: an echo request (8) is answered by an echo reply (0), and the other queries likewise
  const type = t.proto === 1 ? (ICMP_INVERT[t.type] ?? t.type) : t.type;
  return { src: t.dst, dst: t.src, proto: t.proto, sport: t.proto === 1 ? t.sport : t.dport, dport: t.proto === 1 ? t.dport : t.sport, type, code: t.code };
}

/** invmap[] of nf_conntrack_proto_icmp.c: request type → reply type. */
export const ICMP_INVERT: Partial<Record<number, number>> = { 8: 0, 0: 8, 13: 14, 14: 13, 15: 16, 16: 15, 17: 18, 18: 17 };

export class CtTable {
  private readonly byTuple = new Map<string, { entry: CtEntry; dir: CtDir }>();
  private nextId = 1;

  /** Confirmed entries, oldest first. */
  entries(now: number): CtEntry[] {
    this.expire(now);
    const seen = new Set<CtEntry>();
    const out: CtEntry[] = [];
    for (const { entry } of this.byTuple.values()) {
      if (seen.has(entry)) continue;
      seen.add(entry);
      out.push(entry);
    }
    return out.sort((a, b) => a.id - b.id);
  }

  /** The live entry a tuple belongs to, and in which direction (nf_conntrack_find_get). */
  find(t: CtTuple, now: number): { entry: CtEntry; dir: CtDir } | null {
    const hit = this.byTuple.get(tupleKey(t));
    if (!hit) return null;
    if (hit.entry.expires <= now) {
      this.remove(hit.entry);
      return null;
    }
    return hit;
  }

  /** Whether a tuple is taken by a live connection (either direction). */
  taken(t: CtTuple, now: number): boolean {
    return this.find(t, now) !== null;
  }

  /** A new, not yet confirmed entry: it joins the table only when confirmed. */
  create(orig: CtTuple, now: number, timeoutUs: number): CtEntry {
    return { orig, reply: invertTuple(orig), status: 0, expires: now + timeoutUs, mark: 0, id: this.nextId++, master: null };
  }

  /** __nf_conntrack_confirm: the entry goes into the table under both its tuples. */
  confirm(e: CtEntry): boolean {
    const ko = tupleKey(e.orig);
    const kr = tupleKey(e.reply);
    if (this.byTuple.has(ko) || this.byTuple.has(kr)) return false;
    e.status |= IPS.CONFIRMED;
    this.byTuple.set(ko, { entry: e, dir: 'original' });
    this.byTuple.set(kr, { entry: e, dir: 'reply' });
    return true;
  }

  remove(e: CtEntry): void {
    const ko = tupleKey(e.orig);
    const kr = tupleKey(e.reply);
    if (this.byTuple.get(ko)?.entry === e) this.byTuple.delete(ko);
    if (this.byTuple.get(kr)?.entry === e) this.byTuple.delete(kr);
  }

  /** Drops every entry (conntrack -F). */
  clear(): void {
    this.byTuple.clear();
  }

  /** Drops the entries that died by `now` (the gc worker). */
  expire(now: number): void {
    for (const [k, v] of this.byTuple) if (v.entry.expires <= now) this.byTuple.delete(k);
  }

  get size(): number {
    return this.byTuple.size / 2;
  }

  /** An independent copy (a forked simulator's table): entries are copied, masters re-pointed. */
  clone(): CtTable {
    const c = new CtTable();
    c.nextId = this.nextId;
    const copies = new Map<CtEntry, CtEntry>();
    const copy = (e: CtEntry): CtEntry => {
      let x = copies.get(e);
      if (!x) {
        x = { ...e, orig: { ...e.orig }, reply: { ...e.reply } };
        copies.set(e, x);
        if (e.master) x.master = copy(e.master);
      }
      return x;
    };
    for (const [k, v] of this.byTuple) c.byTuple.set(k, { entry: copy(v.entry), dir: v.dir });
    return c;
  }
}
