/**
 * ARP for IPv4 over Ethernet (RFC 826): the request/reply packet. Resolution itself (the
 * neighbour state machine) lives in `sim/neighbor.ts`, the kernel's input rules in `sim/arp.ts`.
 */
import type { Ip4 } from '../../src/model/ip.js';
import { get16, get32, getMac, put16, put32, putMac } from './bytes.js';

export const ARP_OP = { request: 1, reply: 2 } as const;
export const ARP_LEN = 28;

export interface ArpRepr {
  op: 1 | 2;
  /** sender hardware / protocol address */
  sha: string;
  spa: Ip4;
  /** target hardware / protocol address (tha is all zeros in a broadcast request) */
  tha: string;
  tpa: Ip4;
}

export function emitArp(a: ArpRepr): Uint8Array {
  const b = new Uint8Array(ARP_LEN);
  put16(b, 0, 1); // htype Ethernet
  put16(b, 2, 0x0800);
  b[4] = 6;
  b[5] = 4;
  put16(b, 6, a.op);
  putMac(b, 8, a.sha);
  put32(b, 14, a.spa);
  putMac(b, 18, a.tha);
  put32(b, 24, a.tpa);
  return b;
}

/** null unless it is an Ethernet/IPv4 request or reply (what arp_rcv accepts). */
export function parseArp(b: Uint8Array): ArpRepr | null {
  if (b.length < ARP_LEN) return null;
  if (get16(b, 0) !== 1 || get16(b, 2) !== 0x0800 || b[4] !== 6 || b[5] !== 4) return null;
  const op = get16(b, 6);
  if (op !== 1 && op !== 2) return null;
  return { op, sha: getMac(b, 8), spa: get32(b, 14), tha: getMac(b, 18), tpa: get32(b, 24) };
}
