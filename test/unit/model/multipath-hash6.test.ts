/**
 * The kernel's IPv6 multipath hash (rt6_multipath_hash, policy 0, no skb) against answers Linux
 * 6.18 gave: `ip -6 route get 2001:db8:9::N` with net.ipv4.fib_multipath_hash_seed=12345 over
 * `nexthop via 2001:db8:1::2 nexthop via 2001:db8:2::2 weight 2 nexthop via 2001:db8:3::2`
 * (siblings 0, 1, 2; the lookup's source `::`, flow label and protocol 0).
 */
import { describe, expect, it } from 'vitest';
import { parseIp6 } from '../../../src/model/ipv6/ip6.js';
import { multipathHash6, upperBounds } from '../../../src/model/multipath-hash.js';

/** The first sibling whose upper bound holds the hash (fib6_select_path with every sibling scoring). */
function sibling(bounds: number[], hash: number): number {
  return bounds.findIndex((b) => hash <= b);
}

describe('IPv6 multipath hash', () => {
  it('picks the sibling the kernel picked', () => {
    const seen: [string, number][] = [
      ['2001:db8:9::1', 1],
      ['2001:db8:9::3', 2],
      ['2001:db8:9::5', 0],
      ['2001:db8:9::7', 1],
      ['2001:db8:9::8', 0],
      ['2001:db8:9::c', 2],
      ['2001:db8:9::d', 0],
      ['2001:db8:9::e', 2],
    ];
    const bounds = upperBounds([1, 2, 1]);
    for (const [dst, want] of seen) expect([dst, sibling(bounds, multipathHash6(12345, 0n, parseIp6(dst)!, 0, 0))]).toEqual([dst, want]);
  });

  it('is symmetric in the addresses (__flow_hash_consistentify) and reads the label and protocol', () => {
    const a = parseIp6('2001:db8::1')!;
    const b = parseIp6('2001:db8::2')!;
    expect(multipathHash6(7, a, b, 0, 0)).toBe(multipathHash6(7, b, a, 0, 0));
    expect(multipathHash6(7, a, b, 0, 58)).not.toBe(multipathHash6(7, a, b, 0, 0));
    expect(multipathHash6(7, a, b, 0x12345, 0)).not.toBe(multipathHash6(7, a, b, 0, 0));
    expect(multipathHash6(7, a, b, 0, 0)).toBeLessThan(2 ** 31);
  });

  it('gives a dead sibling no share (upper bound -1) and the last live one the top', () => {
    expect(upperBounds([1, null, 1])).toEqual([2 ** 30 - 1, -1, 2 ** 31 - 1]);
  });
});
