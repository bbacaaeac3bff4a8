/**
 * Network address translation (net/netfilter/nf_nat_core.c, nf_nat_proto.c,
 * nf_nat_masquerade.c, nf_nat_redirect.c): bound once per connection and direction — the
 * first packet runs the nat chains of its hook until one binds (SNAT, DNAT, MASQUERADE,
 * REDIRECT) or none does (a null binding) — by rewriting the connection's reply tuple; every
 * packet of the connection is then rewritten from the tuples, both ways. An ICMP error related
 * to a translated connection has its quoted packet translated back too
 * (nf_nat_icmp_reply_translation), so the sender recognises its own packet.
 */
import { invertTuple, IPS, type CtEntry, type CtTuple } from '../../src/model/netfilter/conntrack.js';
import type { NatRange } from '../../src/model/netfilter/target.js';
import type { IpPacket } from '../packet.js';
import type { NfRuntime } from './runtime.js';
import { uniqueL4Key } from './nat-port.js';
import type { Netns } from '../../src/model/netns.js';

export type Manip = 'src' | 'dst';

function rol32(x: number, s: number): number {
  return ((x << s) | (x >>> (32 - s))) >>> 0;
}

/** include/linux/jhash.h jhash2 over 32-bit words. */
export function jhash2(k: number[], initval: number): number {
  let a = (0xdeadbeef + (k.length << 2) + initval) >>> 0;
  let b = a;
  let c = a;
  let i = 0;
  let len = k.length;
  const mix = () => {
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 4)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 6)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 8)) >>> 0;
    b = (b + a) >>> 0;
    a = (a - c) >>> 0;
    a = (a ^ rol32(c, 16)) >>> 0;
    c = (c + b) >>> 0;
    b = (b - a) >>> 0;
    b = (b ^ rol32(a, 19)) >>> 0;
    a = (a + c) >>> 0;
    c = (c - b) >>> 0;
    c = (c ^ rol32(b, 4)) >>> 0;
    b = (b + a) >>> 0;
  };
  while (len > 3) {
    a = (a + k[i]!) >>> 0;
    b = (b + k[i + 1]!) >>> 0;
    c = (c + k[i + 2]!) >>> 0;
    mix();
    len -= 3;
    i += 3;
  }
  if (len === 0) return c;
  if (len >= 3) c = (c + k[i + 2]!) >>> 0;
  if (len >= 2) b = (b + k[i + 1]!) >>> 0;
  a = (a + k[i]!) >>> 0;
  c = ((c ^ b) - rol32(b, 14)) >>> 0;
  a = ((a ^ c) - rol32(c, 11)) >>> 0;
  b = ((b ^ a) - rol32(a, 25)) >>> 0;
  c = ((c ^ b) - rol32(b, 16)) >>> 0;
  a = ((a ^ c) - rol32(c, 4)) >>> 0;
  b = ((b ^ a) - rol32(a, 14)) >>> 0;
  c = ((c ^ b) - rol32(b, 24)) >>> 0;
  return c;
}

/** An address as the kernel's u32 holds it on a little-endian machine (network byte order in memory). */
function le32(addr: number): number {
  return (((addr & 0xff) << 24) | (((addr >>> 8) & 0xff) << 16) | (((addr >>> 16) & 0xff) << 8) | (addr >>> 24)) >>> 0;
}

function tupleEqual(a: CtTuple, b: CtTuple): boolean {
  return a.src === b.src && a.dst === b.dst && a.proto === b.proto && a.sport === b.sport && a.dport === b.dport && a.type === b.type && a.code === b.code;
}

/** nf_nat_used_tuple: another connection already answers to the reply this tuple would get. */
function usedTuple(rt: NfRuntime, ns: Netns, t: CtTuple, ct: CtEntry, now: number): boolean {
  const hit = rt.conntrack(ns).find(invertTuple(t), now);
  return hit !== null && hit.entry !== ct;
}

/** find_best_ips_proto: the address of the range this connection gets (hashed when several). */
function bestIp(t: CtTuple, r: NatRange, manip: Manip): number {
  if (r.minAddr === r.maxAddr) return r.minAddr;
  const j = jhash2([le32(t.src), 0, 0, 0], r.persistent ? 0 : le32(t.dst));
  const dist = (r.maxAddr - r.minAddr + 1) >>> 0;
  void manip;
  return (r.minAddr + Number((BigInt(j) * BigInt(dist)) >> 32n)) >>> 0;
}

/** The port (or ICMP id) a tuple keeps for the manipulated side. */
function keyOf(t: CtTuple, manip: Manip): number {
  return t.proto === 1 || manip === 'src' ? t.sport : t.dport;
}

function withKey(t: CtTuple, manip: Manip, v: number): CtTuple {
  if (t.proto === 1 || manip === 'src') return { ...t, sport: v };
  return { ...t, dport: v };
}

/** get_unique_tuple: the tuple the connection is rewritten to. */
function uniqueTuple(rt: NfRuntime, ns: Netns, orig: CtTuple, r: NatRange, manip: Manip, ct: CtEntry, now: number): CtTuple {
  const inRange = (t: CtTuple) => {
    const a = manip === 'src' ? t.src : t.dst;
    if (r.mapIps && (a < r.minAddr || a > r.maxAddr)) return false;
    return !r.protoSpecified || (keyOf(t, manip) >= r.minPort && keyOf(t, manip) <= r.maxPort);
  };
  if (manip === 'src' && !r.random && !r.randomFully && inRange(orig) && !usedTuple(rt, ns, orig, ct, now)) return orig;
  let t = orig;
  if (r.mapIps) t = manip === 'src' ? { ...t, src: bestIp(t, r, manip) } : { ...t, dst: bestIp(t, r, manip) };
  if (!r.random && !r.randomFully) {
    if (r.protoSpecified) {
      const k = keyOf(t, manip);
      if (k >= r.minPort && k <= r.maxPort && (r.minPort === r.maxPort || !usedTuple(rt, ns, t, ct, now))) return t;
    } else if (!usedTuple(rt, ns, t, ct, now)) return t;
  }
  // nf_nat_l4proto_unique_tuple: the first free port (or id) of the range
  const k = uniqueL4Key(t.proto, 1, r, manip, keyOf(orig, manip), keyOf(t, manip), (x) => !usedTuple(rt, ns, withKey(t, manip, x), ct, now));
  return k === null ? t : withKey(t, manip, k);
}

/** nf_nat_setup_info: bind `ct` for one manipulation, with `range` (null: the null binding). */
export function setupNat(rt: NfRuntime, ns: Netns, ct: CtEntry, range: NatRange | null, manip: Manip, now: number): void {
  const curr = invertTuple(ct.reply);
  const r: NatRange = range ?? {
    mapIps: true,
    minAddr: manip === 'src' ? ct.reply.dst : ct.reply.src,
    maxAddr: manip === 'src' ? ct.reply.dst : ct.reply.src,
    protoSpecified: false,
    minPort: 0,
    maxPort: 0,
    basePort: null,
    random: false,
    randomFully: false,
    persistent: false,
  };
  const next = uniqueTuple(rt, ns, curr, r, manip, ct, now);
  if (!tupleEqual(next, curr)) {
    ct.reply = invertTuple(next);
    ct.status |= manip === 'src' ? IPS.SRC_NAT : IPS.DST_NAT;
  }
  ct.status |= manip === 'src' ? IPS.SRC_NAT_DONE : IPS.DST_NAT_DONE;
}

export function natInitialized(ct: CtEntry, manip: Manip): boolean {
  return (ct.status & (manip === 'src' ? IPS.SRC_NAT_DONE : IPS.DST_NAT_DONE)) !== 0;
}

/** Rewrites one side of a packet's headers to a tuple's (nf_nat_ipv4_manip_pkt + the L4 manip). */
function manipHeaders(pkt: { ip: IpPacket['ip']; icmp?: IpPacket['icmp'] | null; echo?: IpPacket['icmp'] | null; udp?: IpPacket['udp'] | null }, target: CtTuple, manip: Manip): void {
  if (manip === 'src') pkt.ip.src = target.src;
  else pkt.ip.dst = target.dst;
  const tcp = (pkt as { tcp?: { srcPort: number; dstPort: number } | null }).tcp;
  if (tcp) {
    if (manip === 'src') tcp.srcPort = target.sport;
    else tcp.dstPort = target.dport;
  } else if (pkt.udp) {
    if (manip === 'src') pkt.udp.srcPort = target.sport;
    else pkt.udp.dstPort = target.dport;
  }
  const echo = pkt.icmp ?? pkt.echo;
  if (echo && 'ident' in echo && target.proto === 1) echo.ident = target.sport;
}

/** Gives the packet its own L4 header before it is rewritten (flooded copies share theirs). */
function own(pkt: IpPacket): void {
  if (pkt.udp) pkt.udp = { ...pkt.udp };
  if (pkt.icmp) pkt.icmp = { ...pkt.icmp } as IpPacket['icmp'];
  const p = pkt as { tcp?: object | null };
  if (p.tcp) p.tcp = { ...p.tcp };
}

/** nf_nat_packet: rewrite the packet when the connection is translated on this side. */
export function natPacket(ct: CtEntry, dir: 'original' | 'reply', manip: Manip, pkt: IpPacket): void {
  let bit = manip === 'src' ? IPS.SRC_NAT : IPS.DST_NAT;
  if (dir === 'reply') bit = bit === IPS.SRC_NAT ? IPS.DST_NAT : IPS.SRC_NAT;
  if (!(ct.status & bit)) return;
  const other = dir === 'original' ? ct.reply : ct.orig;
  own(pkt);
  manipHeaders(pkt, invertTuple(other), manip);
}

/** nf_nat_icmp_reply_translation: an error about a translated connection, inside and out. */
export function natIcmpError(ct: CtEntry, dir: 'original' | 'reply', manip: Manip, pkt: IpPacket): boolean {
  const err = pkt.icmp;
  if (!err || !('original' in err)) return true;
  if (err.type === 5 && ct.status & (IPS.SRC_NAT | IPS.DST_NAT)) return false;
  let bit = manip === 'src' ? IPS.SRC_NAT : IPS.DST_NAT;
  if (dir === 'reply') bit = bit === IPS.SRC_NAT ? IPS.DST_NAT : IPS.SRC_NAT;
  if (!(ct.status & bit)) return true;
  const other = dir === 'original' ? ct.reply : ct.orig;
  const q = {
    ip: { ...err.original.ip },
    echo: err.original.echo ? { ...err.original.echo } : null,
    udp: err.original.udp ? { ...err.original.udp } : null,
    tcp: err.original.tcp ? { ...err.original.tcp } : null,
  };
  // the quoted packet went the other way: its other side takes the other direction's tuple
  manipHeaders(q, other, manip === 'src' ? 'dst' : 'src');
  pkt.icmp = { ...err, original: q };
  pkt.ip = { ...pkt.ip };
  manipHeaders({ ip: pkt.ip }, invertTuple({ ...other, proto: 1 }), manip);
  return true;
}
