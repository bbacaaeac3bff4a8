/**
 * Random iptables rulesets for random labs, from the matches and targets nettwin models:
 * addresses and subnets of the lab (with `!`), interfaces of the namespace (exact or with a
 * `+` wildcard, with `!`), `-p icmp` with or without `--icmp-type`, `-m conntrack --ctstate`,
 * `-m comment`; ACCEPT, DROP, REJECT with its ICMP kinds, RETURN, LOG, and in the nat table
 * MASQUERADE, SNAT to an address of the namespace and DNAT to an address of the lab; and
 * chain policies. Choices are integers resolved modulo what the lab has (build-rules.ts).
 */
import fc from 'fast-check';
import { nsChoice } from './arb-topology.js';

/** An address test: a subnet of the lab, or one interface's address (resolved modulo). */
export interface AddrChoice {
  of: 'subnet' | 'iface';
  n: number;
  invert: boolean;
}

/** An interface test: the n-th interface of the rule's namespace, exactly or as `prefix+`. */
export interface IfaceChoice {
  n: number;
  wildcard: boolean;
  invert: boolean;
}

export type RuleTargetSpec =
  | { kind: 'ACCEPT' | 'DROP' | 'RETURN' | 'LOG' | 'MASQUERADE' }
  | { kind: 'REJECT'; with: 'icmp-port-unreachable' | 'icmp-host-unreachable' | 'icmp-net-unreachable' | 'icmp-admin-prohibited' }
  /** SNAT to an address of the namespace, DNAT to an address of the lab (resolved modulo) */
  | { kind: 'SNAT' | 'DNAT'; n: number };

/** One rule (`-A`, or `-I … 1`) of the filter or nat table. */
export interface RuleSpec {
  kind: 'rule';
  at: number;
  table: 'filter' | 'nat';
  /** the table's chain (resolved modulo its builtin chains) */
  chain: number;
  insert: boolean;
  src: AddrChoice | null;
  dst: AddrChoice | null;
  in: IfaceChoice | null;
  out: IfaceChoice | null;
  /** `-p icmp`, and `--icmp-type` when a type is named */
  icmp: null | 'any' | 'echo-request' | 'echo-reply';
  /** `-m conntrack --ctstate`: a non-empty set of NEW, ESTABLISHED, RELATED, INVALID */
  ctstate: string[] | null;
  comment: boolean;
  target: RuleTargetSpec;
}

/** `-P CHAIN POLICY` of the filter table. */
export interface PolicySpec {
  kind: 'policy';
  at: number;
  chain: 'INPUT' | 'FORWARD' | 'OUTPUT';
  policy: 'ACCEPT' | 'DROP';
}

export type NfSpec = RuleSpec | PolicySpec;

const maybe = <T>(a: fc.Arbitrary<T>, weight = 2) => fc.option(a, { nil: null, freq: weight });

export function addrChoice(): fc.Arbitrary<AddrChoice> {
  return fc.record({ of: fc.constantFrom<AddrChoice['of']>('subnet', 'iface'), n: fc.nat(15), invert: fc.boolean() });
}

export function ifaceChoice(): fc.Arbitrary<IfaceChoice> {
  return fc.record({ n: fc.nat(7), wildcard: fc.boolean(), invert: fc.boolean() });
}

/** What a rule does: mostly ACCEPT and DROP, some REJECT, and NAT targets (used in the nat table). */
export function ruleTarget(): fc.Arbitrary<RuleTargetSpec> {
  return fc.oneof(
    { arbitrary: fc.constantFrom({ kind: 'ACCEPT' as const }, { kind: 'DROP' as const }), weight: 6 },
    { arbitrary: fc.constantFrom('icmp-port-unreachable', 'icmp-host-unreachable', 'icmp-net-unreachable', 'icmp-admin-prohibited').map((w) => ({ kind: 'REJECT' as const, with: w })), weight: 2 },
    { arbitrary: fc.constantFrom({ kind: 'RETURN' as const }, { kind: 'LOG' as const }), weight: 1 },
    { arbitrary: fc.constant({ kind: 'MASQUERADE' as const }), weight: 1 },
    { arbitrary: fc.record({ kind: fc.constantFrom('SNAT' as const, 'DNAT' as const), n: fc.nat(15) }), weight: 2 },
  );
}

/**
 * One iptables rule of a random lab.
 *
 * @example fc.sample(iptablesRule(), 1)[0].kind // 'rule'
 */
export function iptablesRule(): fc.Arbitrary<RuleSpec> {
  return fc.record({
    kind: fc.constant('rule' as const),
    at: nsChoice(),
    table: fc.constantFrom<RuleSpec['table']>('filter', 'filter', 'nat'),
    chain: fc.nat(4),
    insert: fc.boolean(),
    src: maybe(addrChoice()),
    dst: maybe(addrChoice()),
    in: maybe(ifaceChoice(), 3),
    out: maybe(ifaceChoice(), 3),
    icmp: fc.constantFrom<RuleSpec['icmp']>(null, null, 'any', 'echo-request', 'echo-reply'),
    ctstate: maybe(fc.subarray(['NEW', 'ESTABLISHED', 'RELATED', 'INVALID'], { minLength: 1 }), 3),
    comment: fc.boolean(),
    target: ruleTarget(),
  });
}

/** A filter chain's policy, mostly left at ACCEPT (a DROP policy makes most pings of a lab fail). */
export function chainPolicy(): fc.Arbitrary<PolicySpec> {
  return fc.record({
    kind: fc.constant('policy' as const),
    at: nsChoice(),
    chain: fc.constantFrom<PolicySpec['chain']>('INPUT', 'FORWARD', 'OUTPUT'),
    policy: fc.constantFrom<PolicySpec['policy']>('DROP', 'ACCEPT', 'ACCEPT'),
  });
}

/**
 * A ruleset: rules and policies in the order they are written.
 *
 * @example fc.sample(ruleset(4), 1)[0].length // 0 … 4
 */
export function ruleset(maxLength = 6): fc.Arbitrary<NfSpec[]> {
  return fc.array(fc.oneof({ arbitrary: iptablesRule(), weight: 5 }, { arbitrary: chainPolicy(), weight: 1 }), { maxLength });
}
