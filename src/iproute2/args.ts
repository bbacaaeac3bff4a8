/**
 * The argument machinery every iproute2 command shares (include/utils.h, lib/utils.c of
 * iproute2 6.1.0): `matches()` prefix matching, the argv cursor behind NEXT_ARG, the fixed
 * error helpers (`invarg`, `duparg`, `duparg2`, `incomplete_command`) with their exit
 * statuses, and the C number parsers (`get_u32` and friends follow strtoul, so `0x10`, `010`
 * and ` +5` are numbers and `5x` is not).
 *
 * iproute2 ends a process with exit() from deep inside its parsers; here that is an `IpExit`
 * thrown and caught once at the entry point, so nothing escapes to callers.
 */
import { isIPv6 } from 'node:net';
import { parseIp4, parsePrefix, type Ip4 } from '../model/ip.js';
import { parseIp6, type Ip6 } from '../model/ipv6/ip6.js';
import type { Link } from '../model/link.js';
import type { Netns } from '../model/netns.js';
import type { CommandResult } from './types.js';

/** A command ended early, the way iproute2 calls exit(): its whole result. */
export class IpExit extends Error {
  constructor(readonly result: CommandResult) {
    super(result.stderr.trimEnd());
  }
}

/** Something the model does not cover; the entry point turns it into `unsupported(what)`. */
export class IpUnsupported extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/** Ends the command: exit(status) after printing `stderr`. */
export function exitWith(stderr: string, exit: number, stdout = ''): never {
  throw new IpExit({ exit, stdout, stderr });
}

/** Ends the command as unsupported by the model. */
export function notModelled(what: string): never {
  throw new IpUnsupported(what);
}

/**
 * iproute2's `matches(arg, word) == 0`: `arg` is a non-empty prefix of `word`
 * (`a` matches `add`, `sh` matches `show`, `` matches nothing).
 */
export function matches(arg: string, word: string): boolean {
  return arg.length > 0 && arg.length <= word.length && word.startsWith(arg);
}

/** incomplete_command(): NEXT_ARG ran out of arguments. */
export function incomplete(): never {
  exitWith('Command line is not complete. Try option "help"\n', 255);
}

/**
 * invarg(): `Error: argument "ARG" is wrong: MSG`. Many callers pass a message that already
 * ends in "\n", which prints an empty line after it, as iproute2 does.
 */
export function invarg(msg: string, arg: string): never {
  exitWith(`Error: argument "${arg}" is wrong: ${msg}\n`, 255);
}

/** duparg(): a keyword given twice. */
export function duparg(key: string, arg: string): never {
  exitWith(`Error: duplicate "${key}": "${arg}" is the second value.\n`, 255);
}

/** duparg2(): a second free-standing value (a device, a prefix) where one was expected. */
export function duparg2(key: string, arg: string): never {
  exitWith(`Error: either "${key}" is duplicate, or "${arg}" is a garbage.\n`, 255);
}

/** missarg(): a required keyword is missing. */
export function missarg(key: string): never {
  exitWith(`Error: argument "${key}" is required\n`, 255);
}

/** nodev(): the message of a name that resolves to no device; callers choose the exit status. */
export function nodevText(dev: string): string {
  return `Cannot find device "${dev}"\n`;
}

/**
 * The argv cursor of iproute2's parsers: `cur` is `*argv`, `more` is `argc > 0`, `next()` is
 * NEXT_ARG (fails with "Command line is not complete"), `step()` is `argc--, argv++`.
 */
export class Argv {
  constructor(
    private readonly a: readonly string[],
    private i = 0,
  ) {}

  get more(): boolean {
    return this.i < this.a.length;
  }

  /** How many arguments remain, the current one included (argc). */
  get left(): number {
    return this.a.length - this.i;
  }

  get cur(): string {
    return this.a[this.i] ?? '';
  }

  get pos(): number {
    return this.i;
  }

  /** NEXT_ARG(): moves to the value of the current keyword. */
  next(): string {
    this.i++;
    if (this.i >= this.a.length) incomplete();
    return this.a[this.i];
  }

  /** NEXT_ARG_OK(): whether a next argument exists. */
  nextOk(): boolean {
    return this.a.length - this.i - 1 > 0;
  }

  /** PREV_ARG(). */
  prev(): void {
    this.i--;
  }

  step(): void {
    this.i++;
  }

  /** The arguments from the current one on. */
  rest(): string[] {
    return this.a.slice(this.i);
  }
}

// ---------------------------------------------------------------------------------------------
// C number parsing

const ULONG_MAX = (1n << 64n) - 1n;
const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

function isCSpace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\v' || c === '\f' || c === '\r';
}

function digitValue(c: string): number {
  const code = c.charCodeAt(0);
  if (code >= 48 && code <= 57) return code - 48;
  if (code >= 97 && code <= 122) return code - 87;
  if (code >= 65 && code <= 90) return code - 55;
  return 99;
}

interface Strto {
  /** magnitude as read (before the sign) */
  mag: bigint;
  neg: boolean;
  /** index just past the number; 0 when no digits were read */
  end: number;
  /** the magnitude did not fit in 64 bits */
  overflow: boolean;
}

/** The common part of strtoul/strtol: whitespace, sign, base prefix, digits. */
function strto(s: string, base: number): Strto {
  let i = 0;
  while (i < s.length && isCSpace(s[i])) i++;
  let neg = false;
  if (s[i] === '+' || s[i] === '-') {
    neg = s[i] === '-';
    i++;
  }
  let b = base;
  const hexPrefix = s[i] === '0' && (s[i + 1] === 'x' || s[i + 1] === 'X') && digitValue(s[i + 2] ?? '') < 16;
  if ((b === 0 || b === 16) && hexPrefix) {
    b = 16;
    i += 2;
  } else if (b === 0) {
    b = s[i] === '0' ? 8 : 10;
  }
  const start = i;
  let mag = 0n;
  let overflow = false;
  while (i < s.length && digitValue(s[i]) < b) {
    mag = mag * BigInt(b) + BigInt(digitValue(s[i]));
    if (mag > ULONG_MAX) overflow = true;
    i++;
  }
  if (i === start) return { mag: 0n, neg: false, end: 0, overflow: false };
  return { mag, neg, end: i, overflow };
}

/** strtoul(): the value as unsigned long (a minus sign wraps around), or null without digits. */
export function strtoul(s: string, base = 0): { value: bigint; end: number; erange: boolean } {
  const r = strto(s, base);
  if (r.end === 0) return { value: 0n, end: 0, erange: false };
  if (r.overflow) return { value: ULONG_MAX, end: r.end, erange: true };
  const value = r.neg && r.mag !== 0n ? (1n << 64n) - r.mag : r.mag;
  return { value, end: r.end, erange: false };
}

/** strtol(). */
function strtol(s: string, base = 0): { value: bigint; end: number; erange: boolean } {
  const r = strto(s, base);
  if (r.end === 0) return { value: 0n, end: 0, erange: false };
  const v = r.neg ? -r.mag : r.mag;
  if (r.overflow || v > LONG_MAX) return { value: LONG_MAX, end: r.end, erange: true };
  if (v < LONG_MIN) return { value: LONG_MIN, end: r.end, erange: true };
  return { value: v, end: r.end, erange: false };
}

function getUnsignedMax(arg: string, max: bigint, base: number): number | null {
  if (arg === '') return null;
  const r = strtoul(arg, base);
  if (r.end === 0 || r.end !== arg.length) return null;
  if (r.erange) return null;
  if (r.value > max) return null;
  return Number(r.value);
}

/** get_unsigned() / get_u32(): a whole C unsigned number, or null. */
export function getU32(arg: string, base = 0): number | null {
  return getUnsignedMax(arg, 0xffffffffn, base);
}

/** get_unsigned(): same range as get_u32. */
export const getUnsigned = getU32;

/** get_u16(). */
export function getU16(arg: string, base = 0): number | null {
  return getUnsignedMax(arg, 0xffffn, base);
}

/** get_u8(). */
export function getU8(arg: string, base = 0): number | null {
  return getUnsignedMax(arg, 0xffn, base);
}

/** get_integer() / get_s32(): a whole C int, or null. */
export function getInteger(arg: string, base = 0): number | null {
  if (arg === '') return null;
  const r = strtol(arg, base);
  if (r.end === 0 || r.end !== arg.length) return null;
  if (r.erange) return null;
  if (r.value < -2147483648n || r.value > 2147483647n) return null;
  return Number(r.value);
}

/** atoi(): the leading number, 0 when there is none. */
export function atoi(arg: string): number {
  const r = strtol(arg, 10);
  return Number(BigInt.asIntN(32, r.value));
}

// ---------------------------------------------------------------------------------------------
// Addresses

/** iproute2's families: AF_UNSPEC is null. */
export type Family = 'inet' | 'inet6' | 'link' | 'mpls' | 'bridge' | null;

function familyVerbose(f: Family): string {
  return f === null ? 'any valid' : f;
}

/** An address or prefix as get_prefix/get_addr read it. */
export interface InetPrefix {
  addr: Ip4;
  len: number;
  /** PREFIXLEN_SPECIFIED: `/N` given, or `default` */
  lenGiven: boolean;
  /** `default`, `any`, `all` */
  keyword?: 'default' | 'any' | 'all';
  /** the family the text had (null for a keyword read with no family) */
  family: Family;
  /** the address when the family is inet6 (then `addr` is 0) */
  addr6?: Ip6;
}

/** Whether a caller reads IPv6 addresses (else they are not modelled there). */
export interface AddrOpts {
  v6?: boolean;
}

function looksIPv6(text: string): boolean {
  const slash = text.indexOf('/');
  return isIPv6(slash >= 0 ? text.slice(0, slash) : text);
}

/** get_prefix_1 for AF_INET6: inet_pton and a length up to 128; null when iproute2 refuses the text. */
function prefix6(arg: string): InetPrefix | null {
  const slash = arg.indexOf('/');
  const head = slash >= 0 ? arg.slice(0, slash) : arg;
  if (head === 'default' || head === 'any' || head === 'all') {
    if (slash >= 0) return null;
    return { addr: 0, addr6: 0n, len: 0, lenGiven: head === 'default', keyword: head, family: 'inet6' };
  }
  const a = parseIp6(head);
  if (a === null) return null;
  if (slash < 0) return { addr: 0, addr6: a, len: 128, lenGiven: false, family: 'inet6' };
  const len = parseNetmask6(arg.slice(slash + 1));
  if (len === null || len > 128) return null;
  return { addr: 0, addr6: a, len, lenGiven: true, family: 'inet6' };
}

/** get_netmask: a number (base 0), or a dotted IPv4 mask. */
function parseNetmask6(text: string): number | null {
  if (/^(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*)$/.test(text)) {
    return /^0[xX]/.test(text) ? parseInt(text, 16) : text.length > 1 && text[0] === '0' ? parseInt(text, 8) : parseInt(text, 10);
  }
  const p = text.includes('.') ? parsePrefix(`${text}`) : null;
  if (!p || p.keyword) return null;
  const inv = ~p.addr >>> 0;
  if ((inv & (inv + 1)) !== 0) return null;
  let bits = 0;
  for (let x = p.addr; x & 0x80000000; x = (x << 1) >>> 0) bits++;
  return bits;
}

/**
 * get_prefix(): `A/P`, `A`, `default`, `any`, `all`; exits 1 with iproute2's message when
 * the text is not one (`Error: any valid prefix is expected rather than "172.16.1..2/24".`).
 * IPv6 is read only where the caller asks for it (`v6`); elsewhere it is not modelled.
 */
export function getPrefix(arg: string, family: Family, opts: AddrOpts = {}): InetPrefix {
  if (family === 'link') {
    exitWith(`Error: "${arg}" may be inet prefix, but it is not allowed in this context.\n`, 1);
  }
  const head = arg.split('/')[0]!;
  const keyword = head === 'default' || head === 'any' || head === 'all';
  if (opts.v6 && (family === 'inet6' || (family === null && !keyword && arg.includes(':')))) {
    const p = prefix6(arg);
    if (!p) exitWith(`Error: ${familyVerbose(family)} prefix is expected rather than "${arg}".\n`, 1);
    return p;
  }
  if (keyword) {
    if (family === 'mpls') exitWith(`Error: ${familyVerbose(family)} prefix is expected rather than "${arg}".\n`, 1);
    if (family === 'inet6') notModelled('IPv6');
  }
  if (arg.includes(':') && (family === null || family === 'inet6')) {
    if (looksIPv6(arg)) notModelled('IPv6');
  }
  if (family === 'inet6' && !head.includes(':') && !keyword) {
    exitWith(`Error: inet6 prefix is expected rather than "${arg}".\n`, 1);
  }
  if (family === 'mpls' || family === 'bridge') notModelled(`address family ${family}`);
  const p = parsePrefix(arg);
  if (!p) exitWith(`Error: ${familyVerbose(family)} prefix is expected rather than "${arg}".\n`, 1);
  return { addr: p.addr, len: p.len, lenGiven: p.lenGiven, keyword: p.keyword, family: p.keyword ? family : 'inet' };
}

/**
 * get_addr(): one address (or `default`/`any`/`all`, read as 0.0.0.0); exits 1 with
 * `Error: inet address is expected rather than "172.16.1..2".` otherwise. IPv6 as for getPrefix.
 */
export function getAddr(arg: string, family: Family, opts: AddrOpts = {}): InetPrefix {
  if (family === 'link') notModelled('link-layer addresses');
  const keyword = arg === 'default' || arg === 'any' || arg === 'all';
  if (opts.v6 && (family === 'inet6' || (family === null && !keyword && arg.includes(':')))) {
    if (keyword) return { addr: 0, addr6: 0n, len: 0, lenGiven: arg === 'default', keyword: arg, family: 'inet6' };
    const a = parseIp6(arg);
    if (a === null) exitWith(`Error: ${familyVerbose(family)} address is expected rather than "${arg}".\n`, 1);
    return { addr: 0, addr6: a, len: 128, lenGiven: false, family: 'inet6' };
  }
  if (keyword) {
    if (family === 'mpls') exitWith(`Error: mpls address is expected rather than "${arg}".\n`, 1);
    if (family === 'inet6') notModelled('IPv6');
    return { addr: 0, len: 0, lenGiven: arg === 'default', keyword: arg, family };
  }
  if (arg.includes(':') && (family === null || family === 'inet6') && isIPv6(arg)) notModelled('IPv6');
  if (family === 'inet6' && !arg.includes(':')) exitWith(`Error: inet6 address is expected rather than "${arg}".\n`, 1);
  if (family === 'mpls' || family === 'bridge') notModelled(`address family ${family}`);
  const a = arg.includes(':') ? null : parseIp4(arg);
  if (a === null) exitWith(`Error: ${familyVerbose(family)} address is expected rather than "${arg}".\n`, 1);
  return { addr: a, len: 32, lenGiven: false, family: 'inet' };
}

/**
 * ll_addr_a2n(): a link-layer address `aa:bb:...` (each part `%x`, at most 255), or a dotted
 * IPv4 address. Returns the bytes, or the message iproute2 prints (naming the bad part).
 */
export function llAddrA2n(arg: string, maxLen = 32): number[] | { error: string } {
  if (arg.includes('.')) {
    const a = parseIp4(arg);
    if (a === null) return { error: `"${arg}" is invalid lladdr.\n` };
    return [a >>> 24, (a >>> 16) & 255, (a >>> 8) & 255, a & 255];
  }
  const out: number[] = [];
  let rest = arg;
  for (let i = 0; i < maxLen; i++) {
    const colon = rest.indexOf(':');
    const part = colon >= 0 ? rest.slice(0, colon) : rest;
    const v = scanHex(part);
    if (v === null || v < 0 || v > 255) return { error: `"${part}" is invalid lladdr.\n` };
    out.push(v);
    if (colon < 0) break;
    rest = rest.slice(colon + 1);
  }
  return out;
}

/** sscanf("%x"): leading blanks, a sign, an optional 0x, hex digits; null when none. */
function scanHex(s: string): number | null {
  const r = strto(s, 16);
  if (r.end === 0) return null;
  const v = Number(BigInt.asIntN(32, r.neg ? -r.mag : r.mag));
  return v;
}

/** Formats link-layer bytes the way the model keeps MACs: `aa:bb:cc:dd:ee:ff`. */
export function formatLladdr(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).padStart(2, '0')).join(':');
}

// ---------------------------------------------------------------------------------------------
// Names

/** check_ifname(): what the kernel's dev_valid_name accepts (shorter than IFNAMSIZ = 16). */
export function checkIfname(name: string): boolean {
  if (Buffer.byteLength(name) >= 16) return false;
  return checkAltifname(name);
}

/** check_altifname(): non-empty, no '/' and no white space. */
export function checkAltifname(name: string): boolean {
  if (name === '') return false;
  for (const c of name) if (c === '/' || isCSpace(c)) return false;
  return true;
}

/**
 * ll_name_to_index(): a device by name, or by `ifN` (iproute2 falls back to reading "if%u"
 * as an index). Null when it resolves to nothing.
 */
export function llNameToIndex(ns: Netns, name: string): Link | null {
  const l = ns.linkByName(name);
  if (l) return l;
  const m = /^if(\d+)/.exec(name);
  if (m) return ns.linkByIndex(Number(m[1])) ?? null;
  return null;
}

/**
 * A namespace name as `netns NAME` / `-n NAME` open it: `/run/netns/NAME`. Returns the name,
 * or null when no such file exists (a path other than /run/netns/… is not modelled).
 */
export function netnsByName(ns: Netns, name: string): Netns | null {
  let n = name;
  if (name.includes('/')) {
    const m = /^\/(?:var\/)?run\/netns\/([^/]+)$/.exec(name);
    if (!m) notModelled(`namespace path ${name}`);
    n = m[1];
  }
  return ns.host.namespaces.get(n) ?? null;
}

/** read_family(). */
export function readFamily(name: string): Family | undefined {
  switch (name) {
    case 'inet':
      return 'inet';
    case 'inet6':
      return 'inet6';
    case 'link':
      return 'link';
    case 'mpls':
      return 'mpls';
    case 'bridge':
      return 'bridge';
    default:
      return undefined;
  }
}
