/**
 * IPv6 network address translation (nf_nat_core.c with NFPROTO_IPV6, nf_nat_masquerade_ipv6):
 * bound once per connection and direction, as IPv4's (nat.ts) — the first packet runs the nat
 * chains of its hook until one binds, else the null binding — by rewriting the connection's
 * reply tuple; every packet is then rewritten from the tuples, both ways, and an ICMPv6 error
 * about a translated connection has its quoted packet translated back
 * (nf_nat_icmpv6_reply_translation). A range is one address (ip6tables' front end leaves
 * wider ones unmodelled); the port (or echo id) is kept unless another connection already
 * answers to it, then the first free one of the range is taken, as nat.ts does.
 */
import { IPS } from '../../src/model/netfilter/conntrack.js';
import { invertTuple6, type Ct6Entry, type Ct6Table, type Ct6Tuple } from '../../src/model/netfilter/conntrack6.js';
import type { NatRange } from '../../src/model/netfilter/target.js';
import type { Ip6Packet } from '../packet.js';
import type { Manip } from './nat.js';
import { uniqueL4Key } from './nat-port.js';

function same(a: Ct6Tuple, b: Ct6Tuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.proto === b.proto && a.sport === b.sport && a.dport === b.dport && a.type === b.type;
}

/** The port (or echo id) of the manipulated side. */
function keyOf(t: Ct6Tuple, manip: Manip): number {
  return t.proto === 58 || manip === 'src' ? t.sport : t.dport;
}

function withKey(t: Ct6Tuple, manip: Manip, v: number): Ct6Tuple {
  return t.proto === 58 || manip === 'src' ? { ...t, sport: v } : { ...t, dport: v };
}

/** get_unique_tuple for a one-address range. */
function uniqueTuple(table: Ct6Table, orig: Ct6Tuple, r: NatRange, manip: Manip, ct: Ct6Entry, now: number): Ct6Tuple {
  const used = (t: Ct6Tuple) => {
    const hit = table.find(invertTuple6(t), now);
    return hit !== null && hit.entry !== ct;
  };
  let t = orig;
  if (r.mapIps && r.min6 !== undefined) t = manip === 'src' ? { ...t, src: r.min6 } : { ...t, dst: r.min6 };
  if (r.protoSpecified) {
    if (t.proto !== 6 && t.proto !== 17) return t;
    t = withKey(t, manip, keyOf(t, manip) >= r.minPort && keyOf(t, manip) <= r.maxPort ? keyOf(t, manip) : r.minPort);
    if (r.minPort === r.maxPort || !used(t)) return t;
  } else if (!used(t)) return t;
  const k = uniqueL4Key(t.proto, 58, r, manip, keyOf(orig, manip), keyOf(t, manip), (x) => !used(withKey(t, manip, x)));
  return k === null ? t : withKey(t, manip, k);
}

export function natInitialized6(ct: Ct6Entry, manip: Manip): boolean {
  return (ct.status & (manip === 'src' ? IPS.SRC_NAT_DONE : IPS.DST_NAT_DONE)) !== 0;
}

/** nf_nat_setup_info: bind `ct` for one manipulation, with `range` (null: the null binding). */
export function setupNat6(table: Ct6Table, ct: Ct6Entry, range: NatRange | null, manip: Manip, now: number): void {
  const curr = invertTuple6(ct.reply);
  if (range) {
    const next = uniqueTuple(table, curr, range, manip, ct, now);
    if (!same(next, curr)) {
      ct.reply = invertTuple6(next);
      ct.status |= manip === 'src' ? IPS.SRC_NAT : IPS.DST_NAT;
    }
  }
  ct.status |= manip === 'src' ? IPS.SRC_NAT_DONE : IPS.DST_NAT_DONE;
}

type Headers = { ip6: Ip6Packet['ip6']; icmp6?: Ip6Packet['icmp6'] | null; echo?: { ident: number } | null; udp?: Ip6Packet['udp'] | null; tcp?: Ip6Packet['tcp'] | null };

/** nf_nat_ipv6_manip_pkt and the L4 manip: one side of the headers to a tuple's. */
function manipHeaders(p: Headers, target: Ct6Tuple, manip: Manip): void {
  if (manip === 'src') p.ip6.src = target.src;
  else p.ip6.dst = target.dst;
  if (p.tcp) {
    if (manip === 'src') p.tcp.srcPort = target.sport;
    else p.tcp.dstPort = target.dport;
  } else if (p.udp) {
    if (manip === 'src') p.udp.srcPort = target.sport;
    else p.udp.dstPort = target.dport;
  }
  const echo = p.icmp6 ?? p.echo;
  if (echo && 'ident' in echo && target.proto === 58) echo.ident = target.sport;
}

/** The bit that says this side of this direction is translated. */
function natBit(dir: 'original' | 'reply', manip: Manip): number {
  const own = manip === 'src' ? IPS.SRC_NAT : IPS.DST_NAT;
  return dir === 'reply' ? (own === IPS.SRC_NAT ? IPS.DST_NAT : IPS.SRC_NAT) : own;
}

/** nf_nat_packet: rewrite the packet when its connection is translated on this side. */
export function natPacket6(ct: Ct6Entry, dir: 'original' | 'reply', manip: Manip, pkt: Ip6Packet): void {
  if (!(ct.status & natBit(dir, manip))) return;
  const other = dir === 'original' ? ct.reply : ct.orig;
  // its own L4 header (flooded copies share theirs); the IPv6 header is the packet's own, changed in place as IPv4's
  if (pkt.udp) pkt.udp = { ...pkt.udp };
  if (pkt.tcp) pkt.tcp = { ...pkt.tcp };
  if (pkt.icmp6) pkt.icmp6 = { ...pkt.icmp6 } as Ip6Packet['icmp6'];
  manipHeaders(pkt, invertTuple6(other), manip);
}

/** nf_nat_icmpv6_reply_translation: an error about a translated connection, inside and out. */
export function natIcmpError6(ct: Ct6Entry, dir: 'original' | 'reply', manip: Manip, pkt: Ip6Packet): void {
  const err = pkt.icmp6;
  if (!err || !('original' in err)) return;
  if (!(ct.status & natBit(dir, manip))) return;
  const other = dir === 'original' ? ct.reply : ct.orig;
  const o = err.original;
  const q = { ip6: { ...o.ip6 }, echo: o.echo ? { ...o.echo } : null, udp: o.udp ? { ...o.udp } : null, tcp: o.tcp ? { ...o.tcp } : null };
  // the quoted packet went the other way: its other side takes the other direction's tuple
  manipHeaders(q, other, manip === 'src' ? 'dst' : 'src');
  pkt.icmp6 = { ...err, original: q } as Ip6Packet['icmp6'];
  manipHeaders({ ip6: pkt.ip6 }, invertTuple6({ ...other, proto: 58 }), manip);
}
