/**
 * Stable privacy interface ids (RFC 7217; net/ipv6/addrconf.c ipv6_generate_stable_address),
 * addr_gen_mode 2: the id is the first 8 bytes of one raw SHA-1 block transform (no padding,
 * no length: sha1_transform on a zeroed 64-byte block) over the device's stable_secret (its
 * own, else conf/default's), the prefix's first 8 bytes, the device's permanent hardware
 * address (32 bytes) and the DAD attempt count — the two digest words stored in CPU order
 * (little-endian on x86). Every device kind nettwin models gets its MAC at random or has none
 * (veth, bridge, macvlan, vxlan, tun …), so its permanent address is all zeros: the id depends
 * on the secret and the prefix alone, and the kernel's address is reproduced byte for byte.
 */
import type { Link } from '../link.js';
import { ip6Bytes, ip6FromBytes, isIp6LinkLocal, type Ip6 } from './ip6.js';

/**
 * ipv6_gen_mode_random_init (addr_gen_mode 3): a device with no stable_secret of its own draws
 * one at random, and its ids are stable privacy ids of that secret from then on. The model
 * holds a stand-in (reproducible per device) and marks it: what it makes cannot be the
 * kernel's, so the secret and the ids outside fe80::/64 (where comparisons mask every id)
 * are not shown as if they were (see randomIid).
 */
export function drawRandomSecret(l: Link): void {
  if (l.inet6.stableSecret !== undefined) return;
  l.inet6.stableSecret = ip6FromBytes(standInBytes(`${l.ns.path}|${l.ifindex}|${l.name}`));
  l.inet6.randomSecret = true;
}

/** Whether `addr`, an address of `l`, carries an id made from a secret drawn at random (not link-local: those are masked). */
export function randomIid(l: Link, addr: Ip6, flags: number, stablePrivacyFlag: number): boolean {
  return !!l.inet6.randomSecret && !!(flags & stablePrivacyFlag) && !isIp6LinkLocal(addr);
}

/** Sixteen bytes from a string, FNV-1a over four seeds: a reproducible stand-in for get_random_bytes. */
function standInBytes(key: string): number[] {
  const out: number[] = [];
  for (const seed of [0x811c9dc5, 0x050c5d1f, 0x1b873593, 0x2545f491]) {
    let h = seed >>> 0;
    for (let i = 0; i < key.length; i++) {
      h ^= key.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out.push(h >>> 24, (h >>> 16) & 255, (h >>> 8) & 255, h & 255);
  }
  return out;
}

/** The secret addrconf uses for `l`: its own stable_secret, else conf/default's, else none. */
export function stableSecretOf(l: Link): Ip6 | null {
  return l.inet6.stableSecret ?? l.ns.inet6.defaultStableSecret;
}

/**
 * The stable privacy address of `l` in the /64 of `prefix`, or null without a secret (or when
 * every retry gives a reserved id).
 *
 * @example
 * stableAddress(veth, parseIp6('fe80::')!); // fe80::d820:30f:5afc:84be with secret 2001:db8::1234
 */
export function stableAddress(l: Link, prefix: Ip6, dadCount = 0): Ip6 | null {
  const secret = stableSecretOf(l);
  if (secret === null) return null;
  const head = ip6Bytes(prefix).slice(0, 8);
  // a reserved id takes the next counter, up to net.ipv6.idgen_retries
  for (let n = dadCount; n <= Math.max(dadCount, l.ns.inet6.idgenRetries); n++) {
    const block = new Uint8Array(64);
    block.set(ip6Bytes(secret), 0);
    block.set(head, 16);
    // bytes 24..55: the permanent hardware address, all zeros (see above)
    block[56] = n & 0xff;
    const d = sha1Transform(block);
    const id = [d[0]!, d[1]!].flatMap((w) => [w & 0xff, (w >>> 8) & 0xff, (w >>> 16) & 0xff, w >>> 24]);
    if (!reservedId(id)) return ip6FromBytes([...head, ...id]);
  }
  return null;
}

/** ipv6_reserved_interfaceid: the all-zeros id, the ISATAP id 0200:5efe:…, and the reserved subnet anycast range. */
function reservedId(id: number[]): boolean {
  if (id.every((b) => b === 0)) return true;
  if (id[0] === 0x02 && id[1] === 0 && id[2] === 0x5e && id[3] === 0xfe) return true;
  return id[0] === 0xfd && id[1] === 0xff && id[2] === 0xff && id[3] === 0xff && id[4] === 0xff && id[5] === 0xff && id[6] === 0xff && (id[7]! & 0x80) === 0x80;
}

const rol = (x: number, n: number) => ((x << n) | (x >>> (32 - n))) >>> 0;

/** SHA-1's compression function over one 64-byte block from the standard initial state (sha1_init + sha1_transform). */
function sha1Transform(block: Uint8Array): number[] {
  const w = new Array<number>(80);
  for (let i = 0; i < 16; i++) w[i] = ((block[4 * i]! << 24) | (block[4 * i + 1]! << 16) | (block[4 * i + 2]! << 8) | block[4 * i + 3]!) >>> 0;
  for (let i = 16; i < 80; i++) w[i] = rol(w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!, 1);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  let [a, b, c, d, e] = h as [number, number, number, number, number];
  for (let i = 0; i < 80; i++) {
    let f: number;
    let k: number;
    if (i < 20) {
      f = (b & c) | (~b & d);
      k = 0x5a827999;
    } else if (i < 40) {
      f = b ^ c ^ d;
      k = 0x6ed9eba1;
    } else if (i < 60) {
      f = (b & c) | (b & d) | (c & d);
      k = 0x8f1bbcdc;
    } else {
      f = b ^ c ^ d;
      k = 0xca62c1d6;
    }
    const t = (rol(a, 5) + (f >>> 0) + e + k + w[i]!) >>> 0;
    e = d;
    d = c;
    c = rol(b, 30);
    b = a;
    a = t;
  }
  return [a, b, c, d, e].map((x, i) => (x + h[i]!) >>> 0);
}

/** How the kernel prints a secret (%pI6): eight groups of four hex digits, nothing compressed. */
export function formatSecret(a: Ip6): string {
  const b = ip6Bytes(a);
  const groups: string[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(((b[i]! << 8) | b[i + 1]!).toString(16).padStart(4, '0'));
  return groups.join(':');
}
