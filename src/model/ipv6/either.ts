/**
 * An address of either family where one field holds both (a VXLAN device's underlay, an FDB
 * entry's remote): an IPv4 number or an IPv6 bigint, the type telling the family apart.
 */
import { ip4ToString, isMulticast, type Ip4 } from '../ip.js';
import { formatIp6, isIp6Multicast, type Ip6 } from './ip6.js';

export type IpEither = Ip4 | Ip6;

/** The address as iproute2 prints it. */
export function formatEither(a: IpEither): string {
  return typeof a === 'bigint' ? formatIp6(a) : ip4ToString(a);
}

export function isEitherMulticast(a: IpEither): boolean {
  return typeof a === 'bigint' ? isIp6Multicast(a) : isMulticast(a);
}
