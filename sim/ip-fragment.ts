/**
 * IPv4 fragmentation and reassembly (net/ipv4/ip_output.c ip_do_fragment, ip_fragment.c
 * ip_defrag; RFC 791): a packet larger than the MTU it leaves by is cut into pieces whose data
 * is a multiple of 8 bytes, each with the original's header (its id) and the offset of its data;
 * the destination puts them back together before any protocol sees the packet. A fragment keeps
 * a reference to the whole packet it came from, since the engine carries headers, not bytes.
 */
import { IPV4_HEADER_LEN } from './wire/ipv4.js';
import { optionsLen, type IpPacket } from './packet.js';

/** The bytes a packet takes on the wire after the link header. */
export function ipTotalLen(p: IpPacket): number {
  return IPV4_HEADER_LEN + optionsLen(p) + p.ip.payloadLen;
}

/**
 * ip_do_fragment's slow path: pieces of at most `mtu` bytes, DF cleared, the last keeping the
 * original's "more fragments" (a fragment cut again stays a middle piece). Assumes the packet
 * is larger than `mtu`.
 */
export function ipFragment(p: IpPacket, mtu: number): IpPacket[] {
  const whole = p.whole ?? p;
  const base = p.ip.fragOffset ?? 0;
  const step = (mtu - IPV4_HEADER_LEN) & ~7;
  const out: IpPacket[] = [];
  for (let off = 0; off < p.ip.payloadLen; off += step) {
    const len = Math.min(step, p.ip.payloadLen - off);
    const last = off + len >= p.ip.payloadLen;
    const first = base + off === 0;
    out.push({
      ip: { ...p.ip, df: false, payloadLen: len, fragOffset: base + off, mf: last ? (p.ip.mf ?? false) : true },
      // the first piece carries the transport header (what an ICMP error about it quotes)
      icmp: first ? p.icmp : null,
      udp: first ? p.udp : null,
      inner: null,
      whole,
    });
  }
  return out;
}

/** Whether a packet is a piece of a larger one. */
export function isFragment(p: IpPacket): boolean {
  return (p.ip.fragOffset ?? 0) !== 0 || !!p.ip.mf;
}

/** ipfrag_time: an incomplete packet is forgotten after 30 s */
export const IPFRAG_TIME_US = 30_000_000;

/** One packet being put back together (struct ipq). */
interface FragQueue {
  whole: IpPacket;
  /** data bytes received so far, by offset: duplicates count once */
  pieces: Map<number, number>;
  /** the payload length, known once the last piece (MF clear) arrived */
  total: number | null;
  /** the first piece's header: the reassembled packet's TTL and addresses */
  first: IpPacket | null;
  expiresUs: number;
}

/** The reassembly queues of one namespace (net->ipv4.fqdir), keyed by (src, dst, id, protocol). */
export class Reassembly {
  private readonly queues = new Map<string, FragQueue>();

  /**
   * ip_defrag: the whole packet once every piece of it arrived, else null. The packet handed on
   * has the first piece's header (its TTL) without fragment fields.
   */
  add(p: IpPacket, nowUs: number): IpPacket | null {
    const whole = p.whole;
    if (!whole) return null;
    for (const [k, q] of this.queues) if (q.expiresUs <= nowUs) this.queues.delete(k);
    const key = `${p.ip.src}/${p.ip.dst}/${p.ip.id}/${p.ip.protocol}`;
    let q = this.queues.get(key);
    if (!q) {
      q = { whole, pieces: new Map(), total: null, first: null, expiresUs: nowUs + IPFRAG_TIME_US };
      this.queues.set(key, q);
    }
    const off = p.ip.fragOffset ?? 0;
    q.pieces.set(off, Math.max(q.pieces.get(off) ?? 0, p.ip.payloadLen));
    if (!p.ip.mf) q.total = off + p.ip.payloadLen;
    if (off === 0) q.first = p;
    if (q.total === null || !q.first) return null;
    // every byte covered: walk the pieces in offset order
    let covered = 0;
    for (const o of [...q.pieces.keys()].sort((a, b) => a - b)) {
      if (o > covered) return null;
      covered = Math.max(covered, o + q.pieces.get(o)!);
    }
    if (covered < q.total) return null;
    this.queues.delete(key);
    const ip = { ...q.whole.ip, ttl: q.first.ip.ttl, df: q.first.ip.df, payloadLen: q.total };
    delete ip.fragOffset;
    delete ip.mf;
    return { ...q.whole, ip };
  }
}
