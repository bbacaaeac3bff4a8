/**
 * nf_nat_l4proto_unique_tuple, for either family: the first free port (ICMP/ICMPv6: echo id) of
 * the range, from the tuple's own onward and round again (the kernel starts at a random offset;
 * the simulator at the tuple's key, so runs repeat). Without a range, a source port below 1024
 * stays below it (1–511 or 600–1023), anything else takes 1024–65535 (ids: 0–65535).
 */
import type { NatRange } from '../../src/model/netfilter/target.js';
import type { Manip } from './nat.js';

/** The chosen key, or null when the protocol has none or every key of the range is taken. */
export function uniqueL4Key(proto: number, icmpProto: number, r: NatRange, manip: Manip, origKey: number, key: number, free: (k: number) => boolean): number | null {
  if (proto !== icmpProto && proto !== 6 && proto !== 17) return null;
  let lo = r.protoSpecified ? r.minPort : proto === icmpProto ? 0 : 1024;
  let hi = r.protoSpecified ? r.maxPort : 65535;
  if (!r.protoSpecified && proto !== icmpProto && manip === 'src' && origKey < 1024) {
    lo = origKey < 512 ? 1 : 600;
    hi = origKey < 512 ? 511 : 1023;
  }
  const span = hi - lo + 1;
  const start = key - lo;
  for (let i = 0; i < span; i++) {
    const k = lo + ((start + i + span) % span);
    if (free(k)) return k;
  }
  return null;
}
