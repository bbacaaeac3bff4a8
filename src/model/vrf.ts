/**
 * What a VRF does to its namespace beyond its device (drivers/net/vrf.c): the l3mdev rule its
 * first creation adds to both families (vrf_add_fib_rules, priority 1000, `proto kernel`, never
 * removed), and cycle_netdev, the down and up a running port goes through when it joins or
 * leaves a VRF, which makes its routes again in its new table (fib-events.ts's kernelRoute).
 */
import type { Link } from './link.js';
import type { Netns } from './netns.js';

/** FIB_RULE_PREF of vrf.c: the l3mdev rule's priority */
export const L3MDEV_RULE_PREF = 1000;

/** vrf_add_fib_rules: once per namespace (vrf_map's `add_fib_rules`), the IPv4 and IPv6 l3mdev rules. */
export function addL3mdevRules(ns: Netns): void {
  const rule = { priority: L3MDEV_RULE_PREF, table: 0, src: null, dst: null, iif: null, oif: null, action: 'lookup' as const, protocol: 2, l3mdev: true };
  // the rule is added once per namespace: a VRF made after `ip rule del` of it does not bring it back
  if (ns.l3mdevRulesAdded) return;
  ns.l3mdevRulesAdded = true;
  insertByPriority(ns.rules, { ...rule });
  insertByPriority(ns.inet6.rules, { ...rule });
  // fib_nl_newrule sets fib_has_custom_rules: lookups walk the rules from now on
  ns.customRules = true;
  ns.inet6.customRules = true;
  ns.touch();
}

function insertByPriority<R extends { priority: number }>(rules: R[], r: R): void {
  const i = rules.findIndex((x) => x.priority > r.priority);
  if (i < 0) rules.push(r);
  else rules.splice(i, 0, r);
}

/** The VRF device a device belongs to (itself, for a VRF), if any. */
export function vrfOf(l: Link): Link | null {
  if (l.vrf) return l;
  return l.master?.vrf ? l.master : null;
}
