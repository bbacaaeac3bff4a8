/**
 * fib_rules_lookup, which the kernel writes once for every family (net/core/fib_rules.c): the
 * policy rules in priority order, each that matches either jumping (`goto`, `nop`), ending the
 * lookup with an error (blackhole, unreachable, prohibit: fib4_rule_action / fib6_rule_action),
 * or asking its table — a VRF's for an l3mdev rule — and taking the answer unless the route is
 * suppressed by its prefix length (fib4_rule_suppress / fib6_rule_suppress).
 */
import type { Link } from './link.js';

/** What the walk reads of a rule of either family. */
export interface WalkedRule {
  priority: number;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  goto?: number;
  table: number;
  l3mdev?: boolean;
  suppressPrefixlen?: number;
}

/** A table's answer: a route (with its prefix length) or an error. */
export type TableAnswer = { kind: 'route'; route: { dstLen: number } } | { kind: 'error' };

/** l3mdev_fib_table: the VRF table of a device (itself a VRF, or one's port), or null. */
export function l3mdevTable(dev: Link | null): number | null {
  if (!dev) return null;
  return dev.vrf?.table ?? dev.master?.vrf?.table ?? null;
}

/**
 * The rules walk: `matches(rule)` is the family's fib_rule_match, `lookup(table)` its table
 * lookup (null when the table has no answer); the errors are the family's results for the
 * reject actions and for the end of the rules.
 */
export function fibRulesLookup<R extends WalkedRule, A extends TableAnswer>(
  rules: readonly R[],
  flow: { oif: Link | null; iif: Link | null },
  matches: (rule: R) => boolean,
  lookup: (table: number) => A | null,
  errors: { blackhole: A; unreachable: A; prohibit: A },
): A {
  for (let i = 0; i < rules.length; i++) {
    const rule = rules[i]!;
    if (!matches(rule)) continue;
    if (rule.action === 'goto') {
      // on to the first rule at the target priority (none: an unresolved goto is passed over)
      const t = rules.findIndex((r) => r.priority === rule.goto);
      if (t < 0) continue;
      i = t - 1;
      continue;
    }
    if (rule.action === 'nop') continue;
    if (rule.action === 'blackhole') return errors.blackhole;
    if (rule.action === 'unreachable') return errors.unreachable;
    if (rule.action === 'prohibit') return errors.prohibit;
    let table = rule.table;
    if (rule.l3mdev) {
      // l3mdev_fib_rule_match: the VRF of the output device, else of the input device; no VRF, no match
      const t = l3mdevTable(flow.oif) ?? l3mdevTable(flow.iif);
      if (t === null) continue;
      table = t;
    }
    const res = lookup(table);
    // a route found with too short a prefix is not taken, the next rule is
    if (res && res.kind === 'route' && rule.suppressPrefixlen !== undefined && res.route.dstLen <= rule.suppressPrefixlen) continue;
    if (res) return res;
  }
  return errors.unreachable;
}
