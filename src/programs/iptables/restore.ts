/**
 * `iptables-restore` (iptables/xtables-restore.c for iptables-nft, iptables-restore.c for the
 * legacy tool, 1.8.9) reading its input from stdin: `*table` opens a table (emptied first
 * unless --noflush), `:CHAIN POLICY [p:b]` sets a builtin chain's policy or makes a user chain,
 * other lines are iptables commands of that table, `COMMIT` applies the table's commands as one
 * transaction. A line iptables cannot parse stops everything at once (exit 2); a command the
 * kernel refuses fails the whole table at its COMMIT (iptables-nft) or at its line (legacy).
 */
import type { CmdContext, CommandResult } from '../../iproute2/types.js';
import { nfState, type XtFamily } from '../../model/netfilter/state.js';
import { xtBuiltin, XT_TABLE_NAMES } from '../../model/netfilter/table.js';
import { apply } from '../../ops/apply.js';
import { NfOpError } from '../../ops/nf-errors.js';
import type { XtEdit } from '../../ops/nf-op.js';
import { IptError, kernelError, OTHER_PROBLEM, PARAMETER_PROBLEM, versionText, xtError, type Flavour } from './errors.js';
import { checkChainName, parseCommand } from './parse.js';
import { CMD } from './parse.js';
import { checkJump, editsOf, familyOf } from './iptables.js';
import { glibcGetopt } from './restore-options.js';

/** add_param_to_argv: a rule line's words, with iptables-restore's own quoting. */
export function restoreWords(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let has = false;
  let open = false;
  let esc = false;
  for (const ch of line) {
    if (open) {
      if (esc) {
        cur += ch;
        esc = false;
        continue;
      }
      if (ch === '\\') {
        esc = true;
        continue;
      }
      if (ch !== '"') {
        cur += ch;
        continue;
      }
      open = false;
    } else if (ch === '"') {
      open = true;
      has = true;
      continue;
    }
    if (ch === '"') {
      out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    if (ch === ' ' || ch === '\t' || ch === '\n') {
      if (!cur.length && !has) continue;
      out.push(cur);
      cur = '';
      has = false;
      continue;
    }
    cur += ch;
  }
  if (cur.length) out.push(cur);
  return out;
}

interface Pending {
  line: number;
  edit: XtEdit;
  /** a policy nft_chain_set refuses (EINVAL) when the batch reaches it */
  badPolicy?: boolean;
}

/**
 * Runs iptables-restore (any of its names) on `stdin` in the context's namespace.
 *
 * @example
 * runIptablesRestore(ctx, ['--noflush'], 'iptables-restore', '*nat\n-A POSTROUTING -j MASQUERADE\nCOMMIT\n');
 */
export function runIptablesRestore(ctx: CmdContext, argv: string[], program: string, stdin: string): CommandResult {
  const base = program.replace(/^.*\//, '');
  // iptables-nft-restore names itself as called; the legacy tool is always iptables-restore
  const legacy = program.includes('legacy');
  const family: XtFamily = base.startsWith('ip6') ? 'ip6' : 'ip';
  const tool = family === 'ip6' ? 'ip6tables-restore' : 'iptables-restore';
  const f: Flavour = { prog: legacy ? tool : base, backend: legacy ? 'legacy' : 'nft', family };
  const o = glibcGetopt(base, argv, 'bcvVthnM:T:w::W::', {
    counters: 'c',
    verbose: 'v',
    version: 'V',
    test: 't',
    help: 'h',
    noflush: 'n',
    modprobe: 'M:',
    table: 'T:',
    ipv4: '4',
    ipv6: '6',
    wait: 'w::',
    'wait-interval': 'W::',
  });
  if ('error' in o) return { exit: 1, stdout: '', stderr: `${o.error}Try \`${base} -h' for more information.\n` };
  let counters = false;
  let noflush = false;
  let testing = false;
  let only: string | null = null;
  for (const [k, v] of o.options) {
    if (k === 'c') counters = true;
    else if (k === 'n') noflush = true;
    else if (k === 't') testing = true;
    else if (k === 'T') only = v;
    else if (k === 'V') return { exit: 0, stdout: `${f.backend === 'nft' ? base : tool} ${versionText(f)}\n`, stderr: '' };
    else if (k === 'M' || k === 'h' || k === 'v' || k === 'b' || k === (family === 'ip6' ? '4' : '6'))
      return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${base} -${k} is not modelled\n`, unsupported: true };
  }
  if (o.rest.length) return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${base} reading a file is not modelled\n`, unsupported: true };
  try {
    return restore(ctx, f, stdin, { counters, noflush, testing, only });
  } catch (e) {
    if (e instanceof IptError) return { exit: e.exit, stdout: '', stderr: e.stderr };
    throw e;
  }
}

function restore(ctx: CmdContext, f: Flavour, stdin: string, o: { counters: boolean; noflush: boolean; testing: boolean; only: string | null }): CommandResult {
  const lines = stdin.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  let table: string | null = null;
  let inTable = false;
  /** the lines of a table -T leaves out are read past */
  let skipping = false;
  let pending: Pending[] = [];
  const failed = (n: number, words = '') => new IptError(`${f.prog}: line ${n} failed${words}\n`, 1);
  for (let i = 0; i < lines.length; i++) {
    const n = i + 1;
    const raw = lines[i]!;
    if (raw === '') continue;
    if (raw[0] === '#') continue;
    if (inTable && /^COMMIT\s*$/.test(raw) && raw.startsWith('COMMIT') && (raw.length === 6 || raw[6] === '\r' || raw.length === 6)) {
      if (!o.testing) commit(ctx, f, pending, n);
      pending = [];
      inTable = false;
      continue;
    }
    if (raw[0] === '*' && !inTable) {
      const name = raw
        .slice(1)
        .split(/[ \t]/)
        .filter((w) => w !== '')[0];
      if (!name) throw xtError(f, PARAMETER_PROBLEM, `${f.prog}: line ${n} table name invalid`, n);
      if (!(XT_TABLE_NAMES as readonly string[]).includes(name)) {
        if (name === 'security') throw new IptError(`nettwin: unsupported: the security table is not modelled\n`, 127);
        throw xtError(f, PARAMETER_PROBLEM, `${f.prog}: line ${n} table name '${name}' invalid`, n);
      }
      table = name;
      skipping = o.only !== null && o.only !== name;
      if (skipping) continue;
      if (!o.noflush) pending.push({ line: n, edit: { cmd: 'restore-table', table: name } });
      inTable = true;
      continue;
    }
    if (raw[0] === ':' && inTable) {
      const words = raw
        .slice(1)
        .split(/[ \t]+/)
        .filter((w) => w !== '');
      const chain = words[0];
      if (!chain) throw xtError(f, PARAMETER_PROBLEM, `${f.prog}: line ${n} chain name invalid`, n);
      checkChainName(f, chain, n);
      const policy = words[1];
      if (!policy) throw xtError(f, PARAMETER_PROBLEM, `${f.prog}: line ${n} policy invalid`, n);
      if (xtBuiltin(table!, chain)) {
        let ctrs: { pkts: number; bytes: number } | null = null;
        if (o.counters) {
          const m = /^\[(\d+):(\d+)\]/.exec(words[2] ?? '');
          if (!m) throw xtError(f, PARAMETER_PROBLEM, `invalid policy counters for chain '${chain}'`, n);
          ctrs = { pkts: Number(m[1]), bytes: Number(m[2]) };
        }
        if (policy !== 'ACCEPT' && policy !== 'DROP') {
          if (f.backend === 'legacy') throw xtError(f, OTHER_PROBLEM, `Can't set policy \`${policy}' on \`${chain}' line ${n}: Bad built-in chain name`);
          pending.push({ line: n, edit: { cmd: 'policy', table: table!, chain, policy: 'ACCEPT', counters: ctrs }, badPolicy: true });
          continue;
        }
        pending.push({ line: n, edit: { cmd: 'policy', table: table!, chain, policy, counters: ctrs } });
      } else pending.push({ line: n, edit: { cmd: 'restore-chain', table: table!, chain } });
      continue;
    }
    if (inTable) {
      let rest = raw;
      let ctr: [string, string] | null = null;
      if (rest[0] === '[') {
        const close = rest.indexOf(']');
        if (close < 0) throw xtError(f, PARAMETER_PROBLEM, `Bad line ${n}: need ]`, n);
        const colon = rest.indexOf(':');
        if (colon < 0 || colon > close) throw xtError(f, PARAMETER_PROBLEM, `Bad line ${n}: need ]`, n);
        ctr = [rest.slice(1, colon), rest.slice(colon + 1, close)];
        rest = rest.slice(close + 1);
      }
      const argv = ['-t', table!, ...(o.counters && ctr ? ['--set-counters', ctr[0], ctr[1]] : []), ...restoreWords(rest)];
      const p = parseCommand(f, argv, { restore: true, line: n });
      if (p.unmodelled) throw new IptError(`nettwin: unsupported: ${p.unmodelled} is not modelled\n`, 127);
      if (f.backend === 'legacy') {
        // libiptc works on its copy of the table line by line: a refusal names the line
        const t = nfState(ctx.ns).xtTable('legacy', table!, familyOf(f));
        // a chain this table's own lines made before is there in libiptc's copy
        const made = pending.some((x) => (x.edit.cmd === 'restore-chain' || x.edit.cmd === 'new-chain') && x.edit.table === table && x.edit.chain === p.jumpChain);
        try {
          if (!made) checkJump(f, t, p, n);
        } catch (e) {
          if (e instanceof IptError) throw e;
        }
      }
      if (p.command & (CMD.LIST | CMD.LIST_RULES)) throw new IptError('nettwin: unsupported: a listing inside iptables-restore is not modelled\n', 127);
      if (p.command === CMD.SET_POLICY) {
        if (p.policy !== 'ACCEPT' && p.policy !== 'DROP') throw failed(n, ': Bad policy name.');
        pending.push({ line: n, edit: { cmd: 'policy', table: table!, chain: p.chain!, policy: p.policy, counters: null } });
        continue;
      }
      for (const e of editsOf(p)) pending.push({ line: n, edit: e });
      continue;
    }
    if (skipping) continue;
    throw failed(n);
  }
  if (inTable) throw new IptError(`${f.prog}: COMMIT expected at line ${lines.length + 1}\n`, 1);
  return { exit: 0, stdout: '', stderr: '' };
}

/** One table's transaction: all its commands, in order, or none. */
function commit(ctx: CmdContext, f: Flavour, pending: Pending[], commitLine: number): void {
  const badAt = pending.findIndex((p) => p.badPolicy);
  const st = nfState(ctx.ns);
  // deleting a chain that is not there is no error inside iptables-restore
  const edits = (badAt < 0 ? pending : pending.slice(0, badAt)).filter(
    (p) => !(p.edit.cmd === 'delete-chain' && p.edit.chain !== null && !st.xtTable(f.backend, p.edit.table, familyOf(f))?.chains.some((c) => c.name === (p.edit as { chain: string }).chain)),
  );
  try {
    apply(ctx, { op: 'nf.xt', backend: f.backend, family: familyOf(f), edits: edits.map((p) => p.edit), checkJumps: true, dryRun: badAt >= 0 });
  } catch (e) {
    if (!(e instanceof NfOpError)) throw e;
    const p = edits[e.edit]!;
    if (e.call === 'jump') {
      const target = (p.edit as { rule: { target: { chain: string } } }).rule.target.chain;
      if (f.backend === 'nft') throw xtError(f, PARAMETER_PROBLEM, `Chain '${target}' does not exist`, commitLine);
      throw xtError(f, PARAMETER_PROBLEM, `Couldn't load target \`${target}':No such file or directory\n`, p.line);
    }
    if (f.backend === 'legacy') throw new IptError(`${f.prog}: line ${p.line} failed\n`, 1);
    if (e.batch) throw kernelError(f, e, p.line);
    throw new IptError(`${f.prog}: line ${p.line} failed: ${kernelError(f, e).stderr.replace(/^[^:]+: /, '')}`, 1);
  }
  if (badAt >= 0) throw new IptError(`${f.prog}: line ${pending[badAt]!.line} failed: Bad policy name.\n`, 1);
}
