/**
 * The shape of a lab: how many namespaces, and the segments joining them — veth pairs (one
 * L2 segment between two namespaces) and bridges with ports (a veth per port, one end enslaved
 * to the bridge) and, when asked for, macvlans (a veth whose far end is the wire, macvlans on
 * it moved into namespaces). Namespace choices are plain integers resolved modulo the lab's
 * namespace count, so any combination — including what shrinking makes of one — is a valid
 * topology.
 */
import fc from 'fast-check';
import { hostPick, subnetSpec, type HostPick, type SubnetSpec } from './arb-address.js';
import { MAX_NAMESPACES, nameTheme, type NameTheme } from './arb-names.js';

/** How a veth pair gets into its namespaces. */
export type VethMake =
  /** created in the host's namespace, then `ip link set X netns NS` for each end */
  | 'move'
  /** created in place: `ip -n A link add X type veth peer name Y netns B` */
  | 'peer-netns';

/** One L2 segment of the lab. */
export interface SegmentSpec {
  kind: 'veth' | 'bridge' | 'macvlan';
  /**
   * namespace choices: a veth's two ends, each port of a bridge, or a macvlan segment's wire
   * end followed by its macvlans (resolved modulo)
   */
  ends: number[];
  /** the namespace holding the bridge or the macvlans' lower device (resolved modulo) */
  at: number;
  /** the macvlans' mode (macvlan segments only) */
  mode?: 'bridge' | 'private' | 'vepa';
  subnet: SubnetSpec;
  /** which address each end gets (missing: an ordinary host address) */
  picks: HostPick[];
  /** the bridge's own address (its ports' gateway), or null for a pure L2 bridge */
  gateway: HostPick | null;
  make: VethMake;
}

/**
 * How segments are laid between namespaces: `chain` joins neighbours in order (a line of
 * routers), `star` centres every segment on the first namespace, `free` takes each segment's
 * own choices.
 */
export type TopologyShape = 'chain' | 'star' | 'free';

/** The namespaces and segments of a lab. */
export interface TopologySpec {
  shape: TopologyShape;
  /** namespaces made with `ip netns add` (1 … 8) */
  namespaces: number;
  theme: NameTheme;
  /** whether the host's own namespace takes part (it is the last choice when resolving) */
  useRoot: boolean;
  segments: SegmentSpec[];
}

const ordinary: HostPick = { kind: 'host' };

function picks(n: number): fc.Arbitrary<HostPick[]> {
  return fc.array(hostPick(), { minLength: n, maxLength: n });
}

/** A namespace choice (resolved modulo the lab's namespaces). */
export function nsChoice(): fc.Arbitrary<number> {
  return fc.nat(MAX_NAMESPACES);
}

/**
 * A veth pair between two namespaces, with its subnet and addresses.
 *
 * @example fc.sample(vethPair(), 1)[0].ends // [0, 1]
 */
export function vethPair(): fc.Arbitrary<SegmentSpec> {
  return fc.record({
    kind: fc.constant('veth' as const),
    ends: fc.tuple(nsChoice(), nsChoice()).map(([a, b]) => [a, b]),
    at: fc.constant(0),
    subnet: subnetSpec(),
    picks: picks(2),
    gateway: fc.constant(null),
    make: fc.constantFrom<VethMake>('move', 'peer-netns'),
  });
}

/**
 * A bridge in some namespace with 1 … 4 ports, each a veth to another namespace; usually with
 * its own address as the ports' gateway (the seed's `cni0`).
 */
export function bridgeWithPorts(): fc.Arbitrary<SegmentSpec> {
  return fc.integer({ min: 1, max: 4 }).chain((n) =>
    fc.record({
      kind: fc.constant('bridge' as const),
      ends: fc.array(nsChoice(), { minLength: n, maxLength: n }),
      at: nsChoice(),
      subnet: subnetSpec(),
      picks: picks(n),
      gateway: fc.option(hostPick(), { freq: 4, nil: null }).map((g) => g ?? null),
      make: fc.constantFrom<VethMake>('move', 'peer-netns'),
    }),
  );
}

/**
 * A lower device (a veth whose far end, in another namespace, is the wire) with 1 … 3
 * macvlans of one mode, each moved into a namespace (possibly the lower's own); the lower
 * itself sometimes holds an address too (the host its macvlans cannot reach).
 */
export function macvlanSegment(): fc.Arbitrary<SegmentSpec> {
  return fc.integer({ min: 1, max: 3 }).chain((n) =>
    fc.record({
      kind: fc.constant('macvlan' as const),
      ends: fc.array(nsChoice(), { minLength: n + 1, maxLength: n + 1 }),
      at: nsChoice(),
      mode: fc.constantFrom<'bridge' | 'private' | 'vepa'>('bridge', 'private', 'vepa'),
      subnet: subnetSpec(),
      picks: picks(n + 1),
      gateway: fc.option(hostPick(), { freq: 2, nil: null }).map((g) => g ?? null),
      make: fc.constantFrom<VethMake>('move', 'peer-netns'),
    }),
  );
}

/** A segment: mostly veth pairs, often bridges; with `macvlan`, now and then macvlans. */
export function segment(macvlan = false): fc.Arbitrary<SegmentSpec> {
  if (macvlan) return fc.oneof({ arbitrary: vethPair(), weight: 3 }, { arbitrary: bridgeWithPorts(), weight: 2 }, { arbitrary: macvlanSegment(), weight: 2 });
  return fc.oneof({ arbitrary: vethPair(), weight: 3 }, { arbitrary: bridgeWithPorts(), weight: 2 });
}

/** Bounds and opt-ins for drawn topologies. */
export interface TopologyOptions {
  /** namespaces (default 1 … 8, three or more in most labs) */
  minNamespaces?: number;
  maxNamespaces?: number;
  /** the most segments (default 7; a lab has about one per namespace) */
  maxSegments?: number;
  /** let the host's own namespace take part (default true) */
  root?: boolean;
  /** draw macvlan segments too (default false: the labs of a seed stay what they were) */
  macvlan?: boolean;
}

/** Namespace counts with most of the weight on three or more. */
function namespaceCount(min: number, max: number): fc.Arbitrary<number> {
  const lowMax = Math.min(2, max);
  const highMin = Math.max(3, min);
  if (min > lowMax) return fc.integer({ min, max });
  if (highMin > max) return fc.integer({ min, max: lowMax });
  return fc.oneof({ arbitrary: fc.integer({ min, max: lowMax }), weight: 1 }, { arbitrary: fc.integer({ min: highMin, max }), weight: 3 });
}

/** A whole topology: namespaces, their naming theme, and the segments joining them. */
export function topology(opts: TopologyOptions = {}): fc.Arbitrary<TopologySpec> {
  const min = Math.max(1, opts.minNamespaces ?? 1);
  const max = Math.min(MAX_NAMESPACES, Math.max(min, opts.maxNamespaces ?? MAX_NAMESPACES));
  const maxSegments = Math.max(1, opts.maxSegments ?? 7);
  // enough segments to join most namespaces, not so many that the lab is all links
  return namespaceCount(min, max).chain((namespaces) => {
    const most = Math.min(maxSegments, namespaces + 1);
    const least = Math.min(most, Math.max(1, namespaces >> 1));
    return fc.record({
      shape: fc.constantFrom<TopologyShape>('chain', 'star', 'free'),
      namespaces: fc.constant(namespaces),
      theme: nameTheme(),
      useRoot: opts.root === false ? fc.constant(false) : fc.boolean(),
      segments: fc.array(segment(opts.macvlan === true), { minLength: least, maxLength: most }),
    });
  });
}

export { ordinary as ORDINARY_HOST };
