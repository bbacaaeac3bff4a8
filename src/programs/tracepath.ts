/**
 * iputils `tracepath` (20221126) over IPv4: its options (-4 -n -m -l -p; getopt "46nbh?l:m:p:V"),
 * the probe loop in the simulator (sim/tracepath.ts), and every line as recverr() and main()
 * print it: `N?: [LOCALHOST] pmtu M` for a local EMSGSIZE, `N:  HOST  T.TTTms` for each answer
 * (`reached`, `pmtu M`, `asymm K`, `!H`, `!N`, `!A`, `!P`), `N:  no reply` after three silent
 * probes, then `Resume: pmtu M hops H back B`. IPv6, -b, names, reverse lookups (-n is needed)
 * and probes answered late are reported.
 */
import { parseIp6 } from '../model/ipv6/ip6.js';
import { tracepath, type TraceErr, type TraceLine } from '../../sim/tracepath.js';
import { unsupported } from '../iproute2/types.js';
import { inetAton } from './ping/args.js';
import type { ProgramContext, ProgramResult } from './program.js';

const USAGE =
  '\nUsage\n  tracepath [options] <destination>\n\nOptions:\n  -4             use IPv4\n  -6             use IPv6\n  -b             print both name and ip\n  -l <length>    use packet <length>\n  -m <hops>      use maximum <hops>\n  -n             no dns name resolution\n  -p <port>      use destination <port>\n  -V             print version and exit\n  <destination>  dns name or ip address\n\nFor more details see tracepath(8).\n';

const HOST_COLUMN = 52;

interface Args {
  /** -4 / -6 (0: either, as the address says) */
  family: 0 | 4 | 6;
  numeric: boolean;
  maxHops: number;
  mtu: number;
  basePort: number;
  target: string;
}

/** getopt "46nbh?l:m:p:V" (glibc, permuting): the options modelled, or the program's answer. */
function parseArgs(argv: string[]): Args | ProgramResult {
  const a: Omit<Args, 'target'> = { numeric: false, maxHops: 30, mtu: 65535, basePort: 44444, family: 0 };
  const operands: string[] = [];
  const int = (v: string, min: number, max: number): number | null => (/^\d+$/.test(v) && Number(v) >= min && Number(v) <= max ? Number(v) : null);
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    if (w === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (!w.startsWith('-') || w === '-') {
      operands.push(w);
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j]!;
      if (c === '4') {
        a.family = 4;
        continue;
      }
      if (c === '6') {
        a.family = 6;
        continue;
      }
      if (c === 'n') {
        a.numeric = true;
        continue;
      }
      if (c === 'b' || c === 'V') return unsupported(`tracepath -${c}`);
      if (c === 'l' || c === 'm' || c === 'p') {
        const v = j + 1 < w.length ? w.slice(j + 1) : argv[++i];
        if (v === undefined) return { exit: 255, stdout: '', stderr: `tracepath: option requires an argument -- '${c}'${USAGE}` };
        const n = c === 'l' ? int(v, 29, 2147483647) : c === 'm' ? int(v, 0, 255) : int(v, 1, 65535);
        if (n === null) return unsupported(`tracepath -${c} ${v}`);
        if (c === 'l') a.mtu = n;
        else if (c === 'm') a.maxHops = n;
        else a.basePort = n;
        break;
      }
      return { exit: 255, stdout: '', stderr: `${c === '?' || c === 'h' ? '' : `tracepath: invalid option -- '${c}'\n`}${USAGE}` };
    }
  }
  if (operands.length !== 1) return { exit: 255, stdout: '', stderr: USAGE };
  return { ...a, target: operands[0]! };
}

const pad2 = (n: number): string => String(n).padStart(2);

/** print_host: the name, then spaces to column 52. */
function host(name: string): string {
  const plen = Math.min(name.length, HOST_COLUMN - 1);
  return name + ' '.repeat(HOST_COLUMN - plen);
}

/** One recverr() line. */
function errLine(ttl: number, e: TraceErr): string {
  let out: string;
  if (e.origin === 'local') {
    out = `${pad2(ttl)}?: ${'[LOCALHOST]'.padEnd(32)} `;
  } else {
    out = e.sndhops > 0 ? `${pad2(e.sndhops)}:  ` : `${pad2(ttl)}?: `;
    out += host(e.from);
  }
  if (e.rttUs !== null) out += `${String(Math.trunc(e.rttUs / 1000)).padStart(3)}.${String(Math.trunc(e.rttUs) % 1000).padStart(3, '0')}ms `;
  const r = e.rethops;
  const back = r <= 64 ? 65 - r : r <= 128 ? 129 - r : 256 - r;
  switch (e.errno) {
    case 'ETIMEDOUT':
      return `${out}\n`;
    case 'EMSGSIZE':
      return `${out}pmtu ${e.info}\n`;
    case 'ECONNREFUSED':
      return `${out}reached\n`;
    case 'EPROTO':
      return `${out}!P\n`;
    case 'EHOSTUNREACH':
      if (e.origin === 'icmp' && e.timeExceeded) {
        if (back >= 0 && ((e.sndhops >= 0 && back !== e.sndhops) || (e.sndhops < 0 && back !== ttl))) out += `asymm ${pad2(back)} `;
        return `${out}\n`;
      }
      return `${out}!H\n`;
    case 'ENETUNREACH':
      return `${out}!N\n`;
    case 'EACCES':
      return `${out}!A\n`;
    default:
      return '';
  }
}

function lineText(l: TraceLine): string {
  if (l.kind === 'no-reply') return `${pad2(l.ttl)}:  no reply\n`;
  if (l.kind === 'send-failed') return `${pad2(l.ttl)}:  send failed\n`;
  return errLine(l.ttl, l.err);
}

/** `tracepath ARGS` in namespace `ctx.ns` (argv without "tracepath"); the clock advances as it runs. */
export function runTracepath(ctx: ProgramContext, argv: string[]): ProgramResult {
  const a = parseArgs(argv);
  if (!('target' in a)) return a;
  // each answer's reverse lookup waits on the resolver (seconds each where no DNS answers)
  if (!a.numeric) return unsupported('tracepath without -n (reverse name lookups)');
  let dst: number | bigint | null;
  // getaddrinfo with the family asked: a literal of the other family is EAI_ADDRFAMILY
  const literal6 = parseIp6(a.target) !== null;
  const literal4 = !literal6 && inetAton(a.target) !== null && /^[\d.]+$/.test(a.target);
  if ((a.family === 4 && literal6) || (a.family === 6 && literal4)) return { exit: 1, stdout: '', stderr: `tracepath: ${a.target}: Address family for hostname not supported\n` };
  if (a.target.includes(':')) {
    dst = a.family === 4 ? null : parseIp6(a.target);
    if (dst === null) return unsupported('tracepath to that IPv6 destination (a scope, a name, or -4)');
    const d = dst;
    if (ctx.ns.linkList().some((l) => l.inet6.addrs.some((x) => x.addr === d)) || d === 1n) return unsupported('tracepath to a local address');
  } else {
    dst = a.family === 6 ? null : inetAton(a.target.replace(/\/.*$/, ''));
    if (dst === null || a.target.includes('/')) return unsupported('tracepath to a name (or DEST/PORT, or an IPv4 address with -6)');
    // a local destination: lo's MTU is more than a route's IP_MAX_MTU, not modelled
    if (ctx.sim.state(ctx.ns).fib.addrType(dst) === 'local') return unsupported('tracepath to a local address');
  }
  const r = tracepath(ctx.sim, ctx.ns, dst, { maxHops: a.maxHops, mtu: a.mtu, basePort: a.basePort });
  if (r.unmodelled) return unsupported(r.unmodelled);
  let out = '';
  for (const l of r.lines) {
    const t = lineText(l);
    if (!t) return unsupported(`tracepath: an error it calls NET ERROR (${l.kind === 'err' ? l.err.errno : ''})`);
    out += t;
  }
  if (r.tooMany) out += `     Too many hops: pmtu ${r.mtu}\n`;
  out += `     Resume: pmtu ${r.mtu} ${r.hopsTo >= 0 ? `hops ${r.hopsTo} ` : ''}${r.hopsFrom >= 0 ? `back ${r.hopsFrom} ` : ''}\n`;
  return { exit: 0, stdout: out, stderr: '' };
}
