/**
 * TCP (RFC 9293): the header fields the simulator keeps — ports, sequence numbers and flags.
 * Options are not carried; a segment's payload is kept as text (what an HTTP exchange says),
 * its length counted in `payloadLen`.
 */

export const TCP_HEADER_LEN = 20;

/** The flag bits, as in the header's 13th byte (and iptables' --tcp-flags masks). */
export const TCP_FLAG = { FIN: 0x01, SYN: 0x02, RST: 0x04, PSH: 0x08, ACK: 0x10, URG: 0x20 } as const;

export interface TcpRepr {
  srcPort: number;
  dstPort: number;
  seq: number;
  ack: number;
  flags: number;
  /** bytes after the header */
  payloadLen: number;
  /** the payload, when it is text a program reads (an HTTP request or response) */
  data?: string;
}

/** tcpdump's way of writing the flags: `[S]`, `[S.]`, `[R.]`, `[F.]`, `[P.]`. */
export function tcpFlagsText(flags: number): string {
  let s = '';
  if (flags & TCP_FLAG.SYN) s += 'S';
  if (flags & TCP_FLAG.FIN) s += 'F';
  if (flags & TCP_FLAG.PSH) s += 'P';
  if (flags & TCP_FLAG.RST) s += 'R';
  if (flags & TCP_FLAG.ACK) s += '.';
  return `[${s}]`;
}
