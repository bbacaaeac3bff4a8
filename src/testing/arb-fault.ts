/**
 * What makes a lab partly wrong the way real scripts are: link states (one end never brought
 * up, brought down later, or flapped after the routes were added), `lo` left down, forwarding
 * off on a router (or on where nobody needs it), an address added before the link moved away,
 * a link moved to another namespace after it was configured, a route left out, an address
 * typo, a duplicate address, routes added before their links are up.
 * Every choice is an integer resolved modulo what the lab has, so a fault always applies.
 */
import fc from 'fast-check';
import { nsChoice } from './arb-topology.js';

/** A link end: the n-th interface of the lab (resolved modulo). */
export type FaultSpec =
  | { kind: 'end-down'; end: number; how: 'never-up' | 'down-later' | 'flap' }
  | { kind: 'lo-down'; at: number; how: 'never-up' | 'down-later' }
  | { kind: 'forwarding'; at: number; on: boolean }
  | { kind: 'addr-before-move'; end: number }
  | { kind: 'moved-late'; end: number; to: number }
  | { kind: 'no-route'; at: number; index: number }
  | { kind: 'typo'; end: number }
  | { kind: 'duplicate-address'; end: number; from: number }
  | { kind: 'routes-early'; at: number };

const end = fc.nat(15);

/** One end of a link down, in one of three ways. */
export function linkDown(): fc.Arbitrary<FaultSpec> {
  return fc.record({ kind: fc.constant('end-down' as const), end, how: fc.constantFrom('never-up' as const, 'down-later' as const, 'flap' as const) });
}

/** `lo` never brought up in a new namespace, or brought down later. */
export function loDown(): fc.Arbitrary<FaultSpec> {
  return fc.record({ kind: fc.constant('lo-down' as const), at: nsChoice(), how: fc.constantFrom('never-up' as const, 'down-later' as const) });
}

/** `net.ipv4.ip_forward` set against what the topology needs. */
export function forwarding(): fc.Arbitrary<FaultSpec> {
  return fc.record({ kind: fc.constant('forwarding' as const), at: nsChoice(), on: fc.boolean() });
}

/** A link moved: configured before the move (its address is lost), or moved on afterwards. */
export function move(): fc.Arbitrary<FaultSpec> {
  return fc.oneof(fc.record({ kind: fc.constant('addr-before-move' as const), end }), fc.record({ kind: fc.constant('moved-late' as const), end, to: nsChoice() }));
}

/**
 * Any fault, weighted toward the common ones.
 *
 * @example fc.sample(fault(), 1) // [{ kind: 'lo-down', at: 3, how: 'never-up' }]
 */
export function fault(): fc.Arbitrary<FaultSpec> {
  return fc.oneof(
    { arbitrary: linkDown(), weight: 3 },
    { arbitrary: loDown(), weight: 2 },
    { arbitrary: forwarding(), weight: 3 },
    { arbitrary: move(), weight: 2 },
    { arbitrary: fc.record({ kind: fc.constant('no-route' as const), at: nsChoice(), index: fc.nat(7) }), weight: 3 },
    { arbitrary: fc.record({ kind: fc.constant('typo' as const), end }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('duplicate-address' as const), end, from: end }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constant('routes-early' as const), at: nsChoice() }), weight: 1 },
  );
}
