/**
 * The options of SI6 Networks' `ra6` (ipv6toolkit 2.0) that nettwin models: one router
 * advertisement to all-nodes from a device, with the router lifetime, cur hop limit,
 * preference, M/O flags, reachable and retrans timers, prefix options with their L/A flags and
 * lifetimes, and the source link-layer address option. Everything else ra6 can do (floods,
 * loops, listening, forged headers, route/MTU/RDNSS options, unicast destinations) is not
 * modelled: the line is reported, not guessed. ra6's defaults, as observed on the kernel: router
 * lifetime 9000 s, cur hop limit 255, preference high, prefix flags none and infinite
 * prefix lifetimes. Also the one list of options real mode lets reach the kernel (RA6_OPTIONS).
 */
import { FOREVER } from '../../model/ipv6/inet6-dev.js';
import { IP6_ALL_NODES, parseIp6, type Ip6 } from '../../model/ipv6/ip6.js';

/** ra6's long names for the short options nettwin models; `null`: a flag without a value. */
export const RA6_OPTIONS: Readonly<Record<string, { long: string; value: boolean }>> = {
  i: { long: 'interface', value: true },
  d: { long: 'dst-address', value: true },
  s: { long: 'src-address', value: true },
  t: { long: 'lifetime', value: true },
  c: { long: 'curhop', value: true },
  p: { long: 'preference', value: true },
  P: { long: 'prefix-opt', value: true },
  r: { long: 'reachable', value: true },
  x: { long: 'retrans', value: true },
  e: { long: 'add-slla-opt', value: false },
  m: { long: 'managed', value: false },
  o: { long: 'other', value: false },
};

export interface Ra6Prefix {
  prefix: Ip6;
  len: number;
  onLink: boolean;
  autonomous: boolean;
  validLft: number;
  preferredLft: number;
}

export interface Ra6Args {
  device: string;
  dst: Ip6 | null;
  src: Ip6 | null;
  lifetime: number;
  curHop: number;
  /** the RA's two preference bits (RFC 4191: 1 high, 0 medium, 3 low, 2 reserved) */
  prf: number;
  managed: boolean;
  other: boolean;
  reachableMs: number;
  retransMs: number;
  slla: boolean;
  prefixes: Ra6Prefix[];
  /** "Length error in prefix option number N." (ra6 stops before sending) */
  lengthError: number | null;
}

/** Why the line is not modelled, or the arguments. */
export type Ra6Parse = Ra6Args | { unsupported: string };

/** as observed: ra6's `low` puts the reserved value (binary 10) in the RA, which the kernel reads as medium */
const PREF: Readonly<Record<string, number>> = { high: 1, medium: 0, low: 2 };

function uint(v: string, max: number): number | null {
  if (!/^\d+$/.test(v)) return null;
  const n = Number(v);
  return n <= max ? n : null;
}

/** `PREFIX/LEN[#FLAGS[#VALID[#PREFERRED]]]`, or why it is not modelled; a length above 128 is ra6's length error. */
function prefixOpt(v: string): Ra6Prefix | 'length' | string {
  const [pl = '', flags = '', valid, preferred] = v.split('#');
  const m = /^([0-9a-fA-F:.]+)\/(\d+)$/.exec(pl);
  const prefix = m ? parseIp6(m[1]!) : null;
  if (!m || prefix === null) return `ra6 -P ${v}`;
  const len = Number(m[2]);
  if (len > 128) return 'length';
  if (!/^[LA]*$/.test(flags)) return `ra6 -P ${v}: prefix flags other than L and A`;
  const vl = valid === undefined ? FOREVER : uint(valid, FOREVER);
  const pr = preferred === undefined ? FOREVER : uint(preferred, FOREVER);
  if (vl === null || pr === null) return `ra6 -P ${v}: a lifetime that is not a number`;
  return { prefix, len, onLink: flags.includes('L'), autonomous: flags.includes('A'), validLft: vl, preferredLft: pr };
}

/** ra6's argv (without its name). */
export function parseRa6Args(argv: readonly string[]): Ra6Parse {
  const a: Ra6Args = {
    device: '',
    dst: null,
    src: null,
    lifetime: 9000,
    curHop: 255,
    prf: 1,
    managed: false,
    other: false,
    reachableMs: 0,
    retransMs: 0,
    slla: false,
    prefixes: [],
    lengthError: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const w = argv[i]!;
    let key: string | undefined;
    if (/^-[A-Za-z]$/.test(w)) key = w[1];
    else if (w.startsWith('--')) key = Object.keys(RA6_OPTIONS).find((k) => RA6_OPTIONS[k]!.long === w.slice(2));
    const opt = key === undefined ? undefined : RA6_OPTIONS[key];
    if (key === undefined || opt === undefined) return { unsupported: `ra6 ${w}` };
    if (!opt.value) {
      if (key === 'e') a.slla = true;
      else if (key === 'm') a.managed = true;
      else a.other = true;
      continue;
    }
    const v = argv[++i];
    if (v === undefined) return { unsupported: `ra6 ${w} without its value` };
    switch (key) {
      case 'i':
        a.device = v;
        break;
      case 'd':
      case 's': {
        const ip = parseIp6(v);
        if (ip === null) return { unsupported: `ra6 ${w} ${v}` };
        if (key === 'd') a.dst = ip;
        else a.src = ip;
        break;
      }
      case 't':
      case 'c':
      case 'r':
      case 'x': {
        const n = uint(v, key === 'c' ? 255 : key === 't' ? 65535 : 0xffffffff);
        if (n === null) return { unsupported: `ra6 ${w} ${v}` };
        if (key === 't') a.lifetime = n;
        else if (key === 'c') a.curHop = n;
        else if (key === 'r') a.reachableMs = n;
        else a.retransMs = n;
        break;
      }
      case 'p':
        if (!Object.hasOwn(PREF, v)) return { unsupported: `ra6 -p ${v}` };
        a.prf = PREF[v]!;
        break;
      default: {
        const p = prefixOpt(v);
        if (p === 'length') a.lengthError ??= a.prefixes.length + 1;
        else if (typeof p === 'string') return { unsupported: p };
        else a.prefixes.push(p);
      }
    }
  }
  if (!a.device) return { unsupported: 'ra6 without -i' };
  if (a.dst !== null && a.dst !== IP6_ALL_NODES) return { unsupported: 'ra6 to a destination other than ff02::1' };
  return a;
}
