/**
 * `tc qdisc … htb` and `tc class … htb` (tc/q_htb.c of iproute2 6.1.0: htb_parse_opt,
 * htb_parse_class_opt, htb_print_opt, htb_print_xstats) with what sch_htb.c keeps: rates in
 * bytes a second, bursts as 64 ns ticks, the class's buckets full when it is made.
 */
import type { HtbClass, HtbOpts } from '../../model/qdisc.js';
import { freshStats } from '../../model/qdisc.js';
import { TcParseError } from './netem.js';
import { formatRate, formatSize, parseRateBps, parseSizeCell, xmitSize, xmitTicks } from './units.js';

const HTB_USAGE = `Usage: ... qdisc add ... htb [default N] [r2q N]
                      [direct_qlen P] [offload]
 default  minor id of class to which unclassified packets are sent {0}
 r2q      DRR quantums are computed as rate in Bps/r2q {10}
 debug    string of 16 numbers each 0-3 {0}

 direct_qlen  Limit of the direct queue {in packets}
 offload  enable hardware offload
... class add ... htb rate R1 [burst B1] [mpu B] [overhead O]
                      [prio P] [slot S] [pslot PS]
                      [ceil R2] [cburst B2] [mtu MTU] [quantum Q]
 rate     rate allocated to this class (class can still borrow)
 burst    max bytes burst which can be accumulated during idle period {computed}
 mpu      minimum packet size used in rate computations
 overhead per-packet size overhead used in rate computations
 linklay  adapting to a linklayer e.g. atm
 ceil     definite upper class rate (no borrows) {rate}
 cburst   burst but for ceil {computed}
 mtu      max packet size we create rate map for {1600}
 prio     priority of leaf; lower are served first {0}
 quantum  how much bytes to serve from leaf at once {use r2q}

TC HTB version 3.3
`;

const matches = (arg: string, word: string): boolean => arg.length > 0 && word.startsWith(arg);
const illegal = (what: string) => new TcParseError(`Illegal "${what}"\n${HTB_USAGE}`);

/** get_u32 in a base: digits only, below 2^32. */
function u32(s: string, base: 10 | 16): number | null {
  const re = base === 16 ? /^(0x)?[0-9a-fA-F]+$/ : /^\d+$/;
  if (!re.test(s)) return null;
  const v = Number.parseInt(s, base);
  return v < 2 ** 32 ? v : null;
}

/** htb_parse_opt onto htb's defaults (r2q 10, no default class, direct_qlen the device's txqueuelen). */
export function parseHtbQdisc(args: string[], txqlen: number): Pick<HtbOpts, 'r2q' | 'defcls' | 'directQlen'> {
  const o = { r2q: 10, defcls: 0, directQlen: txqlen };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      i++;
      if (i >= args.length) throw new TcParseError('Command line is not complete. Try option "help"\n');
      return args[i]!;
    };
    let v: number | null;
    if (matches(a, 'r2q')) {
      if ((v = u32(next(), 10)) === null) throw illegal('r2q');
      o.r2q = v;
    } else if (matches(a, 'default')) {
      if ((v = u32(next(), 16)) === null) throw illegal('default');
      o.defcls = v;
    } else if (matches(a, 'direct_qlen')) {
      if ((v = u32(next(), 10)) === null) throw illegal('direct_qlen');
      o.directQlen = v;
    } else if (matches(a, 'debug') || matches(a, 'offload')) throw new TcParseError(`tc htb ${a}`, true);
    else throw new TcParseError(`What is "${a}"?\n${HTB_USAGE}`);
  }
  return o;
}

/** htb_parse_class_opt, then htb_change_class's quantum (rate / r2q within 1000…200000). */
export function parseHtbClass(args: string[], r2q: number): Pick<HtbClass, 'rate' | 'ceil' | 'bufferTicks' | 'cbufferTicks' | 'prio' | 'quantum'> {
  let rate = 0;
  let ceil = 0;
  let buffer = 0;
  let cbuffer = 0;
  let prio = 0;
  let mtu = 1600;
  let quantum = 0;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      i++;
      if (i >= args.length) throw new TcParseError('Command line is not complete. Try option "help"\n');
      return args[i]!;
    };
    let v: number | null;
    if (matches(a, 'prio')) {
      if ((v = u32(next(), 10)) === null) throw illegal('prio');
      prio = v;
    } else if (matches(a, 'mtu')) {
      if ((v = u32(next(), 10)) === null) throw illegal('mtu');
      mtu = v;
    } else if (matches(a, 'quantum')) {
      if ((v = u32(next(), 10)) === null) throw illegal('quantum');
      quantum = v;
    } else if (matches(a, 'burst') || a === 'buffer' || a === 'maxburst') {
      if ((v = parseSizeCell(next())) === null) throw illegal(a);
      buffer = v;
    } else if (matches(a, 'cburst') || a === 'cbuffer' || a === 'cmaxburst') {
      if ((v = parseSizeCell(next())) === null) throw illegal(a);
      cbuffer = v;
    } else if (a === 'rate' || a === 'ceil') {
      const s = next();
      if (a === 'rate' ? rate : ceil) throw new TcParseError(`Double "${a}" spec\n`);
      if (s.includes('%')) throw new TcParseError(`tc htb ${a} as a share of the device's speed`, true);
      const r = parseRateBps(s);
      if (r === null) throw illegal(a);
      if (a === 'rate') rate = r / 8;
      else ceil = r / 8;
    } else if (matches(a, 'mpu') || matches(a, 'overhead') || matches(a, 'linklayer')) throw new TcParseError(`tc htb ${a}`, true);
    else if (a === 'help') throw new TcParseError(HTB_USAGE);
    else throw new TcParseError(`What is "${a}"?\n${HTB_USAGE}`);
  }
  if (!rate) throw new TcParseError('"rate" is required.\n');
  if (!ceil) ceil = rate;
  // get_hz() is 10^9 here (/proc/net/psched's last field): rate/hz adds nothing below 1 GB/s
  if (!buffer) buffer = Math.floor(rate / 1e9) + mtu;
  if (!cbuffer) cbuffer = Math.floor(ceil / 1e9) + mtu;
  if (!quantum) quantum = Math.min(200000, Math.max(1000, Math.floor(rate / r2q)));
  return { rate, ceil, bufferTicks: xmitTicks(rate, buffer), cbufferTicks: xmitTicks(ceil, cbuffer), prio: Math.min(prio, 7), quantum };
}

/** htb_print_opt of the qdisc: `r2q 10 default 0x20 direct_packets_stat 0 direct_qlen 1000`. */
export function printHtbQdisc(o: HtbOpts): string {
  return `r2q ${o.r2q} default ${o.defcls ? `0x${o.defcls.toString(16)}` : '0'} direct_packets_stat ${o.directPackets} direct_qlen ${o.directQlen}`;
}

/** htb_print_opt of a class (prio only on a leaf). */
export function printHtbClass(c: HtbClass, leaf: boolean): string {
  return `${leaf ? `prio ${c.prio} ` : ''}rate ${formatRate(c.rate * 8)} ceil ${formatRate(c.ceil * 8)} burst ${formatSize(xmitSize(c.rate, c.bufferTicks))} cburst ${formatSize(xmitSize(c.ceil, c.cbufferTicks))} `;
}

/** htb_print_xstats: the counters and the buckets' tokens (ticks) as last charged. */
export function printHtbXstats(c: HtbClass): string {
  const ticks = (ns: number) => Math.max(-(2 ** 31), Math.min(2 ** 31 - 1, Math.floor(ns / 64)));
  return ` lended: ${c.stats.lends} borrowed: ${c.stats.borrows} giants: 0\n tokens: ${ticks(c.bucket.tokensNs)} ctokens: ${ticks(c.cbucket.tokensNs)}\n`;
}

export function newHtbClass(minor: number, parent: number | null, p: ReturnType<typeof parseHtbClass>): HtbClass {
  const bufferNs = p.bufferTicks * 64;
  const cbufferNs = p.cbufferTicks * 64;
  return {
    minor,
    parent,
    ...p,
    stats: { ...freshStats(), lends: 0, borrows: 0 },
    bucket: { bufferNs, tokensNs: bufferNs, lastUs: 0 },
    cbucket: { bufferNs: cbufferNs, tokensNs: cbufferNs, lastUs: 0 },
  };
}
