/**
 * Walking a base chain (ipt_do_table / nft_do_chain): rules in order, each matched rule
 * counted; a verdict ends the walk, a jump remembers where to come back, a goto does not, RETURN
 * (or the end of a user chain) goes back, and falling off a base chain applies its policy,
 * counted on the chain. LOG, MARK and CONNMARK act and go on; REJECT answers and drops; a NAT
 * target in a nat chain hands back the binding it asks for.
 */
import type { NfRule } from '../../src/model/netfilter/rule.js';
import { findChain, type NfChain, type NfTable } from '../../src/model/netfilter/table.js';
import { TCPMSS_CLAMP_PMTU, type NatRange, type NatTargetKind, type NfTarget, type RejectWith } from '../../src/model/netfilter/target.js';
import { synMss, type TcpRepr } from '../wire/tcp.js';
import { ruleMatches, type MatchState } from './match.js';
import { chainCandidates } from './chain-index.js';
import type { NfRuntime } from './runtime.js';
import type { PacketNf } from './skb.js';

/** What a walk decided. */
export type WalkVerdict =
  | { verdict: 'accept' }
  | { verdict: 'drop' }
  /** REJECT: an error goes back (the caller sends it), the packet is dropped */
  | { verdict: 'reject'; with: RejectWith }
  /** a nat chain's NAT target: the binding to set up */
  | { verdict: 'nat'; kind: NatTargetKind; range: NatRange };

/** Each rule that matched, for traces: where it is and what it did. */
export interface RuleHit {
  table: NfTable;
  chain: NfChain;
  /** 1-based, as `iptables -L --line-numbers` numbers it; 0 for the chain's policy */
  rulenum: number;
  rule: NfRule | null;
}

/** What a walk needs whatever the packet's family: its netfilter state, counters, traces. */
export interface WalkCore {
  meta: PacketNf;
  runtime: NfRuntime;
  bytes: number;
  /** the namespace's netfilter version (chain indexes follow it) */
  version: number;
  /** called for every rule that matched and for a policy applied (traces; null when nobody listens) */
  onHit: ((h: RuleHit) => void) | null;
}

export interface WalkState extends MatchState, WalkCore {}

/** Walks `start` (a base chain of `table`) with an IPv4 packet. */
export function walkChain(s: WalkState, table: NfTable, start: NfChain): WalkVerdict {
  s.table = table;
  return walkWith(
    s,
    table,
    start,
    (r) => ruleMatches(r, s),
    (c) => chainCandidates(c, s.pkt, s.version),
  );
}

/**
 * Walks `start` with a packet `matches` tests rules against; `candidates` narrows a chain to
 * the rules that may match (null: every rule).
 */
export function walkWith(s: WalkCore, table: NfTable, start: NfChain, test: (r: NfRule) => boolean, candidates: (c: NfChain) => number[] | null): WalkVerdict {
  // a verdict map's pick lives only as long as the test of its rule
  const matches = (r: NfRule): boolean => {
    s.meta.vmapHit = undefined;
    return test(r);
  };
  const stack: { chain: NfChain; next: number }[] = [];
  let chain = start;
  let i = 0;
  const rt = s.runtime;
  for (;;) {
    const rules = chain.rules;
    const cand = candidates(chain);
    let rule: NfRule | null = null;
    if (cand) {
      let k = 0;
      while (k < cand.length && cand[k]! < i) k++;
      for (; k < cand.length; k++) {
        const j = cand[k]!;
        if (matches(rules[j]!)) {
          rule = rules[j]!;
          i = j;
          break;
        }
      }
      if (!rule) i = rules.length;
    } else {
      for (; i < rules.length; i++) {
        if (matches(rules[i]!)) {
          rule = rules[i]!;
          break;
        }
      }
    }
    if (!rule) {
      // end of the chain: a user chain returns, a base chain applies its policy
      const back = stack.pop();
      if (back && !chain.base) {
        chain = back.chain;
        i = back.next;
        continue;
      }
      return policy(s, table, start);
    }
    if (rule.counters) rt.count(rule.counters, s.bytes);
    s.onHit?.({ table, chain, rulenum: i + 1, rule });
    if (rule.also) for (const a of rule.also) act(s, a);
    const t = rule.target.kind === 'none' && s.meta.vmapHit ? s.meta.vmapHit : rule.target;
    switch (t.kind) {
      case 'none':
      case 'LOG':
        i++;
        continue;
      case 'MARK':
      case 'CONNMARK':
      case 'NOTRACK':
      case 'TTL':
      case 'DSCP':
      case 'TCPMSS':
        if (t.kind === 'TCPMSS' && !tcpmss(s, t.mss)) return { verdict: 'drop' };
        act(s, t);
        i++;
        continue;
      case 'verdict':
        if (t.verdict === 'ACCEPT') return { verdict: 'accept' };
        if (t.verdict === 'DROP') return { verdict: 'drop' };
        {
          const back = stack.pop();
          if (!back) return policy(s, table, start);
          chain = back.chain;
          i = back.next;
        }
        continue;
      case 'jump': {
        const to = findChain(table, t.chain);
        if (!to) return { verdict: 'drop' };
        if (!t.goto) stack.push({ chain, next: i + 1 });
        chain = to;
        i = 0;
        continue;
      }
      case 'REJECT':
        return { verdict: 'reject', with: t.with };
      case 'MASQUERADE':
      case 'SNAT':
      case 'DNAT':
      case 'REDIRECT':
      case 'NETMAP':
        return { verdict: 'nat', kind: t.kind, range: t.range };
    }
  }
}

/** IPv4's and IPv6's headers before TCP's: what the clamp takes off the MTU (tcpmss_tg4's and tcpmss_tg6's minlen) */
const MSS_MINLEN = { v4: 40, v6: 60 } as const;

/**
 * tcpmss_mangle_packet: a SYN's MSS option lowered to `mss` — or, clamping, to the smaller of
 * the MTUs out and back (the devices' MTUs: route `mtu` metrics and learned path MTUs are not
 * consulted) less the headers — never raised. False: the packet is dropped (an MTU too small
 * to clamp to).
 */
function tcpmss(s: WalkCore, mss: number): boolean {
  const st = s as Partial<WalkState>;
  const pkt = st.pkt as { tcp?: TcpRepr; ip6?: unknown } | undefined;
  const tcp = pkt?.tcp;
  if (!pkt || !tcp) return true;
  const v6 = pkt.ip6 !== undefined;
  let want = mss;
  if (mss === TCPMSS_CLAMP_PMTU) {
    // tcpmss_reverse_mtu: the route back to a local sender is the loopback's
    const mtu = Math.min(st.out?.mtu ?? 65535, st.in?.mtu ?? 65536);
    const minlen = v6 ? MSS_MINLEN.v6 : MSS_MINLEN.v4;
    if (mtu <= minlen) return false;
    want = mtu - minlen;
  }
  const old = synMss(tcp, v6);
  if (old !== null && old > want) pkt.tcp = { ...tcp, mss: want };
  return true;
}

/** A target that acts and lets the walk go on: MARK and CONNMARK change marks, LOG logs nowhere. */
function act(s: WalkCore, t: NfTarget): void {
  if (t.kind === 'NOTRACK') s.meta.untracked = true;
  else if (t.kind === 'TTL') {
    // ttl_tg: an IPv4 packet's TTL set, or moved within 0..255 (a copy of the header: clones keep theirs)
    const pkt = (s as Partial<WalkState>).pkt;
    if (!pkt?.ip) return;
    const v = t.mode === 'set' ? t.value : t.mode === 'dec' ? Math.max(0, pkt.ip.ttl - t.value) : Math.min(255, pkt.ip.ttl + t.value);
    pkt.ip = { ...pkt.ip, ttl: v };
  } else if (t.kind === 'DSCP') {
    // dscp_tg: ipv4_change_dsfield keeps the two ECN bits
    const pkt = (s as Partial<WalkState>).pkt;
    if (!pkt?.ip) return;
    pkt.ip = { ...pkt.ip, tos: (pkt.ip.tos & 0x03) | (t.value << 2) };
  } else if (t.kind === 'MARK') s.meta.mark = ((s.meta.mark & ~t.mask) ^ t.value) >>> 0;
  else if (t.kind === 'CONNMARK') {
    // either family's connection: an IPv6 packet's is ct6
    const ct = s.meta.ct ?? s.meta.ct6;
    if (!ct) return;
    if (t.mode === 'set') ct.mark = ((ct.mark & ~t.ctmask) ^ t.value) >>> 0;
    else if (t.mode === 'save') ct.mark = ((ct.mark & ~t.ctmask) ^ (s.meta.mark & t.nfmask)) >>> 0;
    else s.meta.mark = ((s.meta.mark & ~t.nfmask) ^ (ct.mark & t.ctmask)) >>> 0;
  }
}

function policy(s: WalkCore, table: NfTable, base: NfChain): WalkVerdict {
  if (!base.noStats) s.runtime.count(base.policyCounters, s.bytes);
  s.onHit?.({ table, chain: base, rulenum: 0, rule: null });
  return { verdict: base.policy === 'DROP' ? 'drop' : 'accept' };
}
