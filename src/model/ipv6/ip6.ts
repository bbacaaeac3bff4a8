/**
 * IPv6 addresses as unsigned 128-bit integers (bigint, network order: the first group is the
 * most significant), with text conversion as glibc's inet_pton/inet_ntop do it (iproute2 reads
 * and prints every IPv6 address through them), prefix arithmetic, and the kernel's
 * classification of an address (include/net/ipv6.h ipv6_addr_type, __ipv6_addr_src_scope;
 * RFC 4291 for the address architecture).
 */

/** An IPv6 address: 128 bits, the first group most significant. */
export type Ip6 = bigint;

const ALL = (1n << 128n) - 1n;

/** `::`, the unspecified address. */
export const IP6_ANY: Ip6 = 0n;
/** `::1`. */
export const IP6_LOOPBACK: Ip6 = 1n;
/** `ff02::1`, all nodes on the link. */
export const IP6_ALL_NODES: Ip6 = (0xff02n << 112n) | 1n;
/** `ff02::2`, all routers on the link. */
export const IP6_ALL_ROUTERS: Ip6 = (0xff02n << 112n) | 2n;
/** `ff02::16`, MLDv2-capable routers (where MLDv2 reports go). */
export const IP6_MLDV2_ROUTERS: Ip6 = (0xff02n << 112n) | 0x16n;

/** inet_pton4 of glibc: four decimal parts, no leading zero, each at most 255. */
function parseDotted(text: string): number[] | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out: number[] = [];
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || (p.length > 1 && p[0] === '0')) return null;
    const n = Number(p);
    if (n > 255) return null;
    out.push(n);
  }
  return out;
}

/**
 * inet_pton(AF_INET6): eight groups of one to four hex digits, one `::` standing for at least
 * one group of zeros, a dotted IPv4 tail in place of the last two groups; null otherwise.
 *
 * @example
 * formatIp6(parseIp6('2001:DB8::1')!); // '2001:db8::1'
 * parseIp6('2001:db8::1::2');         // null
 */
export function parseIp6(text: string): Ip6 | null {
  if (text.length === 0 || text.length > 45) return null;
  let head = text;
  let tail = '';
  const dc = text.indexOf('::');
  if (dc >= 0) {
    if (text.indexOf('::', dc + 1) >= 0) return null;
    head = text.slice(0, dc);
    tail = text.slice(dc + 2);
  }
  const groups = (s: string, last: boolean): number[] | null => {
    if (s === '') return [];
    const out: number[] = [];
    const parts = s.split(':');
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (last && i === parts.length - 1 && p.includes('.')) {
        const d = parseDotted(p);
        if (!d) return null;
        out.push((d[0]! << 8) | d[1]!, (d[2]! << 8) | d[3]!);
        continue;
      }
      if (!/^[0-9a-fA-F]{1,4}$/.test(p)) return null;
      out.push(parseInt(p, 16));
    }
    return out;
  };
  const h = groups(head, dc < 0);
  const t = dc >= 0 ? groups(tail, true) : [];
  if (!h || !t) return null;
  let words: number[];
  if (dc < 0) {
    if (h.length !== 8) return null;
    words = h;
  } else {
    const fill = 8 - h.length - t.length;
    if (fill < 1) return null;
    words = [...h, ...new Array<number>(fill).fill(0), ...t];
  }
  let v = 0n;
  for (const w of words) v = (v << 16n) | BigInt(w);
  return v;
}

/** The 16 bytes of an address. */
export function ip6Bytes(a: Ip6): number[] {
  const out = new Array<number>(16);
  let v = a;
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(v & 255n);
    v >>= 8n;
  }
  return out;
}

/** An address from its 16 bytes. */
export function ip6FromBytes(bytes: readonly number[]): Ip6 {
  let v = 0n;
  for (let i = 0; i < 16; i++) v = (v << 8n) | BigInt((bytes[i] ?? 0) & 255);
  return v;
}

/**
 * inet_ntop(AF_INET6): hex groups, the longest run of two or more zero groups (the first of
 * equals) as `::`, and an IPv4-compatible or -mapped address with a dotted tail.
 *
 * @example
 * formatIp6(0x20010db8n << 96n | 1n); // '2001:db8::1'
 */
export function formatIp6(a: Ip6): string {
  const w: number[] = [];
  for (let i = 7; i >= 0; i--) w.push(Number((a >> BigInt(i * 16)) & 0xffffn));
  let best = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (w[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) {
      best = i;
      bestLen = j - i;
    }
    i = j;
  }
  if (bestLen < 2) best = -1;
  if (best === 0 && (bestLen === 6 || (bestLen === 5 && w[5] === 0xffff))) {
    const b = ip6Bytes(a);
    const v4 = `${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
    return bestLen === 6 ? `::${v4}` : `::ffff:${v4}`;
  }
  const hex = (x: number[]) => x.map((n) => n.toString(16)).join(':');
  if (best < 0) return hex(w);
  return `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** The mask of a prefix length (0..128). */
export function ip6Mask(len: number): Ip6 {
  if (len <= 0) return 0n;
  if (len >= 128) return ALL;
  return (ALL << BigInt(128 - len)) & ALL;
}

/** The first `len` bits of `a`. */
export function ip6Network(a: Ip6, len: number): Ip6 {
  return a & ip6Mask(len);
}

/** Whether `a` is within `net/len`. */
export function ip6InPrefix(a: Ip6, net: Ip6, len: number): boolean {
  return ((a ^ net) & ip6Mask(len)) === 0n;
}

/** "A/P" or "A" (P = 128), as iproute2 prints a route's destination. */
export function ip6PrefixText(a: Ip6, len: number): string {
  return len === 128 ? formatIp6(a) : `${formatIp6(a)}/${len}`;
}

// the bounds of ff00::/8, fe80::/10 and fec0::/10: comparing with them makes no new bigint
// (a shift does), and these are asked for every packet and every pair reach weighs
const MULTICAST_LO = 0xffn << 120n;
const LINK_LOCAL_LO = 0x3fan << 118n;
const SITE_LOCAL_LO = 0x3fbn << 118n;
const SITE_LOCAL_HI = 0x3fcn << 118n;

/** ff00::/8 */
export function isIp6Multicast(a: Ip6): boolean {
  return a >= MULTICAST_LO;
}

/** fe80::/10 */
export function isIp6LinkLocal(a: Ip6): boolean {
  return a >= LINK_LOCAL_LO && a < SITE_LOCAL_LO;
}

/** ::ffff:0:0/96 */
export function isIp6V4Mapped(a: Ip6): boolean {
  return a >> 32n === 0xffffn;
}

/**
 * The scope of an address in the kernel's IPV6_ADDR_SCOPE_* numbering (ipv6_addr_scope):
 * multicast carries its own (the low four bits of the second byte), fe80::/10 and the
 * loopback are link (2), fec0::/10 site (5), everything else global (14). This is the order
 * the device's address list is kept in and what source selection compares.
 */
export function ip6SrcScope(a: Ip6): number {
  if (isIp6Multicast(a)) return Number((a >> 112n) & 0xfn);
  if (isIp6LinkLocal(a) || a === IP6_LOOPBACK) return 2;
  if (a >= SITE_LOCAL_LO && a < SITE_LOCAL_HI) return 5;
  return 14;
}

/**
 * The RT_SCOPE_* an address is shown with (ipv6_addr_scope → IFA_*): `host` for ::1 (254),
 * `link` (253), `site` (200), `global` (0).
 */
export function ip6DisplayScope(a: Ip6): number {
  if (a === IP6_LOOPBACK) return 254;
  const s = ip6SrcScope(a);
  if (s === 2) return 253;
  if (s === 5) return 200;
  return 0;
}

const SOLICITED_PREFIX = (0xff02n << 112n) | (1n << 32n) | (0xffn << 24n);

/** The solicited-node group of an address (RFC 4291 §2.7.1): ff02::1:ffXX:XXXX. */
export function solicitedNode(a: Ip6): Ip6 {
  return SOLICITED_PREFIX | (a & 0xffffffn);
}

/** The Ethernet group address of an IPv6 multicast group (RFC 2464 §7): 33:33 and the last four bytes. */
export function ip6MulticastMac(g: Ip6): string {
  // the low 32 bits as 8 hex digits, two by two (a bridge's worth of namespaces each ask for a few)
  const h = Number(g & 0xffffffffn)
    .toString(16)
    .padStart(8, '0');
  return `33:33:${h.slice(0, 2)}:${h.slice(2, 4)}:${h.slice(4, 6)}:${h.slice(6, 8)}`;
}

/** Compares two addresses as the kernel's memcmp would: -1, 0, 1. */
export function compareIp6(a: Ip6, b: Ip6): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
