/**
 * libxtables' value parsing and printing: numbers as strtoumax reads them (base 0: hex, octal,
 * decimal), ports and services, addresses with masks (xtables_ipparse_multiple: a comma list,
 * a name, `10` as 10.0.0.0), and their numeric forms (`/8`, a dotted mask when not a prefix,
 * nothing for /32).
 */
import { ip4ToString } from '../../model/ip.js';
import type { AddrMask } from '../../model/netfilter/rule.js';
import { PARAMETER_PROBLEM, xtError, type Flavour } from './errors.js';
import { serviceToPort } from './names.js';

/**
 * strtoumax(s, &end, 0) from the start of `s`: the value and where it stopped, or null when
 * nothing was read (a leading `-` is refused, as xtables_strtoul does).
 */
export function strtoumax(s: string): { value: number; end: number } | null {
  let i = 0;
  while (i < s.length && /\s/.test(s[i]!)) i++;
  if (s[i] === '-') return null;
  if (s[i] === '+') i++;
  let base = 10;
  if (s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && /[0-9a-fA-F]/.test(s[i + 2] ?? '')) {
    base = 16;
    i += 2;
  } else if (s[i] === '0') base = 8;
  const digits = base === 16 ? /[0-9a-fA-F]/ : base === 8 ? /[0-7]/ : /[0-9]/;
  const start = i;
  let v = 0n;
  while (i < s.length && digits.test(s[i]!)) {
    v = v * BigInt(base) + BigInt(Number.parseInt(s[i]!, base));
    i++;
  }
  if (i === start) return null;
  // ERANGE beyond 64 bits: callers' limits are all far below
  return { value: v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.POSITIVE_INFINITY : Number(v), end: i };
}

/** xtables_strtoui(s, NULL, &v, min, max): the whole word a number within [min, max] (max 0: no limit). */
export function strtoui(s: string, min: number, max: number): number | null {
  const r = strtoumax(s);
  if (!r || r.end !== s.length) return null;
  if (r.value < min || (max !== 0 && r.value > max)) return null;
  return r.value;
}

/** xtables_parse_port: a number up to 65535 or a service of `proto`. */
export function parsePort(f: Flavour, s: string, proto: string | null): number {
  const n = strtoui(s, 0, 65535);
  if (n !== null) return n;
  const p = serviceToPort(s, proto);
  if (p >= 0) return p;
  throw xtError(f, PARAMETER_PROBLEM, `invalid port/service \`${s}' specified`);
}

/** __numeric_to_ipaddr: dotted bytes, each base-0 up to 255, `10` completed as 10.0.0.0 (not for masks). */
export function numericToAddr(s: string, isMask: boolean): number | null {
  let p = s.slice(0, 19);
  const bytes = [0, 0, 0, 0];
  const value = () => ((bytes[0]! << 24) | (bytes[1]! << 16) | (bytes[2]! << 8) | bytes[3]!) >>> 0;
  for (let i = 0; i < 3; i++) {
    const q = p.indexOf('.');
    if (q < 0) {
      if (isMask) return null;
      const b = strtoui(p, 0, 255);
      if (b === null) return null;
      bytes[i] = b;
      return value();
    }
    const b = strtoui(p.slice(0, q), 0, 255);
    if (b === null) return null;
    bytes[i] = b;
    p = p.slice(q + 1);
  }
  const last = strtoui(p, 0, 255);
  if (last === null) return null;
  bytes[3] = last;
  return value();
}

function parseMask(f: Flavour, m: string | null): number {
  if (m === null) return 0xffffffff;
  const dotted = numericToAddr(m, true);
  if (dotted !== null) return dotted;
  const bits = strtoui(m, 0, 32);
  if (bits === null) throw xtError(f, PARAMETER_PROBLEM, `invalid mask \`${m}' specified`);
  return bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
}

/** The addresses a host name resolves to offline (the sandbox's /etc/hosts). */
function hostAddrs(name: string): number[] | null {
  if (name === 'localhost') return [0x7f000001];
  return null;
}

/** xtables_ipparse_multiple: every address (with its mask) of a comma list. */
export function parseAddrs(f: Flavour, text: string): AddrMask[] {
  const out: AddrMask[] = [];
  for (const raw of text.split(',')) {
    const word = raw.replace(/^\s+/, '');
    if (word.length > 255) throw xtError(f, PARAMETER_PROBLEM, 'Hostname too long');
    const slash = word.lastIndexOf('/');
    const mask = parseMask(f, slash < 0 ? null : word.slice(slash + 1));
    const host = mask === 0 ? '0.0.0.0' : slash < 0 ? word : word.slice(0, slash);
    const n = numericToAddr(host, false);
    const addrs = n !== null ? [n] : hostAddrs(host);
    if (!addrs) throw xtError(f, PARAMETER_PROBLEM, `host/network \`${host}' not found`);
    for (const a of addrs) out.push({ addr: a, mask });
  }
  return out;
}

/** xtables_ipmask_to_numeric: `/8`, `/255.0.255.0` when not a prefix, nothing for /32. */
export function maskToNumeric(mask: number): string {
  const m = mask >>> 0;
  for (let i = 32, bits = 0xffffffff; i >= 0; i--, bits = (bits << 1) >>> 0) if (bits === m) return i === 32 ? '' : `/${i}`;
  return `/${ip4ToString(m)}`;
}

/** Leading whitespace-free `0x%x` as printf prints it. */
export function hex(n: number): string {
  return `0x${(n >>> 0).toString(16)}`;
}
