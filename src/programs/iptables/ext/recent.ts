/**
 * The recent match (extensions/libxt_recent.c of iptables 1.8.9, revision 1): one of `--set`,
 * `--rcheck`, `--update`, `--remove` (each may be inverted), with `--seconds`, `--reap`,
 * `--hitcount`, `--rttl`, `--name` (DEFAULT), `--rsource`/`--rdest` and `--mask`, listed and
 * saved in iptables' words (`-S` writes the name, mask and side even when they are defaults).
 */
import { ip4ToString } from '../../../model/ip.js';
import { formatIp6, parseIp6 } from '../../../model/ipv6/ip6.js';
import type { RecentMatch } from '../../../model/netfilter/match.js';
import { numericToAddr } from '../values.js';
import { paramError, x6Final, x6Parse, x6Uint, type ExtOption, type MatchExt } from './types.js';

const OPS = ['set', 'rcheck', 'update', 'remove'];
const others = (op: string) => OPS.filter((o) => o !== op);
const RECENT_OPTS: ExtOption[] = [
  { name: 'set', hasArg: 0, id: 'set', invert: true, excl: others('set') },
  { name: 'rcheck', hasArg: 0, id: 'rcheck', invert: true, excl: others('rcheck') },
  { name: 'update', hasArg: 0, id: 'update', invert: true, excl: others('update') },
  { name: 'remove', hasArg: 0, id: 'remove', invert: true, excl: others('remove') },
  { name: 'seconds', hasArg: 1, id: 'seconds' },
  { name: 'reap', hasArg: 0, id: 'reap', also: ['seconds'] },
  { name: 'hitcount', hasArg: 1, id: 'hitcount' },
  { name: 'rttl', hasArg: 0, id: 'rttl', excl: ['set', 'remove'] },
  { name: 'name', hasArg: 1, id: 'name' },
  { name: 'rsource', hasArg: 0, id: 'rsource' },
  { name: 'rdest', hasArg: 0, id: 'rdest' },
  { name: 'mask', hasArg: 1, id: 'mask' },
];

const LABEL: Record<RecentMatch['op'], string> = { set: 'SET', rcheck: 'CHECK', update: 'UPDATE', remove: 'REMOVE' };

/** The ring of timestamps an entry keeps (ip_pkt_list_tot = 20, rounded up to a power of two). */
export const RECENT_STAMPS = 32;

export function recentExt(v6: boolean): MatchExt {
  const maskText = (m: RecentMatch) => (v6 ? formatIp6(m.mask6 ?? (1n << 128n) - 1n) : ip4ToString(m.mask));
  return {
    name: 'recent',
    x6: true,
    options: RECENT_OPTS,
    init: (): RecentMatch => ({
      kind: 'recent',
      op: 'set',
      invert: false,
      seconds: 0,
      hitCount: 0,
      reap: false,
      ttl: false,
      name: 'DEFAULT',
      side: 'source',
      mask: 0xffffffff,
      ...(v6 ? { mask6: (1n << 128n) - 1n } : {}),
    }),
    parse(c, mm, opt, arg, invert, seen) {
      const m = mm as RecentMatch;
      x6Parse(c, 'recent', opt, arg, invert, seen);
      switch (opt.id) {
        case 'set':
        case 'rcheck':
        case 'update':
        case 'remove':
          m.op = opt.id;
          if (invert) m.invert = true;
          return;
        case 'seconds':
          m.seconds = x6Uint(c, 'recent', opt, arg!, 1);
          return;
        case 'hitcount':
          m.hitCount = x6Uint(c, 'recent', opt, arg!);
          return;
        case 'reap':
          m.reap = true;
          return;
        case 'rttl':
          m.ttl = true;
          return;
        case 'name':
          m.name = arg!;
          return;
        case 'rsource':
          m.side = 'source';
          return;
        case 'rdest':
          m.side = 'dest';
          return;
        case 'mask': {
          if (v6) {
            const a = parseIp6(arg!);
            if (a === null) throw paramError(c, `recent: bad value for option "--mask", or out of range (0-0).\n`);
            m.mask6 = a;
          } else {
            const a = numericToAddr(arg!, false);
            if (a === null) throw paramError(c, `host/network \`${arg}' not found`);
            m.mask = a;
          }
          return;
        }
      }
    },
    final(c, _m, seen) {
      x6Final(c, 'recent', RECENT_OPTS, seen);
      if (!OPS.some((o) => seen.has(o))) throw paramError(c, "recent: you must specify one of `--set', `--rcheck' `--update' or `--remove'");
    },
    // a list of more than 32 timestamps grows the ring (and flushes the list): not modelled
    unmodelled: (mm) => ((mm as RecentMatch).hitCount >= RECENT_STAMPS ? 'recent --hitcount of 32 or more' : (mm as RecentMatch).name.length >= 200 ? 'recent --name of 200 characters or more' : null),
    print(mm) {
      const m = mm as RecentMatch;
      let s = `${m.invert ? ' !' : ''} recent: ${LABEL[m.op]}`;
      if (m.seconds) s += ` seconds: ${m.seconds}`;
      if (m.reap) s += ' reap';
      if (m.hitCount) s += ` hit_count: ${m.hitCount}`;
      if (m.ttl) s += ' TTL-Match';
      return `${s} name: ${m.name} side: ${m.side} mask: ${maskText(m)}`;
    },
    save(mm) {
      const m = mm as RecentMatch;
      let s = `${m.invert ? ' !' : ''} --${m.op}`;
      if (m.seconds) s += ` --seconds ${m.seconds}`;
      if (m.reap) s += ' --reap';
      if (m.hitCount) s += ` --hitcount ${m.hitCount}`;
      if (m.ttl) s += ' --rttl';
      return `${s} --name ${m.name} --mask ${maskText(m)} --r${m.side}`;
    },
  };
}
