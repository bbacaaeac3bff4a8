import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { absentHostIn, addressIn, interfaceAddress, overlappingSubnets, prefixLength, subnet, subnetOf, subnetSpec, typoOf, type Subnet } from '../../../src/testing/arb-address.js';
import { broadcastOf, inPrefix, maskOf, parseIp4, parsePrefix } from '../../../src/model/ip.js';

const isPrivate = (a: number) => inPrefix(a, 0x0a000000, 8) || inPrefix(a, 0xac100000, 12);

describe('address arbitraries', () => {
  it('subnets are private with host bits clear', () => {
    fc.assert(
      fc.property(subnet(), (s) => {
        expect(isPrivate(s.network)).toBe(true);
        expect((s.network & ~maskOf(s.len)) >>> 0).toBe(0);
        expect(s.len).toBeGreaterThanOrEqual(8);
        expect(s.len).toBeLessThanOrEqual(32);
      }),
    );
  });

  it('prefix lengths reach /24 mostly and the edges /31 and /32 too', () => {
    const lens = fc.sample(prefixLength(), { seed: 1, numRuns: 2000 });
    expect(lens.filter((l) => l === 24).length).toBeGreaterThan(600);
    expect(lens).toContain(31);
    expect(lens).toContain(32);
  });

  it('interface addresses parse as iproute2 reads them, and reach network and broadcast addresses', () => {
    const all = fc.sample(interfaceAddress(), { seed: 2, numRuns: 3000 });
    let network = 0;
    let broadcast = 0;
    for (const a of all) {
      const p = parsePrefix(a)!;
      expect(p).not.toBeNull();
      expect(isPrivate(p.addr) || isPrivate((p.addr - 2 ** (32 - p.len)) >>> 0)).toBe(true);
      if (p.len < 31 && p.addr === (p.addr & maskOf(p.len)) >>> 0) network++;
      if (p.len < 31 && p.addr === broadcastOf(p.addr, p.len)) broadcast++;
    }
    expect(network).toBeGreaterThan(0);
    expect(broadcast).toBeGreaterThan(0);
  });

  it('overlapping subnets do overlap', () => {
    fc.assert(
      fc.property(overlappingSubnets(), ([a, b]) => {
        expect(inPrefix(b.network, a.network, a.len)).toBe(true);
      }),
    );
  });

  it('ordinary hosts of a segment get distinct addresses inside its subnet', () => {
    fc.assert(
      fc.property(fc.nat(7), subnetSpec(), fc.nat(5), (k, spec, members) => {
        const s: Subnet = subnetOf(k, { ...spec, overlap: null, len: Math.min(spec.len, 28) });
        const seen = new Set<number>();
        for (let j = 0; j <= members; j++) {
          const a = addressIn(s, { kind: 'host' }, j);
          expect(inPrefix(a, s.network, s.len)).toBe(true);
          expect(a).not.toBe(s.network);
          expect(a).not.toBe(broadcastOf(s.network, s.len));
          seen.add(a);
        }
        expect(seen.size).toBe(members + 1);
        expect(seen.has(absentHostIn(s, members + 1))).toBe(false);
      }),
    );
  });

  it('/31 puts both ends on the two addresses, /32 gives each end its own', () => {
    const s31 = { network: parseIp4('10.0.0.4')!, len: 31 };
    expect([addressIn(s31, { kind: 'host' }, 0), addressIn(s31, { kind: 'host' }, 1)]).toEqual([parseIp4('10.0.0.4'), parseIp4('10.0.0.5')]);
    const s32 = { network: parseIp4('10.0.0.9')!, len: 32 };
    expect(addressIn(s32, { kind: 'host' }, 1)).toBe(parseIp4('10.0.0.10'));
  });

  it('segments get distinct subnets unless they overlap on purpose', () => {
    const spec = { block: 10 as const, third: 3, fourth: 0, len: 24, overlap: null };
    expect(subnetOf(0, spec).network).not.toBe(subnetOf(1, spec).network);
    const specs = [spec, { ...spec, len: 16, overlap: 0 }];
    const b = subnetOf(1, specs[1], specs);
    expect(inPrefix(subnetOf(0, spec).network, b.network, b.len)).toBe(true);
  });

  it('typos double the last dot, as the seed did', () => {
    expect(typoOf('172.16.1.2')).toBe('172.16.1..2');
    expect(typoOf('10.0.0.1/24')).toBe('10.0.0..1/24');
    expect(parsePrefix(typoOf('10.0.0.1/24'))).toBeNull();
  });
});
