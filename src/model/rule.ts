/** A policy routing rule (fib_rules). Only `from all lookup T` style rules are modelled so far. */
export interface Rule {
  priority: number;
  table: number;
  /** selector: source prefix, or null for `from all` */
  src: { addr: number; len: number } | null;
  dst: { addr: number; len: number } | null;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit';
  /** FRA_PROTOCOL: the kernel's own rules are `kernel` (2); `ip rule add` leaves it unspec (0) */
  protocol?: number;
  /** FRA_SUPPRESS_PREFIXLEN: a lookup's answer whose prefix is this long or shorter is ignored (fib4_rule_suppress) */
  suppressPrefixlen?: number;
  /** FRA_L3MDEV: look up the table of the flow's VRF (the rule a VRF's creation adds: `lookup [l3mdev-table]`) */
  l3mdev?: boolean;
}

export function defaultRules(): Rule[] {
  // written out rather than spread from one base: every namespace makes these
  return [
    { src: null, dst: null, iif: null, oif: null, action: 'lookup', protocol: 2, priority: 0, table: 255 },
    { src: null, dst: null, iif: null, oif: null, action: 'lookup', protocol: 2, priority: 32766, table: 254 },
    { src: null, dst: null, iif: null, oif: null, action: 'lookup', protocol: 2, priority: 32767, table: 253 },
  ];
}
