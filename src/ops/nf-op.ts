/**
 * Netfilter Ops: what iptables (either backend) asks of the kernel. One Op is one
 * transaction: an iptables command is one edit, an iptables-restore COMMIT is all the edits of
 * a table, applied together or not at all.
 */
import type { NftSetElem, NftSetType } from '../model/netfilter/nft-set.js';
import type { Counters, NfRule } from '../model/netfilter/rule.js';
import type { NfBackend, XtFamily } from '../model/netfilter/state.js';
import type { BaseChainSpec, NfFamily, Policy } from '../model/netfilter/table.js';

/** One iptables request, on a table of the Op's backend. */
export type XtEdit =
  | { cmd: 'append'; table: string; chain: string; rule: NfRule }
  /** rulenum: 1-based */
  | { cmd: 'insert'; table: string; chain: string; rulenum: number; rule: NfRule }
  | { cmd: 'delete'; table: string; chain: string; rule: NfRule }
  | { cmd: 'delete-num'; table: string; chain: string; rulenum: number }
  | { cmd: 'replace'; table: string; chain: string; rulenum: number; rule: NfRule }
  | { cmd: 'check'; table: string; chain: string; rule: NfRule }
  /** chain null: every chain of the table */
  | { cmd: 'flush'; table: string; chain: string | null }
  | { cmd: 'zero'; table: string; chain: string | null; rulenum: number | null }
  | { cmd: 'new-chain'; table: string; chain: string }
  /** chain null: every empty user chain nothing refers to */
  | { cmd: 'delete-chain'; table: string; chain: string | null }
  | { cmd: 'rename-chain'; table: string; chain: string; newname: string }
  | { cmd: 'policy'; table: string; chain: string; policy: Policy; counters: Counters | null }
  /** a legacy tool read the table: libiptc made it in the kernel by asking for it */
  | { cmd: 'instantiate'; table: string }
  /** `:CHAIN - [0:0]` in iptables-restore: the user chain made, or emptied if it exists */
  | { cmd: 'restore-chain'; table: string; chain: string }
  /** iptables-restore without --noflush: the table as if new (its builtin chains kept, emptied, ACCEPT) */
  | { cmd: 'restore-table'; table: string };

export interface NfXtOp {
  op: 'nf.xt';
  backend: NfBackend;
  /** ip6tables' tables (default: iptables', family ip) */
  family?: XtFamily;
  edits: XtEdit[];
  /**
   * refuse a rule that jumps to a chain missing at that point of the Op (iptables-nft-restore's
   * check before its batch; a lone iptables command checks it itself)
   */
  checkJumps?: boolean;
  /** check everything and change nothing */
  dryRun?: boolean;
}

/** One nft request on a table of one family. */
export type NftEdit =
  | { cmd: 'add-table'; family: NfFamily; table: string; create: boolean }
  | { cmd: 'delete-table'; family: NfFamily; table: string }
  | { cmd: 'flush-table'; family: NfFamily; table: string }
  /** base: the chain's type, hook and priority (null: a regular chain, or an existing chain's update) */
  | { cmd: 'add-chain'; family: NfFamily; table: string; chain: string; base: BaseChainSpec | null; policy: Policy | null; create: boolean }
  | { cmd: 'delete-chain'; family: NfFamily; table: string; chain: string }
  | { cmd: 'flush-chain'; family: NfFamily; table: string; chain: string }
  /**
   * add (after `handle`, else at the end) or insert (before `handle`, else at the start);
   * `index` instead of a handle: `index N` (0-based); `sets`: anonymous sets the rule makes (each takes a handle)
   */
  | { cmd: 'add-rule'; family: NfFamily; table: string; chain: string; rule: NfRule; insert: boolean; handle: number | null; index: number | null; sets: number }
  | { cmd: 'replace-rule'; family: NfFamily; table: string; chain: string; handle: number; rule: NfRule; sets: number }
  | { cmd: 'delete-rule'; family: NfFamily; table: string; chain: string; handle: number }
  /** every table (of one family) goes, iptables-nft's included */
  | { cmd: 'flush-ruleset'; family: NfFamily | null }
  /** a named set; `create` refuses an existing one; its elements come with it */
  | { cmd: 'add-set'; family: NfFamily; table: string; set: string; type: NftSetType; interval: boolean; create: boolean; elems: NftSetElem[] }
  | { cmd: 'delete-set'; family: NfFamily; table: string; set: string }
  | { cmd: 'flush-set'; family: NfFamily; table: string; set: string }
  /** elements in, or out (`del`); `create` refuses one already there; `at`: which element (for nft's caret) */
  | { cmd: 'elements'; family: NfFamily; table: string; set: string; elems: NftSetElem[]; del: boolean; create: boolean };

/** An nft transaction (one command line, or a whole `nft -f` file): all of it or nothing. */
export interface NfNftOp {
  op: 'nf.nft';
  edits: NftEdit[];
}
