/**
 * The pings that end a lab: from a namespace to an address on its side of the lab (usually
 * reachable), to any address of the lab, to
 * one of its own, to an unused address on a segment (no ARP answer), to a prefix nobody has,
 * or to 127.0.0.1. Reachable targets get most of the weight: an unanswered ping costs its full
 * one-second wait on the kernel, a refused one (no route) costs nothing.
 */
import fc from 'fast-check';
import { nsChoice } from './arb-topology.js';

/** What a drawn ping aims at. */
export type PingTarget =
  /** an address of an interface on the pinging namespace's side of the lab (resolved modulo) */
  | { kind: 'address'; index: number }
  /** the address of any interface of the lab, connected or not (resolved modulo) */
  | { kind: 'anywhere'; index: number }
  /** an address of the pinging namespace itself */
  | { kind: 'own' }
  /** an unused address of a segment's subnet (resolved modulo) */
  | { kind: 'absent'; segment: number }
  /** an address no segment covers */
  | { kind: 'nowhere' }
  | { kind: 'loopback' };

/** A drawn ping: from which namespace, to what. */
export interface PingSpec {
  /** a namespace with an interface, when the lab has one (resolved modulo) */
  from: number;
  target: PingTarget;
}

export function pingTarget(): fc.Arbitrary<PingTarget> {
  return fc.oneof(
    { arbitrary: fc.nat(15).map((index) => ({ kind: 'address' as const, index })), weight: 12 },
    { arbitrary: fc.nat(15).map((index) => ({ kind: 'anywhere' as const, index })), weight: 3 },
    { arbitrary: fc.constant({ kind: 'own' as const }), weight: 2 },
    { arbitrary: fc.nat(7).map((segment) => ({ kind: 'absent' as const, segment })), weight: 1 },
    { arbitrary: fc.constant({ kind: 'nowhere' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'loopback' as const }), weight: 1 },
  );
}

/**
 * One ping.
 *
 * @example fc.sample(ping(), 1) // [{ from: 1, target: { kind: 'address', index: 4 } }]
 */
export function ping(): fc.Arbitrary<PingSpec> {
  return fc.record({ from: nsChoice(), target: pingTarget() });
}

/** The most pings a lab ends with (each may cost a second on the kernel). */
export const MAX_PINGS = 6;
