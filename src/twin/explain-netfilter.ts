/**
 * Netfilter's steps in an explanation, in the words a user wrote them with: a matched rule
 * gets its text as `iptables -S` prints it (`-A FORWARD -s 10.0.0.0/8 -j DROP`) or, in a table
 * made with nft, as `nft list` prints it; a drop or reject by netfilter names the rule or the
 * policy that decided it. The engine traces where it was (table, chain, rule number); the
 * words belong to the front ends, so they are added here, above both.
 */
import type { NfRule } from '../model/netfilter/rule.js';
import type { NfChain, NfTable } from '../model/netfilter/table.js';
import { saveRule } from '../programs/iptables/listing.js';
import type { NfTraceInfo, TraceStep } from '../../sim/trace.js';

/** The rule as its front end lists it. */
export function ruleWords(table: NfTable, chain: NfChain, rule: NfRule): string {
  if (table.owner === 'nft' || rule.nftParts) {
    // the counter's place is an empty part: an explanation shows no counter values
    return (rule.nftParts ?? []).filter((p) => p !== '').join(' ');
  }
  return `${table.name === 'filter' ? '' : `-t ${table.name} `}-A ${chain.name}${saveRule(rule, false)}`;
}

/** Adds the rule texts to the netfilter steps of `steps`, and the deciding rule to netfilter's drops. */
export function annotateNetfilter(steps: TraceStep[]): void {
  let last: TraceStep | null = null;
  for (const s of steps) {
    const nf = s.nf;
    if (s.kind === 'netfilter' && nf?.table && nf.chain && (nf.what === 'rule' || nf.what === 'policy')) {
      if (nf.what === 'rule' && nf.rule) s.detail += `: ${ruleWords(nf.table, nf.chain, nf.rule)}`;
      last = s;
      continue;
    }
    if (s.kind === 'drop' && (s.reason === 'netfilter-drop' || s.reason === 'netfilter-reject') && last?.nf?.chain && last.ns === s.ns) {
      const by = last.nf;
      s.detail += by.what === 'policy' ? ` (the chain's policy ${by.chain!.policy})` : ` (rule ${by.rulenum}${by.rule ? `: ${ruleWords(by.table!, by.chain!, by.rule)}` : ''})`;
    }
  }
}

/**
 * Where in the rules a step happened, as explain --json gives it: names and the rule's text,
 * never the table itself (a table of 10 000 rules would be written out at every step).
 */
export function nfStepJson(nf: NfTraceInfo): {
  hook: string;
  what: string;
  family: string | null;
  table: string | null;
  chain: string | null;
  rulenum: number | null;
  rule: string | null;
  policy: string | null;
} {
  const { table, chain, rule } = nf;
  return {
    hook: nf.hook,
    what: nf.what,
    family: table?.family ?? null,
    table: table?.name ?? null,
    chain: chain?.name ?? null,
    rulenum: nf.rulenum ?? null,
    rule: table && chain && rule ? ruleWords(table, chain, rule) : null,
    policy: nf.what === 'policy' && chain?.policy ? chain.policy : null,
  };
}

/** A step as explain --json gives it: its netfilter place in words (nfStepJson). */
export function stepJson(s: TraceStep): object {
  return s.nf ? { ...s, nf: nfStepJson(s.nf) } : s;
}
