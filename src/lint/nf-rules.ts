/**
 * What the netfilter lint rules ask of a ruleset: which rules of a chain (and of the user
 * chains it jumps to) accept, whether an accept lets a new connection through or only its
 * established packets, and where in the script a rule was written (its words as `iptables -S`
 * prints them, found in the command that added it).
 */
import type { Step } from '../exec/step.js';
import { CT_STATE } from '../model/netfilter/match.js';
import type { NfRule } from '../model/netfilter/rule.js';
import { findChain, type NfChain, type NfTable } from '../model/netfilter/table.js';
import { saveRule } from '../programs/iptables/listing.js';

/** The ACCEPT rules of `chain` and of the user chains it jumps to. */
export function acceptsOf(table: NfTable, chain: NfChain, seen = new Set<NfChain>()): NfRule[] {
  if (seen.has(chain)) return [];
  seen.add(chain);
  const out: NfRule[] = [];
  for (const r of chain.rules) {
    const t = r.target;
    if (t.kind === 'verdict' && t.verdict === 'ACCEPT') out.push(r);
    else if (t.kind === 'jump') {
      const to = findChain(table, t.chain);
      if (to) out.push(...acceptsOf(table, to, seen));
    }
  }
  return out;
}

/** Whether the rule can accept the first packet of a connection (no state test, or one that lets NEW or DNAT through). */
export function acceptsNew(r: NfRule): boolean {
  return r.matches.every((m) => m.kind !== 'conntrack' || m.state === null || m.state.invert || (m.state.mask & (CT_STATE.NEW | CT_STATE.DNAT)) !== 0);
}

/** The filter chains on the forward hook that drop by policy. */
export function forwardDropChains(tables: NfTable[]): { table: NfTable; chain: NfChain }[] {
  const out: { table: NfTable; chain: NfChain }[] = [];
  for (const table of tables) for (const chain of table.chains) if (chain.base?.hook === 'forward' && chain.base.type === 'filter' && chain.policy === 'DROP') out.push({ table, chain });
  return out;
}

/** The command prefix that runs a program in the namespace. */
export function execIn(name: string | null): string {
  return name ? `ip netns exec ${name} ` : '';
}

/**
 * The file and line of the (last) successful command of `host` that added rule `r` to `chain`:
 * one whose words contain the chain and every word of the rule as iptables-save prints it.
 */
export function ruleLine(steps: Step[], host: string, chain: string, r: NfRule): { file: string; line: number } {
  const words = [chain, ...saveRule(r, false).trim().split(/\s+/)];
  let found: Step | undefined;
  for (const s of steps) {
    if (s.host !== host || s.exit !== 0) continue;
    const have = new Set(s.command.split(/\s+/));
    if (words.every((w) => have.has(w) || have.has(w.replace(/\/32$/, '')))) found = s;
  }
  return { file: found?.file ?? '', line: found?.line ?? 0 };
}
