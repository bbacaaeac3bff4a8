/**
 * Tables and chains (net/netfilter/nf_tables_api.c; net/ipv4/netfilter/ip_tables.c for the
 * legacy tables). A base chain sits on a hook point at a priority; a user chain is only
 * reached by a jump. iptables' tables (filter, nat, mangle, raw) have fixed base chains at the
 * kernel's priorities: the legacy backend makes all of them with the table, iptables-nft makes
 * each one the first time a command names it, which is why `iptables -L -v` shows zero policy
 * counters for a chain no command has touched even while packets pass its hook.
 */
import { cloneSet, type NftSet } from './nft-set.js';
import type { Counters, NfRule } from './rule.js';

export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';
export const HOOKS: readonly Hook[] = ['prerouting', 'input', 'forward', 'output', 'postrouting'];

/** The iptables chain name of each hook. */
export const HOOK_CHAIN: Record<Hook, string> = { prerouting: 'PREROUTING', input: 'INPUT', forward: 'FORWARD', output: 'OUTPUT', postrouting: 'POSTROUTING' };

/** nf_tables chain types: filter (any hook), nat (address translation), route (mangle's OUTPUT reroute). */
export type ChainType = 'filter' | 'nat' | 'route';

export type Policy = 'ACCEPT' | 'DROP';

export interface BaseChainSpec {
  hook: Hook;
  priority: number;
  type: ChainType;
}

export interface NfChain {
  name: string;
  /** null for a user chain */
  base: BaseChainSpec | null;
  policy: Policy;
  policyCounters: Counters;
  /**
   * the base chain has no counters of its own (nf_tables chain stats), so its policy counts
   * nothing: iptables-nft makes a builtin chain without them when a rule command creates it,
   * and gives it counters at `-P` or `-Z` (nft_chain_set, nft_chain_zero_counters)
   */
  noStats?: boolean;
  rules: NfRule[];
  /** nf_tables chain handle */
  handle: number;
}

export type XtTableName = 'filter' | 'nat' | 'mangle' | 'raw';
export const XT_TABLE_NAMES: readonly XtTableName[] = ['filter', 'nat', 'mangle', 'raw'];

/** The kernel's priorities (enum nf_ip_hook_priorities). */
export const NF_IP_PRI = {
  raw: -300,
  conntrack: -200,
  mangle: -150,
  natDst: -100,
  filter: 0,
  security: 50,
  natSrc: 100,
  conntrackConfirm: 2147483647,
} as const;

/** iptables' tables: their base chains in the order the tools list them, each at its hook and priority. */
export const XT_TABLES: Record<XtTableName, readonly (BaseChainSpec & { name: string })[]> = {
  raw: [
    { name: 'PREROUTING', hook: 'prerouting', priority: NF_IP_PRI.raw, type: 'filter' },
    { name: 'OUTPUT', hook: 'output', priority: NF_IP_PRI.raw, type: 'filter' },
  ],
  mangle: [
    { name: 'PREROUTING', hook: 'prerouting', priority: NF_IP_PRI.mangle, type: 'filter' },
    { name: 'INPUT', hook: 'input', priority: NF_IP_PRI.mangle, type: 'filter' },
    { name: 'FORWARD', hook: 'forward', priority: NF_IP_PRI.mangle, type: 'filter' },
    { name: 'OUTPUT', hook: 'output', priority: NF_IP_PRI.mangle, type: 'route' },
    { name: 'POSTROUTING', hook: 'postrouting', priority: NF_IP_PRI.mangle, type: 'filter' },
  ],
  nat: [
    { name: 'PREROUTING', hook: 'prerouting', priority: NF_IP_PRI.natDst, type: 'nat' },
    { name: 'INPUT', hook: 'input', priority: NF_IP_PRI.natSrc, type: 'nat' },
    { name: 'OUTPUT', hook: 'output', priority: NF_IP_PRI.natDst, type: 'nat' },
    { name: 'POSTROUTING', hook: 'postrouting', priority: NF_IP_PRI.natSrc, type: 'nat' },
  ],
  filter: [
    { name: 'INPUT', hook: 'input', priority: NF_IP_PRI.filter, type: 'filter' },
    { name: 'FORWARD', hook: 'forward', priority: NF_IP_PRI.filter, type: 'filter' },
    { name: 'OUTPUT', hook: 'output', priority: NF_IP_PRI.filter, type: 'filter' },
  ],
};

/** The base chain spec of an iptables table's builtin chain, or undefined. */
export function xtBuiltin(table: string, chain: string): (BaseChainSpec & { name: string }) | undefined {
  const t = (XT_TABLES as Record<string, readonly (BaseChainSpec & { name: string })[]>)[table];
  return t?.find((c) => c.name === chain);
}

export type NfFamily = 'ip' | 'ip6' | 'inet' | 'arp' | 'bridge' | 'netdev';

/** Who made a table: iptables (its rules are iptables rules) or nft. */
export type TableOwner = 'iptables' | 'nft';

export interface NfTable {
  family: NfFamily;
  name: string;
  owner: TableOwner;
  /** chains in creation order (nft lists them so; iptables sorts user chains by name) */
  chains: NfChain[];
  handle: number;
  /** next rule/chain handle in this table */
  nextHandle: number;
  /** named sets (nft), in creation order */
  sets?: NftSet[];
  /** an x_tables table (iptables-legacy), and how many times it was replaced (each replace starts its rate limits afresh) */
  legacy?: boolean;
  gen?: number;
}

export function newTable(family: NfFamily, name: string, owner: TableOwner, handle: number): NfTable {
  return { family, name, owner, chains: [], handle, nextHandle: 1 };
}

/**
 * Each chain list's index of names (first chain of a name → its position). Chains are added,
 * removed and renamed in place all over, so a hit is checked against the list and anything
 * else rebuilds the index: a lookup costs O(1) while the list holds still (kube-proxy's
 * thousands of chains, looked up per rule added and per jump a packet takes).
 */
const chainIndex = new WeakMap<NfChain[], Map<string, number>>();

export function findChain(t: NfTable, name: string): NfChain | undefined {
  const m = chainIndex.get(t.chains);
  if (m) {
    const i = m.get(name);
    const c = i === undefined ? undefined : t.chains[i];
    if (c && c.name === name) return c;
  }
  const fresh = new Map<string, number>();
  t.chains.forEach((c, i) => {
    if (!fresh.has(c.name)) fresh.set(c.name, i);
  });
  chainIndex.set(t.chains, fresh);
  const i = fresh.get(name);
  return i === undefined ? undefined : t.chains[i];
}

/** A new chain in `t` (a base chain when `base` is given), with a fresh handle. */
export function addChain(t: NfTable, name: string, base: BaseChainSpec | null, policy: Policy = 'ACCEPT'): NfChain {
  const c: NfChain = { name, base, policy, policyCounters: { pkts: 0, bytes: 0 }, rules: [], handle: t.nextHandle++ };
  t.chains.push(c);
  return c;
}

/** How many rules of the table jump or go to `chain` (the "references" iptables -L shows). */
export function chainRefs(t: NfTable, chain: string): number {
  let n = 0;
  for (const c of t.chains) for (const r of c.rules) if (r.target.kind === 'jump' && r.target.chain === chain) n++;
  return n;
}

/** A deep copy of a table (rules and counters), for an all-or-nothing batch. */
export function cloneTable(t: NfTable): NfTable {
  return {
    ...t,
    chains: t.chains.map((c) => ({
      ...c,
      policyCounters: { ...c.policyCounters },
      rules: c.rules.map((r) => ({ ...r, counters: r.counters ? { ...r.counters } : null })),
    })),
    ...(t.sets ? { sets: t.sets.map(cloneSet) } : {}),
  };
}
