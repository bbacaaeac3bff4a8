/**
 * `ip rule add|del` and `ip -6 rule add|del` as the kernel writes them once for every family
 * (net/core/fib_rules.c fib_nl_newrule / fib_nl_delrule with fib_nl2rule, rule_find and
 * rule_exists); the family's part is only how its selectors compare (fib4_rule_compare,
 * fib6_rule_compare) and, for IPv4, the TOS.
 */
import { ERRNO, kernelError, rtnetlinkError } from './errors.js';

type Selector<A> = { addr: A; len: number } | null;

/** What a rule of either family holds that the rules code reads and writes. */
export interface FamilyRule<A> {
  priority: number;
  table: number;
  src: Selector<A>;
  dst: Selector<A>;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  suppressPrefixlen?: number;
  not?: boolean;
  fwmark?: number;
  fwmask?: number;
  tos?: number;
  goto?: number;
  protocol?: number;
}

/** A rule request of either family (RuleAddOp, Rule6Op). */
export interface FamilyRuleOp<A> {
  del: boolean;
  priority: number | null;
  table: number | null;
  src: Selector<A>;
  dst: Selector<A>;
  iif: string | null;
  oif: string | null;
  action: FamilyRule<A>['action'];
  suppressPrefixlen?: number;
  not?: boolean;
  fwmark?: number;
  fwmask?: number;
  tos?: number;
  goto?: number;
  actionGiven?: boolean;
}

function sameSel<A>(a: Selector<A>, b: Selector<A>): boolean {
  return (a === null && b === null) || (a !== null && b !== null && a.addr === b.addr && a.len === b.len);
}

/**
 * Adds or deletes a rule in a family's list, kept in priority order (rules of one priority in
 * the order they were added). `extra` is what the family's new rules carry besides (IPv6's
 * protocol 0). Throws the kernel's error: ENOENT for a rule to delete that is not there,
 * EEXIST for a rule equal in every field, EINVAL for a backward goto.
 */
export function applyRuleOp<A, R extends FamilyRule<A>>(rules: R[], op: FamilyRuleOp<A>, extra: Partial<R> = {}): void {
  // fib_nl2rule: a mark given alone is matched whole; a mark of 0 alone matches every flow
  const fwmark = op.fwmark ?? 0;
  const fwmask = op.fwmask ?? (fwmark ? 0xffffffff : 0);
  if (op.del) {
    // rule_find: a field the command left out matches any value (`not` is not compared)
    const i = rules.findIndex(
      (r) =>
        (!op.actionGiven || r.action === op.action) &&
        (op.priority === null || r.priority === op.priority) &&
        (op.table === null || op.table === 0 || r.table === op.table) &&
        (op.src === null || sameSel(r.src, op.src)) &&
        (op.dst === null || sameSel(r.dst, op.dst)) &&
        (op.iif === null || r.iif === op.iif) &&
        (op.oif === null || r.oif === op.oif) &&
        (!fwmark || (r.fwmark ?? 0) === fwmark) &&
        (!fwmask || (r.fwmask ?? 0) === fwmask) &&
        (!op.tos || (r.tos ?? 0) === op.tos) &&
        (op.suppressPrefixlen === undefined || r.suppressPrefixlen === op.suppressPrefixlen),
    );
    if (i < 0) throw rtnetlinkError(ERRNO.ENOENT);
    rules.splice(i, 1);
    return;
  }
  // Without a priority the kernel takes one below the first non-zero rule.
  let priority = op.priority;
  if (priority === null) {
    const nz = rules.find((r) => r.priority > 0);
    priority = nz ? nz.priority - 1 : 0;
  }
  // fib_nl2rule_rtnl: backward jumps are refused, so a lookup always ends
  if (op.action === 'goto' && op.goto !== undefined && op.goto <= priority) throw kernelError('Backward goto not supported');
  const rule = {
    priority,
    table: op.table ?? 254,
    src: op.src,
    dst: op.dst,
    iif: op.iif,
    oif: op.oif,
    action: op.action,
    ...extra,
    ...(op.suppressPrefixlen !== undefined ? { suppressPrefixlen: op.suppressPrefixlen } : {}),
    ...(op.not ? { not: true } : {}),
    ...(fwmark || fwmask ? { fwmark, fwmask } : {}),
    ...(op.tos ? { tos: op.tos } : {}),
    ...(op.goto !== undefined ? { goto: op.goto } : {}),
  } as R;
  // NLM_F_EXCL: rule_exists refuses a rule equal in every field, the priority included
  const dup = rules.some(
    (r) =>
      r.priority === rule.priority &&
      r.table === rule.table &&
      r.action === rule.action &&
      sameSel(r.src, rule.src) &&
      sameSel(r.dst, rule.dst) &&
      r.iif === rule.iif &&
      r.oif === rule.oif &&
      r.suppressPrefixlen === rule.suppressPrefixlen &&
      (r.fwmark ?? 0) === (rule.fwmark ?? 0) &&
      (r.fwmask ?? 0) === (rule.fwmask ?? 0) &&
      (r.tos ?? 0) === (rule.tos ?? 0) &&
      r.goto === rule.goto &&
      (r.protocol ?? 0) === 0,
  );
  if (dup) throw rtnetlinkError(ERRNO.EEXIST);
  let at = rules.findIndex((r) => r.priority > priority);
  if (at < 0) at = rules.length;
  rules.splice(at, 0, rule);
}
