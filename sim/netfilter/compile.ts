/**
 * The hooks of one namespace, as the kernel lists them (nf_hook_entries, one list per hook
 * point sorted by priority): every base chain of every table (iptables-nft's and nft's, then
 * the legacy tables), conntrack's own entries (nf_conntrack_in at PREROUTING and OUTPUT,
 * confirmation last at INPUT and POSTROUTING) once something needs it, and the NAT core at
 * its four points once any nat chain exists, which calls the nat chains of its hook in their
 * priority order. Compiled once per change of the namespace's tables.
 */
import { NF_IP_PRI, HOOKS, type Hook, type NfChain, type NfTable } from '../../src/model/netfilter/table.js';
import type { NetfilterState } from '../../src/model/netfilter/state.js';

export type HookEntry =
  | { kind: 'chain'; priority: number; table: NfTable; chain: NfChain }
  | { kind: 'ct-in'; priority: number }
  | { kind: 'ct-confirm'; priority: number }
  | { kind: 'nat'; priority: number; chains: { table: NfTable; chain: NfChain }[] };

export interface CompiledHooks {
  version: number;
  hooks: Record<Hook, HookEntry[]>;
  /** connection tracking is on in the namespace */
  conntrack: boolean;
  /** nothing is registered at any hook */
  empty: boolean;
}

/** Where the NAT core sits: destination NAT before routing, source NAT after. */
const NAT_PRIORITY: Record<Hook, number> = { prerouting: NF_IP_PRI.natDst, output: NF_IP_PRI.natDst, input: NF_IP_PRI.natSrc, postrouting: NF_IP_PRI.natSrc, forward: 0 };

const cache = new WeakMap<NetfilterState, CompiledHooks>();
const cache6 = new WeakMap<NetfilterState, CompiledHooks>();

/** The namespace's hook lists for IPv4 packets, compiled again when its tables changed. */
export function compiledHooks(st: NetfilterState): CompiledHooks {
  const c = cache.get(st);
  if (c && c.version === st.version) return c;
  const made = compile(st);
  cache.set(st, made);
  return made;
}

/**
 * The hook lists IPv6 packets meet: the base chains of the ip6 tables (ip6tables' and nft's)
 * and of the inet ones, and IPv6 conntrack's entries once a rule of those needs it
 * (nf_ct_netns_get is per family; an inet table's takes both), and the NAT core at its four
 * points once an ip6 nat chain exists (nat6.ts).
 */
export function compiledHooks6(st: NetfilterState): CompiledHooks {
  const c = cache6.get(st);
  if (c && c.version === st.version) return c;
  const hooks = { prerouting: [], input: [], forward: [], output: [], postrouting: [] } as Record<Hook, HookEntry[]>;
  const nat: Record<Hook, { table: NfTable; chain: NfChain; priority: number }[]> = { prerouting: [], input: [], forward: [], output: [], postrouting: [] };
  let anyNat = false;
  for (const t of st.allTables()) {
    if (t.family !== 'ip6' && t.family !== 'inet') continue;
    for (const ch of t.chains) {
      const b = ch.base;
      if (!b) continue;
      if (b.type !== 'nat') hooks[b.hook].push({ kind: 'chain', priority: b.priority, table: t, chain: ch });
      else {
        anyNat = true;
        nat[b.hook].push({ table: t, chain: ch, priority: b.priority });
      }
    }
  }
  const conntrack = st.needsConntrack('ip6');
  if (conntrack) {
    hooks.prerouting.push({ kind: 'ct-in', priority: NF_IP_PRI.conntrack });
    hooks.output.push({ kind: 'ct-in', priority: NF_IP_PRI.conntrack });
    hooks.input.push({ kind: 'ct-confirm', priority: NF_IP_PRI.conntrackConfirm });
    hooks.postrouting.push({ kind: 'ct-confirm', priority: NF_IP_PRI.conntrackConfirm });
  }
  if (anyNat) {
    for (const h of ['prerouting', 'output', 'input', 'postrouting'] as const) {
      const chains = [...nat[h]].sort((a, b) => a.priority - b.priority).map(({ table, chain }) => ({ table, chain }));
      hooks[h].push({ kind: 'nat', priority: NAT_PRIORITY[h], chains });
    }
  }
  let empty = true;
  for (const h of HOOKS) {
    hooks[h].sort((a, b) => a.priority - b.priority);
    if (hooks[h].length) empty = false;
  }
  const made: CompiledHooks = { version: st.version, hooks, conntrack, empty };
  cache6.set(st, made);
  return made;
}

function compile(st: NetfilterState): CompiledHooks {
  const hooks = { prerouting: [], input: [], forward: [], output: [], postrouting: [] } as Record<Hook, HookEntry[]>;
  const nat: Record<Hook, { table: NfTable; chain: NfChain; priority: number }[]> = { prerouting: [], input: [], forward: [], output: [], postrouting: [] };
  let anyNat = false;
  for (const t of st.allTables()) {
    // IPv4 packets meet the ip and inet tables' chains
    if (t.family !== 'ip' && t.family !== 'inet') continue;
    for (const ch of t.chains) {
      const b = ch.base;
      if (!b) continue;
      if (b.type === 'nat') {
        anyNat = true;
        nat[b.hook].push({ table: t, chain: ch, priority: b.priority });
      } else hooks[b.hook].push({ kind: 'chain', priority: b.priority, table: t, chain: ch });
    }
  }
  // a nat chain registers the NAT core, not conntrack: without a rule that needs it, the NAT core finds no entry and passes the packet
  const conntrack = st.needsConntrack();
  if (conntrack) {
    hooks.prerouting.push({ kind: 'ct-in', priority: NF_IP_PRI.conntrack });
    hooks.output.push({ kind: 'ct-in', priority: NF_IP_PRI.conntrack });
    hooks.input.push({ kind: 'ct-confirm', priority: NF_IP_PRI.conntrackConfirm });
    hooks.postrouting.push({ kind: 'ct-confirm', priority: NF_IP_PRI.conntrackConfirm });
  }
  if (anyNat) {
    for (const h of ['prerouting', 'output', 'input', 'postrouting'] as const) {
      const chains = [...nat[h]].sort((a, b) => a.priority - b.priority).map(({ table, chain }) => ({ table, chain }));
      hooks[h].push({ kind: 'nat', priority: NAT_PRIORITY[h], chains });
    }
  }
  let empty = true;
  for (const h of HOOKS) {
    // stable: equal priorities keep registration order
    hooks[h].sort((a, b) => a.priority - b.priority);
    if (hooks[h].length) empty = false;
  }
  return { version: st.version, hooks, conntrack, empty };
}
