/**
 * The conntrack match and its `state` alias (extensions/libxt_conntrack.c, revision 3):
 * --ctstate, --ctproto, the tuple addresses and ports, --ctstatus, --ctexpire, --ctdir. A rule
 * written with `-m state --state` is the conntrack match with the alias flag, listed as
 * `state …` and saved as `-m state --state …`.
 */
import { CT_STATE, CT_STATUS, type ConntrackMatch, type CtAddr, type PortRange } from '../../../model/netfilter/match.js';
import { ip4ToString } from '../../../model/ip.js';
import { parseAddrs, maskToNumeric, strtoumax } from '../values.js';
import { CHAIN_PROTOS, hostName, protoByName, serviceToPort } from '../names.js';
import { paramError, x6Final, x6Parse, type ExtOption, type MatchExt, type ParseCtx } from './types.js';

const STATES: [string, number][] = [
  ['INVALID', CT_STATE.INVALID],
  ['NEW', CT_STATE.NEW],
  ['ESTABLISHED', CT_STATE.ESTABLISHED],
  ['RELATED', CT_STATE.RELATED],
  ['UNTRACKED', CT_STATE.UNTRACKED],
  ['SNAT', CT_STATE.SNAT],
  ['DNAT', CT_STATE.DNAT],
];
/** print_state's order */
const PRINT_ORDER: [string, number][] = [
  ['INVALID', CT_STATE.INVALID],
  ['NEW', CT_STATE.NEW],
  ['RELATED', CT_STATE.RELATED],
  ['ESTABLISHED', CT_STATE.ESTABLISHED],
  ['UNTRACKED', CT_STATE.UNTRACKED],
  ['SNAT', CT_STATE.SNAT],
  ['DNAT', CT_STATE.DNAT],
];
const STATUSES: [string, number][] = [
  ['NONE', 0],
  ['EXPECTED', CT_STATUS.EXPECTED],
  ['SEEN_REPLY', CT_STATUS.SEEN_REPLY],
  ['ASSURED', CT_STATUS.ASSURED],
  ['CONFIRMED', CT_STATUS.CONFIRMED],
];

/** strncasecmp(word, NAME, len(word)) against a table, first hit (an empty word matches the first). */
function prefixLookup(table: [string, number][], word: string): number | null {
  for (const [n, v] of table) if (n.toLowerCase().startsWith(word.toLowerCase())) return v;
  return null;
}

/** A comma list of names (conntrack_ps_states / _statuses): a bad one names the rest of the list. */
function parseList(c: ParseCtx, table: [string, number][], arg: string, what: string, aliasStates: boolean): number {
  let mask = 0;
  let rest = arg;
  for (;;) {
    const comma = rest.indexOf(',');
    const word = comma < 0 ? rest : rest.slice(0, comma);
    if (comma < 0 && aliasStates && word === '') {
      throw paramError(c, '"--state" requires a list of states with no spaces, e.g. ESTABLISHED,RELATED');
    }
    const v = word === '' ? null : prefixLookup(aliasStates ? table.slice(0, 5) : table, word);
    if (v === null || (aliasStates && v === 0)) throw paramError(c, `Bad ${what} "${rest}"`);
    mask |= v;
    if (comma < 0) return mask;
    rest = rest.slice(comma + 1);
  }
}

function hostMask(c: ParseCtx, arg: string, invert: boolean): CtAddr {
  const a = parseAddrs(c.f, arg);
  return { addr: a[0]!.addr, mask: a[0]!.mask, invert };
}

function portRange(c: ParseCtx, opt: ExtOption, arg: string): PortRange {
  const parts = arg.split(':');
  if (parts.length > 2) throw paramError(c, `conntrack: Too many components for option "--${opt.name}" (max: 2)\n`);
  const r: PortRange = [0, 0xffff];
  parts.forEach((p, i) => {
    if (p === '') return;
    const v = /^\d+$/.test(p) ? Number(p) : serviceToPort(p, null);
    if (v < 0 || v > 0xffff) throw paramError(c, `Port "${p}" does not resolve to anything.\n`);
    r[i] = v;
  });
  if (parts.length === 1) r[1] = r[0];
  return r;
}

const CT_OPTS: ExtOption[] = ['ctstate', 'ctproto', 'ctorigsrc', 'ctorigdst', 'ctreplsrc', 'ctrepldst', 'ctstatus', 'ctexpire', 'ctorigsrcport', 'ctorigdstport', 'ctreplsrcport', 'ctrepldstport'].map(
  (n) => ({ name: n, hasArg: 1 as const, id: n, invert: true }),
);
CT_OPTS.push({ name: 'ctdir', hasArg: 1, id: 'ctdir' });

function emptyCt(alias: boolean): ConntrackMatch {
  return {
    kind: 'conntrack',
    alias,
    state: null,
    proto: null,
    origsrc: null,
    origdst: null,
    replsrc: null,
    repldst: null,
    origsrcport: null,
    origdstport: null,
    replsrcport: null,
    repldstport: null,
    status: null,
    expires: null,
    dir: null,
  };
}

function parseProto(c: ParseCtx, arg: string): number {
  const n = strtoumax(arg);
  if (n && n.end === arg.length && n.value <= 255) return n.value;
  const known = CHAIN_PROTOS.find(([name]) => name === arg);
  if (known) return known[1];
  const p = protoByName(arg);
  if (p < 0) throw paramError(c, `Unknown protocol "${arg}"\n`);
  return p;
}

export const CONNTRACK: MatchExt = {
  name: 'conntrack',
  x6: true,
  options: CT_OPTS,
  init: () => emptyCt(false),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as ConntrackMatch;
    x6Parse(c, 'conntrack', opt, arg, invert, seen);
    const a = arg!;
    switch (opt.id) {
      case 'ctstate':
        m.state = { mask: (m.state?.mask ?? 0) | parseList(c, STATES, a, 'ctstate', false), invert };
        return;
      case 'ctproto':
        m.proto = { num: parseProto(c, a), invert };
        return;
      case 'ctorigsrc':
      case 'ctorigdst':
      case 'ctreplsrc':
      case 'ctrepldst':
        m[opt.id.slice(2) as 'origsrc' | 'origdst' | 'replsrc' | 'repldst'] = hostMask(c, a, invert);
        return;
      case 'ctorigsrcport':
      case 'ctorigdstport':
      case 'ctreplsrcport':
      case 'ctrepldstport':
        m[opt.id.slice(2) as 'origsrcport'] = { range: portRange(c, opt, a), invert };
        return;
      case 'ctstatus':
        m.status = { mask: parseList(c, STATUSES, a, 'ctstatus', false), invert };
        return;
      case 'ctexpire': {
        const parts = a.split(':');
        const nums = parts.map((p) => strtoumax(p));
        if (parts.length > 2 || nums.some((n, i) => !n || n.end !== parts[i]!.length || n.value > 0xffffffff)) {
          throw paramError(c, `conntrack: bad value for option "--ctexpire" near "${a}", or out of range (0-4294967295).\n`);
        }
        m.expires = { min: nums[0]!.value, max: (nums[1] ?? nums[0])!.value, invert };
        return;
      }
      case 'ctdir': {
        const d = a.toUpperCase();
        if (d !== 'ORIGINAL' && d !== 'REPLY') throw paramError(c, `Bad value for "--ctdir" option: "${a}"`);
        m.dir = d;
        return;
      }
    }
  },
  final(c, _m, seen) {
    if (seen.size === 0) throw paramError(c, 'conntrack: At least one option is required');
    x6Final(c, 'conntrack', CT_OPTS, seen);
  },
  print: (m, numeric) => dump(m as ConntrackMatch, '', numeric),
  save: (m) => dump(m as ConntrackMatch, '--', true),
};

const STATE_OPTS: ExtOption[] = [{ name: 'state', hasArg: 1, id: 'state', mand: true, invert: true }];

/** `-m state`: the conntrack match, marked as the alias. */
export const STATE: MatchExt = {
  name: 'state',
  x6: true,
  options: STATE_OPTS,
  init: () => emptyCt(true),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as ConntrackMatch;
    x6Parse(c, 'state', opt, arg, invert, seen);
    m.state = { mask: parseList(c, STATES, arg!, 'state', true), invert };
  },
  final(c, _m, seen) {
    x6Final(c, 'state', STATE_OPTS, seen);
  },
  print: (m, numeric) => dump(m as ConntrackMatch, '', numeric),
  save: (m) => dump(m as ConntrackMatch, '--', true),
};

function names(table: [string, number][], mask: number): string {
  const out: string[] = [];
  for (const [n, v] of table) if (mask & v) out.push(n);
  return out.join(',');
}

function addr(a: CtAddr, numeric: boolean): string {
  if (!numeric && a.addr === 0) return ' anywhere';
  const host = numeric ? ip4ToString(a.addr) : (hostName(a.addr) ?? ip4ToString(a.addr));
  return ` ${host}${maskToNumeric(a.mask)}`;
}

function ports(prefix: string, opt: string, r: { range: PortRange; invert: boolean }): string {
  const [lo, hi] = r.range;
  return `${r.invert ? ' !' : ''} ${prefix}${opt} ${hi === 0 || lo === hi ? lo : `${lo}:${hi}`}`;
}

/** conntrack_dump: `prefix` is '' for -L, '--' for -S. */
function dump(m: ConntrackMatch, prefix: string, numeric: boolean): string {
  let s = '';
  if (m.state) s += `${m.state.invert ? ' !' : ''} ${prefix}${m.alias ? 'state' : 'ctstate'} ${names(PRINT_ORDER, m.state.mask)}`;
  if (m.proto) s += `${m.proto.invert ? ' !' : ''} ${prefix}ctproto ${m.proto.num}`;
  for (const k of ['origsrc', 'origdst', 'replsrc', 'repldst'] as const) {
    const a = m[k];
    if (a) s += `${a.invert ? ' !' : ''} ${prefix}ct${k}${addr(a, numeric)}`;
  }
  for (const k of ['origsrcport', 'origdstport', 'replsrcport', 'repldstport'] as const) {
    const p = m[k];
    if (p) s += ports(prefix, `ct${k}`, p);
  }
  if (m.status) s += `${m.status.invert ? ' !' : ''} ${prefix}ctstatus ${m.status.mask === 0 ? 'NONE' : names(STATUSES.slice(1), m.status.mask)}`;
  if (m.expires) s += `${m.expires.invert ? ' !' : ''} ${prefix}ctexpire ${m.expires.min === m.expires.max ? m.expires.min : `${m.expires.min}:${m.expires.max}`}`;
  if (m.dir) s += ` ${prefix}ctdir ${m.dir}`;
  return s;
}
