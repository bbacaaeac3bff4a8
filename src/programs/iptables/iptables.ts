/**
 * `iptables` (and iptables-nft, iptables-legacy): one command line parsed as iptables 1.8.9
 * parses it, then run against the namespace's tables as one Op, or listed. What the tool
 * prints — its listings, its errors and their exit statuses — is iptables' own, per backend.
 */
import type { NfBackend, XtFamily } from '../../model/netfilter/state.js';
import { nfState } from '../../model/netfilter/state.js';
import { findChain, type NfTable, XT_TABLE_NAMES, xtBuiltin } from '../../model/netfilter/table.js';
import { apply } from '../../ops/apply.js';
import { NfOpError } from '../../ops/nf-errors.js';
import type { XtEdit } from '../../ops/nf-op.js';
import type { CmdContext, CommandResult } from '../../iproute2/types.js';
import { IptError, kernelError, OTHER_PROBLEM, PARAMETER_PROBLEM, VERSION_PROBLEM, versionText, xtError, type Flavour } from './errors.js';
import { FMT, listedChains, listHeader, listRule, saveRule } from './listing.js';
import { CMD, OPT, parseCommand, type Parsed } from './parse.js';

/** The backend each name of the tool uses (Debian 12: iptables is iptables-nft). */
export function flavourOf(program: string): Flavour {
  const backend: NfBackend = program.includes('legacy') ? 'legacy' : 'nft';
  const restore = program.endsWith('-restore');
  const save = program.endsWith('-save');
  const family: XtFamily = program.startsWith('ip6') ? 'ip6' : 'ip';
  const base = family === 'ip6' ? 'ip6tables' : 'iptables';
  return { prog: restore ? `${base}-restore` : save ? `${base}-save` : base, backend, family };
}

/** The family a flavour writes (iptables: ip, ip6tables: ip6). */
export function familyOf(f: Flavour): XtFamily {
  return f.family ?? 'ip';
}

/** The tool's own name without -save/-restore: `iptables` or `ip6tables`. */
export function toolName(f: Flavour): string {
  return familyOf(f) === 'ip6' ? 'ip6tables' : 'iptables';
}

function unsupported(why: string): CommandResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why} is not modelled\n`, unsupported: true };
}

/**
 * Runs one iptables command line in the context's namespace.
 *
 * @example
 * runIptables(ctx, ['-t', 'nat', '-A', 'POSTROUTING', '-s', '10.0.0.0/24', '-j', 'MASQUERADE'], 'iptables');
 */
export function runIptables(ctx: CmdContext, argv: string[], program = 'iptables'): CommandResult {
  const f = flavourOf(program);
  try {
    const p = parseCommand(f, argv);
    if (p.unmodelled) return unsupported(p.unmodelled);
    if (p.version) return { exit: 0, stdout: `${toolName(f)} ${versionText(f)}\n`, stderr: '' };
    return execute(ctx, f, p, -1);
  } catch (e) {
    if (e instanceof IptError) return { exit: e.exit, stdout: '', stderr: e.stderr };
    throw e;
  }
}

/** The table check of do_commandx (nft) and of libiptc's init (legacy). */
export function checkTable(f: Flavour, table: string, line = -1): CommandResult | null {
  if ((XT_TABLE_NAMES as readonly string[]).includes(table)) return null;
  if (table === 'security') return unsupported('the security table');
  if (f.backend === 'nft') throw xtError(f, VERSION_PROBLEM, `table '${table}' does not exist`, line);
  throw xtError(f, VERSION_PROBLEM, `can't initialize ${toolName(f)} table \`${table}': Table does not exist (do you need to insmod?)`, line);
}

/** A `-j CHAIN` whose chain the table does not have (nft checks it first; legacy cannot load it as a target). */
export function checkJump(f: Flavour, t: NfTable | undefined, p: Parsed, line = -1): void {
  if (!p.jumpChain || !p.rules.length) return;
  if (t && findChain(t, p.jumpChain)) return;
  if (f.backend === 'nft') throw xtError(f, PARAMETER_PROBLEM, `Chain '${p.jumpChain}' does not exist`, line);
  throw xtError(f, PARAMETER_PROBLEM, `Couldn't load target \`${p.jumpChain}':No such file or directory\n`, line);
}

/** The edits a rule or chain command asks for (one per rule for several addresses). */
export function editsOf(p: Parsed): XtEdit[] {
  const table = p.table;
  const chain = p.chain!;
  const c = p.command;
  if (c === CMD.APPEND) return p.rules.map((rule) => ({ cmd: 'append', table, chain, rule }));
  if (c === CMD.INSERT) return p.rules.map((rule) => ({ cmd: 'insert', table, chain, rulenum: p.rulenum, rule }));
  if (c === CMD.DELETE) return p.rules.map((rule) => ({ cmd: 'delete', table, chain, rule }));
  if (c === CMD.CHECK) return p.rules.map((rule) => ({ cmd: 'check', table, chain, rule }));
  if (c === CMD.REPLACE) return [{ cmd: 'replace', table, chain, rulenum: p.rulenum, rule: p.rules[0]! }];
  if (c === CMD.DELETE_NUM) return [{ cmd: 'delete-num', table, chain, rulenum: p.rulenum }];
  if (c === CMD.FLUSH) return [{ cmd: 'flush', table, chain: p.chain }];
  if (c === CMD.ZERO) return [{ cmd: 'zero', table, chain: p.chain, rulenum: null }];
  if (c === CMD.ZERO_NUM) return [{ cmd: 'zero', table, chain: p.chain, rulenum: p.rulenum }];
  if (c === CMD.NEW_CHAIN) return [{ cmd: 'new-chain', table, chain }];
  if (c === CMD.DELETE_CHAIN) return [{ cmd: 'delete-chain', table, chain: p.chain }];
  if (c === CMD.RENAME_CHAIN) return [{ cmd: 'rename-chain', table, chain, newname: p.newname! }];
  return [];
}

function execute(ctx: CmdContext, f: Flavour, p: Parsed, line: number): CommandResult {
  const refused = checkTable(f, p.table, line);
  if (refused) return refused;
  const st = nfState(ctx.ns);
  const table = st.xtTable(f.backend, p.table, familyOf(f));
  if (p.command & (CMD.LIST | CMD.LIST_RULES)) return list(ctx, f, p);
  checkJump(f, table, p, line);
  if (p.command === CMD.SET_POLICY) {
    if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') {
      // nft_chain_set / iptc_set_policy: a builtin chain with an unknown verdict
      const errno = xtBuiltin(p.table, p.chain!) ? 'EINVAL' : 'ENOENT';
      throw kernelError(f, new NfOpError(errno, 'chain_set'), line);
    }
    return run(ctx, f, [{ cmd: 'policy', table: p.table, chain: p.chain!, policy: p.policy, counters: null }], line);
  }
  const edits = editsOf(p);
  // a builtin chain of the legacy table answers -X itself; -F/-Z on a missing user chain is refused by the kernel
  return run(ctx, f, edits, line);
}

function run(ctx: CmdContext, f: Flavour, edits: XtEdit[], line: number): CommandResult {
  try {
    for (const e of edits) apply(ctx, { op: 'nf.xt', backend: f.backend, family: familyOf(f), edits: [e] });
    return { exit: 0, stdout: '', stderr: '' };
  } catch (e) {
    if (e instanceof NfOpError) throw kernelError(f, e, line);
    throw e;
  }
}

/** -L and -S (with -Z: listed, then zeroed). */
function list(ctx: CmdContext, f: Flavour, p: Parsed): CommandResult {
  const st = nfState(ctx.ns);
  const fam = familyOf(f);
  if (f.backend === 'legacy' && !st.legacyOf(fam).has(p.table as never)) {
    // libiptc makes the table in the kernel by asking for it
    apply(ctx, { op: 'nf.xt', backend: 'legacy', family: fam, edits: [{ cmd: 'instantiate', table: p.table }] });
  }
  const t = st.xtTable(f.backend, p.table, fam);
  const chains = listedChains(t, p.table, f.backend === 'nft');
  let out = '';
  const only = p.chain;
  const pick = only === null ? chains : chains.filter((c) => c.name === only);
  if (only !== null && pick.length === 0) {
    if (f.backend === 'nft') throw xtError(f, OTHER_PROBLEM, `chain \`${only}' in table \`${p.table}' is incompatible, use 'nft' tool.`);
    throw new IptError(`${toolName(f)}: No chain/target/match by that name.\n`, 1);
  }
  if (p.command & CMD.LIST) {
    let format = FMT.OPTIONS;
    if (!(p.options & OPT.VERBOSE)) format |= FMT.NOCOUNTS;
    else format |= FMT.VIA;
    if (p.options & OPT.NUMERIC) format |= FMT.NUMERIC;
    if (!(p.options & OPT.EXPANDED)) format |= FMT.KILOMEGAGIGA;
    if (p.options & OPT.LINENUMBERS) format |= FMT.LINENUMBERS;
    pick.forEach((c, i) => {
      if (p.rulenum) {
        const r = c.rules[p.rulenum - 1];
        if (r) out += listRule(r, p.rulenum, format);
        return;
      }
      if (i > 0) out += '\n';
      out += listHeader(t, c, format);
      c.rules.forEach((r, n) => {
        out += listRule(r, n + 1, format);
      });
    });
  } else {
    const counters = (p.options & OPT.VERBOSE) !== 0;
    if (!p.rulenum) {
      for (const c of pick) {
        if (!c.base) out += `-N ${c.name}\n`;
        else out += `-P ${c.name} ${c.policy}${counters ? ` -c ${c.policyCounters.pkts} ${c.policyCounters.bytes}` : ''}\n`;
      }
    }
    for (const c of pick) {
      c.rules.forEach((r, n) => {
        if (!p.rulenum || p.rulenum === n + 1) out += `-A ${c.name}${saveRule(r, counters)}\n`;
      });
    }
  }
  if (p.command & (CMD.ZERO | CMD.ZERO_NUM)) {
    const zero: XtEdit = { cmd: 'zero', table: p.table, chain: p.chain, rulenum: p.command & CMD.ZERO_NUM ? p.rulenum : null };
    run(ctx, f, [zero], -1);
  }
  const legacyNote = f.backend === 'nft' && st.legacyOf(fam).size > 0 ? `# Warning: ${toolName(f)}-legacy tables present, use ${toolName(f)}-legacy to see them\n` : '';
  return { exit: 0, stdout: out, stderr: legacyNote };
}
