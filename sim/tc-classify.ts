/**
 * The classifiers htb runs on a packet (net/sched/cls_u32.c u32_classify, cls_flower.c
 * fl_classify) for the filters src/programs/tc makes: u32's 32-bit keys at offsets from the
 * network header, flower's IPv4 addresses, protocol and ports.
 */
import type { TcFilter } from '../src/model/qdisc.js';

/** tcf_classify of one filter: its keys against the network header (the frame's bytes after Ethernet's 14). */
export function filterMatches(f: Pick<TcFilter, 'protocol' | 'keys' | 'flower'> & { kind: TcFilter['kind'] | 'matchall' }, ethertype: number, bytes: Uint8Array): boolean {
  if (f.protocol !== 0x0003 && f.protocol !== ethertype) return false;
  if (f.kind === 'flower') return flowerMatches(f.flower!, bytes.subarray(14));
  if (f.kind === 'matchall') return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return f.keys.every((k) => 14 + k.off + 4 <= bytes.length && (view.getUint32(14 + k.off) & k.mask) >>> 0 === k.val);
}

/** fl_classify on an IPv4 packet (`ip` is its network header on). */
function flowerMatches(f: NonNullable<TcFilter['flower']>, ip: Uint8Array): boolean {
  if (ip.length < 20) return false;
  const v = new DataView(ip.buffer, ip.byteOffset, ip.byteLength);
  const inPrefix = (p: { addr: number; len: number }, at: number) => (p.len === 0 ? true : (v.getUint32(at) & ((0xffffffff << (32 - p.len)) >>> 0)) >>> 0 === p.addr);
  if (f.dstIp && !inPrefix(f.dstIp, 16)) return false;
  if (f.srcIp && !inPrefix(f.srcIp, 12)) return false;
  if (f.ipProto !== undefined && ip[9] !== f.ipProto) return false;
  if (f.dstPort !== undefined || f.srcPort !== undefined) {
    const l4 = (ip[0]! & 0x0f) * 4;
    // a later fragment carries no ports: flower's keys for them are zero
    const frag = (v.getUint16(6) & 0x1fff) !== 0;
    if (frag || ip.length < l4 + 4) return false;
    if (f.srcPort !== undefined && v.getUint16(l4) !== f.srcPort) return false;
    if (f.dstPort !== undefined && v.getUint16(l4 + 2) !== f.dstPort) return false;
  }
  return true;
}
