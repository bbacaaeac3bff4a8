/** A policy routing rule (struct fib_rule with fib4_rule's selectors). */
export interface Rule {
  priority: number;
  table: number;
  /** selector: source prefix, or null for `from all` */
  src: { addr: number; len: number } | null;
  dst: { addr: number; len: number } | null;
  iif: string | null;
  oif: string | null;
  action: 'lookup' | 'blackhole' | 'unreachable' | 'prohibit' | 'goto' | 'nop';
  /** FIB_RULE_INVERT (`not`): the rule applies to the flows its selectors do not match */
  not?: boolean;
  /** FRA_FWMARK / FRA_FWMASK: (flow mark ^ fwmark) & fwmask must be 0; a mark given alone has mask 0xffffffff */
  fwmark?: number;
  fwmask?: number;
  /** the TOS (dsfield) the flow must carry exactly */
  tos?: number;
  /** FRA_GOTO: the priority an action `goto` jumps to (the first rule there, found at lookup) */
  goto?: number;
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
