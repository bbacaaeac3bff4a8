/**
 * The socket side of local delivery: what a raw ICMP socket (iputils ping, run as root) sees.
 * `raw` is raw_v4_input (a copy of every ICMP packet delivered to the namespace), `error` is
 * ip_icmp_error (the IP_RECVERR error queue). Each filters as the kernel does; the ping engine
 * owns the implementation.
 */
import type { Ip4 } from '../src/model/ip.js';
import type { Link } from '../src/model/link.js';
import type { IpPacket } from './packet.js';
import type { IcmpErrorRepr } from './wire/icmp.js';

export interface IcmpSocket {
  /** raw_v4_input: `iif` is inet_iif (for looped-back packets, the device holding the address) */
  raw(pkt: IpPacket, iif: Link): void;
  /** raw_icmp_error: an ICMP error whose quote may be ours; `dev` is the device it arrived on, `ttl` the error's own TTL (IP_RECVTTL) */
  error(err: IcmpErrorRepr, from: Ip4, dev: Link, ttl?: number): void;
}
