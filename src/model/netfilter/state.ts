/**
 * What netfilter holds in one network namespace: the nf_tables tables (iptables-nft's and
 * nft's, in creation order), the legacy x_tables once a legacy tool made them, the
 * bridge-netfilter switches of /proc/sys/net/bridge, and the conntrack table. Made on first
 * use: a namespace no netfilter command touched has none, and its packets meet no hook.
 */
import type { Netns } from '../netns.js';
import { CtTable } from './conntrack.js';
import { Ct6Table } from './conntrack6.js';
import { matchNeedsConntrack } from './match.js';
import type { NfRule } from './rule.js';
import type { NfTable, XtTableName } from './table.js';
import { targetNeedsConntrack } from './target.js';

/**
 * net.bridge.* (br_netfilter, built into the reference kernel): every namespace starts with
 * the calls on (brnf_net_init), whatever the machine's own namespace says.
 */
export interface BridgeNfConf {
  'bridge-nf-call-arptables': number;
  'bridge-nf-call-ip6tables': number;
  'bridge-nf-call-iptables': number;
  'bridge-nf-filter-pppoe-tagged': number;
  'bridge-nf-filter-vlan-tagged': number;
  'bridge-nf-pass-vlan-input-dev': number;
}

export const BRIDGE_NF_DEFAULTS: Readonly<BridgeNfConf> = Object.freeze({
  'bridge-nf-call-arptables': 1,
  'bridge-nf-call-ip6tables': 1,
  'bridge-nf-call-iptables': 1,
  'bridge-nf-filter-pppoe-tagged': 0,
  'bridge-nf-filter-vlan-tagged': 0,
  'bridge-nf-pass-vlan-input-dev': 0,
});

export type NfBackend = 'nft' | 'legacy';

/** The families the iptables tools write: iptables ip, ip6tables ip6. */
export type XtFamily = 'ip' | 'ip6';

export class NetfilterState {
  /** nf_tables tables, creation order */
  tables: NfTable[] = [];
  /** x_tables made by the legacy tools (each with all its builtin chains) */
  legacy = new Map<XtTableName, NfTable>();
  /** the same for ip6tables-legacy (ip6_tables) */
  legacy6 = new Map<XtTableName, NfTable>();
  readonly bridge: BridgeNfConf = { ...BRIDGE_NF_DEFAULTS };
  /** the connection tracking table of the namespace (the script's own simulator's) */
  readonly conntrack = new CtTable();
  /** and of its IPv6 connections */
  readonly conntrack6 = new Ct6Table();
  /** bumped on every change of tables, chains or rules: compiled hooks follow it */
  version = 0;
  /** the recent lists rules name, and how many times each went away with its last rule (xt_recent's refcount) */
  recentLive = new Set<string>();
  recentGen = new Map<string, number>();

  /**
   * Tables, chains or rules changed (`recent`: the change added a rule with a recent match): a
   * recent list no rule names any more is destroyed, so a later rule naming it starts empty.
   */
  changed(recent = false): void {
    this.version++;
    if (!recent && this.recentLive.size === 0) return;
    const named = new Set<string>();
    for (const t of this.allTables()) for (const c of t.chains) for (const r of c.rules) for (const m of r.matches) if (m.kind === 'recent') named.add(m.name);
    for (const n of this.recentLive) if (!named.has(n)) this.recentGen.set(n, (this.recentGen.get(n) ?? 0) + 1);
    this.recentLive = named;
  }
  nextTableHandle = 1;

  /** An iptables (family ip) or ip6tables (ip6) table of a backend, if it exists. */
  xtTable(backend: NfBackend, name: string, family: XtFamily = 'ip'): NfTable | undefined {
    if (backend === 'legacy') return this.legacyOf(family).get(name as XtTableName);
    return this.tables.find((t) => t.family === family && t.name === name);
  }

  /** The legacy tables of iptables (ip) or ip6tables (ip6). */
  legacyOf(family: XtFamily): Map<XtTableName, NfTable> {
    return family === 'ip6' ? this.legacy6 : this.legacy;
  }

  /** Every table whose chains packets meet: nf_tables', then the legacy ones. */
  allTables(): NfTable[] {
    return this.legacy.size || this.legacy6.size ? [...this.tables, ...this.legacy.values(), ...this.legacy6.values()] : this.tables;
  }

  /**
   * Whether any rule needs connection tracking (nf_ct_netns_get by a match or target). A nat
   * chain alone does not: its rules are walked only for packets conntrack tracks, so a nat
   * table holding nothing but ACCEPT rules sees no packet at all.
   */
  needsConntrack(family: XtFamily = 'ip'): boolean {
    for (const t of this.allTables()) {
      // an inet table's rules register conntrack for both families (nf_ct_netns_get), an ip or ip6 one for its own
      if (t.family !== 'inet' && t.family !== family) continue;
      for (const c of t.chains) {
        for (const r of c.rules) if (ruleNeedsConntrack(r)) return true;
      }
    }
    return false;
  }

  /** Whether the namespace has any table at all. */
  get empty(): boolean {
    return this.tables.length === 0 && this.legacy.size === 0 && this.legacy6.size === 0;
  }
}

export function ruleNeedsConntrack(r: NfRule): boolean {
  return targetNeedsConntrack(r.target) || r.matches.some(matchNeedsConntrack);
}

/** The namespace's netfilter state, made on first use. */
export function nfState(ns: Netns): NetfilterState {
  return (ns.nf ??= new NetfilterState());
}
