/**
 * iputils `ping` (20221126, the version on the reference machine; run as root) over the
 * simulator: option parsing as glibc getopt and iputils do it, name resolution as the sandbox's
 * resolver answers (no DNS reachable from a namespace), and output byte for byte as iputils
 * prints it — only the times differ, see `maskPingTimes`.
 */
import type { Ip4 } from '../model/ip.js';
import { ip4ToString } from '../model/ip.js';
import { ping, type PingOptions, type PingResult } from '../../sim/ping.js';
import type { Simulator } from '../../sim/simulator.js';
import { unsupported, type CmdContext, type CommandResult } from '../iproute2/types.js';
import type { PingSummary } from '../exec/step.js';

/** How names that /etc/hosts does not know resolve (getaddrinfo's error). */
export type ResolverFailure = 'EAI_AGAIN' | 'EAI_NONAME';

export interface PingCommandOptions {
  /**
   * `EAI_AGAIN` (default): "Temporary failure in name resolution", what a namespace without a
   * route to the DNS server gets (the sandbox); `EAI_NONAME`: "Name or service not known",
   * what a host with working DNS gets for a name that does not exist.
   */
  resolver?: ResolverFailure;
  /** extra /etc/hosts entries (name → address); `localhost` is always 127.0.0.1 */
  hosts?: Record<string, string>;
}

const VERSION = 'ping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n';

const USAGE = `
Usage
  ping [options] <destination>

Options:
  <destination>      dns name or ip address
  -a                 use audible ping
  -A                 use adaptive ping
  -B                 sticky source address
  -c <count>         stop after <count> replies
  -C                 call connect() syscall on socket creation
  -D                 print timestamps
  -d                 use SO_DEBUG socket option
  -e <identifier>    define identifier for ping session, default is random for
                     SOCK_RAW and kernel defined for SOCK_DGRAM
                     Imply using SOCK_RAW (for IPv4 only for identifier 0)
  -f                 flood ping
  -h                 print help and exit
  -I <interface>     either interface name or address
  -i <interval>      seconds between sending each packet
  -L                 suppress loopback of multicast packets
  -l <preload>       send <preload> number of packages while waiting replies
  -m <mark>          tag the packets going out
  -M <pmtud opt>     define mtu discovery, can be one of <do|dont|want>
  -n                 no dns name resolution
  -O                 report outstanding replies
  -p <pattern>       contents of padding byte
  -q                 quiet output
  -Q <tclass>        use quality of service <tclass> bits
  -s <size>          use <size> as number of data bytes to be sent
  -S <size>          use <size> as SO_SNDBUF socket option value
  -t <ttl>           define time to live
  -U                 print user-to-user latency
  -v                 verbose output
  -V                 print version and exit
  -w <deadline>      reply wait <deadline> in seconds
  -W <timeout>       time to wait for response

IPv4 options:
  -4                 use IPv4
  -b                 allow pinging broadcast
  -R                 record route
  -T <timestamp>     define timestamp, can be one of <tsonly|tsandaddr|tsprespec>

IPv6 options:
  -6                 use IPv6
  -F <flowlabel>     define flow label, default is random
  -N <nodeinfo opt>  use icmp6 node info query, try <help> as argument

For more details see ping(8).
`;

/** Option letters of iputils' getopt string, and whether each takes an argument. */
const OPTSTRING = 'h?4bRT:6F:N:aABc:CdDe:fi:I:l:Lm:M:nOp:qQ:rs:S:t:UvVw:W:';
const TAKES_ARG = new Map<string, boolean>();
for (let i = 0; i < OPTSTRING.length; i++) {
  const c = OPTSTRING[i]!;
  if (c === ':') continue;
  TAKES_ARG.set(c, OPTSTRING[i + 1] === ':');
}

/** Options the model does not cover: the line is reported unsupported rather than guessed. */
const UNSUPPORTED = new Set(['6', 'F', 'N', 'A', 'B', 'C', 'd', 'D', 'e', 'f', 'l', 'L', 'm', 'M', 'O', 'p', 'Q', 'r', 'S', 'U', 'v', 'R', 'T']);

class Exit {
  constructor(
    readonly exit: number,
    readonly stderr: string,
    readonly stdout = '',
  ) {}
}

const LONG_MAX = 9223372036854775807n;

/** iputils strtol_or_err (base 10, whole string). */
function strtolOrErr(s: string, min: bigint, max: bigint): number {
  const m = /^\s*[+-]?\d+$/.exec(s);
  if (!m || s === '') throw new Exit(1, `ping: invalid argument: '${s}'\n`);
  const v = BigInt(s.trim());
  if (v > LONG_MAX || v < -LONG_MAX - 1n) throw new Exit(1, `ping: invalid argument: '${s}': Numerical result out of range\n`);
  if (v < min || v > max) throw new Exit(1, `ping: invalid argument: '${s}': out of range: ${min} <= value <= ${max}\n`);
  return Number(v);
}

/** iputils ping_strtod: strtod, warning (not failing) on trailing garbage. */
function strtod(s: string, what: string, warn: string[]): number {
  if (s === '') throw new Exit(2, `ping: ${what}: \n`);
  const m = /^\s*[+-]?(?:inf(?:inity)?|nan|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/i.exec(s);
  const head = m ? m[0] : '';
  const rest = s.slice(head.length);
  if (rest !== '' || !m) {
    warn.push(`ping: option argument contains garbage: ${rest === '' ? s : rest}\n`, 'ping: this will become fatal error in the future\n');
  }
  const v = m ? Number(head.trim().replace(/^([+-]?)inf(inity)?$/i, '$1Infinity')) : 0;
  if (!Number.isFinite(v)) throw new Exit(2, `ping: ${what}: ${s}: Numerical result out of range\n`);
  return v;
}

/** glibc inet_aton: a, a.b, a.b.c or a.b.c.d, each part decimal, 0x-hex or 0-octal. */
export function inetAton(s: string): Ip4 | null {
  const t = s.replace(/\s+$/, '');
  if (t === '' || !/^[0-9a-fA-FxX.]+$/.test(t)) return null;
  const parts = t.split('.');
  if (parts.length > 4) return null;
  const nums: number[] = [];
  for (const p of parts) {
    let v: number;
    if (/^0[xX][0-9a-fA-F]*$/.test(p)) v = p.length > 2 ? parseInt(p.slice(2), 16) : 0;
    else if (/^0[0-7]*$/.test(p)) v = parseInt(p, 8);
    else if (/^[1-9][0-9]*$/.test(p)) v = parseInt(p, 10);
    else return null;
    nums.push(v);
  }
  const last = nums[nums.length - 1]!;
  const lead = nums.slice(0, -1);
  if (lead.some((x) => x > 255)) return null;
  const room = [0xffffffff, 0xffffff, 0xffff, 0xff][lead.length]!;
  if (last > room) return null;
  let v = 0;
  for (let i = 0; i < lead.length; i++) v += lead[i]! * 2 ** (24 - 8 * i);
  return (v + last) >>> 0;
}

/** C's %g for the loss percentage (printed from a float). */
export function fmtG(x: number): string {
  const f = Math.fround(x);
  if (f === 0) return '0';
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 6) {
    const [m, e] = f.toExponential(5).split('e');
    const mant = m!.includes('.') ? m!.replace(/0+$/, '').replace(/\.$/, '') : m!;
    const en = Number(e);
    return `${mant}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  const s = f.toFixed(Math.max(0, 5 - exp));
  return s.includes('.') ? s.replace(/0+$/, '').replace(/\.$/, '') : s;
}

/** gather_statistics' time format. */
function fmtTime(us: number): string {
  if (us >= 100000 - 50) return `${Math.trunc((us + 500) / 1000)}`;
  if (us >= 10000 - 5) {
    const v = us + 50;
    return `${Math.trunc(v / 1000)}.${Math.trunc((v % 1000) / 100)}`;
  }
  if (us >= 1000) {
    const v = us + 5;
    return `${Math.trunc(v / 1000)}.${String(Math.trunc((v % 1000) / 10)).padStart(2, '0')}`;
  }
  return `${Math.trunc(us / 1000)}.${String(us % 1000).padStart(3, '0')}`;
}

function ms3(us: number): string {
  return `${Math.trunc(us / 1000)}.${String(Math.trunc(us) % 1000).padStart(3, '0')}`;
}

interface Parsed {
  opts: PingOptions;
  quiet: boolean;
  numeric: boolean;
  audible: boolean;
  targets: string[];
  warnings: string[];
}

/** glibc getopt with argument permutation, iputils' option handlers. */
function parseArgs(argv: string[]): Parsed | CommandResult {
  const p: Parsed = { opts: {}, quiet: false, numeric: false, audible: false, targets: [], warnings: [] };
  let i = 0;
  let onlyOperands = false;
  while (i < argv.length) {
    const a = argv[i++]!;
    if (onlyOperands || a === '-' || !a.startsWith('-')) {
      p.targets.push(a);
      continue;
    }
    if (a === '--') {
      onlyOperands = true;
      continue;
    }
    if (a.startsWith('--')) {
      throw new Exit(2, `ping: unrecognized option '${a}'\n${USAGE}`);
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j]!;
      const takes = TAKES_ARG.get(c);
      if (takes === undefined) throw new Exit(2, `ping: invalid option -- '${c}'\n${USAGE}`);
      let arg = '';
      if (takes) {
        if (j + 1 < a.length) arg = a.slice(j + 1);
        else if (i < argv.length) arg = argv[i++]!;
        else throw new Exit(2, `ping: option requires an argument -- '${c}'\n${USAGE}`);
        j = a.length;
      }
      if (UNSUPPORTED.has(c)) return unsupported(`ping option -${c}`);
      switch (c) {
        case 'h':
        case '?':
          throw new Exit(2, USAGE);
        case 'V':
          throw new Exit(0, '', VERSION);
        case '4':
          break;
        case 'b':
          p.opts.broadcast = true;
          break;
        case 'a':
          p.audible = true;
          break;
        case 'c':
          p.opts.count = strtolOrErr(arg, 1n, LONG_MAX);
          break;
        case 'i': {
          const v = strtod(arg, 'bad timing interval', p.warnings);
          if (v > 2147483647 / 1000) throw new Exit(2, `ping: bad timing interval: ${arg}\n`);
          p.opts.interval = v;
          break;
        }
        case 'I':
          if (arg.includes(':')) return unsupported('ping -I with an IPv6 address');
          {
            const a4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(arg) ? inetAton(arg) : null;
            if (a4 !== null) p.opts.source = a4;
            else p.opts.iface = arg;
          }
          break;
        case 'n':
          p.numeric = true;
          break;
        case 'q':
          p.quiet = true;
          break;
        case 's':
          p.opts.size = strtolOrErr(arg, 0n, 2147483647n);
          break;
        case 't':
          p.opts.ttl = strtolOrErr(arg, 0n, 255n);
          break;
        case 'w':
          p.opts.deadline = strtolOrErr(arg, 0n, 2147483647n);
          break;
        case 'W': {
          const v = strtod(arg, 'bad linger time', p.warnings);
          if (v < 0 || v > 2147483647 / 1000) throw new Exit(2, `ping: bad linger time: ${arg}\n`);
          p.opts.timeout = v;
          break;
        }
      }
    }
  }
  return p;
}

/**
 * `ping ARGS` in namespace `ctx.ns` (argv without "ping"), as iputils prints it. The clock of
 * `sim` advances by the time ping would run.
 */
export function runPing(ctx: CmdContext, argv: string[], sim: Simulator, cmdOpts: PingCommandOptions = {}): CommandResult & { ping?: PingSummary } {
  let parsed: Parsed | CommandResult;
  try {
    parsed = parseArgs(argv);
  } catch (e) {
    if (e instanceof Exit) return { exit: e.exit, stdout: e.stdout, stderr: e.stderr };
    throw e;
  }
  if (!('targets' in parsed)) return parsed;
  const p = parsed;
  const warn = p.warnings.join('');
  if (p.targets.length === 0) return { exit: 1, stdout: '', stderr: `${warn}ping: usage error: Destination address required\n` };
  if (p.targets.length > 1) return unsupported('ping through a source route (several destinations)');
  const target = p.targets[0]!;
  const summary = (r: { transmitted: number; received: number } | null): PingSummary => ({
    from: ctx.ns.path,
    to: target,
    transmitted: r ? r.transmitted : 0,
    received: r ? r.received : 0,
  });
  const o = p.opts;
  if (o.size !== undefined && o.size > 65507) return unsupported('ping -s larger than an IPv4 datagram');
  if (o.interval !== undefined && o.interval > 0 && o.interval < 0.01) return unsupported('ping -i below 10 ms (flood timing)');
  if (!o.count && !o.deadline) return unsupported('ping without -c or -w (it never ends)');

  // getaddrinfo: numbers first, then /etc/hosts, then DNS (unreachable from a namespace)
  let dst = target.includes(':') ? null : inetAton(target);
  let hostname = target;
  let numeric = p.numeric;
  if (target.includes(':')) return unsupported('ping to an IPv6 address');
  if (dst === null) {
    const hosts: Record<string, string> = { localhost: '127.0.0.1', ...(cmdOpts.hosts ?? {}) };
    const known = Object.prototype.hasOwnProperty.call(hosts, target) ? inetAton(hosts[target]!) : null;
    if (known === null) {
      const why = (cmdOpts.resolver ?? 'EAI_AGAIN') === 'EAI_AGAIN' ? 'Temporary failure in name resolution' : 'Name or service not known';
      return { exit: 2, stdout: '', stderr: `${warn}ping: ${target}: ${why}\n`, ping: summary(null) };
    }
    dst = known;
  } else {
    numeric = true;
  }
  const reverse = (a: Ip4): string => {
    if (numeric) return ip4ToString(a);
    const hosts: Record<string, string> = { localhost: '127.0.0.1', ...(cmdOpts.hosts ?? {}) };
    for (const [name, addr] of Object.entries(hosts)) if (inetAton(addr) === a) return `${name} (${ip4ToString(a)})`;
    return `${ip4ToString(a)} (${ip4ToString(a)})`;
  };

  const r: PingResult = ping(sim, ctx.ns, dst, o);
  if (r.hung) return unsupported('ping that waits forever (-W 0 and no answer)');
  let stderr = warn + r.warnings.map((w) => `${w}\n`).join('');
  if (r.fatal !== null) {
    stderr += `ping: ${r.fatal}\n`;
    return { exit: 2, stdout: '', stderr, ping: summary(null) };
  }
  let out = `PING ${hostname} (${ip4ToString(r.dst)}) `;
  if (r.bound) out += `from ${ip4ToString(r.source)} ${r.device ?? ''}: `;
  out += `${r.size}(${r.size + 28}) bytes of data.\n`;
  if (!p.quiet) {
    for (const e of r.events) {
      if (e.kind === 'reply') {
        out += `${e.bytes} bytes from ${reverse(e.from)}: icmp_seq=${e.seq} ttl=${e.ttl}`;
        if (e.timeUs !== null) out += ` time=${fmtTime(e.timeUs)} ms`;
        if (e.dup) out += ' (DUP!)';
        if (e.wrongSource) out += ' (DIFFERENT ADDRESS!)';
        out += p.audible ? '\x07\n' : '\n';
      } else if (e.kind === 'error') {
        out += `From ${reverse(e.from)} icmp_seq=${e.seq} ${e.text}\n`;
      } else {
        out += `From ${reverse(e.from)}: icmp_seq=${e.seq} ${e.text}\n`;
      }
    }
  }
  out += `\n--- ${hostname} ping statistics ---\n`;
  out += `${r.transmitted} packets transmitted, ${r.received} received`;
  if (r.duplicates) out += `, +${r.duplicates} duplicates`;
  if (r.errors) out += `, +${r.errors} errors`;
  if (r.transmitted) {
    out += `, ${fmtG(((r.transmitted - r.received) * 100) / r.transmitted)}% packet loss`;
    out += `, time ${r.timeMs}ms`;
  }
  out += '\n';
  let comma = '';
  if (r.rtt) {
    out += `rtt min/avg/max/mdev = ${ms3(r.rtt.minUs)}/${ms3(r.rtt.avgUs)}/${ms3(r.rtt.maxUs)}/${ms3(r.rtt.mdevUs)} ms`;
    comma = ', ';
  }
  if (r.pipe > 1) {
    out += `${comma}pipe ${r.pipe}`;
    comma = ', ';
  }
  if (r.ipg) out += `${comma}ipg/ewma ${ms3(r.ipg.ipgUs)}/${ms3(r.ipg.ewmaUs)} ms`;
  out += '\n';
  return { exit: r.exit, stdout: out, stderr, ping: summary(r) };
}

/**
 * Masks what differs between two runs of the same ping: round-trip times, the `time Nms` of the
 * summary, and the rtt/ipg statistics. Everything else (counts, errors, pipe) must match.
 *
 * @example
 * maskPingTimes('64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.040 ms\n')
 * // '64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=X ms\n'
 */
export function maskPingTimes(text: string): string {
  return text
    .replace(/ time=\d+(?:\.\d+)? ms/g, ' time=X ms')
    .replace(/, time \d+ms/g, ', time Xms')
    .replace(/rtt min\/avg\/max\/mdev = [\d.]+\/[\d.]+\/[\d.]+\/[\d.]+ ms/g, 'rtt min/avg/max/mdev = X/X/X/X ms')
    .replace(/ipg\/ewma [\d.]+\/[\d.]+ ms/g, 'ipg/ewma X/X ms');
}
