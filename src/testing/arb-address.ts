/**
 * Addresses and prefixes for generated labs: private ranges only (10.0.0.0/8, 172.16.0.0/12),
 * weighted toward what scripts use (/24 and ordinary host addresses) but reaching the edges the
 * kernel treats specially: /31 and /32, the network and broadcast addresses of a subnet, an
 * address outside its segment's subnet, and subnets that overlap.
 */
import fc from 'fast-check';
import { broadcastOf, ip4ToString, maskOf, networkOf, type Ip4 } from '../model/ip.js';

/** A subnet as numbers: network address (host order) and prefix length. */
export interface Subnet {
  network: Ip4;
  len: number;
}

/** Which address of a subnet an interface gets. */
export type HostPick =
  /** an ordinary host address: the segment's j-th (wrapping inside the subnet, so on a /30 the third is the broadcast) */
  | { kind: 'host' }
  /** the subnet's network address (unicast since kernel 5.14) */
  | { kind: 'network' }
  /** the subnet's broadcast address */
  | { kind: 'broadcast' }
  /** an address of the next subnet: the seed's bridge address outside the pods' subnet */
  | { kind: 'outside' };

/**
 * How a segment's subnet is chosen, in a form that stays valid whatever shrinking does to it:
 * the builder derives the network from the segment's position, so two segments never share a
 * subnet unless `overlap` says so.
 */
export interface SubnetSpec {
  block: 10 | 172;
  /** third octet (10.S.T.0) or, for 172.16/12, part of it */
  third: number;
  /** picks the aligned block inside the third octet for prefixes longer than /24 */
  fourth: number;
  len: number;
  /** reuse the network of the segment with this index (modulo), with this spec's length */
  overlap: number | null;
}

/** Prefix lengths as scripts use them, with the edges close behind. */
export function prefixLength(): fc.Arbitrary<number> {
  return fc.oneof(
    { arbitrary: fc.constant(24), weight: 10 },
    { arbitrary: fc.constantFrom(30, 16, 28), weight: 3 },
    { arbitrary: fc.constantFrom(31, 32), weight: 2 },
    { arbitrary: fc.integer({ min: 8, max: 32 }), weight: 1 },
  );
}

/** A private IPv4 address as a number. */
export function privateIp4(): fc.Arbitrary<Ip4> {
  return fc.oneof(
    fc.integer({ min: 0, max: 0xffffff }).map((n) => (0x0a000000 + n) >>> 0),
    fc.integer({ min: 0, max: 0xfffff }).map((n) => (0xac100000 + n) >>> 0),
  );
}

/**
 * A private IPv4 address as text.
 *
 * @example fc.sample(privateIpv4(), 1) // ['10.0.3.7']
 */
export function privateIpv4(): fc.Arbitrary<string> {
  return privateIp4().map(ip4ToString);
}

/** A private subnet (network address with host bits clear). */
export function subnet(): fc.Arbitrary<Subnet> {
  return fc.tuple(privateIp4(), prefixLength()).map(([a, len]) => {
    // 172.16/12 is only a /12: keep shorter prefixes inside 10/8 so the network stays private
    const base = len < 12 ? (0x0a000000 | (a & 0x00ffffff)) >>> 0 : a;
    return { network: networkOf(base, Math.max(len, 8)), len: Math.max(len, 8) };
  });
}

/** Two subnets that overlap: one inside the other, or the same one twice. */
export function overlappingSubnets(): fc.Arbitrary<[Subnet, Subnet]> {
  return fc.tuple(subnet(), fc.integer({ min: 0, max: 8 })).map(([outer, extra]) => {
    const len = Math.min(32, outer.len + extra);
    return [outer, { network: outer.network, len }];
  });
}

/** Which address of a subnet: mostly ordinary hosts, sometimes the edges. */
export function hostPick(): fc.Arbitrary<HostPick> {
  return fc.oneof(
    { arbitrary: fc.constant({ kind: 'host' as const }), weight: 24 },
    { arbitrary: fc.constant({ kind: 'network' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'broadcast' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'outside' as const }), weight: 1 },
  );
}

/** How a segment's subnet is chosen (see SubnetSpec). */
export function subnetSpec(): fc.Arbitrary<SubnetSpec> {
  return fc.record({
    block: fc.constantFrom<10 | 172>(10, 172),
    third: fc.integer({ min: 0, max: 255 }),
    fourth: fc.integer({ min: 0, max: 63 }),
    len: prefixLength().map((l) => Math.max(16, l)),
    // fc.option's freq is the odds of nil: 1 in 16 segments overlaps another
    overlap: fc.oneof({ arbitrary: fc.constant(null), weight: 15 }, { arbitrary: fc.nat(7), weight: 1 }),
  });
}

/**
 * The subnet of the segment at `index`: its own /16 (10.(index+1)/16 or 172.(16+index)/16),
 * the chosen third octet, and an aligned block for long prefixes.
 */
export function subnetOf(index: number, spec: SubnetSpec, specs?: readonly SubnetSpec[]): Subnet {
  if (spec.overlap !== null && specs && specs.length > 1) {
    const other = spec.overlap % specs.length;
    if (other !== index) {
      const o = subnetOf(other, { ...specs[other], overlap: null });
      return { network: networkOf(o.network, spec.len), len: spec.len };
    }
  }
  const sixteen = spec.block === 10 ? 0x0a000000 + ((index % 255) + 1) * 0x10000 : 0xac100000 + (index % 16) * 0x10000;
  const size = 2 ** (32 - spec.len);
  const low = spec.len > 24 ? (spec.fourth * size) % 256 : 0;
  const addr = (sixteen + (spec.len > 16 ? (spec.third & 255) * 256 : 0) + low) >>> 0;
  return { network: networkOf(addr, spec.len), len: spec.len };
}

/**
 * Where a segment's ordinary hosts start: an offset drawn from the spec, so /24s are not all
 * .1, .2, … (long prefixes start at their first host).
 */
export function hostBase(s: Subnet, spec: SubnetSpec): number {
  const size = 2 ** (32 - s.len);
  return size > 16 ? (spec.fourth * 4) % (size - 12) : 0;
}

/**
 * The address an interface gets: `j` is its position on the segment (0, 1, …), so ordinary
 * picks give distinct addresses. On /31 both addresses are hosts; on /32 each end has its own.
 */
export function addressIn(s: Subnet, pick: HostPick, j: number, base = 0): Ip4 {
  const size = 2 ** (32 - s.len);
  switch (pick.kind) {
    case 'network':
      return s.network;
    case 'broadcast':
      return broadcastOf(s.network, s.len);
    case 'outside':
      return (networkOf((s.network + size) >>> 0, s.len) + Math.min(size - 1, 1 + j)) >>> 0;
    case 'host': {
      if (s.len === 32) return (s.network + j) >>> 0;
      if (s.len === 31) return (s.network + (j % 2)) >>> 0;
      // hosts from base+1 on, wrapping onto the broadcast and network addresses
      return (s.network + ((1 + base + j) % size)) >>> 0;
    }
  }
}

/**
 * An address of the subnet that none of the `used` ordinary hosts holds, or, when the subnet is
 * full (/30, /31, /32), the first address after it.
 */
export function absentHostIn(s: Subnet, used: number, base = 0): Ip4 {
  const size = 2 ** (32 - s.len);
  const n = 1 + base + used + 4;
  return n < size - 1 ? (s.network + n) >>> 0 : (s.network + size + 1) >>> 0;
}

/** `A/P` as `ip addr add` takes it. */
export function cidr(a: Ip4, len: number): string {
  return `${ip4ToString(a)}/${len}`;
}

/** `N/P` of a subnet, host bits clear, as `ip route add` takes it. */
export function subnetText(s: Subnet): string {
  return `${ip4ToString(s.network & maskOf(s.len))}/${s.len}`;
}

/**
 * An interface address `A/P` with the kernel's edge cases close at hand: /31, /32, network and
 * broadcast addresses.
 *
 * @example fc.sample(interfaceAddress(), 3) // ['10.4.0.1/24', '172.16.9.255/24', '10.0.0.6/31']
 */
export function interfaceAddress(): fc.Arbitrary<string> {
  return fc.tuple(subnet(), hostPick()).map(([s, p]) => cidr(addressIn(s, p, 0), s.len));
}

/** The text as scripts mistype it: `172.16.1..2` (the seed's own typo). */
export function typoOf(address: string): string {
  const i = address.lastIndexOf('.');
  return i < 0 ? `${address}.` : `${address.slice(0, i)}.${address.slice(i)}`;
}
