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
}

export function defaultRules(): Rule[] {
  const base = { src: null, dst: null, iif: null, oif: null, action: 'lookup' as const };
  return [
    { ...base, priority: 0, table: 255 },
    { ...base, priority: 32766, table: 254 },
    { ...base, priority: 32767, table: 253 },
  ];
}
