/**
 * Netfilter Ops: what iptables (either backend) asks of the kernel. One Op is one
 * transaction: an iptables command is one edit, an iptables-restore COMMIT is all the edits of
 * a table, applied together or not at all.
 */
import type { Counters, NfRule } from '../model/netfilter/rule.js';
import type { NfBackend } from '../model/netfilter/state.js';
import type { Policy } from '../model/netfilter/table.js';

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
  edits: XtEdit[];
  /**
   * refuse a rule that jumps to a chain missing at that point of the Op (iptables-nft-restore's
   * check before its batch; a lone iptables command checks it itself)
   */
  checkJumps?: boolean;
  /** check everything and change nothing */
  dryRun?: boolean;
}
