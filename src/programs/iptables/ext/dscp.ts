/**
 * The DiffServ field: the `dscp` match (libxt_dscp.c) and the DSCP target (libxt_DSCP.c) as
 * iptables 1.8.9 parses, lists and saves them; classes by dscp_helper.c's table. The kernel
 * compares or rewrites the top six bits of the IPv4 TOS byte (xt_dscp.c, xt_DSCP.c; the target
 * only in the mangle table).
 */
import type { FieldMatch } from '../../../model/netfilter/match.js';
import type { NfTarget } from '../../../model/netfilter/target.js';
import { paramError, x6Final, x6Parse, x6Uint, type ExtOption, type MatchExt, type ParseCtx, type TargetExt } from './types.js';

/** dscp_helper.c's classes, in its order (the first whose name starts the argument wins). */
const CLASSES: [string, number][] = [
  ['CS0', 0x00],
  ['CS1', 0x08],
  ['CS2', 0x10],
  ['CS3', 0x18],
  ['CS4', 0x20],
  ['CS5', 0x28],
  ['CS6', 0x30],
  ['CS7', 0x38],
  ['BE', 0x00],
  ['AF11', 0x0a],
  ['AF12', 0x0c],
  ['AF13', 0x0e],
  ['AF21', 0x12],
  ['AF22', 0x14],
  ['AF23', 0x16],
  ['AF31', 0x1a],
  ['AF32', 0x1c],
  ['AF33', 0x1e],
  ['AF41', 0x22],
  ['AF42', 0x24],
  ['AF43', 0x26],
  ['EF', 0x2e],
];

/** class_to_dscp: strncasecmp of the argument against each class name's length. */
function classToDscp(c: ParseCtx, name: string): number {
  const up = name.toUpperCase();
  for (const [n, v] of CLASSES) if (up.startsWith(n)) return v;
  throw paramError(c, `Invalid DSCP value \`${name}'`);
}

const hex2 = (n: number): string => `0x${n.toString(16).padStart(2, '0')}`;

const MATCH_OPTS: ExtOption[] = [
  { name: 'dscp', hasArg: 1, id: 'dscp', invert: true, excl: ['class'] },
  { name: 'dscp-class', hasArg: 1, id: 'class', invert: true, excl: ['dscp'] },
];

export const DSCP_MATCH: MatchExt = {
  name: 'dscp',
  x6: true,
  options: MATCH_OPTS,
  init: (): FieldMatch => ({ kind: 'field', field: 'dscp', mask: null, op: 'eq', value: 0, xt: 'dscp' }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as FieldMatch;
    x6Parse(c, 'dscp', opt, arg, invert, seen);
    m.value = opt.id === 'dscp' ? x6Uint(c, 'dscp', opt, arg!, 0, 63) : classToDscp(c, arg!);
    if (invert) m.op = 'ne';
  },
  final(c, _m, seen) {
    x6Final(c, 'dscp', MATCH_OPTS, seen);
    if (seen.size === 0) throw paramError(c, 'DSCP match: Parameter --dscp is required');
  },
  print: (mm) => ` DSCP match ${(mm as FieldMatch).op === 'ne' ? '!' : ''}${hex2((mm as FieldMatch).value)}`,
  save: (mm) => `${(mm as FieldMatch).op === 'ne' ? ' !' : ''} --dscp ${hex2((mm as FieldMatch).value)}`,
};

const TARGET_OPTS: ExtOption[] = [
  { name: 'set-dscp', hasArg: 1, id: 'dscp', excl: ['class'] },
  { name: 'set-dscp-class', hasArg: 1, id: 'class', excl: ['dscp'] },
];

type Dscp = Extract<NfTarget, { kind: 'DSCP' }>;

export const DSCP_TARGET: TargetExt = {
  name: 'DSCP',
  x6: true,
  options: TARGET_OPTS,
  init: (): NfTarget => ({ kind: 'DSCP', value: 0 }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'DSCP', opt, arg, invert, seen);
    (t as Dscp).value = opt.id === 'dscp' ? x6Uint(c, 'DSCP', opt, arg!, 0, 63) : classToDscp(c, arg!);
  },
  final(c, _t, seen) {
    x6Final(c, 'DSCP', TARGET_OPTS, seen);
    if (seen.size === 0) throw paramError(c, 'DSCP target: Parameter --set-dscp is required');
  },
  print: (t) => ` DSCP set ${hex2((t as Dscp).value)}`,
  save: (t) => ` --set-dscp ${hex2((t as Dscp).value)}`,
};
