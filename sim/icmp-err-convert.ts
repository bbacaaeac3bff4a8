/**
 * icmp_err_convert (net/ipv4/icmp.c): the errno a socket gets for each destination-unreachable
 * code, and whether it is "fatal" (reported on a connected socket without IP_RECVERR). TCP,
 * UDP and tracepath's probe socket read the same table.
 */
export const UNREACH_ERR: readonly (readonly [errno: string, fatal: boolean])[] = [
  ['ENETUNREACH', false],
  ['EHOSTUNREACH', false],
  ['ENOPROTOOPT', true],
  ['ECONNREFUSED', true],
  ['EMSGSIZE', false],
  ['EOPNOTSUPP', false],
  ['ENETUNREACH', true],
  ['EHOSTDOWN', true],
  ['ENONET', true],
  ['ENETUNREACH', true],
  ['EHOSTUNREACH', true],
  ['ENETUNREACH', false],
  ['EHOSTUNREACH', false],
  ['EHOSTUNREACH', true],
  ['EHOSTUNREACH', true],
  ['EHOSTUNREACH', true],
];

/** The errno of a destination-unreachable code (codes past the table: EHOSTUNREACH, as the kernel's NR_ICMP_UNREACH bound). */
export function unreachErrno(code: number): string {
  return UNREACH_ERR[code]?.[0] ?? 'EHOSTUNREACH';
}

/**
 * icmpv6_err_convert (net/ipv6/icmp.c): the errno of an ICMPv6 error, null for "packet too
 * big" (path MTU discovery, never an error of the socket). Destination unreachable: no route
 * ENETUNREACH, administratively prohibited EACCES, beyond scope / address / failed policy /
 * reject route EHOSTUNREACH, port ECONNREFUSED; time exceeded EHOSTUNREACH; parameter
 * problem EPROTO.
 */
export function icmpv6ErrConvert(type: number, code: number): string | null {
  if (type === 1) return ['ENETUNREACH', 'EACCES', 'EHOSTUNREACH', 'EHOSTUNREACH', 'ECONNREFUSED', 'EACCES', 'EACCES'][code] ?? 'EPROTO';
  if (type === 3) return 'EHOSTUNREACH';
  if (type === 4) return 'EPROTO';
  return null;
}

/** icmpv6_err_convert's `fatal`: what a connected socket without IPV6_RECVERR is told of (administratively prohibited, port unreachable, failed policy, reject route, parameter problem). */
export function icmpv6Fatal(type: number, code: number): boolean {
  if (type === 1) return code === 1 || code === 4 || code === 5 || code === 6;
  return type === 4;
}
