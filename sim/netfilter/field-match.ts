/**
 * The tests of a packet's plain fields shared by both families (xt_length, xt_ttl/xt_hl,
 * xt_pkttype, xt_mac, xt_limit / nft_limit; nft's meta, payload and cmp expressions): the
 * caller reads the field of its own header, these compare it as the kernel does.
 */
import type { FieldMatch, IfaceSetMatch, LimitMatch, MacMatch, RecentMatch } from '../../src/model/netfilter/match.js';
import type { Link } from '../../src/model/link.js';
import { recentStep, type RecentPacket } from './recent.js';
import type { NfTable } from '../../src/model/netfilter/table.js';
import type { NfRuntime } from './runtime.js';
import type { PacketNf } from './skb.js';

/** skb->pkt_type's numbers (PACKET_HOST, _BROADCAST, _MULTICAST, _OTHERHOST) */
const PKT_TYPE = { host: 0, broadcast: 1, multicast: 2, otherhost: 3 } as const;

/** The packet type netfilter sees: the frame's, or PACKET_HOST for a packet made here. */
export function pktType(meta: PacketNf): number {
  return PKT_TYPE[meta.l2?.pktType ?? 'host'];
}

/** nft_cmp / nft_range / nft_lookup after an optional nft_bitwise: the field's value tested. */
export function fieldCompare(m: FieldMatch, v: number): boolean {
  const x = m.mask === null ? v : v & m.mask;
  if (m.set) return m.set.includes(x) !== (m.op === 'ne');
  if (m.hi !== undefined) return (x >= m.value && x <= m.hi) !== (m.op === 'ne');
  switch (m.op) {
    case 'eq':
      return x === m.value;
    case 'ne':
      return x !== m.value;
    case 'lt':
      return x < m.value;
    case 'gt':
      return x > m.value;
    case 'le':
      return x <= m.value;
    case 'ge':
      return x >= m.value;
  }
}

/** mac_mt / nft's `ether saddr`: the frame's source; a packet without one never matches. */
export function macMatch(m: MacMatch, meta: PacketNf): boolean {
  const src = meta.l2?.src;
  if (!src) return false;
  return (src.toLowerCase() === m.mac) !== m.invert;
}

/** What a rate limit needs of the walk. */
export interface LimitCtx {
  runtime: NfRuntime;
  now?: number;
  hz?: number;
  table?: NfTable;
}

/** The limit's answer for a packet of `len` bytes (its bucket moves on). */
export function limitMatch(m: LimitMatch, s: LimitCtx, len: number): boolean {
  const t = s.table;
  return s.runtime.limit(m, s.now ?? 0, len, { legacy: t?.legacy === true, hz: s.hz ?? 250, gen: t?.gen ?? 0 });
}

/** The recent match for a packet of the walk's namespace (`mask`: the rule's, as a bigint). */
export function recentMatch(m: RecentMatch, s: LimitCtx & { meta: PacketNf }, p: RecentPacket, mask: bigint): boolean {
  const hz = s.hz ?? 250;
  return recentStep(s.runtime.recent(s.meta.ns, m.name), m, p, mask, Math.floor(((s.now ?? 0) * hz) / 1e6), hz);
}

/** nft's lookup of the device's name in an anonymous set; no such device (no input on OUTPUT) is no match, whatever `!=` says. */
export function ifsetMatch(m: IfaceSetMatch, inDev: Link | null, outDev: Link | null): boolean {
  const dev = m.dir === 'in' ? inDev : outDev;
  if (!dev) return false;
  return m.names.includes(dev.name) !== m.invert;
}
