/**
 * `tc qdisc … netem OPTIONS` (tc/q_netem.c netem_parse_opt and netem_print_opt, iproute2
 * 6.1.0): limit, delay with jitter, loss, duplicate and rate; the rest (correlations,
 * distribution, corrupt, reorder, slot, ecn) is reported as not modelled.
 */
import type { NetemOpts } from '../../model/qdisc.js';
import { formatRate, formatTimeUs, inTicksUs, parsePercent, parseRateBps, parseTimeUs } from './units.js';

/** A refusal in tc's words (exit 1), or what the model does not cover. */
export class TcParseError extends Error {
  constructor(
    readonly stderr: string,
    readonly notModelled = false,
    /** 2: the kernel refused what tc sent */
    readonly exit = 1,
  ) {
    super(stderr);
  }
}

/** q_netem.c's explain(). */
const NETEM_USAGE =
  'Usage: ... netem [ limit PACKETS ]\n                 [ delay TIME [ JITTER [CORRELATION]]]\n                 [ distribution {uniform|normal|pareto|paretonormal} ]\n                 [ corrupt PERCENT [CORRELATION]]\n                 [ duplicate PERCENT [CORRELATION]]\n                 [ loss random PERCENT [CORRELATION]]\n                 [ loss state P13 [P31 [P32 [P23 P14]]]\n                 [ loss gemodel PERCENT [R [1-H [1-K]]]\n                 [ ecn ]\n                 [ reorder PERCENT [CORRELATION] [ gap DISTANCE ]]\n                 [ rate RATE [PACKETOVERHEAD] [CELLSIZE] [CELLOVERHEAD]]\n                 [ slot MIN_DELAY [MAX_DELAY] [packets MAX_PACKETS] [bytes MAX_BYTES]]\n                 [ slot distribution {uniform|normal|pareto|paretonormal|custom}\n                   DELAY JITTER [packets MAX_PACKETS] [bytes MAX_BYTES]]\n';

const NOT_MODELLED = ['distribution', 'corrupt', 'reorder', 'gap', 'slot', 'ecn', 'pass', 'loss state', 'gemodel'];

/** netem_parse_opt onto `base` (a change keeps what it does not name). */
export function parseNetem(args: string[], base: NetemOpts): NetemOpts {
  const o = { ...base };
  let i = 0;
  const next = (): string => {
    i++;
    if (i >= args.length) throw new TcParseError('Command line is not complete. Try option "help"\n');
    return args[i]!;
  };
  /** an optional number after a value (a correlation): not modelled */
  const correlation = (what: string) => {
    if (i + 1 < args.length && /^\d/.test(args[i + 1]!)) throw new TcParseError(`tc netem ${what} correlation`, true);
  };
  for (; i < args.length; i++) {
    const a = args[i]!;
    if (a === 'limit') {
      const v = Number(next());
      if (!Number.isInteger(v) || v < 0) throw new TcParseError('Illegal "limit"\n');
      o.limit = v;
    } else if (a === 'latency' || a === 'delay') {
      const d = parseTimeUs(next());
      if (d === null) throw new TcParseError('Illegal "latency"\n');
      o.delayUs = inTicksUs(d);
      o.jitterUs = 0;
      if (i + 1 < args.length && /^\d/.test(args[i + 1]!)) {
        i++;
        const j = parseTimeUs(args[i]!);
        if (j === null) throw new TcParseError('Illegal "jitter"\n');
        o.jitterUs = inTicksUs(j);
        correlation('delay');
      }
    } else if (a === 'loss') {
      let v = next();
      if (v === 'random') v = next();
      else if (v === 'state' || v === 'gemodel') throw new TcParseError(`tc netem loss ${v}`, true);
      const p = parsePercent(v);
      if (p === null) throw new TcParseError('Illegal "loss percent"\n');
      o.lossPct = p;
      correlation('loss');
    } else if (a === 'duplicate') {
      const p = parsePercent(next());
      if (p === null) throw new TcParseError('Illegal "duplicate"\n');
      o.duplicatePct = p;
      correlation('duplicate');
    } else if (a === 'rate') {
      const r = parseRateBps(next());
      if (r === null) throw new TcParseError('Illegal "rate"\n');
      o.rateBps = r;
      if (i + 1 < args.length && /^-?\d/.test(args[i + 1]!)) throw new TcParseError('tc netem rate packet overhead', true);
    } else if (NOT_MODELLED.includes(a)) {
      throw new TcParseError(`tc netem ${a}`, true);
    } else {
      throw new TcParseError(`What is "${a}"?\n${NETEM_USAGE}`);
    }
  }
  return o;
}

/** netem_print_opt: `limit 1000 delay 50ms  10ms loss 20% duplicate 1% rate 10Mbit`. */
export function printNetem(o: NetemOpts): string {
  let s = `limit ${o.limit}`;
  if (o.delayUs) {
    s += ` delay ${formatTimeUs(o.delayUs)}`;
    if (o.jitterUs) s += `  ${formatTimeUs(o.jitterUs)}`;
  }
  if (o.lossPct) s += ` loss ${o.lossPct}%`;
  if (o.duplicatePct) s += ` duplicate ${o.duplicatePct}%`;
  if (o.rateBps) s += ` rate ${formatRate(o.rateBps)}`;
  return s;
}
