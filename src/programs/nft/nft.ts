/**
 * `nft` (nftables 1.0.6): commands from the command line (its words joined by spaces) or from
 * stdin with `-f -`, evaluated against the namespace's tables and run as one transaction;
 * listings with -a (handles), -s (no counter values), -n (numeric priorities). Errors are
 * nft's: the message, the command (or the file's line, located), and carets under the words
 * the kernel or nft's own checks refused.
 */
import { nfState } from '../../model/netfilter/state.js';
import { parseElem, setText } from './sets.js';
import { findChain, type NfFamily, type NfTable } from '../../model/netfilter/table.js';
import { NftOpError } from '../../ops/apply-nftables.js';
import { apply } from '../../ops/apply.js';
import type { ProgramContext, ProgramResult } from '../program.js';
import { parseCommand, splitCommands, type NftCommand } from './commands.js';
import { lex, type Token } from './lexer.js';
import { expandDefines } from './defines.js';
import { rulesetText, tableText, type ListOptions } from './render.js';
import { NftSyntax, NftUnmodelled } from './statements.js';
import { misspellDistance, misspelt } from './misspell.js';

function unsupported(why: string): ProgramResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why} is not modelled\n`, unsupported: true };
}

/** nft's error: `[FILE:LINE:COL-END: ]Error: MSG`, the source line, carets under `tok`. */
/** One token covering a command's words on its first line (nft's location of a command). */
function spanOf(tokens: Token[]): Token | null {
  const real = tokens.filter((t) => t.kind !== 'newline');
  const first = real[0];
  if (!first) return null;
  const onLine = real.filter((t) => t.line === first.line);
  const last = onLine[onLine.length - 1]!;
  // a command of its own (`add rule …`) reaches one column past its last word; a rule inside a block does not
  const verb = /^(?:add|insert|replace|create)$/.test(first.text) ? 1 : 0;
  return { ...first, len: last.col + last.len - first.col + verb };
}

function errorText(msg: string, tok: Token | null, lines: string[], file: boolean, last: Token | null): string {
  const t = tok ?? last;
  if (!t) return `Error: ${msg}\n`;
  const src = lines[t.line - 1] ?? '';
  const len = tok ? Math.max(1, t.len) : 1;
  const col = tok ? t.col : t.col + t.len;
  const where = file ? `/dev/stdin:${t.line}:${col}-${col + len - 1}: ` : '';
  // erec_print keeps the line's tabs under it, so the caret lines up however tabs are shown
  const pad = [...src.slice(0, col - 1)].map((ch) => (ch === '\t' ? '\t' : ' ')).join('') + ' '.repeat(Math.max(0, col - 1 - src.length));
  return `${where}Error: ${msg}\n${src}\n${pad}${'^'.repeat(len)}\n`;
}

/**
 * Runs nft in the context's namespace.
 *
 * @example
 * runNft(ctx, ['add', 'table', 'inet', 'fw']);
 * runNft(ctx, ['list', 'ruleset']).stdout; // "table inet fw {\n}\n"
 */
export function runNft(ctx: ProgramContext, argv: string[]): ProgramResult {
  const o: ListOptions = { handles: false, stateless: false, numeric: false };
  let file = false;
  let i = 0;
  for (; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      i++;
      break;
    }
    if (!a.startsWith('-') || a === '-') break;
    if (a === '-a' || a === '--handle') o.handles = true;
    else if (a === '-s' || a === '--stateless') o.stateless = true;
    else if (a === '-n' || a === '--numeric') o.numeric = true;
    else if (a === '-f' || a === '--file') {
      if (argv[i + 1] !== '-') return unsupported('nft -f FILE');
      file = true;
      i++;
    } else if (/^-[asn]+$/.test(a)) {
      o.handles ||= a.includes('a');
      o.stateless ||= a.includes('s');
      o.numeric ||= a.includes('n');
    } else if (/^-[A-Za-z]/.test(a) && !/^-[cejyiNIDTtvVhuSp]/.test(a)) return { exit: 1, stdout: '', stderr: `nft: invalid option -- '${a[1]}'\n` };
    else return unsupported(`nft option ${a}`);
  }
  const source = file ? (ctx.stdin ?? '') : argv.slice(i).join(' ');
  if (!file && i >= argv.length) return { exit: 1, stdout: '', stderr: 'nft: no command specified\n' };
  const lines = source.split('\n');
  const lexed = lex(source);
  const last = lexed.filter((t) => t.kind !== 'newline').pop() ?? null;
  let tokens: Token[];
  try {
    tokens = expandDefines(lexed);
  } catch (e) {
    if (e instanceof NftUnmodelled) return unsupported(e.message);
    if (e instanceof NftSyntax) return { exit: 1, stdout: '', stderr: errorText(e.message, e.at, lines, file, last) };
    throw e;
  }
  let cmds: NftCommand[] = [];
  try {
    for (const c of splitCommands(tokens)) cmds.push(...parseCommand(c));
  } catch (e) {
    if (e instanceof NftUnmodelled) return unsupported(e.message);
    if (e instanceof NftSyntax) {
      if (e.message.startsWith('syntax error')) return unsupported(`nft input nettwin cannot read (${source.trim().slice(0, 60)})`);
      return { exit: 1, stdout: '', stderr: errorText(e.message, e.at, lines, file, last) };
    }
    throw e;
  }
  if (cmds.length === 0) return { exit: 0, stdout: '', stderr: '' };
  const lists = cmds.filter((c) => c.kind === 'list');
  if (lists.length && lists.length !== cmds.length) return unsupported('nft listing mixed with changes');
  if (lists.length) return list(ctx, lists, o, lines, file, last);
  cmds = cmds.filter((c) => c.kind === 'edit');
  const edits = cmds.map((c) => (c as Extract<NftCommand, { kind: 'edit' }>).edit);
  const st = nfState(ctx.ns);
  // nft's own checks before the batch (evaluate.c): a chain command's table must exist
  for (const c of cmds) {
    if (c.kind !== 'edit' || c.edit.cmd !== 'add-chain') continue;
    const e = c.edit;
    const made = edits.slice(0, edits.indexOf(e)).some((x) => x.cmd === 'add-table' && x.family === e.family && x.table === e.table);
    if (made || st.tables.some((t) => t.family === e.family && t.name === e.table)) continue;
    return { exit: 1, stdout: '', stderr: errorText(tableNotFound(st.tables, e.table), c.at.table ?? null, lines, file, last) };
  }
  // a rule's `@NAME`: nft finds the set in its cache (or earlier in the batch) and checks its type
  const setOf = (e: { family: NfFamily; table: string }, name: string, upTo: number) => {
    const earlier = edits.slice(0, upTo).find((x) => x.cmd === 'add-set' && x.family === e.family && x.table === e.table && x.set === name);
    return earlier?.cmd === 'add-set' ? earlier : st.tables.find((t) => t.family === e.family && t.name === e.table)?.sets?.find((x) => x.name === name);
  };
  for (const c of cmds) {
    if (c.kind !== 'edit' || (c.edit.cmd !== 'add-rule' && c.edit.cmd !== 'replace-rule')) continue;
    for (const m of c.edit.rule.matches) {
      if (m.kind !== 'setref') continue;
      const set = setOf(c.edit, m.set, edits.indexOf(c.edit));
      if (!set) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.at.whole.find((t) => t.text === `@${m.set}`) ?? null, lines, file, last) };
      if (set.type !== SETREF_TYPE[m.key]) return unsupported(`nft ${m.key} tested against a set of type ${set.type} (nft's datatype mismatch)`);
    }
  }
  // nft reads a set's type from its cache before it reads the elements: an unknown set is its own error
  for (const c of cmds) {
    if (c.kind !== 'edit' || c.edit.cmd !== 'elements') continue;
    const e = c.edit;
    const earlier = edits.slice(0, edits.indexOf(e)).find((x) => x.cmd === 'add-set' && x.family === e.family && x.table === e.table && x.set === e.set);
    const known = earlier?.cmd === 'add-set' ? earlier : st.tables.find((t) => t.family === e.family && t.name === e.table)?.sets?.find((x) => x.name === e.set);
    if (!known) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.at.set ?? null, lines, file, last) };
    try {
      e.elems = (c.at.elems ?? []).map((t) => parseElem(t, known.type, known.interval));
    } catch (x) {
      if (x instanceof NftUnmodelled) return unsupported(x.message);
      if (x instanceof NftSyntax) return { exit: 1, stdout: '', stderr: errorText(x.message, x.at, lines, file, last) };
      throw x;
    }
  }
  try {
    apply(ctx, { op: 'nf.nft', edits });
  } catch (e) {
    if (!(e instanceof NftOpError)) throw e;
    const c = cmds[e.edit] as Extract<NftCommand, { kind: 'edit' }>;
    // a rule the kernel refused for what it does (a NAT statement out of place): nft points at the whole command
    const whole = e.word === 'rule' && e.errno === 'EOPNOTSUPP' ? spanOf(c.at.whole) : null;
    const at = e.word === 'element' ? c.at.elems?.[e.item] : c.at[e.word === 'rule' ? 'chain' : e.word];
    const tok = whole ?? at ?? c.at.chain ?? c.at.table ?? null;
    const msg = e.errno === 'ENOENT' ? (enoentHint(st.tables, c) ?? `Could not process rule: ${e.strerror}`) : `Could not process rule: ${e.strerror}`;
    return { exit: 1, stdout: '', stderr: errorText(msg, tok, lines, file, last) };
  }
  return { exit: 0, stdout: '', stderr: '' };
}

/** The set type each `@NAME` test needs. */
const SETREF_TYPE = { saddr: 'ipv4_addr', daddr: 'ipv4_addr', sport: 'inet_service', dport: 'inet_service', l4proto: 'inet_proto', iifname: 'ifname', oifname: 'ifname', mark: 'mark' } as const;

/** The best fuzzy match of a chain name over every table's chains (chain_lookup_fuzzy), and its table. */
function chainFuzzy(tables: readonly NfTable[], name: string): { chain: string; table: NfTable } | null {
  let best: { chain: string; table: NfTable } | null = null;
  let min = Number.POSITIVE_INFINITY;
  for (const t of tables) {
    for (const c of t.chains) {
      const d = misspellDistance(c.name, name);
      if (d !== null && d < min) {
        min = d;
        best = { chain: c.name, table: t };
      }
    }
  }
  return best;
}

/** nft_cmd_enoent: the kernel's ENOENT, with nft's hint at the table or chain meant, or null for none. */
function enoentHint(tables: readonly NfTable[], c: Extract<NftCommand, { kind: 'edit' }>): string | null {
  const e = c.edit;
  // nft reads the kernel's tables for its hint only where the command needed them: not to flush
  if (e.cmd === 'flush-table' || e.cmd === 'flush-chain') return null;
  if (e.cmd === 'delete-table') {
    const guess = misspelt(
      e.table,
      tables.map((t) => t.name),
    );
    const t = guess === null ? undefined : tables.find((x) => x.name === guess);
    return t ? `No such file or directory; did you mean table ‘${t.name}’ in family ${t.family}?` : null;
  }
  if (!('chain' in e)) return null;
  const f = chainFuzzy(tables, e.chain);
  if (!f) return null;
  const typedExists = tables.some((t) => t.name === e.table && t.family === e.family);
  if (!typedExists && (f.table.name !== e.table || f.table.family !== e.family)) return `No such file or directory; did you mean table ‘${f.table.name}’ in family ${f.table.family}?`;
  const isRule = e.cmd === 'add-rule' || e.cmd === 'replace-rule' || e.cmd === 'delete-rule';
  if (isRule && f.chain === e.chain) return null;
  return `No such file or directory; did you mean chain ‘${f.chain}’ in table ${f.table.family} ‘${f.table.name}’?`;
}

/** table_not_found: ENOENT, with nft's guess at the table meant. */
function tableNotFound(tables: readonly { name: string; family: string }[], name: string): string {
  const guess = misspelt(
    name,
    tables.map((t) => t.name),
  );
  const t = guess === null ? undefined : tables.find((x) => x.name === guess);
  return t ? `No such file or directory; did you mean table ‘${t.name}’ in family ${t.family}?` : 'No such file or directory';
}

function list(ctx: ProgramContext, cmds: NftCommand[], o: ListOptions, lines: string[], file: boolean, last: Token | null): ProgramResult {
  const st = nfState(ctx.ns);
  const read = (c: { pkts: number; bytes: number }) => ctx.sim.nf.read(c);
  let stdout = '';
  let stderr = '';
  for (const c of cmds) {
    if (c.kind !== 'list') continue;
    if (c.what === 'ruleset') {
      const r = rulesetText({ ...st, tables: st.tables.filter((t) => c.family === null || t.family === c.family) } as typeof st, o, read);
      stdout += r.text;
      stderr += r.warning;
    } else if (c.what === 'sets') {
      // each table with its sets, none between them (a table without sets is not listed)
      for (const t of st.tables) {
        if (c.family !== null && t.family !== c.family) continue;
        if (!t.sets?.length) continue;
        stdout += `table ${t.family} ${t.name} {\n${t.sets.map((x) => setText(x, o.handles)).join('')}}\n`;
      }
    } else if (c.what === 'set') {
      const t = st.tables.find((x) => x.family === c.family && x.name === c.table);
      if (!t) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.at, lines, file, last) };
      const set = t.sets?.find((x) => x.name === c.set);
      if (!set) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.setAt, lines, file, last) };
      stdout += `table ${t.family} ${t.name} {\n${setText(set, o.handles)}}\n`;
    } else if (c.what === 'tables') {
      for (const t of st.tables) stdout += `table ${t.family} ${t.name}\n`;
    } else if (c.what === 'table' || c.what === 'chain') {
      const t = st.tables.find((x) => x.family === c.family && x.name === c.table);
      // a listing reads only the table it names: nft has nothing to guess from
      if (!t) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.at, lines, file, last) };
      let only = null;
      if (c.what === 'chain') {
        only = findChain(t, c.chain) ?? null;
        if (!only) return { exit: 1, stdout: '', stderr: errorText('No such file or directory', c.chainAt, lines, file, last) };
      }
      const r = tableText(t, o, read, only);
      stdout += r.text;
      stderr += r.warning;
    }
  }
  return { exit: 0, stdout, stderr };
}
