/**
 * Static and default routes beyond the ones a lab computes from its topology: valid ones and
 * the ways scripts get them wrong (a gateway not on any connected subnet, the namespace's own
 * address as gateway, a typo, host bits set in the destination, a second default with a metric).
 */
import fc from 'fast-check';
import { nsChoice } from './arb-topology.js';

/** Where a route leads. */
export type RouteDst =
  | { kind: 'default' }
  /** the subnet of a segment (index resolved modulo) */
  | { kind: 'segment'; index: number }
  /** a segment's subnet written with host bits set: `Error: Invalid prefix for given prefix length.` */
  | { kind: 'host-bits'; index: number }
  /** a prefix no segment uses */
  | { kind: 'nowhere'; n: number };

/** Its gateway. */
export type RouteGw =
  /** an address of a namespace sharing a segment with this one (resolved modulo), if any */
  | { kind: 'neighbor'; index: number }
  /** an address on no connected subnet: `Error: Nexthop has invalid gateway.` */
  | { kind: 'off-link' }
  /** one of the namespace's own addresses: accepted, behaves like `dev` */
  | { kind: 'own' }
  /** the gateway with the seed's double-dot typo */
  | { kind: 'typo' }
  /** no gateway: a `dev` route (or, without a device, `RTNETLINK answers: No such device`) */
  | { kind: 'none' };

/** One extra route. */
export interface RouteSpec {
  at: number;
  dst: RouteDst;
  gw: RouteGw;
  /** name the device of the namespace's first interface */
  dev: boolean;
  metric: number | null;
  onlink: boolean;
}

/** Where a route leads: mostly somewhere real. */
export function routeDst(): fc.Arbitrary<RouteDst> {
  return fc.oneof(
    { arbitrary: fc.nat(7).map((index) => ({ kind: 'segment' as const, index })), weight: 4 },
    { arbitrary: fc.constant({ kind: 'default' as const }), weight: 3 },
    { arbitrary: fc.nat(7).map((index) => ({ kind: 'host-bits' as const, index })), weight: 1 },
    { arbitrary: fc.nat(15).map((n) => ({ kind: 'nowhere' as const, n })), weight: 1 },
  );
}

/** A gateway: mostly a neighbour (valid), often not (invalid). */
export function routeGw(): fc.Arbitrary<RouteGw> {
  return fc.oneof(
    { arbitrary: fc.nat(7).map((index) => ({ kind: 'neighbor' as const, index })), weight: 6 },
    { arbitrary: fc.constant({ kind: 'off-link' as const }), weight: 2 },
    { arbitrary: fc.constant({ kind: 'none' as const }), weight: 2 },
    { arbitrary: fc.constant({ kind: 'own' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'typo' as const }), weight: 1 },
  );
}

/**
 * A static or default route, valid or not.
 *
 * @example fc.sample(route(), 1)[0] // { at: 2, dst: { kind: 'default' }, gw: { kind: 'neighbor', index: 0 }, … }
 */
export function route(): fc.Arbitrary<RouteSpec> {
  return fc.record({
    at: nsChoice(),
    dst: routeDst(),
    gw: routeGw(),
    dev: fc.boolean(),
    metric: fc.oneof({ arbitrary: fc.constant(null), weight: 3 }, { arbitrary: fc.constantFrom(10, 50, 100, 200), weight: 1 }),
    onlink: fc.oneof({ arbitrary: fc.constant(false), weight: 5 }, { arbitrary: fc.constant(true), weight: 1 }),
  });
}

/** How the lab routes between its segments. */
export type RoutingMode =
  /** shortest paths: a default via the segment's router for leaves, a route per subnet for routers */
  | 'computed'
  /** every namespace only gets a default route (routers too: loops are possible) */
  | 'defaults'
  /** no routes at all: only connected subnets work */
  | 'none';

export function routingMode(): fc.Arbitrary<RoutingMode> {
  return fc.oneof({ arbitrary: fc.constant('computed' as const), weight: 6 }, { arbitrary: fc.constant('defaults' as const), weight: 2 }, { arbitrary: fc.constant('none' as const), weight: 1 });
}
