/**
 * nft's requests against the namespace's nf_tables (net/netfilter/nf_tables_api.c): tables,
 * chains (regular, or base chains on a hook at a priority with a policy), rules by handle. A
 * transaction — one command line, or a whole `nft -f` input — is applied to copies of the
 * tables and put in place only if every request succeeded, as the kernel commits a batch.
 * Refusals carry the errno and which request (and which of its words) the kernel refused.
 */
import { nfState, type NetfilterState } from '../model/netfilter/state.js';
import { addChain, chainRefs, cloneTable, findChain, newTable, type BaseChainSpec, type NfFamily, type NfTable } from '../model/netfilter/table.js';
import type { OpContext } from './context.js';
import { OpError } from './errors.js';
import type { NfNftOp, NftEdit } from './nf-op.js';
import { elemCompare, findElem, overlaps, type NftSet, type NftSetElem } from '../model/netfilter/nft-set.js';

export type NftErrno = 'ENOENT' | 'EEXIST' | 'EBUSY' | 'EOPNOTSUPP' | 'EINVAL';

const STRERROR: Record<NftErrno, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EBUSY: 'Device or resource busy',
  EOPNOTSUPP: 'Operation not supported',
  EINVAL: 'Invalid argument',
};

/**
 * @example
 * try { apply(ctx, op) } catch (e) { if (e instanceof NftOpError) [e.errno, e.edit, e.word]; // ['ENOENT', 0, 'chain'] }
 */
export class NftOpError extends OpError {
  constructor(
    readonly errno: NftErrno,
    /** the word of the request the kernel's answer points at */
    readonly word: 'table' | 'chain' | 'handle' | 'jump' | 'rule' | 'set' | 'element',
    public edit = 0,
    /** which element of an `element` request (nft points at it) */
    public item = 0,
  ) {
    super(`Error: Could not process rule: ${STRERROR[errno]}\n`, 1, errno);
  }

  get strerror(): string {
    return STRERROR[this.errno];
  }
}

/** Where a NAT statement may sit: a nat chain at the hooks of its direction (any other statement anywhere). */
function natPlacementOk(kind: string, base: BaseChainSpec): boolean {
  const hooks: Record<string, readonly string[]> = {
    MASQUERADE: ['postrouting'],
    SNAT: ['postrouting', 'input'],
    DNAT: ['prerouting', 'output'],
    REDIRECT: ['prerouting', 'output'],
  };
  const allowed = hooks[kind];
  if (!allowed) return true;
  return base.type === 'nat' && allowed.includes(base.hook);
}

function fail(errno: NftErrno, word: NftOpError['word']): never {
  throw new NftOpError(errno, word);
}

/** The working copies of the tables an nft transaction touches. */
class Work {
  readonly tables: NfTable[];
  private readonly copies = new Map<NfTable, NfTable>();
  private readonly original: NfTable[];

  constructor(private readonly st: NetfilterState) {
    this.original = st.tables;
    this.tables = [...st.tables];
  }

  find(family: NfFamily, name: string): NfTable | undefined {
    const i = this.tables.findIndex((t) => t.family === family && t.name === name);
    if (i < 0) return undefined;
    const t = this.tables[i]!;
    if (this.original.includes(t) && !this.copies.has(t)) {
      const c = cloneTable(t);
      this.copies.set(t, c);
      this.tables[i] = c;
      return c;
    }
    return t;
  }

  add(t: NfTable): void {
    this.tables.push(t);
  }

  commit(): void {
    this.st.tables = this.tables;
  }
}

function table(w: Work, e: { family: NfFamily; table: string }): NfTable {
  return w.find(e.family, e.table) ?? fail('ENOENT', 'table');
}

function run(w: Work, st: NetfilterState, e: NftEdit): void {
  switch (e.cmd) {
    case 'add-table': {
      if (w.find(e.family, e.table)) {
        if (e.create) fail('EEXIST', 'table');
        return;
      }
      w.add(newTable(e.family, e.table, 'nft', st.nextTableHandle++));
      return;
    }
    case 'delete-table': {
      const t = table(w, e);
      w.tables.splice(w.tables.indexOf(t), 1);
      return;
    }
    case 'flush-table':
      for (const c of table(w, e).chains) c.rules = [];
      return;
    case 'add-chain': {
      const t = table(w, e);
      const c = findChain(t, e.chain);
      if (c) {
        if (e.create) fail('EEXIST', 'chain');
        if (e.policy && c.base) c.policy = e.policy;
        return;
      }
      addChain(t, e.chain, e.base, e.policy ?? 'ACCEPT');
      return;
    }
    case 'delete-chain': {
      const t = table(w, e);
      const c = findChain(t, e.chain) ?? fail('ENOENT', 'chain');
      if (chainRefs(t, c.name) > 0 || c.rules.length > 0) fail('EBUSY', 'chain');
      t.chains = t.chains.filter((x) => x !== c);
      return;
    }
    case 'flush-chain': {
      const c = findChain(table(w, e), e.chain) ?? fail('ENOENT', 'chain');
      c.rules = [];
      return;
    }
    case 'add-rule':
    case 'replace-rule': {
      const t = table(w, e);
      const c = findChain(t, e.chain) ?? fail('ENOENT', 'chain');
      const tg = e.rule.target;
      // nft_nat_validate / nft_masq_validate / nft_redir_validate: only in a nat chain, at their hooks
      if (c.base && !natPlacementOk(tg.kind, c.base)) fail('EOPNOTSUPP', 'rule');
      // a verdict map's jumps are checked as a rule's own (the first to a missing chain refused)
      const vmapJumps = e.rule.matches.flatMap((m) => (m.kind === 'vmap' ? m.entries.map((x) => x.verdict) : [])).filter((v) => v.kind === 'jump');
      for (const v of vmapJumps) {
        const to = findChain(t, v.chain);
        if (!to || to.base) {
          const live = st.tables.find((x) => x.family === e.family && x.name === e.table);
          if (live) live.nextHandle += 1 + e.sets;
          fail(to ? 'EOPNOTSUPP' : 'ENOENT', 'jump');
        }
      }
      if (tg.kind === 'jump') {
        // the kernel gave the rule its handle before it looked at the jump: the number is spent
        const spend = () => {
          const live = st.tables.find((x) => x.family === e.family && x.name === e.table);
          if (live) live.nextHandle += 1 + e.sets;
        };
        const to = findChain(t, tg.chain);
        if (!to) {
          spend();
          fail('ENOENT', 'jump');
        }
        if (to.base) {
          spend();
          fail('EOPNOTSUPP', 'jump');
        }
      }
      if (e.cmd === 'replace-rule') {
        const i = c.rules.findIndex((r) => r.handle === e.handle);
        if (i < 0) fail('ENOENT', 'handle');
        t.nextHandle += e.sets;
        c.rules[i] = { ...e.rule, handle: e.handle };
        return;
      }
      let at = e.insert ? 0 : c.rules.length;
      if (e.handle !== null) {
        const i = c.rules.findIndex((r) => r.handle === e.handle);
        if (i < 0) fail('ENOENT', 'handle');
        at = e.insert ? i : i + 1;
      } else if (e.index !== null) {
        if (e.index >= c.rules.length) fail('ENOENT', 'handle');
        at = e.insert ? e.index : e.index + 1;
      }
      t.nextHandle += e.sets;
      c.rules.splice(at, 0, { ...e.rule, handle: t.nextHandle++ });
      return;
    }
    case 'delete-rule': {
      const c = findChain(table(w, e), e.chain) ?? fail('ENOENT', 'chain');
      const i = c.rules.findIndex((r) => r.handle === e.handle);
      if (i < 0) fail('ENOENT', 'handle');
      c.rules.splice(i, 1);
      return;
    }
    case 'flush-ruleset':
      w.tables.splice(0, w.tables.length, ...w.tables.filter((t) => e.family !== null && t.family !== e.family));
      return;
    case 'add-set': {
      const t = table(w, e);
      const old = t.sets?.find((x) => x.name === e.set);
      if (old) {
        if (e.create) fail('EEXIST', 'set');
        // NLM_F_EXCL off: the set stays as it is, its new elements join it
        for (const el of e.elems) addElem(old, el, false);
        return;
      }
      const set: NftSet = { name: e.set, type: e.type, interval: e.interval, handle: t.nextHandle++, elems: [] };
      for (const el of e.elems) addElem(set, el, false);
      (t.sets ??= []).push(set);
      return;
    }
    case 'delete-set': {
      const t = table(w, e);
      const set = t.sets?.find((x) => x.name === e.set) ?? fail('ENOENT', 'set');
      if (t.chains.some((c) => c.rules.some((r) => r.matches.some((m) => m.kind === 'setref' && m.set === set.name)))) fail('EBUSY', 'set');
      t.sets = t.sets!.filter((x) => x !== set);
      return;
    }
    case 'flush-set': {
      const set = table(w, e).sets?.find((x) => x.name === e.set) ?? fail('ENOENT', 'set');
      set.elems = [];
      return;
    }
    case 'elements': {
      const set = table(w, e).sets?.find((x) => x.name === e.set) ?? fail('ENOENT', 'set');
      e.elems.forEach((el, k) => {
        try {
          if (e.del) {
            const i = findElem(set, el);
            if (i < 0) fail('ENOENT', 'element');
            set.elems.splice(i, 1);
          } else addElem(set, el, e.create);
        } catch (x) {
          if (x instanceof NftOpError) x.item = k;
          throw x;
        }
      });
      return;
    }
  }
}

/** An element in: already there is nothing (or EEXIST with `create`); a range across others is not modelled. */
function addElem(set: NftSet, el: NftSetElem, create: boolean): void {
  if (findElem(set, el) >= 0) {
    if (create) fail('EEXIST', 'element');
    return;
  }
  if (overlaps(set, el)) throw new OpError("nettwin: unsupported: nft set elements that overlap (the kernel's interval rules)\n", 127, 'unsupported');
  set.elems.push(el);
  set.elems.sort(elemCompare);
}

/**
 * Runs an nft transaction; throws NftOpError (with the failing request's index) and changes
 * nothing when the kernel refuses any of it.
 *
 * @example
 * apply(ctx, { op: 'nf.nft', edits: [{ cmd: 'add-table', family: 'inet', table: 'fw', create: false }] });
 */
export function applyNft(ctx: OpContext, op: NfNftOp): void {
  const st = nfState(ctx.ns);
  const w = new Work(st);
  const handle = st.nextTableHandle;
  op.edits.forEach((e, i) => {
    try {
      run(w, st, e);
    } catch (err) {
      if (err instanceof NftOpError) {
        err.edit = i;
        st.nextTableHandle = handle;
      }
      throw err;
    }
  });
  w.commit();
  st.changed();
  ctx.ns.touch();
}
