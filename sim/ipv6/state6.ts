/**
 * What the simulator keeps per namespace for IPv6 beside the model: the ICMPv6 raw sockets
 * that are open (ping -6), and the router-solicitation state of each device. Neighbour
 * entries share the namespace's neighbour tables (sim/neighbor.ts, keyed by an IPv6 bigint)
 * and rate limits its inet_peer table (sim/rate-limit.ts).
 */
import type { Ip6 } from '../../src/model/ipv6/ip6.js';
import type { Link } from '../../src/model/link.js';
import type { NsState } from '../ns-state.js';
import type { Ip6Packet } from '../packet.js';
import type { Icmp6ErrorRepr } from '../wire/icmpv6.js';

/** A raw ICMPv6 socket (iputils ping -6): a copy of each ICMPv6 packet delivered, and the errors about its probes. */
export interface Icmp6Socket {
  raw(pkt: Ip6Packet, iif: Link): void;
  /** `hopLimit`: the error's own (IPV6_RECVHOPLIMIT) */
  error(err: Icmp6ErrorRepr, from: Ip6, dev: Link, hopLimit?: number): void;
}

export interface Ns6State {
  readonly sockets: Icmp6Socket[];
}

const states = new WeakMap<NsState, Ns6State>();

/** The IPv6 runtime state of a namespace. */
export function state6(st: NsState): Ns6State {
  let s = states.get(st);
  if (!s) {
    s = { sockets: [] };
    states.set(st, s);
  }
  return s;
}
