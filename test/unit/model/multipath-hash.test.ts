/**
 * The kernel's multipath hash (policy 0) against answers Linux 6.18 gave: `ip route get DST`
 * with net.ipv4.fib_multipath_hash_seed set, over `nexthop via 10.0.1.2 nexthop via 10.0.2.2
 * weight 2 nexthop via 10.0.3.2` (hops 0, 1, 2). SipHash-2-4 itself against its reference vector.
 */
import { describe, expect, it } from 'vitest';
import { parseIp4 } from '../../../src/model/ip.js';
import { multipathHash, pickHop, siphash24 } from '../../../src/model/multipath-hash.js';

describe('multipath hash', () => {
  it('is SipHash-2-4 (the reference vector of 15 bytes under key 00..0f)', () => {
    const k0 = 0x0706050403020100n;
    const k1 = 0x0f0e0d0c0b0a0908n;
    expect(
      siphash24(
        k0,
        k1,
        Uint8Array.from({ length: 15 }, (_, i) => i),
      ),
    ).toBe(0xa129ca6149be45e5n);
  });

  it('picks the hop the kernel picked', () => {
    const seen: [number, string, number][] = [
      [12345, '10.9.7.13', 2],
      [12345, '10.9.14.26', 1],
      [12345, '10.9.70.130', 0],
      [12345, '10.9.84.156', 0],
      [12345, '10.9.28.52', 2],
      [7, '10.9.15.9', 0],
      [7, '10.9.25.15', 2],
      [7, '10.9.5.3', 1],
    ];
    for (const [seed, dst, hop] of seen) expect(pickHop([1, 2, 1], multipathHash(seed, 0, parseIp4(dst)!)), `${seed} ${dst}`).toBe(hop);
  });

  it('leaves dead hops out of the bounds', () => {
    expect(pickHop([null, 1, null], 0)).toBe(1);
    expect(pickHop([1, null, 1], 2 ** 31 - 1)).toBe(2);
  });
});
