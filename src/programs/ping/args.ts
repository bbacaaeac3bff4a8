/**
 * ping's command line as iputils 20221126 reads it: glibc getopt with argument permutation
 * over iputils' option string, then iputils' own handlers (strtol_or_err, ping_strtod,
 * inet_aton for `-I`), each with its own message and exit status. Options the model does not
 * cover are reported unsupported rather than guessed.
 */
import { parseIp6 } from '../../model/ipv6/ip6.js';
import type { Ip4 } from '../../model/ip.js';
import type { PingOptions } from '../../../sim/ping.js';
import { unsupported, type CommandResult } from '../../iproute2/types.js';

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
const UNSUPPORTED = new Set(['F', 'N', 'B', 'C', 'd', 'D', 'e', 'f', 'l', 'L', 'p', 'Q', 'r', 'S', 'U', 'v', 'T']);

/** ping exits while reading its options (usage, -V, a bad number). */
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

/** iputils strtoul_or_err (base 10, whole string; a negative number wraps, as strtoul does). */
function strtoulOrErr(s: string, max: bigint): number {
  const m = /^\s*([+-]?)(\d+)$/.exec(s);
  if (!m) throw new Exit(1, `ping: invalid argument: '${s}'\n`);
  const ULONG_MAX = (1n << 64n) - 1n;
  let v = BigInt(m[2]!);
  if (v > ULONG_MAX) throw new Exit(1, `ping: invalid argument: '${s}': Numerical result out of range\n`);
  if (m[1] === '-' && v !== 0n) v = ULONG_MAX + 1n - v;
  if (v > max) throw new Exit(1, `ping: invalid argument: '${s}': out of range: 0 <= value <= ${max}\n`);
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

/** What ping's options asked for. */
export interface PingArgs {
  opts: PingOptions;
  quiet: boolean;
  numeric: boolean;
  audible: boolean;
  targets: string[];
  /** stderr lines ping printed while reading its options (garbage after a number) */
  warnings: string[];
  /** -4 / -6 */
  family: 4 | 6 | null;
  /** -I with an IPv6 address (its `%DEV` is `opts.iface`) */
  source6?: bigint;
}

/** glibc getopt with argument permutation, iputils' option handlers. */
function parse(argv: string[]): PingArgs | CommandResult {
  const p: PingArgs = { opts: {}, quiet: false, numeric: false, audible: false, targets: [], warnings: [], family: null };
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
        case '6':
          if (p.family !== null && p.family !== (c === '4' ? 4 : 6)) throw new Exit(2, 'ping: only one -4 or -6 option may be specified\n');
          p.family = c === '4' ? 4 : 6;
          break;
        case 'b':
          p.opts.broadcast = true;
          break;
        case 'O':
          p.opts.outstanding = true;
          break;
        case 'A':
          p.opts.adaptive = true;
          break;
        case 'R':
          p.opts.recordRoute = true;
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
          if (arg.includes(':')) {
            // an IPv6 source, with the device after `%`
            const pct = arg.indexOf('%');
            const a6 = parseIp6(pct >= 0 ? arg.slice(0, pct) : arg);
            if (a6 === null) throw new Exit(2, `ping: invalid source address: ${arg}\n`);
            p.source6 = a6;
            if (pct >= 0) p.opts.iface = arg.slice(pct + 1);
            break;
          }
          {
            const a4 = /^\d{1,3}(\.\d{1,3}){3}$/.test(arg) ? inetAton(arg) : null;
            if (a4 !== null) p.opts.source = a4;
            else p.opts.iface = arg;
          }
          break;
        case 'M':
          // iputils 20221126 knows these three ("probe" is refused too)
          if (arg === 'do' || arg === 'dont' || arg === 'want') p.opts.pmtudisc = arg;
          else throw new Exit(2, `ping: invalid -M argument: ${arg}\n`);
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
        case 'm':
          p.opts.mark = strtoulOrErr(arg, 0xffffffffn);
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
 * ping's argv (without "ping") as options, or what ping answers when it stops while reading
 * them (usage error, `-V`, a bad number, an option the model does not cover).
 *
 * @example
 * (parsePingArgs(['-c', '1', '10.0.0.2']) as PingArgs).opts.count; // 1
 */
export function parsePingArgs(argv: string[]): PingArgs | CommandResult {
  try {
    return parse(argv);
  } catch (e) {
    if (e instanceof Exit) return { exit: e.exit, stdout: e.stdout, stderr: e.stderr };
    throw e;
  }
}
