/**
 * A netfilter rule as the kernel keeps it: the fixed IPv4 part of an iptables entry (struct
 * ipt_ip: addresses with masks, interfaces with `+` wildcards, protocol, each with its
 * inversion), the match extensions in the order they were given, a target, and the packet and
 * byte counters. iptables-nft stores the same rule as nf_tables expressions, and a rule written
 * with `nft` is parsed into the same form; each front end prints it in its own words
 * (src/programs/iptables, src/programs/nft). The simulator evaluates it (sim/netfilter).
 */
import type { Ip4 } from '../ip.js';
import type { NfMatch } from './match.js';
import type { NfTarget } from './target.js';

/** Packets and bytes (IP total length), as the kernel counts them. */
export interface Counters {
  pkts: number;
  bytes: number;
}

/** An address with its mask (host order, unsigned): `-s 10.0.0.0/8`. */
export interface AddrMask {
  addr: Ip4;
  mask: number;
}

/**
 * An interface name as iptables gives it to the kernel: `eth0` matches exactly, `eth+` any
 * name starting with `eth`, `+` every interface.
 */
export interface Iface {
  name: string;
  invert: boolean;
}

/** struct ipt_ip: what every IPv4 rule can test without an extension. */
export interface IpPart {
  src: AddrMask;
  srcInvert: boolean;
  dst: AddrMask;
  dstInvert: boolean;
  in: Iface | null;
  out: Iface | null;
  /** 0 is any protocol */
  proto: number;
  protoInvert: boolean;
  /** `-f`: only second and later fragments (null: not tested) */
  fragment: { invert: boolean } | null;
}

/** An IPv6 address of a rule with its mask (struct ip6t_ip6: the mask need not be a prefix). */
export interface Addr6 {
  addr: bigint;
  mask: bigint;
}

/** struct ip6t_ip6's addresses: an ip6tables rule's IpPart keeps interfaces and protocol, these its addresses. */
export interface Ip6Addrs {
  src: Addr6;
  dst: Addr6;
}

export interface NfRule {
  ip: IpPart;
  /** an ip6tables rule: its addresses (ip.src / ip.dst stay any) */
  ip6?: Ip6Addrs;
  /**
   * the one network family an nft rule's own tests are for (`ip saddr`, `icmp type` → ip;
   * `ip6 saddr`, `icmpv6 type` → ip6: nft adds a `meta nfproto` test in an inet table)
   */
  family?: 'ip' | 'ip6';
  matches: NfMatch[];
  target: NfTarget;
  /** null: a rule written with `nft` without a `counter` statement counts nothing */
  counters: Counters | null;
  /** nf_tables rule handle (1, 2, … per table) */
  handle: number;
  /** statements that act and go on before the target (nft: `log prefix "x" drop`, `meta mark set 1`) */
  also?: NfTarget[];
  /**
   * an `nft` rule's statements in nft's own words, as `nft list` prints them; the counter's
   * place is the empty string (its values are printed live)
   */
  nftParts?: string[];
}

export const ANY_ADDR: AddrMask = Object.freeze({ addr: 0, mask: 0 });

/** The IP part of a rule that tests nothing. */
export function emptyIpPart(): IpPart {
  return { src: ANY_ADDR, srcInvert: false, dst: ANY_ADDR, dstInvert: false, in: null, out: null, proto: 0, protoInvert: false, fragment: null };
}

/** Whether interface name `dev` matches `iface` (without its inversion): `eth+` is a prefix. */
export function ifaceMatches(iface: string, dev: string): boolean {
  if (iface.endsWith('+')) return dev.startsWith(iface.slice(0, -1));
  return dev === iface;
}

/** The prefix length of a contiguous mask, or -1. */
export function maskLen(mask: number): number {
  // the complement of a contiguous mask is 0…01…1
  const inv = ~mask >>> 0;
  if ((inv & (inv + 1)) !== 0) return -1;
  return Math.clz32(inv);
}

/** The mask of a prefix length. */
export function lenMask(len: number): number {
  return len === 0 ? 0 : (0xffffffff << (32 - len)) >>> 0;
}

/** Whether two values are equal field by field (rule parts are plain data). */
function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a as object);
  const kb = Object.keys(b as object);
  if (ka.length !== kb.length) return false;
  for (const k of ka) if (!deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k])) return false;
  return true;
}

/** Whether two rules test and do the same (what `iptables -D/-C` with a rule looks for); counters do not count. */
export function sameRule(a: NfRule, b: NfRule): boolean {
  return deepEqual(a.ip, b.ip) && deepEqual(a.ip6, b.ip6) && deepEqual(a.matches, b.matches) && deepEqual(a.target, b.target);
}
