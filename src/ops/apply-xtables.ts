/**
 * iptables' requests against the namespace's tables, with the kernel's checks and errnos
 * (nf_tables for iptables-nft, x_tables through libiptc for the legacy tools). The backends
 * differ in what exists before a command makes it: a legacy table has all its builtin chains
 * as soon as any tool touches it; iptables-nft makes a table and each builtin chain the first
 * time a command needs it, so listing an untouched one shows the tool's stand-in (no rules,
 * ACCEPT, zero counters) and packets on that hook meet nothing. One edit checks everything
 * before it changes anything; several edits (iptables-restore) run on copies of the tables
 * they touch and replace them only when all succeeded.
 */
import { nfState, type NetfilterState, type NfBackend, type XtFamily } from '../model/netfilter/state.js';
import { addChain, chainRefs, cloneTable, findChain, newTable, XT_TABLES, xtBuiltin, type NfChain, type NfTable, type XtTableName } from '../model/netfilter/table.js';
import { sameRule, type NfRule } from '../model/netfilter/rule.js';
import { reachingHooks, ruleAllowed } from '../model/netfilter/validate.js';
import { xtLimitOverflows } from '../model/netfilter/xt-limit.js';
import type { OpContext } from './context.js';
import { NfOpError, type BatchFailure, type XtCall } from './nf-errors.js';
import type { NfXtOp, XtEdit } from './nf-op.js';

/** Which tables an Op works on: the live ones, or copies when it has several edits. */
class Tables {
  private readonly work = new Map<string, NfTable>();

  constructor(
    private readonly st: NetfilterState,
    private readonly backend: NfBackend,
    private readonly copy: boolean,
    private readonly family: XtFamily = 'ip',
    /** the kernel has nf_tables for this family (UML's 6.1 has none: nf_tables_ipv4, _ipv6 off) */
    private readonly nftFamily = true,
  ) {}

  /** The table, if it exists (a legacy table always does once touched). */
  get(name: string): NfTable | undefined {
    const w = this.work.get(name);
    if (w) return w;
    let t = this.st.xtTable(this.backend, name, this.family);
    if (!t && this.backend === 'legacy') t = legacyTable(this.st, name, this.family);
    if (t && this.copy) {
      t = cloneTable(t);
      this.work.set(name, t);
    } else if (t && this.backend === 'legacy') this.work.set(name, t);
    return t;
  }

  /** The table, made now (nft: an empty table owned by iptables). */
  make(name: string): NfTable {
    const t = this.get(name);
    if (t) return t;
    if (!this.nftFamily && this.backend === 'nft') throw new NfOpError('EOPNOTSUPP', 'table_add', { what: 'TABLE_ADD', object: `table ${name}` });
    const made = newTable(this.family, name, 'iptables', this.st.nextTableHandle++);
    this.work.set(name, made);
    return made;
  }

  /** Puts the working tables in place of the live ones. */
  commit(): void {
    for (const [name, t] of this.work) {
      if (this.backend === 'legacy') {
        // the whole table is replaced: every match's checkentry runs again (xt_limit refills)
        t.legacy = true;
        t.gen = (t.gen ?? 0) + 1;
        this.st.legacyOf(this.family).set(name as XtTableName, t);
        continue;
      }
      const i = this.st.tables.findIndex((x) => x.family === this.family && x.name === name);
      if (i < 0) this.st.tables.push(t);
      else this.st.tables[i] = t;
    }
  }
}

/** A legacy table as the kernel makes it on first use: every builtin chain, ACCEPT. */
function legacyTable(st: NetfilterState, name: string, family: XtFamily): NfTable | undefined {
  const spec = (XT_TABLES as Record<string, (typeof XT_TABLES)[XtTableName]>)[name];
  if (!spec) return undefined;
  const t = newTable(family, name, 'iptables', st.nextTableHandle++);
  for (const c of spec) addChain(t, c.name, { hook: c.hook, priority: c.priority, type: c.type });
  return t;
}

/**
 * Runs an iptables request. Throws NfOpError with the kernel's errno (and, for nf_tables, the
 * batch message that failed) and changes nothing when refused.
 *
 * @example
 * apply(ctx, { op: 'nf.xt', backend: 'nft', edits: [{ cmd: 'policy', table: 'filter', chain: 'FORWARD', policy: 'DROP', counters: null }] });
 */
export function applyXt(ctx: OpContext, op: NfXtOp): void {
  const st = nfState(ctx.ns);
  const nftFamily = ctx.ns.host.lab.kernel.netfilter.includes(op.family === 'ip6' ? 'nf_tables_ipv6' : 'nf_tables_ipv4');
  const tables = new Tables(st, op.backend, op.edits.length > 1 || op.dryRun === true, op.family, nftFamily);
  op.edits.forEach((e, i) => {
    try {
      if (op.checkJumps && 'rule' in e && e.rule.target.kind === 'jump') {
        const t = tables.get(e.table);
        if (!t || !findChain(t, e.rule.target.chain)) fail('ENOENT', 'jump');
      }
      runEdit(tables, op.backend, e, ctx.ns.host.lab.kernel.hz ?? 250);
    } catch (err) {
      if (err instanceof NfOpError) err.edit = i;
      throw err;
    }
  });
  if (op.dryRun) return;
  tables.commit();
  st.changed(op.edits.some((e) => 'rule' in e && e.rule.matches.some((m) => m.kind === 'recent')));
  ctx.ns.touch();
}

function fail(errno: NfOpError['errno'], call: XtCall, batch: BatchFailure | null = null): never {
  throw new NfOpError(errno, call, batch);
}

/** A chain that exists, or (nft) a builtin one to be made by this edit; null when neither. */
function chainFor(t: NfTable | undefined, table: string, chain: string): { chain: NfChain | null; builtin: boolean } | null {
  const c = t ? findChain(t, chain) : undefined;
  if (c) return { chain: c, builtin: c.base !== null };
  return xtBuiltin(table, chain) ? { chain: null, builtin: true } : null;
}

/** The chain, made if it is an nft builtin that does not exist yet (without counters: nft_chain_builtin_alloc). */
function ensure(tables: Tables, table: string, chain: string): NfChain {
  const t = tables.make(table);
  const c = findChain(t, chain);
  if (c) return c;
  const b = xtBuiltin(table, chain)!;
  const made = addChain(t, chain, { hook: b.hook, priority: b.priority, type: b.type });
  made.noStats = true;
  return made;
}

/** The kernel's refusal of `rule` in `chain`: a target or match for other hooks or tables. */
function checkPlacement(tables: Tables, table: string, chain: string, rule: NfRule, backend: NfBackend, what: BatchFailure['what'], call: XtCall, hz: number): void {
  // xt_limit's checkentry (iptables-nft hands nf_tables a limit, which takes burst 0 as 5)
  if (backend === 'legacy' && rule.matches.some((m) => m.kind === 'limit' && m.xt && xtLimitOverflows(m.xt.avg, m.xt.burst, hz))) fail('ERANGE', call);
  // recent_mt_check: --set and --remove take no --seconds, --hitcount, --reap or --rttl
  if (rule.matches.some((m) => m.kind === 'recent' && (m.op === 'set' || m.op === 'remove') && (m.seconds || m.hitCount || m.reap || m.ttl))) {
    fail('EINVAL', call, backend === 'nft' ? { what, object: `rule in chain ${chain}` } : null);
  }
  const restricted =
    rule.target.kind === 'jump' ||
    rule.target.kind === 'MASQUERADE' ||
    rule.target.kind === 'SNAT' ||
    rule.target.kind === 'DNAT' ||
    rule.target.kind === 'REDIRECT' ||
    rule.target.kind === 'NETMAP' ||
    rule.target.kind === 'REJECT' ||
    rule.target.kind === 'NOTRACK' ||
    rule.target.kind === 'TTL' ||
    rule.target.kind === 'DSCP' ||
    rule.target.kind === 'TCPMSS' ||
    rule.matches.some((m) => m.kind === 'addrtype' || m.kind === 'physdev' || m.kind === 'mac' || (m.kind === 'field' && m.field === 'tcpmss'));
  if (!restricted) return;
  const t = tables.get(table);
  const b = xtBuiltin(table, chain);
  let hooks = 0;
  if (t) {
    const h = reachingHooks(t);
    if (h !== 'loop') hooks = h.get(chain) ?? 0;
  }
  if (b && !(t && findChain(t, chain))) hooks = 1 << ['prerouting', 'input', 'forward', 'output', 'postrouting'].indexOf(b.hook);
  const bad = (): never => fail('EINVAL', call, backend === 'nft' ? { what, object: `rule in chain ${chain}` } : null);
  if (!ruleAllowed(rule, table, hooks)) bad();
  // tcpmss_tg4_check's find_syn_match, which nft_compat (and iptables-nft's native `tcp option maxseg size set`) skips
  if (backend === 'legacy' && rule.target.kind === 'TCPMSS' && !rule.matches.some((m) => m.kind === 'tcp' && m.flagCmp & 0x02 && !m.flagsInvert)) bad();
  if (rule.target.kind === 'jump' && t) {
    // the chain jumped to now also runs at these hooks, and must not lead back here
    const probe = cloneTable(t);
    const c = findChain(probe, chain) ?? addChain(probe, chain, b ? { hook: b.hook, priority: b.priority, type: b.type } : null);
    c.rules = [...c.rules, rule];
    const h = reachingHooks(probe);
    if (h === 'loop') fail('ELOOP', call, backend === 'nft' ? { what, object: `rule in chain ${chain}` } : null);
    for (const x of probe.chains) for (const r of x.rules) if (!ruleAllowed(r, table, h.get(x.name) ?? 0)) bad();
  }
}

function runEdit(tables: Tables, backend: NfBackend, e: XtEdit, hz: number): void {
  switch (e.cmd) {
    case 'append':
    case 'insert': {
      const call: XtCall = e.cmd === 'append' ? 'rule_append' : 'rule_insert';
      const found = chainFor(tables.get(e.table), e.table, e.chain);
      if (!found) fail('ENOENT', call);
      const len = found.chain?.rules.length ?? 0;
      if (e.cmd === 'insert' && e.rulenum > len + 1) fail('E2BIG', 'rule_insert');
      checkPlacement(tables, e.table, e.chain, e.rule, backend, e.cmd === 'append' ? 'RULE_APPEND' : 'RULE_INSERT', call, hz);
      const c = ensure(tables, e.table, e.chain);
      const rule = { ...e.rule, handle: tables.make(e.table).nextHandle++ };
      if (e.cmd === 'append') c.rules.push(rule);
      else c.rules.splice(e.rulenum - 1, 0, rule);
      return;
    }
    case 'delete':
    case 'check': {
      const call: XtCall = e.cmd === 'delete' ? 'rule_delete' : 'rule_check';
      const found = chainFor(tables.get(e.table), e.table, e.chain);
      if (!found) fail('ENOENT', call);
      const rules = found.chain?.rules ?? [];
      const i = rules.findIndex((r) => sameRule(r, e.rule));
      if (i < 0) fail('ENOENT', call);
      if (e.cmd === 'delete') found.chain!.rules.splice(i, 1);
      return;
    }
    case 'delete-num':
    case 'replace': {
      const call: XtCall = e.cmd === 'replace' ? 'rule_replace' : 'rule_delete_num';
      const t = tables.get(e.table);
      const c = t ? findChain(t, e.chain) : undefined;
      if (!c) fail(backend === 'legacy' && xtBuiltin(e.table, e.chain) ? 'E2BIG' : 'ENOENT', call);
      if (e.rulenum > c.rules.length) fail('E2BIG', call);
      if (e.cmd === 'delete-num') {
        c.rules.splice(e.rulenum - 1, 1);
        return;
      }
      checkPlacement(tables, e.table, e.chain, e.rule, backend, 'RULE_REPLACE', call, hz);
      c.rules[e.rulenum - 1] = { ...e.rule, handle: c.rules[e.rulenum - 1]!.handle };
      return;
    }
    case 'flush': {
      if (e.chain === null) {
        const t = tables.get(e.table);
        if (t) for (const c of t.chains) c.rules = [];
        return;
      }
      if (!chainFor(tables.get(e.table), e.table, e.chain)) fail('ENOENT', 'rule_flush');
      ensure(tables, e.table, e.chain).rules = [];
      return;
    }
    case 'zero': {
      const t = tables.get(e.table);
      if (e.chain === null) {
        if (t) for (const c of t.chains) zeroChain(c);
        return;
      }
      const c = t ? findChain(t, e.chain) : undefined;
      if (!c) {
        if (xtBuiltin(e.table, e.chain)) return;
        fail('ENOENT', 'chain_zero');
      }
      if (e.rulenum === null) zeroChain(c);
      else {
        const r = c.rules[e.rulenum - 1];
        if (!r) fail('E2BIG', 'chain_zero');
        if (r.counters) r.counters = { pkts: 0, bytes: 0 };
      }
      return;
    }
    case 'new-chain': {
      const t = tables.get(e.table);
      if ((t && findChain(t, e.chain)) || xtBuiltin(e.table, e.chain)) fail('EEXIST', 'chain_user_add');
      addChain(tables.make(e.table), e.chain, null);
      return;
    }
    case 'delete-chain':
      deleteChain(tables, backend, e.table, e.chain);
      return;
    case 'rename-chain': {
      const t = tables.get(e.table);
      const c = t ? findChain(t, e.chain) : undefined;
      if (!t || !c || c.base) fail(backend === 'legacy' && c?.base ? 'EINVAL' : 'ENOENT', 'chain_user_rename');
      if (findChain(t, e.newname) || xtBuiltin(e.table, e.newname)) fail('EEXIST', 'chain_user_rename');
      for (const x of t.chains) for (const r of x.rules) if (r.target.kind === 'jump' && r.target.chain === e.chain) r.target = { ...r.target, chain: e.newname };
      c.name = e.newname;
      return;
    }
    case 'policy': {
      if (!xtBuiltin(e.table, e.chain)) fail('ENOENT', 'chain_set');
      const c = ensure(tables, e.table, e.chain);
      c.policy = e.policy;
      delete c.noStats;
      if (e.counters) c.policyCounters = { ...e.counters };
      return;
    }
    case 'restore-chain': {
      const t = tables.make(e.table);
      const c = findChain(t, e.chain);
      if (c) c.rules = [];
      else addChain(t, e.chain, null);
      return;
    }
    case 'instantiate':
      tables.get(e.table);
      return;
    case 'restore-table': {
      const t = tables.make(e.table);
      if (backend === 'legacy') {
        t.chains = t.chains.filter((c) => c.base);
        for (const c of t.chains) {
          c.rules = [];
          c.policy = 'ACCEPT';
        }
      } else t.chains = [];
      return;
    }
  }
}

function zeroChain(c: NfChain): void {
  c.policyCounters = { pkts: 0, bytes: 0 };
  delete c.noStats;
  for (const r of c.rules) if (r.counters) r.counters = { pkts: 0, bytes: 0 };
}

/** -X: a user chain, or every user chain; one in use or not empty stops the whole command. */
function deleteChain(tables: Tables, backend: NfBackend, table: string, name: string | null): void {
  const t = tables.get(table);
  const targets = name === null ? (t?.chains.filter((c) => !c.base) ?? []) : [t ? findChain(t, name) : undefined];
  for (const c of targets) {
    if (!c) fail('ENOENT', 'chain_del');
    if (c.base) fail(backend === 'legacy' ? 'EINVAL' : 'ENOENT', 'chain_del');
    const busy = (errno: 'EMLINK' | 'ENOTEMPTY'): never => fail(backend === 'nft' ? 'EBUSY' : errno, 'chain_del', backend === 'nft' ? { what: 'CHAIN_DEL', object: `chain ${c.name}` } : null);
    if (chainRefs(t!, c.name) > 0) busy('EMLINK');
    if (c.rules.length > 0) busy('ENOTEMPTY');
  }
  if (!t) return;
  const gone = new Set(targets);
  t.chains = t.chains.filter((c) => !gone.has(c));
}
