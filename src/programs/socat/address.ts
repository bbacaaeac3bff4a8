/**
 * socat's address syntax (socat 1.7.4, xioopen.c / xioopts.c), for the forms tunnel tutorials
 * use: `UDP[4|6][-CONNECT|-DATAGRAM]:HOST:PORT`, `UDP[4|6]-LISTEN:PORT` and
 * `TUN[:ADDR/BITS]`, with the options `bind`, `sourceport`/`sp`, `pf` (ip4, ip6), `tun-name`,
 * `tun-type`, `iff-no-pi`/`no-pi` and `iff-up`/`up`. An IPv6 host is written in brackets
 * (`UDP6:[2001:db8::2]:9000`, `bind=[2001:db8::1]:9000`): socat's lexer keeps the colons inside
 * them; UDP and UDP-LISTEN take the family of their host, or of `pf` (IPv4 without either). Keywords and option names are case-insensitive; empty options (`bind=…:9000,`
 * as the seed writes it) are skipped.
 *
 * socat parses and opens its addresses one after the other: the first address is parsed and
 * opened (socket bound, tun created) before the second is even parsed. So an address here is
 * either a parse error (socat's own words) or a plan that the opener carries out, whose own
 * errors (bind, TUNSETIFF, a malformed tun address, checked only after the device exists) come
 * at open time. Anything outside these forms is `unsupported`: nettwin never runs it.
 */
import { parseIp4, type Ip4 } from '../../model/ip.js';
import { parseIp6, type Ip6 } from '../../model/ipv6/ip6.js';
import { socatAddressType, socatOptionType } from './table.js';

/** A UDP address: `connect` (UDP:), `datagram` (UDP-DATAGRAM:) or `listen` (UDP-LISTEN:). */
export interface SocatUdp {
  kind: 'udp';
  mode: 'connect' | 'datagram' | 'listen';
  /** the keyword as typed (socat's messages quote it) */
  keyword: string;
  /** the socket's family: AF_INET6 (UDP6, `pf=ip6`, or a bracketed IPv6 host) */
  v6: boolean;
  /** the peer (connect, datagram); null for listen */
  peer: Ip4 | Ip6 | null;
  /** the peer's port (connect, datagram), or the port listened on */
  port: number;
  /** `bind=` address; null: any */
  bind: Ip4 | Ip6 | null;
  /** `bind=…:PORT` or `sourceport=`; null: an ephemeral port (listen: `port`) */
  bindPort: number | null;
}

/** `TUN[:ADDR/BITS]`: a tun device socat creates (or attaches to) and holds. */
export interface SocatTun {
  kind: 'tun';
  keyword: string;
  /** the `ADDR/BITS` text as typed, or null when none was given */
  network: string | null;
  /** `tun-name`, truncated to 15 bytes as the kernel's IFNAMSIZ does; null: the kernel's `tun%d` */
  name: string | null;
  noPi: boolean;
  up: boolean;
  /** a `tun-type` other than tun/tap: socat says so before it opens the device */
  badType: string | null;
}

/** A TCP address: `TCP[4|6][-CONNECT]:HOST:PORT` (`connect`) or `TCP[4|6]-LISTEN:PORT` (`listen`). */
export interface SocatTcp {
  kind: 'tcp';
  mode: 'connect' | 'listen';
  keyword: string;
  /** the socket's family: AF_INET6 (TCP6, `pf=ip6`, or a bracketed IPv6 host) */
  v6: boolean;
  /** the peer (connect); null for listen */
  peer: Ip4 | Ip6 | null;
  /** the peer's port (connect), or the port listened on */
  port: number;
  /** `bind=` address; null: any */
  bind: Ip4 | Ip6 | null;
  /** `bind=…:PORT` of a connect; null: an ephemeral port */
  bindPort: number | null;
  /** `fork`: a listener that keeps listening, a child per connection */
  fork: boolean;
  /** `ipv6only` (IPV6_V6ONLY) on an IPv6 listener: no IPv4 connections */
  v6only: boolean;
  /** `backlog=` (socat's default 5) */
  backlog: number;
}

/**
 * A byte stream on the other side of a TCP address: `/dev/null` (reads end at once, writes
 * vanish) or `STDIO`/`-` (the command's stdin, then its end; what comes back is printed).
 */
export interface SocatStream {
  kind: 'null' | 'stdio';
  keyword: string;
}

export type SocatAddress = SocatUdp | SocatTun | SocatTcp | SocatStream;

/** One address of the command line: a plan, socat's parse error, or something nettwin does not model. */
export type ParsedAddress = { kind: 'ok'; address: SocatAddress } | { kind: 'error'; message: string } | { kind: 'unsupported'; why: string };

/** Characters that switch on socat's quoting, nesting and dual addresses: not modelled. */
const SPECIAL = /[!"'\\(){}\s]/;
/** brackets only around an IPv6 literal (`[2001:db8::1]`); any other use is socat's nesting */
const BRACKETS = /\[[0-9A-Fa-f:.]*\]/g;
const DOTTED = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** the options modelled, per kind of address (any other is reported not modelled) */
const SUPPORTED_OPTIONS: Record<'udp' | 'tun' | 'tcp' | 'stdio', ReadonlySet<string>> = {
  udp: new Set(['bind', 'sourceport', 'protocol-family']),
  tun: new Set(['tun-name', 'tun-type', 'iff-no-pi', 'iff-up']),
  tcp: new Set(['bind', 'protocol-family', 'so-reuseaddr', 'fork', 'ipv6-v6only', 'backlog']),
  stdio: new Set(),
};
const UDP_TYPES = ['udp-connect', 'udp4-connect', 'udp6-connect', 'udp-datagram', 'udp4-datagram', 'udp6-datagram', 'udp-listen', 'udp4-listen', 'udp6-listen'];
const TCP_TYPES = ['tcp-connect', 'tcp4-connect', 'tcp6-connect', 'tcp-listen', 'tcp4-listen', 'tcp6-listen'];

/** The kind of address a type name is, for the options modelled with it; null: not modelled. */
function modelledKind(name: string): keyof typeof SUPPORTED_OPTIONS | null {
  if (UDP_TYPES.includes(name)) return 'udp';
  if (TCP_TYPES.includes(name)) return 'tcp';
  if (name === 'tun') return 'tun';
  if (name === 'stdio') return 'stdio';
  return null;
}

/** A dotted quad as inet_pton takes it (no octal, no short forms). */
function dotted(text: string): Ip4 | null {
  return DOTTED.test(text) ? parseIp4(text) : null;
}

/** `[IPV6]` as socat's getaddrinfo takes it (the brackets stripped); null for anything else. */
function bracketed(text: string): Ip6 | null {
  const m = /^\[(.*)\]$/.exec(text);
  return m ? parseIp6(m[1]!) : null;
}

/** Splits at the colons outside brackets, as socat's nestlex does. */
function splitColons(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const c of text) {
    if (c === '[') depth++;
    else if (c === ']') depth--;
    if (c === ':' && depth === 0) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/** A port as socat's getaddrinfo reads a decimal service: 1-65535. */
function decimalPort(text: string): number | null {
  if (!/^[1-9]\d{0,4}$/.test(text)) return null;
  const n = Number(text);
  return n <= 65535 ? n : null;
}

const unsupported = (why: string): ParsedAddress => ({ kind: 'unsupported', why });
const error = (message: string): ParsedAddress => ({ kind: 'error', message });

/**
 * Parses one address as socat does before opening it.
 *
 * @example
 * parseSocatAddress('UDP:192.168.0.26:9000,bind=192.168.0.16:9000,');
 * // { kind: 'ok', address: { kind: 'udp', mode: 'connect', peer: …, port: 9000, bind: …, bindPort: 9000, … } }
 * parseSocatAddress('TUN:1.1.0.100/16,bindx=1');
 * // { kind: 'error', message: 'parseopts_table(): unknown option "bindx"' }
 */
export function parseSocatAddress(text: string): ParsedAddress {
  if (SPECIAL.test(text) || /[[\]]/.test(text.replace(BRACKETS, ''))) return unsupported(`socat address ${text} (quoting, nesting or a dual address)`);
  const comma = text.indexOf(',');
  const head = comma < 0 ? text : text.slice(0, comma);
  const optText = comma < 0 ? '' : text.slice(comma + 1);
  const colon = head.indexOf(':');
  const keyword = colon < 0 ? head : head.slice(0, colon);
  const params = colon < 0 ? [] : splitColons(head.slice(colon + 1));
  // GOPEN of /dev/null, the one file modelled (it names no option here)
  if (text === '/dev/null') return { kind: 'ok', address: { kind: 'null', keyword: text } };
  const type = socatAddressType(keyword);
  if (!type) {
    // a number is a file descriptor, anything with a slash a file name (GOPEN)
    if (keyword === '' || /^\d+$/.test(keyword) || keyword.includes('/') || keyword.startsWith('.')) return unsupported(`socat address ${text}`);
    return error(`unknown device/address "${keyword}"`);
  }
  const kind = modelledKind(type.name);
  const supported = kind !== null;

  // options: looked up, checked against the address's groups, then their values read
  const opts = new Map<string, string | null>();
  const parts = optText === '' ? [] : optText.split(',');
  for (let i = 0; i < parts.length; i++) {
    const o = parts[i];
    if (o === '') continue;
    const eq = o.indexOf('=');
    const name = eq < 0 ? o : o.slice(0, eq);
    const value = eq < 0 ? null : o.slice(eq + 1);
    const opt = socatOptionType(name);
    if (!opt) return error(`parseopts_table(): unknown option "${name}"`);
    if (![...opt.groups].some((g) => type.groups.has(g))) return error(`parseopts_table(): option "${name}" not supported with this address type`);
    if (!supported) return unsupported(`socat address ${keyword}`);
    if (!SUPPORTED_OPTIONS[kind!].has(opt.name)) return unsupported(`socat option ${name}`);
    if (opt.type === 'STRING' && value === null) return error(`option "${name}": value required`);
    if (opt.type === 'BOOL' || opt.type === 'UNSIGNED-SHORT' || opt.type === 'INT') {
      if (value !== null && !/^\d/.test(value)) return error(`parseopts(): missing numerical value of option "${parts.slice(i).join(',')}"`);
      if (value !== null && !/^\d+$/.test(value)) return unsupported(`socat option ${o}`);
    }
    if (opts.has(opt.name)) return unsupported(`socat option ${opt.name} given twice`);
    opts.set(opt.name, value);
  }
  if (!supported) return unsupported(`socat address ${keyword}`);
  if (params.length < type.minParams || params.length > type.maxParams) {
    if (type.name === 'tun') return unsupported(`socat address ${text}`);
    return error(`${keyword}: wrong number of parameters (${params.length} instead of ${type.minParams})`);
  }
  if (type.name === 'tun') {
    if (text.includes('[')) return unsupported(`socat address ${text}`);
    return tunAddress(keyword, params[0] ?? null, opts);
  }
  if (kind === 'stdio') return { kind: 'ok', address: { kind: 'stdio', keyword } };
  if (kind === 'tcp') return tcpAddress(keyword, type.name, params, opts);
  return udpAddress(keyword, type.name, params, opts);
}

function flag(opts: Map<string, string | null>, name: string): boolean {
  if (!opts.has(name)) return false;
  const v = opts.get(name);
  return v === null || v === undefined || Number(v) !== 0;
}

function tunAddress(keyword: string, network: string | null, opts: Map<string, string | null>): ParsedAddress {
  if (network !== null) {
    const slash = network.indexOf('/');
    if (slash >= 0) {
      const a = network.slice(0, slash);
      const bits = network.slice(slash + 1);
      // the text is read only after the device exists (tun.ts); here only what it may be
      const addrKnown = dotted(a) !== null || (/^[\d.]+$/.test(a) && a.includes('..'));
      if (!addrKnown) return unsupported(`socat tun address ${network}`);
      if (dotted(a) === 0) return unsupported(`socat tun address ${network}`);
      if (/^\d+$/.test(bits) && Number(bits) === 0) return unsupported(`socat tun address ${network}`);
      if (bits.includes('.')) return unsupported(`socat tun netmask ${bits}`);
    }
  }
  const type = opts.get('tun-type') ?? 'tun';
  if (type === 'tap') return unsupported('socat tun-type=tap');
  let name = opts.get('tun-name') ?? null;
  if (name === '') name = null;
  if (name !== null) {
    // IFNAMSIZ: socat copies the name into a 16-byte field; the kernel takes 15 bytes
    if (!/^[\x21-\x7e]+$/.test(name) || name.includes('/') || name.includes('%')) return unsupported(`socat tun-name=${name}`);
    name = name.slice(0, 15);
  }
  return { kind: 'ok', address: { kind: 'tun', keyword, network, name, noPi: flag(opts, 'iff-no-pi'), up: flag(opts, 'iff-up'), badType: type === 'tun' ? null : type } };
}

function udpAddress(keyword: string, typeName: string, params: string[], opts: Map<string, string | null>): ParsedAddress {
  const mode = typeName.endsWith('-listen') ? 'listen' : typeName.endsWith('-datagram') ? 'datagram' : 'connect';
  // the family: the keyword's, else pf=, else the host's (an IPv4 socket when nothing says)
  const pf = opts.get('protocol-family');
  if (pf !== undefined && pf !== 'ip4' && pf !== 'ip6') return unsupported(`socat pf=${pf}`);
  const fixed = typeName.startsWith('udp4') ? 4 : typeName.startsWith('udp6') ? 6 : pf === 'ip6' ? 6 : pf === 'ip4' ? 4 : null;
  let peer: Ip4 | Ip6 | null = null;
  let port: number | null;
  if (mode === 'listen') {
    port = decimalPort(params[0]);
    if (port === null) return unsupported(`socat ${keyword} port ${params[0]}`);
  } else {
    peer = bracketed(params[0]) ?? dotted(params[0]);
    port = decimalPort(params[1]);
    if (peer === null || peer === 0 || peer === 0n) return unsupported(`socat ${keyword} host ${params[0]}`);
    if (fixed !== null && (typeof peer === 'bigint') !== (fixed === 6)) {
      // getaddrinfo(host, NULL, {flags, family, SOCK_DGRAM, IPPROTO_UDP}): the flags as measured (5 for AF_INET, 1 for AF_INET6)
      const name = params[0].replace(/^\[(.*)\]$/, '$1');
      return error(`getaddrinfo("${name}", "NULL", {${fixed === 6 ? '1,10' : '5,2'},2,17}, {}): Address family for hostname not supported`);
    }
    if (port === null) return unsupported(`socat ${keyword} port ${params[1]}`);
  }
  const v6 = fixed === 6 || typeof peer === 'bigint';
  let bind: Ip4 | Ip6 | null = null;
  let bindPort: number | null = null;
  const b = opts.get('bind');
  if (b !== undefined && b !== null) {
    const parts = splitColons(b);
    const colon = parts.length > 1 ? b.length - parts[parts.length - 1]!.length - 1 : -1;
    if (parts.length > 2) return unsupported(`socat bind=${b}`);
    const bhost = parts[0]!;
    if (bhost !== '') {
      bind = bracketed(bhost) ?? dotted(bhost);
      if (bind === null || (typeof bind === 'bigint') !== v6) return unsupported(`socat bind=${b}`);
    }
    if (colon >= 0) {
      if (mode === 'listen') return unsupported(`socat bind=${b} on ${keyword}`);
      bindPort = decimalPort(b.slice(colon + 1));
      if (bindPort === null) return unsupported(`socat bind=${b}`);
    } else if (bhost === '') {
      return unsupported(`socat bind=${b}`);
    }
  }
  const sp = opts.get('sourceport');
  if (sp !== undefined) {
    if (mode === 'listen' || bindPort !== null || sp === null) return unsupported(`socat sourceport with ${keyword}`);
    const n = Number(sp);
    if (!(n >= 1 && n <= 65535)) return unsupported(`socat sourceport=${sp}`);
    bindPort = n;
  }
  return { kind: 'ok', address: { kind: 'udp', mode, keyword, v6, peer, port, bind, bindPort } };
}

/**
 * A TCP address (xio-tcp.c, xio-listen.c): the family as UDP's is chosen; a listener's `bind=`
 * names an address only (a port there is not modelled), a connect's may name a source port.
 */
function tcpAddress(keyword: string, typeName: string, params: string[], opts: Map<string, string | null>): ParsedAddress {
  const mode = typeName.endsWith('-listen') ? 'listen' : 'connect';
  const pf = opts.get('protocol-family');
  if (pf !== undefined && pf !== 'ip4' && pf !== 'ip6') return unsupported(`socat pf=${pf}`);
  const fixed = typeName.startsWith('tcp4') ? 4 : typeName.startsWith('tcp6') ? 6 : pf === 'ip6' ? 6 : pf === 'ip4' ? 4 : null;
  // getaddrinfo's hints as socat prints them: {flags,family,SOCK_STREAM,IPPROTO_TCP} (flags as measured)
  const familyError = (host: string): ParsedAddress =>
    error(`getaddrinfo("${host.replace(/^\[(.*)\]$/, '$1')}", "NULL", {${fixed === 6 ? '1,10' : '5,2'},1,6}, {}): Address family for hostname not supported`);
  let peer: Ip4 | Ip6 | null = null;
  let port: number | null;
  if (mode === 'listen') {
    port = decimalPort(params[0]);
    if (port === null) return unsupported(`socat ${keyword} port ${params[0]}`);
  } else {
    peer = bracketed(params[0]) ?? dotted(params[0]);
    if (peer === null || peer === 0 || peer === 0n) return unsupported(`socat ${keyword} host ${params[0]}`);
    if (fixed !== null && (typeof peer === 'bigint') !== (fixed === 6)) return familyError(params[0]);
    port = decimalPort(params[1]);
    if (port === null) return unsupported(`socat ${keyword} port ${params[1]}`);
  }
  const v6 = fixed === 6 || typeof peer === 'bigint';
  let bind: Ip4 | Ip6 | null = null;
  let bindPort: number | null = null;
  const b = opts.get('bind');
  if (b !== undefined && b !== null) {
    const parts = splitColons(b);
    if (parts.length > 2 || parts[0] === '' || (parts.length === 2 && mode === 'listen')) return unsupported(`socat bind=${b} on ${keyword}`);
    bind = bracketed(parts[0]!) ?? dotted(parts[0]!);
    if (bind === null) return unsupported(`socat bind=${b}`);
    if ((typeof bind === 'bigint') !== v6) {
      if (fixed === null) return unsupported(`socat bind=${b} of another family than ${keyword}'s`);
      return familyError(parts[0]!);
    }
    if (parts.length === 2) {
      bindPort = decimalPort(parts[1]!);
      if (bindPort === null) return unsupported(`socat bind=${b}`);
    }
  }
  const backlogText = opts.get('backlog');
  const backlog = backlogText === undefined ? 5 : backlogText === null ? 1 : Number(backlogText);
  if (!(backlog >= 0 && backlog <= 4096)) return unsupported(`socat backlog=${backlogText}`);
  const v6only = flag(opts, 'ipv6-v6only');
  if (v6only && (!v6 || mode !== 'listen')) return unsupported(`socat ipv6only on ${keyword}`);
  return { kind: 'ok', address: { kind: 'tcp', mode, keyword, v6, peer, port, bind, bindPort, fork: flag(opts, 'fork') && mode === 'listen', v6only, backlog } };
}

/** Which way data flows: both (default), first to second (`-u`), second to first (`-U`). */
export type SocatDirection = 'both' | 'forward' | 'backward';

/** socat's command line: `-u`/`-U` and exactly two addresses (other global options are not modelled). */
export type SocatCommandLine = { kind: 'ok'; addresses: [string, string]; direction: SocatDirection } | { kind: 'error'; message: string } | { kind: 'unsupported'; why: string };

/**
 * Splits socat's argv into its options and its two addresses.
 *
 * @example
 * parseSocatArgv(['-d', 'UDP:…', 'TUN:…']); // { kind: 'unsupported', why: 'socat option -d' }
 * parseSocatArgv(['-u', '/dev/null', 'TCP:10.0.0.1:80']); // { kind: 'ok', direction: 'forward', … }
 */
export function parseSocatArgv(argv: string[]): SocatCommandLine {
  let direction: SocatDirection = 'both';
  let i = 0;
  for (; i < argv.length && argv[i].length > 1 && argv[i].startsWith('-'); i++) {
    const o = argv[i];
    if ((o !== '-u' && o !== '-U') || direction !== 'both') return { kind: 'unsupported', why: `socat option ${o}` };
    direction = o === '-u' ? 'forward' : 'backward';
  }
  const rest = argv.slice(i);
  if (rest.length !== 2) return { kind: 'error', message: `exactly 2 addresses required (there are ${rest.length}); use option "-h" for help` };
  return { kind: 'ok', addresses: [rest[0], rest[1]], direction };
}
