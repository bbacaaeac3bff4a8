/**
 * The kernel's checks of where a rule may sit (xt_check_target/xt_check_match with
 * mark_source_chains in ip_tables.c; nft_chain_validate for nf_tables): a target or match
 * that only works on some hooks or in one table is refused (EINVAL) in a chain that a packet
 * of another hook can reach — directly for a base chain, through jumps for a user chain — and
 * jumps must not make a loop (ELOOP).
 */
import type { NfMatch } from './match.js';
import type { NfRule } from './rule.js';
import { findChain, type Hook, type NfTable } from './table.js';
import { TCPMSS_CLAMP_PMTU, type NfTarget } from './target.js';

const PRE = 1 << 0;
const IN = 1 << 1;
const FWD = 1 << 2;
const OUT = 1 << 3;
const POST = 1 << 4;
const HOOK_BIT: Record<Hook, number> = { prerouting: PRE, input: IN, forward: FWD, output: OUT, postrouting: POST };

/** Hooks (bit mask) a target may run at, and the table it must be in. */
function targetRule(t: NfTarget): { hooks: number; table?: string } | null {
  switch (t.kind) {
    case 'MASQUERADE':
      return { hooks: POST, table: 'nat' };
    case 'SNAT':
      return { hooks: POST | IN, table: 'nat' };
    case 'DNAT':
    case 'REDIRECT':
      return { hooks: PRE | OUT, table: 'nat' };
    // xt_NETMAP's hooks: a destination on the way in or out, a source on the way out or in
    case 'NETMAP':
      return { hooks: PRE | POST | OUT | IN, table: 'nat' };
    case 'REJECT':
      return { hooks: IN | FWD | OUT };
    // xt_ct_tg_check and ttl_tg's table: the raw table, the mangle table
    case 'NOTRACK':
      return { hooks: PRE | IN | FWD | OUT | POST, table: 'raw' };
    case 'TTL':
    case 'DSCP':
      return { hooks: PRE | IN | FWD | OUT | POST, table: 'mangle' };
    // tcpmss_tg4_check / tcpmss_tg6_check (nf_tables' `rt mtu` likewise): the path MTU is known only once routed
    case 'TCPMSS':
      return t.mss === TCPMSS_CLAMP_PMTU ? { hooks: FWD | OUT | POST } : null;
    default:
      return null;
  }
}

function matchHooks(m: NfMatch): number | null {
  if (m.kind === 'addrtype') {
    if (m.limitIn && m.limitOut) return 0;
    if (m.limitIn) return PRE | IN | FWD;
    if (m.limitOut) return OUT | FWD | POST;
  }
  // mac_mt's hooks: the frame's source address exists only on the way in
  if (m.kind === 'mac' && m.xt) return PRE | IN | FWD;
  if (m.kind === 'physdev' && (m.out || m.isOut)) {
    // --physdev-out is only known once the bridge chose a port: not on input
    return FWD | OUT | POST;
  }
  return null;
}

/** Whether one rule may sit where packets of `hooks` reach it, in table `table`. */
export function ruleAllowed(r: NfRule, table: string, hooks: number): boolean {
  // reject_tg_check / reject_tg6_check: a TCP reset only for a rule that tests -p tcp
  if (r.target.kind === 'REJECT' && r.target.with === 'tcp-reset' && (r.ip.proto !== 6 || r.ip.protoInvert)) return false;
  // xt_check_target / xt_check_match: TCPMSS and tcpmss are for `-p tcp` only (IPPROTO_TCP)
  const tcpOnly = r.target.kind === 'TCPMSS' || r.matches.some((m) => m.kind === 'field' && m.field === 'tcpmss');
  if (tcpOnly && (r.ip.proto !== 6 || r.ip.protoInvert)) return false;
  const t = targetRule(r.target);
  if (t) {
    if (t.table && t.table !== table) return false;
    if (hooks & ~t.hooks) return false;
  }
  for (const m of r.matches) {
    const h = matchHooks(m);
    if (h !== null && hooks & ~h) return false;
  }
  return true;
}

/**
 * The hooks that reach each chain of a table (a base chain's own, a user chain's through the
 * jumps to it), or 'loop' when jumps make a cycle.
 */
export function reachingHooks(t: NfTable): Map<string, number> | 'loop' {
  const out = new Map<string, number>();
  for (const c of t.chains) out.set(c.name, c.base ? HOOK_BIT[c.base.hook] : 0);
  /** the hooks each chain was fully explored with: walking it again with no new hook finds nothing new (a cycle through it was found the first time) */
  const done = new Map<string, number>();
  let loop = false;
  const visit = (name: string, hooks: number, path: Set<string>) => {
    if (loop) return;
    if (path.has(name)) {
      loop = true;
      return;
    }
    const seen = done.get(name) ?? 0;
    if ((seen & hooks) === hooks && done.has(name)) return;
    const c = findChain(t, name);
    if (!c) return;
    const had = out.get(name) ?? 0;
    if (c.base === null) out.set(name, had | hooks);
    path.add(name);
    for (const r of c.rules) if (r.target.kind === 'jump') visit(r.target.chain, hooks, path);
    path.delete(name);
    done.set(name, seen | hooks);
  };
  for (const c of t.chains) {
    if (!c.base) continue;
    visit(c.name, HOOK_BIT[c.base.hook], new Set());
  }
  return loop ? 'loop' : out;
}

/** The first chain and rule of `t` the kernel would refuse, or 'loop', or null when the table is fine. */
export function validateTable(t: NfTable): { chain: string } | 'loop' | null {
  const hooks = reachingHooks(t);
  if (hooks === 'loop') return 'loop';
  for (const c of t.chains) {
    const h = hooks.get(c.name) ?? 0;
    for (const r of c.rules) if (!ruleAllowed(r, t.name, h)) return { chain: c.name };
  }
  return null;
}
