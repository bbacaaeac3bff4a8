/**
 * The kernel's multipath hash for fib_multipath_hash_policy 0 (net/ipv4/route.c
 * fib_multipath_hash over L3 addresses): SipHash-2-4 keyed by the seed
 * (fib_multipath_hash_construct_key) over struct flow_keys from its `basic` member, with only
 * the IPv4 addresses set and put in order (__flow_hash_consistentify); fib_rebalance's upper
 * bounds then pick the hop. Written from the kernel's description, for a seed the user set: an
 * unset seed is random per boot.
 */

const MASK64 = (1n << 64n) - 1n;

function rotl(x: bigint, b: bigint): bigint {
  return ((x << b) | (x >> (64n - b))) & MASK64;
}

/** SipHash-2-4 of `data` under the 128-bit key (k0, k1), as lib/siphash.c's siphash(). */
export function siphash24(k0: bigint, k1: bigint, data: Uint8Array): bigint {
  let v0 = 0x736f6d6570736575n ^ k0;
  let v1 = 0x646f72616e646f6dn ^ k1;
  let v2 = 0x6c7967656e657261n ^ k0;
  let v3 = 0x7465646279746573n ^ k1;
  const round = () => {
    v0 = (v0 + v1) & MASK64;
    v1 = rotl(v1, 13n) ^ v0;
    v0 = rotl(v0, 32n);
    v2 = (v2 + v3) & MASK64;
    v3 = rotl(v3, 16n) ^ v2;
    v0 = (v0 + v3) & MASK64;
    v3 = rotl(v3, 21n) ^ v0;
    v2 = (v2 + v1) & MASK64;
    v1 = rotl(v1, 17n) ^ v2;
    v2 = rotl(v2, 32n);
  };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const whole = data.length - (data.length % 8);
  for (let i = 0; i < whole; i += 8) {
    const m = view.getBigUint64(i, true);
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
  let b = BigInt(data.length & 0xff) << 56n;
  for (let i = whole; i < data.length; i++) b |= BigInt(data[i]!) << BigInt(8 * (i - whole));
  v3 ^= b;
  round();
  round();
  v0 ^= b;
  v2 ^= 0xffn;
  round();
  round();
  round();
  round();
  return (v0 ^ v1 ^ v2 ^ v3) & MASK64;
}

/** struct flow_keys from `basic` to the end, IPv4 addresses set: 48 bytes, the addresses at 36. */
const KEYS_LEN = 48;
const ADDRS_AT = 36;

/** fib_multipath_hash (policy 0, no skb or an skb's outer addresses): 31 bits. */
export function multipathHash(seed: number, src: number, dst: number): number {
  const keys = new Uint8Array(KEYS_LEN);
  const view = new DataView(keys.buffer);
  // the addresses as they sit in memory (network order); consistentify compares those bytes as host (little-endian) words
  view.setUint32(ADDRS_AT, src >>> 0, false);
  view.setUint32(ADDRS_AT + 4, dst >>> 0, false);
  if (view.getUint32(ADDRS_AT + 4, true) < view.getUint32(ADDRS_AT, true)) {
    view.setUint32(ADDRS_AT, dst >>> 0, false);
    view.setUint32(ADDRS_AT + 4, src >>> 0, false);
  }
  const s = BigInt(seed >>> 0);
  const k = (s << 32n) | s;
  let h = Number(siphash24(k, k, keys) & 0xffffffffn);
  if (h === 0) h = 1;
  return h >>> 1;
}

/** fib_rebalance then fib_select_multipath: the index of the live hop (weights given, null for dead) the hash picks. */
export function pickHop(weights: readonly (number | null)[], hash: number): number {
  const total = weights.reduce<number>((t, w) => t + (w ?? 0), 0);
  let w = 0;
  for (let i = 0; i < weights.length; i++) {
    const wi = weights[i];
    if (wi === null || wi === undefined) continue;
    w += wi;
    // DIV_ROUND_CLOSEST_ULL((u64)w << 31, total) - 1
    const upper = Math.floor((w * 2 ** 31 + Math.floor(total / 2)) / total) - 1;
    if (hash <= upper) return i;
  }
  return weights.findIndex((x) => x !== null);
}

/** struct flow_keys from `basic` to the end with IPv6 addresses: 72 bytes (the struct's 8-byte alignment pads the 68). */
const KEYS6_LEN = 72;
const PROTO_AT = 2;
const FLOWLABEL_AT = 4;

/**
 * rt6_multipath_hash for policy 0 without an skb (a lookup's flow, as `ip -6 route get`
 * makes it): the flow's addresses (the smaller first, __flow_hash_consistentify's memcmp), its
 * flow label and IP protocol, SipHash-2-4 keyed by the seed (fib_multipath_hash_from_keys);
 * 31 bits.
 */
export function multipathHash6(seed: number, src: bigint, dst: bigint, flowlabel: number, proto: number): number {
  const keys = new Uint8Array(KEYS6_LEN);
  const view = new DataView(keys.buffer);
  view.setUint8(PROTO_AT, proto & 0xff);
  view.setUint32(FLOWLABEL_AT, flowlabel & 0xfffff, false);
  const [a, b] = dst < src ? [dst, src] : [src, dst];
  for (let i = 0; i < 4; i++) {
    view.setUint32(ADDRS_AT + 4 * i, Number((a >> BigInt(96 - 32 * i)) & 0xffffffffn), false);
    view.setUint32(ADDRS_AT + 16 + 4 * i, Number((b >> BigInt(96 - 32 * i)) & 0xffffffffn), false);
  }
  const s = BigInt(seed >>> 0);
  const k = (s << 32n) | s;
  let h = Number(siphash24(k, k, keys) & 0xffffffffn);
  if (h === 0) h = 1;
  return h >>> 1;
}

/** rt6_multipath_rebalance's upper bounds (rt6_upper_bound_set): the live hops' cumulative weights scaled to 2^31, -1 for a dead one. */
export function upperBounds(weights: readonly (number | null)[]): number[] {
  const total = weights.reduce<number>((t, w) => t + (w ?? 0), 0);
  let w = 0;
  return weights.map((wi) => {
    if (wi === null) return -1;
    w += wi;
    return Math.floor((w * 2 ** 31 + Math.floor(total / 2)) / total) - 1;
  });
}
