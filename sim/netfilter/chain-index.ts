/**
 * An index over a long chain, so that a packet is tested only against the rules that could
 * match it (the kernel tests them all; the answer is the same). Rules are filed under the
 * field most of them test with a positive mask — the destination or the source address — by
 * prefix length; a rule that does not test it (or inverts it) is a candidate for every packet.
 * Candidates keep the chain's order, so the first match is the kernel's first match.
 */
import type { NfRule } from '../../src/model/netfilter/rule.js';
import type { NfChain } from '../../src/model/netfilter/table.js';
import type { IpPacket } from '../packet.js';

/** Below this many rules a chain is walked rule by rule. */
const MIN_RULES = 24;

interface Index {
  field: 'src' | 'dst';
  /** rules every packet must be tested against */
  always: number[];
  /** prefix lengths present, each with masked address → rule numbers (ascending) */
  byLen: { mask: number; map: Map<number, number[]> }[];
}

interface Cached {
  rules: NfRule[];
  length: number;
  version: number;
  index: Index | null;
}

const cache = new WeakMap<NfChain, Cached>();

function build(rules: NfRule[]): Index | null {
  let src = 0;
  let dst = 0;
  for (const r of rules) {
    if (r.ip.src.mask && !r.ip.srcInvert) src++;
    if (r.ip.dst.mask && !r.ip.dstInvert) dst++;
  }
  const field = dst >= src ? 'dst' : 'src';
  if (Math.max(src, dst) < rules.length / 2) return null;
  const always: number[] = [];
  const lens = new Map<number, Map<number, number[]>>();
  rules.forEach((r, i) => {
    const a = field === 'dst' ? r.ip.dst : r.ip.src;
    const inv = field === 'dst' ? r.ip.dstInvert : r.ip.srcInvert;
    if (!a.mask || inv) {
      always.push(i);
      return;
    }
    let m = lens.get(a.mask);
    if (!m) {
      m = new Map();
      lens.set(a.mask, m);
    }
    const key = (a.addr & a.mask) >>> 0;
    const l = m.get(key);
    if (l) l.push(i);
    else m.set(key, [i]);
  });
  return { field, always, byLen: [...lens].map(([mask, map]) => ({ mask, map })) };
}

/**
 * The rule numbers (ascending) a packet could match in `chain`, or null to test every rule.
 * `version` is the namespace's netfilter version: the index is rebuilt when it moves.
 */
export function chainCandidates(chain: NfChain, pkt: IpPacket, version: number): number[] | null {
  const rules = chain.rules;
  if (rules.length < MIN_RULES) return null;
  let c = cache.get(chain);
  if (!c || c.version !== version || c.rules !== rules || c.length !== rules.length) {
    c = { rules, length: rules.length, version, index: build(rules) };
    cache.set(chain, c);
  }
  const ix = c.index;
  if (!ix) return null;
  const addr = ix.field === 'dst' ? pkt.ip.dst : pkt.ip.src;
  let out: number[] | null = ix.always.length ? ix.always : null;
  let merged = false;
  for (const { mask, map } of ix.byLen) {
    const hit = map.get((addr & mask) >>> 0);
    if (!hit) continue;
    if (!out) out = hit;
    else {
      out = merged ? out.concat(hit) : [...out, ...hit];
      merged = true;
    }
  }
  if (merged) out!.sort((a, b) => a - b);
  return out ?? [];
}
