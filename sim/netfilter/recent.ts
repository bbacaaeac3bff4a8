/**
 * xt_recent's lists (net/netfilter/xt_recent.c): per namespace, one table per name, shared by
 * every rule that names it and gone with the last of them. An entry is an address (masked),
 * the TTL it was last seen with and a ring of 32 jiffy stamps; a table holds at most 100
 * entries (ip_list_tot), the least recently seen making way. `--rcheck`/`--update` count the
 * stamps newer than `--seconds` until `--hitcount` is reached; `--update` adds a stamp when it
 * matches; `--reap` drops the least recently seen entry if it is older than `--seconds`.
 */
import type { RecentMatch } from '../../src/model/netfilter/match.js';

const LIST_TOT = 100;
const STAMPS = 32;

export interface RecentEntry {
  addr: bigint;
  ttl: number;
  stamps: number[];
  /** where the next stamp goes in the ring, as e->index */
  index: number;
}

/** One named list: its entries, least recently seen first (the LRU list). */
export class RecentTable {
  entries: RecentEntry[] = [];

  clone(): RecentTable {
    const t = new RecentTable();
    t.entries = this.entries.map((e) => ({ ...e, stamps: [...e.stamps] }));
    return t;
  }
}

/** What the match reads of the packet. */
export interface RecentPacket {
  /** the side's address, as a bigint for both families (an IPv4 one as its 32 bits) */
  addr: bigint;
  ttl: number;
  /** the packet is forwarded (an out device, no local socket): the TTL it had before */
  forwarded: boolean;
}

function touch(t: RecentTable, e: RecentEntry, jiffies: number): void {
  e.index &= STAMPS - 1;
  e.stamps[e.index++] = jiffies;
  t.entries.splice(t.entries.indexOf(e), 1);
  t.entries.push(e);
}

/** recent_mt: the match's answer, the list changed as the kernel changes it. */
export function recentStep(t: RecentTable, m: RecentMatch, p: RecentPacket, mask: bigint, jiffies: number, hz: number): boolean {
  const addr = p.addr & mask;
  const ttl = p.forwarded ? (p.ttl + 1) & 0xff : p.ttl;
  let ret = m.invert;
  const e = t.entries.find((x) => x.addr === addr && (!m.ttl || x.ttl === ttl));
  if (!e) {
    if (m.op !== 'set') return ret;
    if (t.entries.length >= LIST_TOT) t.entries.shift();
    t.entries.push({ addr, ttl, stamps: [jiffies], index: 1 });
    return !ret;
  }
  if (m.op === 'set') ret = !ret;
  else if (m.op === 'remove') {
    t.entries.splice(t.entries.indexOf(e), 1);
    ret = !ret;
  } else {
    const since = jiffies - m.seconds * hz;
    let hits = 0;
    for (const st of e.stamps) {
      // time_after(since, stamp): a stamp older than the window does not count
      if (m.seconds && since > st) continue;
      if (!m.hitCount || ++hits >= m.hitCount) {
        ret = !ret;
        break;
      }
    }
    if (m.reap) {
      const oldest = t.entries[0];
      // the entry about to be updated is spared (recent_entry_reap's `working`)
      if (oldest && !(oldest === e && m.op === 'update' && ret)) {
        const last = oldest.stamps[(oldest.index - 1) & (STAMPS - 1)]!;
        if (since > last) t.entries.shift();
      }
    }
  }
  if (m.op === 'set' || (m.op === 'update' && ret)) {
    touch(t, e, jiffies);
    e.ttl = ttl;
  }
  return ret;
}
