/**
 * nft commands (nftables 1.0.6's grammar, the part modelled): `add|create|delete|flush|list`
 * of tables and chains, `add|insert|replace|delete rule`, `list ruleset|tables`, `flush
 * ruleset`, and an `nft -f` file's `table NAME { chain NAME { … } }` blocks. Each command
 * becomes Op edits (or a listing), its words kept for nft's carets.
 */
import type { NfFamily, Hook, BaseChainSpec, ChainType, Policy } from '../../model/netfilter/table.js';
import type { NftEdit } from '../../ops/nf-op.js';
import type { NfRule } from '../../model/netfilter/rule.js';
import type { Token } from './lexer.js';
import { NftSyntax, NftUnmodelled, parseStatements } from './statements.js';
import { NFT_KEYWORDS } from './keywords.js';
import { elementTokens, parseElem, setSpec } from './sets.js';

const FAMILIES = new Set<NfFamily>(['ip', 'ip6', 'inet', 'arp', 'bridge', 'netdev']);
const HOOKS = new Set<Hook>(['prerouting', 'input', 'forward', 'output', 'postrouting']);
const STD_PRIO: Record<string, number> = { raw: -300, mangle: -150, dstnat: -100, filter: 0, security: 50, srcnat: 100 };

/** A command with the tokens nft's errors point at. */
export type NftCommand =
  | { kind: 'edit'; edit: NftEdit; at: { table?: Token; chain?: Token; handle?: Token; jump?: Token; set?: Token; elems?: Token[]; whole: Token[] } }
  | { kind: 'list'; what: 'ruleset' | 'tables'; family: NfFamily | null }
  | { kind: 'list'; what: 'table'; family: NfFamily; table: string; at: Token }
  | { kind: 'list'; what: 'chain'; family: NfFamily; table: string; chain: string; at: Token; chainAt: Token }
  | { kind: 'list'; what: 'set'; family: NfFamily; table: string; set: string; at: Token; setAt: Token }
  | { kind: 'list'; what: 'sets'; family: NfFamily | null };

/** Splits tokens into commands at newlines and `;` outside braces. */
export function splitCommands(tokens: Token[]): Token[][] {
  const out: Token[][] = [];
  let cur: Token[] = [];
  let depth = 0;
  for (const t of tokens) {
    if (t.kind === 'punct' && t.text === '{') depth++;
    if (t.kind === 'punct' && t.text === '}') depth--;
    if (depth === 0 && (t.kind === 'newline' || (t.kind === 'punct' && t.text === ';'))) {
      if (cur.length) out.push(cur);
      cur = [];
      continue;
    }
    cur.push(t);
  }
  if (cur.length) out.push(cur);
  return out;
}

class Reader {
  i = 0;
  constructor(readonly t: Token[]) {}
  peek(): Token | undefined {
    return this.t[this.i];
  }
  next(): Token {
    const tok = this.t[this.i++];
    if (!tok) throw new NftSyntax('syntax error, unexpected newline', null);
    return tok;
  }
  /** An optional family, then a name. */
  familyName(): { family: NfFamily; name: Token } {
    const first = this.next();
    if (FAMILIES.has(first.text as NfFamily) && this.peek() && this.peek()!.text !== '{') return { family: first.text as NfFamily, name: named(this.next()) };
    return { family: 'ip', name: named(first) };
  }
  name(): Token {
    return named(this.next());
  }
  rest(): Token[] {
    return this.t.slice(this.i);
  }
}

/** A table or chain name: a keyword of nft's scanner is not one, unless quoted. */
function named(t: Token): Token {
  if (t.kind === 'word' && NFT_KEYWORDS.has(t.text)) throw new NftUnmodelled(`nft name ${t.text} (a keyword of nft's)`);
  return t;
}

/** `{ type T hook H priority P; policy X; }` */
function chainSpec(tokens: Token[]): { base: BaseChainSpec | null; policy: Policy | null } {
  const words = tokens.filter((t) => t.kind !== 'newline' && t.text !== '{' && t.text !== '}' && t.text !== ';');
  let type: ChainType | null = null;
  let hook: Hook | null = null;
  let priority: number | null = null;
  let policy: Policy | null = null;
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!.text;
    if (w === 'type') {
      const v = words[++i]?.text;
      if (v !== 'filter' && v !== 'nat' && v !== 'route') throw new NftUnmodelled(`nft chain type ${v}`);
      type = v;
    } else if (w === 'hook') {
      const v = words[++i];
      if (!v || !HOOKS.has(v.text as Hook)) throw new NftSyntax('The ip family does not support this hook', v ?? null);
      hook = v.text as Hook;
    } else if (w === 'priority') {
      const v = words[++i]!.text;
      let p = /^-?\d+$/.test(v) ? Number(v) : STD_PRIO[v];
      if (p === undefined) throw new NftUnmodelled(`nft priority ${v}`);
      const op = words[i + 1]?.text;
      if ((op === '+' || op === '-') && /^\d+$/.test(words[i + 2]?.text ?? '')) {
        p += (op === '+' ? 1 : -1) * Number(words[i + 2]!.text);
        i += 2;
      }
      priority = p;
    } else if (w === 'policy') {
      const v = words[++i]?.text;
      if (v !== 'accept' && v !== 'drop') throw new NftUnmodelled(`nft policy ${v}`);
      policy = v === 'accept' ? 'ACCEPT' : 'DROP';
    } else if (w === 'comment' || w === 'device' || w === 'flags') throw new NftUnmodelled(`nft chain ${w}`);
    else throw new NftUnmodelled(`nft chain spec ${w}`);
  }
  if (type && hook && priority !== null) return { base: { type, hook, priority }, policy };
  if (type || hook || priority !== null) throw new NftUnmodelled('nft chain spec without type, hook and priority');
  return { base: null, policy };
}

function ruleEdit(r: Reader, verb: string, whole: Token[]): NftCommand {
  const { family, name } = r.familyName();
  const chain = r.name();
  let handle: number | null = null;
  let handleAt: Token | undefined;
  let index: number | null = null;
  const w = r.peek()?.text;
  if (w === 'handle' || w === 'position' || w === 'index') {
    const kw = r.next();
    const n = r.next();
    if (!/^\d+$/.test(n.text)) throw new NftUnmodelled(`nft rule ${w} ${n.text}`);
    if (w === 'index') index = Number(n.text);
    else handle = Number(n.text);
    // nft points at `position N` whole, at the number alone after `handle`
    handleAt = w === 'handle' ? n : { ...kw, len: n.col + n.len - kw.col };
  }
  const at = { table: name, chain, handle: handleAt, whole };
  if (verb === 'delete') {
    if (handle === null || r.peek()) throw new NftUnmodelled('nft delete rule without a handle');
    return { kind: 'edit', edit: { cmd: 'delete-rule', family, table: name.text, chain: chain.text, handle }, at };
  }
  const p = parseStatements(r.rest(), family);
  checkFamily(family, p.rule);
  const rest = r.rest();
  const vmapAt = rest.findIndex((t) => t.text === 'vmap');
  // in a verdict map nft points at the entry's key
  const jumpTok =
    vmapAt >= 0
      ? rest.find(
          (t, i, all) =>
            i > vmapAt && (all[i + 1]?.text === 'jump' || all[i + 1]?.text === 'goto' || (all[i + 1]?.text === ':' && (all[i + 2]?.text === 'jump' || all[i + 2]?.text === 'goto'))) && t.text !== ':',
        )
      : rest.find((t, i, all) => (all[i - 1]?.text === 'jump' || all[i - 1]?.text === 'goto') && t.kind === 'word');
  const at2 = jumpTok ? { ...at, jump: jumpTok } : at;
  if (verb === 'replace') {
    if (handle === null) throw new NftUnmodelled('nft replace rule without a handle');
    return { kind: 'edit', edit: { cmd: 'replace-rule', family, table: name.text, chain: chain.text, handle, rule: p.rule, sets: p.sets }, at: at2 };
  }
  return { kind: 'edit', edit: { cmd: 'add-rule', family, table: name.text, chain: chain.text, rule: p.rule, insert: verb === 'insert', handle, index, sets: p.sets }, at: at2 };
}

/**
 * What the simulator does not model of a rule in a table of its family: a test of the other
 * network family (nft refuses it: "conflicting protocols specified"), and NAT in an inet table
 * that IPv6 packets reach (an ip6 table's is modelled; conntrack's state and mark are for both).
 */
function checkFamily(family: NfFamily, rule: NfRule): void {
  if ((family === 'ip' && rule.family === 'ip6') || (family === 'ip6' && rule.family === 'ip')) throw new NftUnmodelled(`nft ${rule.family} tests in a table ${family}`);
  // in an inet table a NAT to an address needs a test of its family (a packet of the other one
  // would meet the rule and its no-op NAT, which the model does not follow); masquerade and
  // redirect without one take both families
  const anyFamily = family === 'inet' && rule.family !== 'ip' && rule.family !== 'ip6';
  if (anyFamily && [rule.target, ...(rule.also ?? [])].some((t) => (t.kind === 'SNAT' || t.kind === 'DNAT' || t.kind === 'MASQUERADE' || t.kind === 'REDIRECT') && t.range.mapIps))
    throw new NftUnmodelled('nft NAT to an address in an inet table without a test of its family');
  // in an inet table, a plain `reject` after an IPv6 test is ICMPv6's own (listed so), not icmpx's
  if (family === 'inet' && rule.family === 'ip6' && rule.target.kind === 'REJECT' && rule.target.with === 'icmp-port-unreachable') {
    rule.target = { kind: 'REJECT', with: 'icmp6-port-unreachable' };
    const i = rule.nftParts?.lastIndexOf('reject') ?? -1;
    if (i >= 0) rule.nftParts![i] = 'reject with icmpv6 port-unreachable';
  }
  // and after an IPv4 test ICMP's, which nft names in an inet table
  if (family === 'inet' && rule.family === 'ip' && rule.target.kind === 'REJECT' && rule.target.with === 'icmp-port-unreachable') {
    const i = rule.nftParts?.lastIndexOf('reject') ?? -1;
    if (i >= 0) rule.nftParts![i] = 'reject with icmp port-unreachable';
  }
}

/** One command's tokens as commands (a `table { … }` block is several). */
export function parseCommand(tokens: Token[]): NftCommand[] {
  const r = new Reader(tokens);
  let verb = r.next().text;
  if (verb === 'table' || verb === 'chain' || verb === 'rule') {
    r.i--;
    verb = 'add';
  }
  const obj = r.next();
  if (!['add', 'create', 'delete', 'flush', 'list', 'insert', 'replace'].includes(verb)) throw new NftUnmodelled(`nft ${verb}`);
  switch (obj.text) {
    case 'ruleset': {
      const fam = r.peek()?.text as NfFamily | undefined;
      if (verb === 'list') return [{ kind: 'list', what: 'ruleset', family: fam && FAMILIES.has(fam) ? fam : null }];
      if (verb === 'flush') return [{ kind: 'edit', edit: { cmd: 'flush-ruleset', family: fam && FAMILIES.has(fam) ? fam : null }, at: { whole: tokens } }];
      break;
    }
    case 'tables':
      if (verb === 'list') return [{ kind: 'list', what: 'tables', family: null }];
      break;
    case 'table': {
      const { family, name } = r.familyName();
      if (verb === 'list') return [{ kind: 'list', what: 'table', family, table: name.text, at: name }];
      const at = { table: name, whole: tokens };
      if (verb === 'delete') return [{ kind: 'edit', edit: { cmd: 'delete-table', family, table: name.text }, at }];
      if (verb === 'flush') return [{ kind: 'edit', edit: { cmd: 'flush-table', family, table: name.text }, at }];
      const out: NftCommand[] = [{ kind: 'edit', edit: { cmd: 'add-table', family, table: name.text, create: verb === 'create' }, at }];
      if (r.peek()?.text === '{') out.push(...tableBlock(family, name, r.rest()));
      return out;
    }
    case 'chain': {
      const { family, name } = r.familyName();
      const chain = r.name();
      const at = { table: name, chain, whole: tokens };
      if (verb === 'list') return [{ kind: 'list', what: 'chain', family, table: name.text, chain: chain.text, at: name, chainAt: chain }];
      if (verb === 'delete') return [{ kind: 'edit', edit: { cmd: 'delete-chain', family, table: name.text, chain: chain.text }, at }];
      if (verb === 'flush') return [{ kind: 'edit', edit: { cmd: 'flush-chain', family, table: name.text, chain: chain.text }, at }];
      const spec = chainSpec(r.rest());
      return [{ kind: 'edit', edit: { cmd: 'add-chain', family, table: name.text, chain: chain.text, base: spec.base, policy: spec.policy, create: verb === 'create' }, at }];
    }
    case 'rule':
      if (verb === 'add' || verb === 'insert' || verb === 'replace' || verb === 'delete') return [ruleEdit(r, verb, tokens)];
      break;
    case 'sets': {
      const fam = r.peek()?.text as NfFamily | undefined;
      if (verb === 'list') return [{ kind: 'list', what: 'sets', family: fam && FAMILIES.has(fam) ? fam : null }];
      break;
    }
    case 'set': {
      const { family, name } = r.familyName();
      const set = r.name();
      const at = { table: name, set, whole: tokens };
      if (verb === 'list') return [{ kind: 'list', what: 'set', family, table: name.text, set: set.text, at: name, setAt: set }];
      if (verb === 'delete') return [{ kind: 'edit', edit: { cmd: 'delete-set', family, table: name.text, set: set.text }, at }];
      if (verb === 'flush') return [{ kind: 'edit', edit: { cmd: 'flush-set', family, table: name.text, set: set.text }, at }];
      if (verb !== 'add' && verb !== 'create') break;
      const spec = setSpec(r.rest());
      const elems = elementTokens(spec.elems);
      return [
        {
          kind: 'edit',
          edit: {
            cmd: 'add-set',
            family,
            table: name.text,
            set: set.text,
            type: spec.type,
            interval: spec.interval,
            create: verb === 'create',
            elems: elems.map((t) => parseElem(t, spec.type, spec.interval)),
          },
          at: { ...at, elems },
        },
      ];
    }
    case 'element': {
      const { family, name } = r.familyName();
      const set = r.name();
      if (verb !== 'add' && verb !== 'create' && verb !== 'delete') break;
      const elems = elementTokens(r.rest());
      // the set's type decides how its elements read: they are read when the set is known (nft.ts)
      return [
        {
          kind: 'edit',
          edit: { cmd: 'elements', family, table: name.text, set: set.text, elems: [], del: verb === 'delete', create: verb === 'create' },
          at: { table: name, set, elems, whole: tokens },
        },
      ];
    }
  }
  throw new NftUnmodelled(`nft ${verb} ${obj.text}`);
}

/** The inside of `table FAMILY NAME { chain NAME { spec; rules } … }`: its chains, then its sets, then the rules (nft_cmd_expand's order, which the handles show). */
function tableBlock(family: NfFamily, name: Token, tokens: Token[]): NftCommand[] {
  const body = tokens.slice(1, tokens[tokens.length - 1]?.text === '}' ? -1 : undefined);
  const out: NftCommand[] = [];
  const sets: NftCommand[] = [];
  const rules: NftCommand[] = [];
  let i = 0;
  while (i < body.length) {
    const t = body[i]!;
    if (t.kind === 'newline' || t.text === ';') {
      i++;
      continue;
    }
    if (t.text === 'set') {
      // `set NAME { type T; … }`: made with the table, before any rule refers to it
      const set = body[i + 1];
      if (!set || body[i + 2]?.text !== '{') throw new NftUnmodelled('nft set block');
      named(set);
      let depth = 0;
      let j = i + 2;
      for (; j < body.length; j++) {
        if (body[j]!.text === '{') depth++;
        if (body[j]!.text === '}' && --depth === 0) break;
      }
      const spec = setSpec(body.slice(i + 2, j + 1));
      const elems = elementTokens(spec.elems);
      sets.push({
        kind: 'edit',
        edit: { cmd: 'add-set', family, table: name.text, set: set.text, type: spec.type, interval: spec.interval, create: false, elems: elems.map((e) => parseElem(e, spec.type, spec.interval)) },
        at: { table: name, set, elems, whole: [t] },
      });
      i = j + 1;
      continue;
    }
    if (t.text !== 'chain') throw new NftUnmodelled(`nft table block ${t.text}`);
    const chain = body[i + 1];
    if (!chain || body[i + 2]?.text !== '{') throw new NftUnmodelled('nft chain block');
    named(chain);
    let depth = 0;
    let j = i + 2;
    for (; j < body.length; j++) {
      if (body[j]!.text === '{') depth++;
      if (body[j]!.text === '}' && --depth === 0) break;
    }
    const inner = body.slice(i + 3, j);
    const lines = splitCommands(inner);
    const specLines = lines.filter((l) => ['type', 'policy'].includes(l[0]!.text));
    const spec = chainSpec(specLines.flat());
    out.push({ kind: 'edit', edit: { cmd: 'add-chain', family, table: name.text, chain: chain.text, base: spec.base, policy: spec.policy, create: false }, at: { table: name, chain, whole: [t] } });
    for (const l of lines) {
      if (['type', 'policy'].includes(l[0]!.text)) continue;
      const p = parseStatements(l, family);
      checkFamily(family, p.rule);
      rules.push({
        kind: 'edit',
        edit: { cmd: 'add-rule', family, table: name.text, chain: chain.text, rule: p.rule, insert: false, handle: null, index: null, sets: p.sets },
        at: { table: name, chain, whole: l },
      });
    }
    i = j + 1;
  }
  return [...out, ...sets, ...rules];
}
