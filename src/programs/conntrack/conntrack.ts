/**
 * `conntrack` (conntrack-tools 1.4.7) on the namespace's connection tracking table: -L lists
 * (the default format, or `-o extended`), -D deletes what the filters select (printing each),
 * -F empties the table, -C counts; filters -p, -s/-d (original direction), -r/-q (reply),
 * --sport/--dport. The summary line goes to stderr, as conntrack prints it.
 */
import { ip4ToString, parseIp4 } from '../../model/ip.js';
import { IPS, type CtEntry, type CtTuple } from '../../model/netfilter/conntrack.js';
import type { Ct6Entry, Ct6Tuple } from '../../model/netfilter/conntrack6.js';
import { formatIp6 } from '../../model/ipv6/ip6.js';
import type { ProgramContext, ProgramResult } from '../program.js';

const HEAD = 'conntrack v1.4.7 (conntrack-tools)';

const PROTO_NAMES: Record<number, string> = { 1: 'icmp', 58: 'icmpv6', 6: 'tcp', 17: 'udp', 132: 'sctp', 33: 'dccp', 136: 'udplite', 47: 'gre' };

function usage(msg: string): ProgramResult {
  return { exit: 2, stdout: '', stderr: `${HEAD}: ${msg}\nTry \`conntrack -h' or 'conntrack --help' for more information.\n` };
}

function unsupported(why: string): ProgramResult {
  return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${why} is not modelled\n`, unsupported: true };
}

function tupleText(t: CtTuple | Ct6Tuple): string {
  const text = (a: number | bigint) => (typeof a === 'bigint' ? formatIp6(a) : ip4ToString(a));
  let s = `src=${text(t.src)} dst=${text(t.dst)} `;
  if (t.proto === 1 || t.proto === 58) s += `type=${t.type} code=${'code' in t ? t.code : 0} id=${t.sport} `;
  else if (t.proto === 6 || t.proto === 17) s += `sport=${t.sport} dport=${t.dport} `;
  return s;
}

/**
 * One entry as `conntrack -L` prints it (extended: with the layer 3 name and number first).
 * `use` is the entry's reference count: the table's, and one per packet that holds it while it
 * waits (a packet queued for neighbour resolution keeps skb->_nfct: `heldBy`).
 */
export function entryText(e: CtEntry | Ct6Entry, now: number, extended: boolean, heldBy: ReadonlyMap<object, number> = NO_HOLDERS): string {
  const name = PROTO_NAMES[e.orig.proto] ?? 'unknown';
  let s = extended ? (typeof e.orig.src === 'bigint' ? 'ipv6     10 ' : 'ipv4     2 ') : '';
  s += `${name.padEnd(8)} ${e.orig.proto} ${Math.max(0, Math.floor((e.expires - now) / 1e6))} `;
  if (e.orig.proto === 6) s += `${e.tcpState ?? 'NONE'} `;
  s += tupleText(e.orig);
  if (!(e.status & IPS.SEEN_REPLY)) s += '[UNREPLIED] ';
  s += tupleText(e.reply);
  if (e.status & IPS.ASSURED) s += '[ASSURED] ';
  return `${s}mark=${e.mark} use=${1 + (heldBy.get(e) ?? 0)}\n`;
}

const NO_HOLDERS: ReadonlyMap<object, number> = new Map();

/** The connections packets waiting in the namespace's neighbour queues hold, and how many each. */
function queuedHolders(ctx: ProgramContext): Map<object, number> {
  const out = new Map<object, number>();
  ctx.sim.sync();
  for (const table of ctx.sim.state(ctx.ns).neigh.values()) {
    for (const e of table.values()) {
      for (const p of e.queue) {
        const ct = p.nf?.ct ?? p.nf?.ct6;
        if (ct) out.set(ct, (out.get(ct) ?? 0) + 1);
      }
    }
  }
  return out;
}

interface Filters {
  proto: number | null;
  src: number | null;
  dst: number | null;
  replySrc: number | null;
  replyDst: number | null;
  sport: number | null;
  dport: number | null;
}

function selected(e: CtEntry, f: Filters): boolean {
  if (f.proto !== null && e.orig.proto !== f.proto) return false;
  if (f.src !== null && e.orig.src !== f.src) return false;
  if (f.dst !== null && e.orig.dst !== f.dst) return false;
  if (f.replySrc !== null && e.reply.src !== f.replySrc) return false;
  if (f.replyDst !== null && e.reply.dst !== f.replyDst) return false;
  if (f.sport !== null && e.orig.sport !== f.sport) return false;
  if (f.dport !== null && e.orig.dport !== f.dport) return false;
  return true;
}

/**
 * Runs conntrack in the context's namespace, on its simulator's table.
 *
 * @example
 * runConntrack(ctx, ['-L']).stderr; // 'conntrack v1.4.7 (conntrack-tools): 0 flow entries have been shown.\n'
 */
export function runConntrack(ctx: ProgramContext, argv: string[]): ProgramResult {
  let cmd: 'L' | 'D' | 'F' | 'C' | null = null;
  let extended = false;
  /** IPv6 connections cannot be selected (-f ipv4, or an IPv4 address to match) */
  let v4only = false;
  /** only IPv6 connections (-f ipv6): an IPv4 filter then selects nothing the model lists */
  let v6only = false;
  const f: Filters = { proto: null, src: null, dst: null, replySrc: null, replyDst: null, sport: null, dport: null };
  const cmds: Record<string, 'L' | 'D' | 'F' | 'C'> = { '-L': 'L', '--dump': 'L', '-D': 'D', '--delete': 'D', '-F': 'F', '--flush': 'F', '-C': 'C', '--count': 'C' };
  const addrOpts: Record<string, keyof Filters> = {
    '-s': 'src',
    '--src': 'src',
    '--orig-src': 'src',
    '-d': 'dst',
    '--dst': 'dst',
    '--orig-dst': 'dst',
    '-r': 'replySrc',
    '--reply-src': 'replySrc',
    '-q': 'replyDst',
    '--reply-dst': 'replyDst',
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const c = cmds[a];
    if (c) {
      if (cmd !== null) return unsupported(`conntrack with two commands`);
      cmd = c;
      // -L and -D take an optional table name (conntrack, expect, dying, unconfirmed)
      if (argv[i + 1] === 'conntrack') i++;
      continue;
    }
    const value = argv[i + 1];
    if (addrOpts[a]) {
      if (value === undefined) return usage(`option \`${a}' requires an argument`);
      const ip = parseIp4(value);
      if (ip === null) return unsupported(`conntrack ${a} ${value}`);
      (f as unknown as Record<string, number>)[addrOpts[a]!] = ip;
      v4only = true;
      i++;
    } else if (a === '-p' || a === '--proto') {
      if (value === undefined) return usage(`option \`${a}' requires an argument`);
      const n = /^\d+$/.test(value) ? Number(value) : Number(Object.entries(PROTO_NAMES).find(([, name]) => name === value)?.[0] ?? Number.NaN);
      if (!(n >= 0 && n <= 255)) return unsupported(`conntrack -p ${value}`);
      f.proto = n;
      i++;
    } else if (a === '--sport' || a === '--orig-port-src' || a === '--dport' || a === '--orig-port-dst') {
      if (value === undefined || !/^\d+$/.test(value)) return unsupported(`conntrack ${a} ${value ?? ''}`);
      if (a.includes('src') || a === '--sport') f.sport = Number(value);
      else f.dport = Number(value);
      i++;
    } else if (a === '-o' || a === '--output') {
      if (value !== 'extended') return unsupported(`conntrack -o ${value ?? ''}`);
      extended = true;
      i++;
    } else if ((a === '-f' || a === '--family') && (value === 'ipv4' || value === 'ipv6')) {
      if (value === 'ipv4') v4only = true;
      else v6only = true;
      i++;
    } else if (/^-[A-Za-z]$|^--[a-z-]+$/.test(a) && !KNOWN.has(a)) return usage(`unknown option \`${a}'`);
    else return unsupported(`conntrack ${a}`);
  }
  const ns = ctx.ns;
  const now = ctx.sim.now;
  const table = ctx.sim.nf.conntrack(ns);
  // conntrack needs the kernel module in the namespace: any netfilter state makes it answer
  if (cmd === null) return unsupported('conntrack without a command');
  if (cmd === 'F') {
    // both families' connections (the listing shows only IPv4's: IPv6 entries are not listed)
    table.clear();
    ctx.sim.nf.conntrack6(ns).clear();
    return { exit: 0, stdout: '', stderr: `${HEAD}: connection tracking table has been emptied.\n` };
  }
  if (v6only) return listV6(ctx, cmd, f, extended, v4only);
  const hits = table.entries(now).filter((e) => selected(e, f));
  // both families at once: the kernel lists them in its hash order, which the model does not follow
  const six = v4only ? 0 : ctx.sim.nf.conntrack6(ns).live(now);
  if (cmd === 'C' && f.proto === null && f.sport === null && f.dport === null) return { exit: 0, stdout: `${hits.length + six}\n`, stderr: '' };
  // only IPv6 connections answer: the listing is -f ipv6's
  if (six && hits.length === 0) return listV6(ctx, cmd, f, extended, false);
  if (six) return unsupported('conntrack on IPv6 and IPv4 connections at once (listed, filtered or deleted)');
  if (cmd === 'C') return { exit: 0, stdout: `${hits.length}\n`, stderr: '' };
  const held = queuedHolders(ctx);
  const text = hits.map((e) => entryText(e, now, extended, held)).join('');
  if (cmd === 'D') {
    for (const e of hits) table.remove(e);
    return { exit: hits.length ? 0 : 1, stdout: text, stderr: `${HEAD}: ${hits.length} flow entries have been deleted.\n` };
  }
  return { exit: 0, stdout: text, stderr: `${HEAD}: ${hits.length} flow entries have been shown.\n` };
}

/** `-f ipv6`: the IPv6 connections (-p, --sport, --dport select; address filters are IPv4's here). */
function listV6(ctx: ProgramContext, cmd: 'L' | 'D' | 'C', f: Filters, extended: boolean, v4filter: boolean): ProgramResult {
  if (v4filter) return unsupported('conntrack -f ipv6 with an IPv4 address filter');
  const now = ctx.sim.now;
  const table = ctx.sim.nf.conntrack6(ctx.ns);
  const hits = table.entries(now).filter((e) => (f.proto === null || e.orig.proto === f.proto) && (f.sport === null || e.orig.sport === f.sport) && (f.dport === null || e.orig.dport === f.dport));
  if (cmd === 'C') return { exit: 0, stdout: `${hits.length}\n`, stderr: '' };
  const held = queuedHolders(ctx);
  const text = hits.map((e) => entryText(e, now, extended, held)).join('');
  if (cmd === 'D') {
    for (const e of hits) table.remove(e);
    return { exit: hits.length ? 0 : 1, stdout: text, stderr: `${HEAD}: ${hits.length} flow entries have been deleted.\n` };
  }
  return { exit: 0, stdout: text, stderr: `${HEAD}: ${hits.length} flow entries have been shown.\n` };
}

/** conntrack's options the model does not handle (they are not modelled, not unknown). */
const KNOWN = new Set([
  '-E',
  '--event',
  '-G',
  '--get',
  '-I',
  '--create',
  '-U',
  '--update',
  '-S',
  '--stats',
  '-R',
  '--load-file',
  '-m',
  '--mark',
  '-t',
  '--timeout',
  '-u',
  '--status',
  '-z',
  '--zero',
  '-e',
  '--event-mask',
  '-b',
  '--buffer-size',
  '-n',
  '--src-nat',
  '-g',
  '--dst-nat',
  '-c',
  '--secmark',
  '-w',
  '--zone',
  '-l',
  '--label',
  '-A',
  '--label-add',
  '--label-del',
  '--any-nat',
  '--tuple-src',
  '--tuple-dst',
  '--mask-src',
  '--mask-dst',
  '--icmp-type',
  '--icmp-code',
  '--icmp-id',
  '--reply-port-src',
  '--reply-port-dst',
  '--state',
  '-i',
  '--id',
  '-h',
  '--help',
  '-V',
  '--version',
  '-j',
]);
