/**
 * traceroute 2.1.x's command line as its CLIF parser reads it (libsupp/clif.c with
 * CLIF_MAY_JOIN_ARG): short flags grouped (`-nI`), an option's value joined (`-q1`) only when
 * the option opens its word, else the next word; options anywhere among the operands (host,
 * then packetlen). Its usage errors (exit 2) in its words; options it has that nettwin does not
 * model are named as such.
 */
import type { TracerouteOptions } from '../../../sim/traceroute.js';
import type { ProgramResult } from '../program.js';
import { unsupported } from '../../iproute2/types.js';

/** The probe loop's options (sim/traceroute.ts) and what else the command line says. */
export interface TracerouteArgs extends TracerouteOptions {
  family: 4 | 6 | 0;
  method: 'udp' | 'icmp';
  numeric: boolean;
  /** -p, 0 when not given */
  port: number;
  host: string;
  /** the second operand, -1 when not given */
  packetLen: number;
}

/** Flags that take no value, and the values' names (show_short's `-q nqueries`). */
const FLAGS = new Set(['4', '6', 'n', 'I', 'T', 'd', 'F', 'r', 'e', 'A', 'U', 'D', 'V']);
const VALUE_NAMES: Record<string, string> = {
  f: 'first_ttl',
  g: 'gate',
  i: 'device',
  m: 'max_ttl',
  N: 'squeries',
  p: 'port',
  t: 'tos',
  l: 'flow_label',
  w: 'MAX,HERE,NEAR',
  q: 'nqueries',
  s: 'src_addr',
  z: 'sendwait',
  M: 'name',
  O: 'OPTS',
  P: 'prot',
};
/** what nettwin models of each option; the others are reported */
const MODELLED = new Set(['4', '6', 'n', 'I', 'f', 'm', 'N', 'q', 'w', 'p']);

const usage = (text: string): ProgramResult => ({ exit: 2, stdout: '', stderr: `${text}\n` });

/** strtoul(arg, &q, 0) with nothing left over (set_uint) */
function uint(v: string): number | null {
  const m = /^\s*([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)$/.exec(v);
  if (!m) return null;
  const n = parseInt(m[2]!, m[2]!.startsWith('0x') || m[2]!.startsWith('0X') ? 16 : m[2]!.startsWith('0') && m[2]!.length > 1 ? 8 : 10);
  return m[1] === '-' ? (2 ** 32 - n) % 2 ** 32 : n;
}

/** set_wait_specs: MAX[,HERE[,NEAR]] as strtod reads them; null when malformed */
function waitSpecs(v: string): [number, number, number] | null {
  const parts = v.split(',');
  if (parts.length > 3) return null;
  const nums = parts.map((p) => (/^\s*[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(p) ? Number(p) : null));
  if (nums.some((n) => n === null)) return null;
  return [nums[0]!, parts.length > 1 ? nums[1]! : 0, parts.length > 2 ? nums[2]! : 0];
}

export function parseTracerouteArgs(argv: string[]): TracerouteArgs | ProgramResult {
  const a: TracerouteArgs = { family: 0, method: 'udp', numeric: false, firstHop: 1, maxHops: 30, perHop: 3, simProbes: 16, waitUs: 5_000_000, here: 3, near: 10, port: 0, host: '', packetLen: -1 };
  const operands: { w: string; i: number }[] = [];
  if (argv.length === 0) return unsupported('traceroute without arguments (its help text)');
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    const argc = i + 1;
    if (w.startsWith('--')) {
      if (w === '--') {
        operands.push(...argv.slice(i + 1).map((x, k) => ({ w: x, i: i + 2 + k })));
        break;
      }
      return unsupported(`traceroute ${w} (long options)`);
    }
    if (!w.startsWith('-') || w === '-') {
      operands.push({ w, i: argc });
      continue;
    }
    for (let j = 1; j < w.length; j++) {
      const c = w[j]!;
      if (FLAGS.has(c)) {
        if (!MODELLED.has(c)) return unsupported(`traceroute -${c}`);
        if (c === '4') a.family = 4;
        else if (c === '6') a.family = 6;
        else if (c === 'n') a.numeric = true;
        else if (c === 'I') a.method = 'icmp';
        continue;
      }
      const name = VALUE_NAMES[c];
      if (!name) return usage(`Bad option \`-${c}' (argc ${argc})`);
      let v: string;
      let at = argc;
      if (j + 1 === w.length) {
        if (i + 1 >= argv.length) return usage(`Option \`-${c}' (argc ${argc}) requires an argument: \`-${c} ${name}'`);
        v = argv[++i]!;
        at = i + 1;
      } else if (j === 1) {
        v = w.slice(2);
      } else {
        return usage(`Option \`-${c}' (argc ${argc}) requires an argument: \`-${c} ${name}'`);
      }
      if (!MODELLED.has(c)) return unsupported(`traceroute -${c}`);
      const bad = usage(`Cannot handle \`-${c}' option with arg \`${v}' (argc ${at})`);
      if (c === 'w') {
        const s = waitSpecs(v);
        if (!s) return bad;
        [a.waitUs, a.here, a.near] = [s[0] * 1e6, s[1], s[2]];
      } else {
        const n = uint(v);
        if (n === null) return bad;
        if (c === 'f') a.firstHop = n;
        else if (c === 'm') a.maxHops = n;
        else if (c === 'N') a.simProbes = n;
        else if (c === 'q') a.perHop = n;
        else a.port = n;
      }
      break;
    }
  }
  if (operands.length === 0) return usage('Specify "host" missing argument.');
  if (operands.length > 2) return usage(`Extra arg \`${operands[2]!.w}' (position 3, argc ${operands[2]!.i})`);
  a.host = operands[0]!.w;
  if (operands.length === 2) return unsupported('traceroute packetlen');
  if (!a.firstHop || a.firstHop > a.maxHops) return usage('first hop out of range');
  if (a.maxHops > 255) return usage('max hops cannot be more than 255');
  if (!a.perHop || a.perHop > 10) return usage('no more than 10 probes per hop');
  if (a.waitUs < 0 || a.here < 0 || a.near < 0) return usage(`bad wait specifications \`${g(a.waitUs / 1e6)},${g(a.here)},${g(a.near)}' used`);
  return a;
}

/** printf's %g for the values people write */
function g(n: number): string {
  return String(Number(n.toPrecision(6)));
}
