/**
 * The tcp and udp matches (extensions/libxt_tcp.c, libxt_udp.c): port ranges with `!`, and
 * for tcp the flags (--tcp-flags, --syn) and --tcp-option. tcp still parses by hand (its own
 * messages); udp through the x6 framework.
 */
import type { NfMatch, PortRange, TcpMatch, UdpMatch } from '../../../model/netfilter/match.js';
import { portToService, serviceToPort } from '../names.js';
import { parsePort } from '../values.js';
import { paramError, x6Parse, type ExtOption, type MatchExt, type ParseCtx } from './types.js';

const TCP_FLAGS: [string, number][] = [
  ['FIN', 0x01],
  ['SYN', 0x02],
  ['RST', 0x04],
  ['PSH', 0x08],
  ['ACK', 0x10],
  ['URG', 0x20],
  ['ALL', 0x3f],
  ['NONE', 0],
];

function parseTcpPorts(c: ParseCtx, s: string): PortRange {
  const colon = s.indexOf(':');
  if (colon < 0) {
    const p = parsePort(c.f, s, 'tcp');
    return [p, p];
  }
  const lo = colon === 0 ? 0 : parsePort(c.f, s.slice(0, colon), 'tcp');
  const hi = colon === s.length - 1 ? 0xffff : parsePort(c.f, s.slice(colon + 1), 'tcp');
  if (lo > hi) throw paramError(c, 'invalid portrange (min > max)');
  return [lo, hi];
}

function parseTcpFlag(c: ParseCtx, s: string): number {
  let v = 0;
  for (const w of s.split(',').filter((x) => x !== '')) {
    const f = TCP_FLAGS.find(([n]) => n.toLowerCase() === w.toLowerCase());
    if (!f) throw paramError(c, `Unknown TCP flag \`${w}'`);
    v |= f[1];
  }
  return v;
}

/** print_tcpf: flag names joined by commas, NONE for none. */
export function tcpFlagNames(flags: number): string {
  const names: string[] = [];
  let f = flags;
  while (f) {
    const e = TCP_FLAGS.find(([, v]) => v !== 0x3f && (f & v) !== 0)!;
    names.push(e[0]);
    f &= ~e[1];
  }
  return names.length ? names.join(',') : 'NONE';
}

function printPort(p: number, numeric: boolean, proto: string): string {
  return numeric ? String(p) : (portToService(p, proto) ?? String(p));
}

/** print_ports of libxt_tcp/udp: ` dpt:80`, ` spts:1000:2000`, nothing for any port. */
export function printPorts(name: string, r: PortRange, invert: boolean, numeric: boolean, proto: string): string {
  if (r[0] === 0 && r[1] === 0xffff && !invert) return '';
  const inv = invert ? '!' : '';
  if (r[0] === r[1]) return ` ${name}:${inv}${printPort(r[0], numeric, proto)}`;
  return ` ${name}s:${inv}${printPort(r[0], numeric, proto)}:${printPort(r[1], numeric, proto)}`;
}

function savePorts(opt: string, r: PortRange, invert: boolean): string {
  if (r[0] === 0 && r[1] === 0xffff) return '';
  return `${invert ? ' !' : ''} ${opt} ${r[0] === r[1] ? r[0] : `${r[0]}:${r[1]}`}`;
}

const TCP_OPTS: ExtOption[] = [
  { name: 'source-port', hasArg: 1, id: 'sport' },
  { name: 'sport', hasArg: 1, id: 'sport' },
  { name: 'destination-port', hasArg: 1, id: 'dport' },
  { name: 'dport', hasArg: 1, id: 'dport' },
  { name: 'syn', hasArg: 0, id: 'syn' },
  { name: 'tcp-flags', hasArg: 1, id: 'flags' },
  { name: 'tcp-option', hasArg: 1, id: 'option' },
];

export const TCP: MatchExt = {
  name: 'tcp',
  x6: false,
  options: TCP_OPTS,
  init: (): TcpMatch => ({ kind: 'tcp', sport: [0, 0xffff], sportInvert: false, dport: [0, 0xffff], dportInvert: false, flagMask: 0, flagCmp: 0, flagsInvert: false, option: 0, optionInvert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as TcpMatch;
    switch (opt.id) {
      case 'sport':
        if (seen.has('sport')) throw paramError(c, "Only one `--source-port' allowed");
        m.sport = parseTcpPorts(c, arg!);
        m.sportInvert = invert;
        break;
      case 'dport':
        if (seen.has('dport')) throw paramError(c, "Only one `--destination-port' allowed");
        m.dport = parseTcpPorts(c, arg!);
        m.dportInvert = invert;
        break;
      case 'syn':
      case 'flags': {
        if (seen.has('flags')) throw paramError(c, "Only one of `--syn' or `--tcp-flags'  allowed");
        if (opt.id === 'syn') {
          m.flagMask = parseTcpFlag(c, 'SYN,RST,ACK,FIN');
          m.flagCmp = 0x02;
        } else {
          const next = c.go.argv[c.go.optind];
          if (next === undefined || next[0] === '-' || next[0] === '!') throw paramError(c, '--tcp-flags requires two args.');
          m.flagMask = parseTcpFlag(c, arg!);
          m.flagCmp = parseTcpFlag(c, next);
          c.go.optind++;
        }
        m.flagsInvert = invert;
        seen.add('flags');
        return;
      }
      case 'option': {
        if (seen.has('option')) throw paramError(c, "Only one `--tcp-option' allowed");
        const n = /^\d+$/.test(arg!) ? Number(arg) : Number.NaN;
        if (!(n >= 1 && n <= 255)) throw paramError(c, `Bad TCP option \`${arg}'`);
        m.option = n;
        m.optionInvert = invert;
        break;
      }
    }
    seen.add(opt.id);
  },
  final() {},
  print(mm, numeric) {
    const m = mm as TcpMatch;
    let s = ' tcp';
    s += printPorts('spt', m.sport, m.sportInvert, numeric, 'tcp');
    s += printPorts('dpt', m.dport, m.dportInvert, numeric, 'tcp');
    if (m.option || m.optionInvert) s += ` option=${m.optionInvert ? '!' : ''}${m.option}`;
    if (m.flagMask || m.flagsInvert) {
      s += ` flags:${m.flagsInvert ? '!' : ''}`;
      s += numeric ? `0x${hex2(m.flagMask)}/0x${hex2(m.flagCmp)}` : `${tcpFlagNames(m.flagMask)}/${tcpFlagNames(m.flagCmp)}`;
    }
    return s;
  },
  save(mm) {
    const m = mm as TcpMatch;
    let s = savePorts('--sport', m.sport, m.sportInvert) + savePorts('--dport', m.dport, m.dportInvert);
    if (m.option || m.optionInvert) s += `${m.optionInvert ? ' !' : ''} --tcp-option ${m.option}`;
    if (m.flagMask || m.flagsInvert) s += `${m.flagsInvert ? ' !' : ''} --tcp-flags ${tcpFlagNames(m.flagMask)} ${tcpFlagNames(m.flagCmp)}`;
    return s;
  },
};

function hex2(n: number): string {
  return n.toString(16).toUpperCase().padStart(2, '0');
}

/** XTTYPE_PORTRC: `PORT[:PORT]`, each a number or a service (getaddrinfo's numeric rule: decimal). */
function parsePortRc(c: ParseCtx, opt: ExtOption, arg: string): PortRange {
  const parts = arg.split(':');
  if (parts.length > 2) throw paramError(c, `udp: Too many components for option "--${opt.name}" (max: 2)\n`);
  const r: PortRange = [0, 0xffff];
  parts.forEach((p, i) => {
    if (p === '') return;
    const v = /^\d+$/.test(p) ? Number(p) : serviceToPort(p, null);
    if (v < 0 || v > 0xffff) throw paramError(c, `Port "${p}" does not resolve to anything.\n`);
    r[i] = v;
  });
  if (parts.length === 1) r[1] = r[0];
  return r;
}

const UDP_OPTS: ExtOption[] = [
  { name: 'source-port', hasArg: 1, id: 'sport', invert: true },
  { name: 'sport', hasArg: 1, id: 'sport', invert: true },
  { name: 'destination-port', hasArg: 1, id: 'dport', invert: true },
  { name: 'dport', hasArg: 1, id: 'dport', invert: true },
];

export const UDP: MatchExt = {
  name: 'udp',
  x6: true,
  options: UDP_OPTS,
  init: (): UdpMatch => ({ kind: 'udp', sport: [0, 0xffff], sportInvert: false, dport: [0, 0xffff], dportInvert: false }),
  parse(c, mm, opt, arg, invert, seen) {
    const m = mm as UdpMatch;
    x6Parse(c, 'udp', opt, arg, invert, seen);
    if (opt.id === 'sport') {
      m.sport = parsePortRc(c, opt, arg!);
      m.sportInvert = invert;
    } else {
      m.dport = parsePortRc(c, opt, arg!);
      m.dportInvert = invert;
    }
  },
  final() {},
  print(mm, numeric) {
    const m = mm as UdpMatch;
    return ` udp${printPorts('spt', m.sport, m.sportInvert, numeric, 'udp')}${printPorts('dpt', m.dport, m.dportInvert, numeric, 'udp')}`;
  },
  save(mm) {
    const m = mm as UdpMatch;
    return savePorts('--sport', m.sport, m.sportInvert) + savePorts('--dport', m.dport, m.dportInvert);
  },
};

export type { NfMatch };
