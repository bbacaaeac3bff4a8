/**
 * `tc qdisc … tbf OPTIONS` (tc/q_tbf.c of iproute2 6.1.0: tbf_parse_opt, tbf_print_opt) and
 * what sch_tbf.c's tbf_change keeps of them: the bucket depth is recomputed from the burst tc
 * sends (TCA_TBF_BURST) with the kernel's rate arithmetic, so `tc qdisc show` prints what the
 * kernel holds, rounded as tc rounds it.
 */
import { l2tNs, rateCfg } from '../../model/psched.js';
import type { TbfOpts } from '../../model/qdisc.js';
import { TcParseError } from './netem.js';
import { formatRate, formatSize, formatTimeUs, parseRateBps, parseSizeCell, parseSize, parseTimeUs, tickToUs, xmitSize } from './units.js';

const TBF_USAGE = 'Usage: ... tbf limit BYTES burst BYTES[/BYTES] rate KBPS [ mtu BYTES[/BYTES] ]\n\t[ peakrate KBPS ] [ latency TIME ] [ overhead BYTES ] [ linklayer TYPE ]\n';

/** iproute2's matches(): `arg` is a prefix of `word`. */
const matches = (arg: string, word: string): boolean => arg.length > 0 && word.startsWith(arg);

/** tbf_parse_opt, then the kernel's tbf_change (its EINVAL: a TcParseError with exit 2). */
export function parseTbf(args: string[]): TbfOpts {
  let limit = 0;
  let latency = 0;
  let buffer = 0;
  let mtu = 0;
  let rate = 0;
  let prate = 0;
  const bad = (name: string, v: string) => new TcParseError(`tbf: illegal value for "${name}": "${v}"\n`);
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const next = (): string => {
      i++;
      if (i >= args.length) throw new TcParseError('Command line is not complete. Try option "help"\n');
      return args[i]!;
    };
    if (matches(a, 'limit')) {
      const v = next();
      if (limit) throw new TcParseError('tbf: duplicate "limit" specification\n');
      if (latency) throw new TcParseError('tbf: specifying both "latency" and "limit" is not allowed\n');
      const s = parseSize(v);
      if (s === null) throw bad('limit', v);
      limit = s;
    } else if (matches(a, 'latency')) {
      const v = next();
      if (latency) throw new TcParseError('tbf: duplicate "latency" specification\n');
      if (limit) throw new TcParseError('tbf: specifying both "limit" and "/latency" is not allowed\n');
      const t = parseTimeUs(v);
      if (t === null) throw bad('latency', v);
      latency = Math.trunc(t);
    } else if (matches(a, 'burst') || a === 'buffer' || a === 'maxburst') {
      const v = next();
      if (buffer) throw new TcParseError('tbf: duplicate "buffer/burst/maxburst" specification\n');
      const s = parseSizeCell(v);
      if (s === null) throw bad(a, v);
      buffer = s;
    } else if (a === 'mtu' || a === 'minburst') {
      const v = next();
      if (mtu) throw new TcParseError('tbf: duplicate "mtu/minburst" specification\n');
      const s = parseSizeCell(v);
      if (s === null) throw bad(a, v);
      mtu = s;
    } else if (a === 'rate' || matches(a, 'peakrate')) {
      const v = next();
      const name = a === 'rate' ? 'rate' : 'peakrate';
      if (name === 'rate' ? rate : prate) throw new TcParseError(`tbf: duplicate "${name}" specification\n`);
      if (v.includes('%')) throw new TcParseError(`tc tbf ${name} as a share of the device's speed`, true);
      const r = parseRateBps(v);
      if (r === null) throw bad(name, v);
      if (name === 'rate') rate = r / 8;
      else prate = r / 8;
    } else if (a === 'mpu' || matches(a, 'overhead') || matches(a, 'linklayer')) {
      throw new TcParseError(`tc tbf ${a}`, true);
    } else if (a === 'help') {
      throw new TcParseError(TBF_USAGE);
    } else {
      throw new TcParseError(`tbf: unknown parameter "${a}"\n${TBF_USAGE}`);
    }
  }
  let err = '';
  if (rate === 0) err += 'tbf: the "rate" parameter is mandatory.\n';
  if (!buffer) err += 'tbf: the "burst" parameter is mandatory.\n';
  if (prate && !mtu) err += 'tbf: when "peakrate" is specified, "mtu" must also be specified.\n';
  if (!limit && !latency) err += 'tbf: either "limit" or "latency" is required.\n';
  if (err) throw new TcParseError(err + TBF_USAGE);
  if (!limit) {
    let lim = (rate * latency) / 1_000_000 + buffer;
    if (prate) lim = Math.min(lim, (prate * latency) / 1_000_000 + mtu);
    limit = Math.trunc(lim) >>> 0;
  }
  // tbf_change: the depth from TCA_TBF_BURST (and TCA_TBF_PBURST) in the kernel's arithmetic
  const bufferNs = l2tNs(rateCfg(rate), buffer);
  let maxSize = buffer;
  let mtuTicks = 0;
  if (prate) {
    if (prate <= rate) throw new TcParseError('RTNETLINK answers: Invalid argument\n', false, 2);
    maxSize = Math.min(maxSize, mtu);
    mtuTicks = Math.floor(l2tNs(rateCfg(prate), mtu) / 64);
  }
  return { rate, bufferTicks: Math.floor(bufferNs / 64), maxSize, limit, peakrate: prate, mtuTicks };
}

/** tbf_print_opt without -d/-r. */
export function printTbf(o: TbfOpts): string {
  let s = `rate ${formatRate(o.rate * 8)} burst ${formatSize(xmitSize(o.rate, o.bufferTicks))} `;
  if (o.peakrate) {
    s += `peakrate ${formatRate(o.peakrate * 8)} `;
    if (o.mtuTicks) s += `minburst ${formatSize(xmitSize(o.peakrate, o.mtuTicks))} `;
  }
  let latency = 1_000_000 * (o.limit / o.rate) - tickToUs(o.bufferTicks);
  if (o.peakrate) latency = Math.max(latency, 1_000_000 * (o.limit / o.peakrate) - tickToUs(o.mtuTicks));
  if (latency >= 0) s += `lat ${formatTimeUs(Math.trunc(latency) >>> 0)} `;
  else s += `limit ${formatSize(o.limit)} `;
  return s;
}
