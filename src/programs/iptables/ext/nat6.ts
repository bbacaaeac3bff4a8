/**
 * ip6tables' SNAT, DNAT and MASQUERADE (libxt_NAT's and libxt_MASQUERADE's IPv6 halves): the
 * address of `--to-source`/`--to-destination` is an IPv6 one, bracketed when a port follows
 * (`[2001:db8::2]:8080`; unbracketed, a second colon makes the whole text an address), and is
 * printed bracketed when the range has ports. The options, their checks and the port syntax
 * are IPv4's (targets.ts), and so is REDIRECT's text. Ranges of more than one IPv6 address (the
 * kernel hashes the connection onto one) or port, and the random/persistent flags, are not
 * modelled.
 */
import { formatIp6, parseIp6 } from '../../../model/ipv6/ip6.js';
import type { NatRange, NfTarget } from '../../../model/netfilter/target.js';
import { paramError, type ParseCtx } from './types.js';

/** libxt_NAT's parse_to for AF_INET6; `ports` is parse_ports. */
export function parseNatTo6(c: ParseCtx, arg: string, r: NatRange, ports: (text: string) => void): void {
  let start = arg;
  let colon: number;
  const open = arg.indexOf('[');
  if (open < 0) {
    // one colon is a port; more are an IPv6 address
    colon = arg.indexOf(':');
    if (colon >= 0 && arg.indexOf(':', colon + 1) >= 0) colon = -1;
    if (colon >= 0) start = arg.slice(0, colon);
  } else {
    const end = arg.indexOf(']', open);
    if (end < 0) throw paramError(c, 'Invalid address format');
    start = arg.slice(open + 1, end);
    const rest = arg.slice(end + 1);
    colon = rest.indexOf(':') >= 0 ? end + 1 + rest.indexOf(':') : -1;
  }
  if (colon >= 0) {
    ports(arg.slice(colon + 1));
    if (start === '') return;
  }
  r.mapIps = true;
  const dash = start.indexOf('-');
  const first = dash < 0 ? start : start.slice(0, dash);
  const a = parseIp6(first);
  if (a === null) throw paramError(c, `Bad IP address "${first}"`);
  r.min6 = r.max6 = a;
  if (dash >= 0) {
    const b = parseIp6(start.slice(dash + 1));
    if (b === null) throw paramError(c, `Bad IP address "${start.slice(dash + 1)}"`);
    r.max6 = b;
  }
}

/** sprint_range for AF_INET6: `ADDR[-ADDR]`, in brackets when ports follow. */
export function natRangeText6(r: NatRange): string {
  let s = '';
  if (r.mapIps && r.min6 !== undefined) {
    let a = formatIp6(r.min6);
    if (r.max6 !== undefined && r.max6 !== r.min6) a += `-${formatIp6(r.max6)}`;
    s += r.protoSpecified ? `[${a}]` : a;
  }
  if (r.protoSpecified) {
    s += `:${r.minPort}`;
    if (r.maxPort !== r.minPort) s += `-${r.maxPort}`;
    if (r.basePort !== null) s += `/${r.basePort}`;
  }
  return s;
}

/** What the model leaves out of an IPv6 NAT target, or null. */
export function nat6Unmodelled(t: NfTarget): string | null {
  if (t.kind !== 'SNAT' && t.kind !== 'DNAT' && t.kind !== 'MASQUERADE' && t.kind !== 'REDIRECT') return null;
  const r = t.range;
  if (r.mapIps && r.max6 !== r.min6) return `${t.kind} to a range of IPv6 addresses`;
  if (r.random || r.randomFully || r.persistent) return `${t.kind} --random/--random-fully/--persistent for IPv6`;
  if (r.protoSpecified && (r.maxPort !== r.minPort || r.basePort !== null)) return `${t.kind} to a port range for IPv6`;
  return null;
}
