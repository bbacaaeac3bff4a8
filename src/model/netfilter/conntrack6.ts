/**
 * The IPv6 connection tracking table of one namespace (nf_conntrack with NFPROTO_IPV6): each
 * connection under its original and its reply tuple, for the state tests of an inet or ip6
 * chain (`ct state established,related`) and `conntrack -L -f ipv6`. Tracked: ICMPv6 echo, TCP
 * (with the tracker's states, as IPv4's), UDP and any other protocol by its addresses; no NAT
 * of IPv6 is modelled, so the reply tuple is the original inverted. Entries die on the virtual
 * clock; `conntrack -F` empties it.
 */
import type { Ip6 } from '../ipv6/ip6.js';
import type { CtDir } from './conntrack.js';

export interface Ct6Tuple {
  src: Ip6;
  dst: Ip6;
  proto: number;
  /** TCP/UDP ports; for ICMPv6 the echo id in sport */
  sport: number;
  dport: number;
  /** ICMPv6 type (0 for other protocols) */
  type: number;
}

export interface Ct6Entry {
  orig: Ct6Tuple;
  reply: Ct6Tuple;
  seenReply: boolean;
  /** IPS_* bits (SEEN_REPLY, ASSURED), as conntrack -L shows them */
  status: number;
  /** virtual µs when it dies */
  expires: number;
  id: number;
  mark: number;
  /** TCP: the tracker's state (SYN_SENT, ESTABLISHED, TIME_WAIT …) */
  tcpState?: string;
  /** TCP: the direction the first FIN came from */
  tcpFinDir?: CtDir;
}

/** invmap[] of nf_conntrack_proto_icmpv6.c: echo request ↔ reply, node information query ↔ reply. */
export const ICMP6_INVERT: Partial<Record<number, number>> = { 128: 129, 129: 128, 139: 140, 140: 139 };

function key(t: Ct6Tuple): string {
  return `${t.proto}|${t.src}|${t.dst}|${t.sport}|${t.dport}|${t.type}`;
}

/** The reply a tuple expects (nf_ct_invert_tuple). */
export function invertTuple6(t: Ct6Tuple): Ct6Tuple {
  const icmp = t.proto === 58;
  return { src: t.dst, dst: t.src, proto: t.proto, sport: icmp ? t.sport : t.dport, dport: icmp ? t.dport : t.sport, type: icmp ? (ICMP6_INVERT[t.type] ?? t.type) : 0 };
}

export class Ct6Table {
  private readonly byTuple = new Map<string, { entry: Ct6Entry; dir: CtDir }>();
  private nextId = 1;

  find(t: Ct6Tuple, now: number): { entry: Ct6Entry; dir: CtDir } | null {
    const hit = this.byTuple.get(key(t));
    if (!hit) return null;
    if (hit.entry.expires <= now) {
      this.remove(hit.entry);
      return null;
    }
    return hit;
  }

  /** A new entry, not yet in the table: it joins when its first packet is confirmed. */
  create(orig: Ct6Tuple, now: number, timeoutUs: number): Ct6Entry {
    return { orig, reply: invertTuple6(orig), seenReply: false, status: 0, expires: now + timeoutUs, id: this.nextId++, mark: 0, tcpState: orig.proto === 6 ? 'SYN_SENT' : undefined };
  }

  /** __nf_conntrack_confirm; false when either tuple is taken. */
  confirm(e: Ct6Entry): boolean {
    const ko = key(e.orig);
    const kr = key(e.reply);
    if (this.byTuple.has(ko) || this.byTuple.has(kr)) return false;
    this.byTuple.set(ko, { entry: e, dir: 'original' });
    this.byTuple.set(kr, { entry: e, dir: 'reply' });
    return true;
  }

  remove(e: Ct6Entry): void {
    for (const k of [key(e.orig), key(e.reply)]) if (this.byTuple.get(k)?.entry === e) this.byTuple.delete(k);
  }

  clear(): void {
    this.byTuple.clear();
  }

  get size(): number {
    return this.byTuple.size / 2;
  }

  /** The connections alive at `now`, in creation order. */
  entries(now: number): Ct6Entry[] {
    const out: Ct6Entry[] = [];
    for (const { entry, dir } of this.byTuple.values()) if (dir === 'original' && entry.expires > now) out.push(entry);
    return out.sort((a, b) => a.id - b.id);
  }

  /** How many connections are alive at `now`. */
  live(now: number): number {
    let n = 0;
    for (const { entry, dir } of this.byTuple.values()) if (dir === 'original' && entry.expires > now) n++;
    return n;
  }

  /** An independent copy (a forked simulator's table). */
  clone(): Ct6Table {
    const c = new Ct6Table();
    c.nextId = this.nextId;
    const copies = new Map<Ct6Entry, Ct6Entry>();
    for (const [k, v] of this.byTuple) {
      let x = copies.get(v.entry);
      if (!x) {
        x = { ...v.entry, orig: { ...v.entry.orig }, reply: { ...v.entry.reply } };
        copies.set(v.entry, x);
      }
      c.byTuple.set(k, { entry: x, dir: v.dir });
    }
    return c;
  }
}
