/**
 * arping's command line as iputils 20221126 reads it: glibc getopt over its option string,
 * strtol_or_err for the numbers (exit 1 with its message), usage on stderr with exit 2.
 */
import type { Ip4 } from '../../model/ip.js';
import { inetAton } from '../ping/args.js';

export const ARPING_VERSION = 'arping from iputils 20221126\nlibcap: yes, IDN: yes, NLS: no, error.h: yes, getrandom(): yes, __fpending(): yes\n';

export const ARPING_USAGE = `
Usage:
  arping [options] <destination>

Options:
  -f            quit on first reply
  -q            be quiet
  -b            keep on broadcasting, do not unicast
  -D            duplicate address detection mode
  -U            unsolicited ARP mode, update your neighbours
  -A            ARP answer mode, update your neighbours
  -V            print version and exit
  -c <count>    how many packets to send
  -w <timeout>  how long to wait for a reply
  -i <interval> set interval between packets (default: 1 second)
  -I <device>   which ethernet device to use
  -s <source>   source ip address
  <destination> dns name or ip address

For more details see arping(8).
`;

const OPTSTRING = 'h?bfDUAqc:w:i:I:s:V';
const TAKES_ARG = new Map<string, boolean>();
for (let i = 0; i < OPTSTRING.length; i++) {
  const c = OPTSTRING[i]!;
  if (c !== ':') TAKES_ARG.set(c, OPTSTRING[i + 1] === ':');
}

export interface ArpingArgs {
  count: number;
  deadline: number;
  interval: number;
  device: string | null;
  source: string | null;
  quitOnReply: boolean;
  quiet: boolean;
  broadcastOnly: boolean;
  dad: boolean;
  unsolicited: boolean;
  advert: boolean;
  target: string;
}

/** What arping answers when it stops while reading its options. */
export interface ArpingExit {
  exit: number;
  stdout: string;
  stderr: string;
}

const INT_MAX = 2147483647;

/** iputils strtol_or_err. */
function strtolOrErr(s: string, min: number, max: number): number | ArpingExit {
  if (!/^\s*[+-]?\d+$/.test(s)) return { exit: 1, stdout: '', stderr: `arping: invalid argument: '${s}'\n` };
  const v = Number(s.trim());
  if (v < min || v > max) return { exit: 1, stdout: '', stderr: `arping: invalid argument: '${s}': out of range: ${min} <= value <= ${max}\n` };
  return v;
}

/**
 * arping's argv (without "arping") as options, or how arping stops while reading them.
 *
 * @example
 * (parseArpingArgs(['-c', '1', '-I', 'eth0', '10.0.0.2']) as ArpingArgs).device; // 'eth0'
 */
export function parseArpingArgs(argv: string[]): ArpingArgs | ArpingExit {
  const a: ArpingArgs = {
    count: 0,
    deadline: 0,
    interval: 1,
    device: null,
    source: null,
    quitOnReply: false,
    quiet: false,
    broadcastOnly: false,
    dad: false,
    unsolicited: false,
    advert: false,
    target: '',
  };
  const operands: string[] = [];
  const usage = (prefix = ''): ArpingExit => ({ exit: 2, stdout: '', stderr: `${prefix}${ARPING_USAGE}` });
  let i = 0;
  let onlyOperands = false;
  while (i < argv.length) {
    const w = argv[i++]!;
    if (onlyOperands || w === '-' || !w.startsWith('-')) {
      operands.push(w);
      continue;
    }
    if (w === '--') {
      onlyOperands = true;
      continue;
    }
    if (w.startsWith('--')) return usage(`arping: unrecognized option '${w}'\n`);
    for (let j = 1; j < w.length; j++) {
      const c = w[j]!;
      const takes = TAKES_ARG.get(c);
      if (takes === undefined) return usage(`arping: invalid option -- '${c}'\n`);
      let arg = '';
      if (takes) {
        if (j + 1 < w.length) arg = w.slice(j + 1);
        else if (i < argv.length) arg = argv[i++]!;
        else return usage(`arping: option requires an argument -- '${c}'\n`);
        j = w.length;
      }
      const num = (min: number): number | ArpingExit => strtolOrErr(arg, min, INT_MAX);
      switch (c) {
        case 'h':
        case '?':
          return usage();
        case 'V':
          return { exit: 0, stdout: ARPING_VERSION, stderr: '' };
        case 'b':
          a.broadcastOnly = true;
          break;
        case 'f':
          a.quitOnReply = true;
          break;
        case 'D':
          a.dad = true;
          a.quitOnReply = true;
          break;
        case 'U':
          a.unsolicited = true;
          break;
        case 'A':
          a.advert = true;
          a.unsolicited = true;
          break;
        case 'q':
          a.quiet = true;
          break;
        case 'c':
        case 'w':
        case 'i': {
          const v = num(c === 'c' ? 1 : 0);
          if (typeof v !== 'number') return v;
          if (c === 'c') a.count = v;
          else if (c === 'w') a.deadline = v;
          else a.interval = v;
          break;
        }
        case 'I':
          a.device = arg;
          break;
        case 's':
          a.source = arg;
          break;
      }
    }
  }
  if (operands.length !== 1) return usage();
  a.target = operands[0]!;
  return a;
}

/** A dotted address as inet_aton reads it, or null for a name. */
export function arpingAddress(s: string): Ip4 | null {
  return inetAton(s);
}
