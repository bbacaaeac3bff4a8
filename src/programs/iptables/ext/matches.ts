/**
 * The small match extensions (extensions/libxt_addrtype.c, libxt_comment.c, libxt_mark.c,
 * libxt_connmark.c, libxt_multiport.c, libxt_physdev.c, libxt_statistic.c), each as iptables
 * 1.8.9 parses, lists and saves it.
 */
import { RTN_NAMES, type AddrtypeMatch, type CommentMatch, type MarkMatch, type MultiportMatch, type PhysdevMatch, type PortRange, type StatisticMatch } from '../../../model/netfilter/match.js';
import type { Iface } from '../../../model/netfilter/rule.js';
import { portToService } from '../names.js';
import { hex, parsePort } from '../values.js';
import { paramError, x6Final, x6MarkMask, x6Parse, x6Uint, type ExtOption, type MatchExt, type ParseCtx } from './types.js';

function parseTypes(c: ParseCtx, arg: string): number {
  let mask = 0;
  let rest = arg;
  for (;;) {
    const comma = rest.indexOf(',');
    const word = comma < 0 ? rest : rest.slice(0, comma);
    const i = word === '' ? -1 : RTN_NAMES.findIndex((n) => n.toLowerCase().startsWith(word.toLowerCase()));
    if (i < 0) throw paramError(c, comma < 0 ? `addrtype: bad type "${rest}"` : `addrtype: bad type \`${rest}'`);
    mask |= 1 << i;
    if (comma < 0) return mask;
    rest = rest.slice(comma + 1);
  }
}

function typeNames(mask: number): string {
  return RTN_NAMES.filter((_, i) => mask & (1 << i)).join(',');
}

const ADDRTYPE_OPTS: ExtOption[] = [
  { name: 'src-type', hasArg: 1, id: 'src', invert: true },
  { name: 'dst-type', hasArg: 1, id: 'dst', invert: true },
  { name: 'limit-iface-in', hasArg: 0, id: 'in', excl: ['out'] },
  { name: 'limit-iface-out', hasArg: 0, id: 'out', excl: ['in'] },
];

export const ADDRTYPE: MatchExt = {
  name: 'addrtype',
  x6: true,
  options: ADDRTYPE_OPTS,
  init: (): AddrtypeMatch => ({ kind: 'addrtype', src: 0, srcInvert: false, dst: 0, dstInvert: false, limitIn: false, limitOut: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as AddrtypeMatch;
    x6Parse(c, 'addrtype', opt, arg, invert, seen);
    if (opt.id === 'src') {
      m.src |= parseTypes(c, arg!);
      m.srcInvert = invert;
    } else if (opt.id === 'dst') {
      m.dst |= parseTypes(c, arg!);
      m.dstInvert = invert;
    } else if (opt.id === 'in') m.limitIn = true;
    else m.limitOut = true;
  },
  final(c, _m, seen) {
    x6Final(c, 'addrtype', ADDRTYPE_OPTS, seen);
    if (!seen.has('src') && !seen.has('dst')) throw paramError(c, 'addrtype: you must specify --src-type or --dst-type');
  },
  print(mm) {
    const m = mm as AddrtypeMatch;
    let s = ' ADDRTYPE match';
    if (m.src) s += ` src-type ${m.srcInvert ? '!' : ''}${typeNames(m.src)}`;
    if (m.dst) s += ` dst-type ${m.dstInvert ? '!' : ''}${typeNames(m.dst)}`;
    if (m.limitIn) s += ' limit-in';
    if (m.limitOut) s += ' limit-out';
    return s;
  },
  save(mm) {
    const m = mm as AddrtypeMatch;
    let s = '';
    if (m.src) s += `${m.srcInvert ? ' !' : ''} --src-type ${typeNames(m.src)}`;
    if (m.dst) s += `${m.dstInvert ? ' !' : ''} --dst-type ${typeNames(m.dst)}`;
    if (m.limitIn) s += ' --limit-iface-in';
    if (m.limitOut) s += ' --limit-iface-out';
    return s;
  },
};

/** xtables_save_string: bare when only [-_0-9A-Za-z], else quoted with `"\'` escaped. */
export function saveString(v: string): string {
  if (/^[-_0-9A-Za-z]+$/.test(v)) return ` ${v}`;
  return ` "${v.replace(/["\\']/g, (ch) => `\\${ch}`)}"`;
}

const COMMENT_OPTS: ExtOption[] = [{ name: 'comment', hasArg: 1, id: 'comment', mand: true }];

export const COMMENT: MatchExt = {
  name: 'comment',
  x6: true,
  options: COMMENT_OPTS,
  init: (): CommentMatch => ({ kind: 'comment', text: '' }),
  parse(c, mm, opt, arg, invert, seen) {
    x6Parse(c, 'comment', opt, arg, invert, seen);
    if (arg!.length > 255) throw paramError(c, 'Argument must have a maximum length of 255 characters\n');
    (mm as CommentMatch).text = arg!;
  },
  final(c, _m, seen) {
    x6Final(c, 'comment', COMMENT_OPTS, seen);
  },
  print: (m) => ` /* ${(m as CommentMatch).text} */`,
  save: (m) => ` --comment${saveString((m as CommentMatch).text)}`,
};

/** xtables_print_mark_mask: ` 0x1/0xff`, or ` 0x1` with a full mask. */
export function markMask(v: number, mask: number): string {
  return mask >>> 0 !== 0xffffffff ? ` ${hex(v)}/${hex(mask)}` : ` ${hex(v)}`;
}

function markExt(name: 'mark' | 'connmark'): MatchExt {
  const opts: ExtOption[] = [{ name: 'mark', hasArg: 1, id: 'mark', mand: true, invert: true }];
  return {
    name,
    x6: true,
    options: opts,
    init: (): MarkMatch => ({ kind: name, value: 0, mask: 0xffffffff, invert: false }),
    parse(c, mm, opt, arg, invert, seen) {
      const m = mm as MarkMatch;
      x6Parse(c, name, opt, arg, invert, seen);
      const v = x6MarkMask(c, name, opt, arg!);
      m.value = v.mark;
      m.mask = v.mask;
      m.invert = invert;
    },
    final(c, _m, seen) {
      x6Final(c, name, opts, seen);
    },
    print(mm) {
      const m = mm as MarkMatch;
      return name === 'mark' ? ` mark match${m.invert ? ' !' : ''}${markMask(m.value, m.mask)}` : ` connmark match ${m.invert ? '!' : ''}${markMask(m.value, m.mask)}`;
    },
    save(mm) {
      const m = mm as MarkMatch;
      return `${m.invert ? ' !' : ''} --mark${markMask(m.value, m.mask)}`;
    },
  };
}

export const MARK_MATCH = markExt('mark');
export const CONNMARK_MATCH = markExt('connmark');

const MULTIPORT_PROTO: Record<number, string> = { 6: 'tcp', 17: 'udp', 136: 'udplite', 132: 'sctp', 33: 'dccp' };

const MULTIPORT_OPTS: ExtOption[] = [
  { name: 'source-ports', hasArg: 1, id: 'src', invert: true, excl: ['dst', 'any'] },
  { name: 'sports', hasArg: 1, id: 'src', invert: true, excl: ['dst', 'any'] },
  { name: 'destination-ports', hasArg: 1, id: 'dst', invert: true, excl: ['src', 'any'] },
  { name: 'dports', hasArg: 1, id: 'dst', invert: true, excl: ['src', 'any'] },
  { name: 'ports', hasArg: 1, id: 'any', invert: true, excl: ['src', 'dst'] },
];

/** parse_multi_ports_v1: up to 15 slots, a range taking two. */
function parseMultiPorts(c: ParseCtx, arg: string, proto: string): PortRange[] {
  const out: PortRange[] = [];
  let slots = 0;
  const parts = arg.split(',');
  let i = 0;
  for (; i < parts.length && slots < 15; i++) {
    const p = parts[i]!;
    const colon = p.indexOf(':');
    if (colon >= 0) {
      if (slots === 14) throw paramError(c, 'too many ports specified');
      const lo = parsePort(c.f, p.slice(0, colon), proto);
      const hi = parsePort(c.f, p.slice(colon + 1), proto);
      if (lo >= hi) throw paramError(c, 'invalid portrange specified');
      out.push([lo, hi]);
      slots += 2;
    } else {
      const v = parsePort(c.f, p, proto);
      out.push([v, v]);
      slots++;
    }
  }
  if (i < parts.length) throw paramError(c, 'too many ports specified');
  return out;
}

export const MULTIPORT: MatchExt = {
  name: 'multiport',
  x6: true,
  options: MULTIPORT_OPTS,
  init: (): MultiportMatch => ({ kind: 'multiport', dir: 'any', ports: [], invert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as MultiportMatch;
    x6Parse(c, 'multiport', opt, arg, invert, seen);
    const proto = MULTIPORT_PROTO[c.ip.proto];
    if (c.ip.protoInvert) throw paramError(c, 'multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
    if (!proto) throw paramError(c, c.ip.proto === 0 ? "multiport needs `-p tcp', `-p udp', `-p udplite', `-p sctp' or `-p dccp'" : 'multiport only works with TCP, UDP, UDPLITE, SCTP and DCCP');
    m.ports = parseMultiPorts(c, arg!, proto);
    m.dir = opt.id as MultiportMatch['dir'];
    if (invert) m.invert = true;
  },
  final(c, _m, seen) {
    if (seen.size === 0) throw paramError(c, 'multiport expection an option');
    x6Final(c, 'multiport', MULTIPORT_OPTS, seen);
  },
  print(mm, numeric, ip) {
    const m = mm as MultiportMatch;
    const proto = MULTIPORT_PROTO[ip.proto] ?? '';
    const name = (p: number) => (numeric ? String(p) : (portToService(p, proto) ?? String(p)));
    const list = m.ports.map(([lo, hi]) => (lo === hi ? name(lo) : `${name(lo)}:${name(hi)}`)).join(',');
    return ` multiport ${m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports'} ${m.invert ? ' !' : ''}${list}`;
  },
  save(mm) {
    const m = mm as MultiportMatch;
    const list = m.ports.map(([lo, hi]) => (lo === hi ? String(lo) : `${lo}:${hi}`)).join(',');
    return `${m.invert ? ' !' : ''} --${m.dir === 'src' ? 'sports' : m.dir === 'dst' ? 'dports' : 'ports'} ${list}`;
  },
};

const PHYSDEV_OPTS: ExtOption[] = [
  { name: 'physdev-in', hasArg: 1, id: 'in', invert: true },
  { name: 'physdev-out', hasArg: 1, id: 'out', invert: true },
  { name: 'physdev-is-in', hasArg: 0, id: 'isIn', invert: true },
  { name: 'physdev-is-out', hasArg: 0, id: 'isOut', invert: true },
  { name: 'physdev-is-bridged', hasArg: 0, id: 'isBridged', invert: true },
];

function iface(c: ParseCtx, name: string, invert: boolean): Iface {
  if (name.length > 15) throw paramError(c, `interface name \`${name}' must be shorter than IFNAMSIZ (15)`);
  return { name, invert };
}

export const PHYSDEV: MatchExt = {
  name: 'physdev',
  x6: true,
  options: PHYSDEV_OPTS,
  init: (): PhysdevMatch => ({ kind: 'physdev', in: null, out: null, isIn: null, isOut: null, isBridged: null }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as PhysdevMatch;
    x6Parse(c, 'physdev', opt, arg, invert, seen);
    if (opt.id === 'in') m.in = iface(c, arg!, invert);
    else if (opt.id === 'out') m.out = iface(c, arg!, invert);
    else m[opt.id as 'isIn' | 'isOut' | 'isBridged'] = { invert };
  },
  final(c, _m, seen) {
    if (seen.size === 0) throw paramError(c, 'PHYSDEV: no physdev option specified');
  },
  print: (m) => ` PHYSDEV match${physdevSave(m as PhysdevMatch)}`,
  save: (m) => physdevSave(m as PhysdevMatch),
};

function physdevSave(m: PhysdevMatch): string {
  let s = '';
  if (m.isIn) s += `${m.isIn.invert ? ' !' : ''} --physdev-is-in`;
  if (m.in) s += `${m.in.invert ? ' !' : ''} --physdev-in ${m.in.name}`;
  if (m.isOut) s += `${m.isOut.invert ? ' !' : ''} --physdev-is-out`;
  if (m.out) s += `${m.out.invert ? ' !' : ''} --physdev-out ${m.out.name}`;
  if (m.isBridged) s += `${m.isBridged.invert ? ' !' : ''} --physdev-is-bridged`;
  return s;
}

const STATISTIC_OPTS: ExtOption[] = [
  { name: 'mode', hasArg: 1, id: 'mode', mand: true },
  { name: 'probability', hasArg: 1, id: 'probability', invert: true, excl: ['every', 'packet'] },
  { name: 'every', hasArg: 1, id: 'every', invert: true, excl: ['probability'], also: ['packet'] },
  { name: 'packet', hasArg: 1, id: 'packet', excl: ['probability'], also: ['every'] },
];

export const STATISTIC: MatchExt = {
  name: 'statistic',
  x6: true,
  options: STATISTIC_OPTS,
  init: (): StatisticMatch => ({ kind: 'statistic', mode: 'random', probability: 0, every: 0, packet: 0, invert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as StatisticMatch;
    if (invert) m.invert = true;
    x6Parse(c, 'statistic', opt, arg, invert, seen);
    const a = arg!;
    if (opt.id === 'mode') {
      if (a !== 'random' && a !== 'nth') throw paramError(c, `Bad mode "${a}"`);
      m.mode = a;
    } else if (opt.id === 'probability') {
      const v = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(a) ? Number(a) : Number.NaN;
      if (!(v >= 0 && v <= 1)) throw paramError(c, 'statistic: bad value for option "--probability", or out of range (0-1).\n');
      // lround(0x80000000 * p): halves away from zero
      m.probability = Math.round(0x80000000 * v);
    } else if (opt.id === 'every') m.every = x6Uint(c, 'statistic', opt, a, 1) - 1;
    else m.packet = x6Uint(c, 'statistic', opt, a);
  },
  final(c, m0, seen) {
    const m = m0 as StatisticMatch;
    x6Final(c, 'statistic', STATISTIC_OPTS, seen);
    if (m.mode === 'random' && !seen.has('probability')) throw paramError(c, '--probability must be specified when using random mode');
    if (m.mode === 'nth' && !seen.has('every') && !seen.has('packet')) throw paramError(c, '--every and --packet must be specified when using nth mode');
    if (m.packet > m.every) throw paramError(c, 'the --packet p must be 0 <= p <= n-1');
  },
  print: (m) => ` statistic${statisticText(m as StatisticMatch, '')}`,
  save: (m) => statisticText(m as StatisticMatch, '--'),
};

function statisticText(m: StatisticMatch, prefix: string): string {
  const inv = m.invert ? ' !' : '';
  if (m.mode === 'random') return ` ${prefix}mode random${inv} ${prefix}probability ${(m.probability / 0x80000000).toFixed(11)}`;
  let s = ` ${prefix}mode nth${inv} ${prefix}every ${m.every + 1}`;
  if (m.packet || prefix) s += ` ${prefix}packet ${m.packet}`;
  return s;
}
