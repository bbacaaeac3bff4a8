/**
 * Target extensions (extensions/libipt_REJECT.c, libxt_LOG.c, libxt_MARK.c, libxt_CONNMARK.c,
 * libxt_NAT.c for SNAT, DNAT, MASQUERADE and REDIRECT) as iptables 1.8.9 parses, lists and
 * saves them. ACCEPT, DROP, RETURN and chain names are the standard target (no options).
 */
import { ip4ToString, parseIp4 } from '../../../model/ip.js';
import { emptyNatRange, REJECT_WITH, TCPMSS_CLAMP_PMTU, type NatRange, type NfTarget, type RejectWith4 } from '../../../model/netfilter/target.js';
import { serviceToPort } from '../names.js';
import { hex, numericToAddr, strtoumax } from '../values.js';
import { saveString } from './matches.js';
import { natRangeText6, nat6Unmodelled, parseNatTo6 } from './nat6.js';
import { paramError, x6Final, x6MarkMask, x6Parse, x6Uint, type ExtOption, type ParseCtx, type TargetExt } from './types.js';

type T<K extends NfTarget['kind']> = Extract<NfTarget, { kind: K }>;

/** reject_table[]: the name and the alias each --reject-with may be given by (prefixes allowed). */
const REJECT_NAMES: [RejectWith4, string][] = [
  ['icmp-net-unreachable', 'net-unreach'],
  ['icmp-host-unreachable', 'host-unreach'],
  ['icmp-proto-unreachable', 'proto-unreach'],
  ['icmp-port-unreachable', 'port-unreach'],
  ['icmp-net-prohibited', 'net-prohib'],
  ['icmp-host-prohibited', 'host-prohib'],
  ['tcp-reset', 'tcp-rst'],
  ['icmp-admin-prohibited', 'admin-prohib'],
];

const REJECT_OPTS: ExtOption[] = [{ name: 'reject-with', hasArg: 1, id: 'with' }];

export const REJECT: TargetExt = {
  name: 'REJECT',
  x6: true,
  options: REJECT_OPTS,
  init: (): NfTarget => ({ kind: 'REJECT', with: 'icmp-port-unreachable' }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'REJECT', opt, arg, invert, seen);
    const a = arg!.toLowerCase();
    for (const w of REJECT_WITH) {
      const alias = REJECT_NAMES.find(([n]) => n === w)?.[1];
      if (!alias) continue;
      if (w.startsWith(a) || alias.startsWith(a)) {
        (t as T<'REJECT'>).with = w;
        return;
      }
    }
    throw paramError(c, `unknown reject type "${arg}"`);
  },
  final() {},
  print: (t) => ` reject-with ${(t as T<'REJECT'>).with}`,
  save: (t) => ` --reject-with ${(t as T<'REJECT'>).with}`,
};

/** libxtables' --log-level names */
const LEVEL_NAMES: [string, number][] = [
  ['alert', 1],
  ['crit', 2],
  ['debug', 7],
  ['emerg', 0],
  ['error', 3],
  ['info', 6],
  ['notice', 5],
  ['panic', 0],
  ['warning', 4],
];
/** glibc's prioritynames, first name per level (what LOG's listing prints) */
const PRIORITY_NAMES = ['emerg', 'alert', 'crit', 'err', 'warn', 'notice', 'info', 'debug'];
const LOG_OPTS: ExtOption[] = [
  { name: 'log-level', hasArg: 1, id: 'level' },
  { name: 'log-prefix', hasArg: 1, id: 'prefix' },
  { name: 'log-tcp-sequence', hasArg: 0, id: 'seq' },
  { name: 'log-tcp-options', hasArg: 0, id: 'tcpopt' },
  { name: 'log-ip-options', hasArg: 0, id: 'ipopt' },
  { name: 'log-uid', hasArg: 0, id: 'uid' },
  { name: 'log-macdecode', hasArg: 0, id: 'mac' },
];
const LOG_FLAG: Record<string, number> = { seq: 1, tcpopt: 2, ipopt: 4, uid: 8, mac: 0x20 };

export const LOG: TargetExt = {
  name: 'LOG',
  x6: true,
  options: LOG_OPTS,
  init: (): NfTarget => ({ kind: 'LOG', level: 4, prefix: '', flags: 0 }),
  parse(c, t0, opt, arg, invert, seen) {
    const t = t0 as T<'LOG'>;
    x6Parse(c, 'LOG', opt, arg, invert, seen);
    if (opt.id === 'level') {
      const n = strtoumax(arg!);
      if (n && n.end === arg!.length && n.value <= 7) t.level = n.value;
      else {
        const named = LEVEL_NAMES.find(([name]) => name === arg);
        if (!named) throw paramError(c, `log level "${arg}" unknown\n`);
        t.level = named[1];
      }
    } else if (opt.id === 'prefix') {
      if (arg!.length > 29) throw paramError(c, 'Maximum prefix length 29 for --log-prefix');
      if (arg!.length === 0) throw paramError(c, 'No prefix specified for --log-prefix');
      t.prefix = arg!;
    } else t.flags |= LOG_FLAG[opt.id]!;
  },
  final() {},
  print(t0, numeric) {
    const t = t0 as T<'LOG'>;
    let s = ' LOG';
    if (numeric) s += ` flags ${t.flags} level ${t.level}`;
    else {
      s += ` level ${PRIORITY_NAMES[t.level]}`;
      if (t.flags & 1) s += ' tcp-sequence';
      if (t.flags & 2) s += ' tcp-options';
      if (t.flags & 4) s += ' ip-options';
      if (t.flags & 8) s += ' uid';
      if (t.flags & 0x20) s += ' macdecode';
    }
    if (t.prefix) s += ` prefix "${t.prefix}"`;
    return s;
  },
  save(t0) {
    const t = t0 as T<'LOG'>;
    let s = '';
    if (t.prefix) s += ` --log-prefix${saveString(t.prefix)}`;
    if (t.level !== 4) s += ` --log-level ${t.level}`;
    if (t.flags & 1) s += ' --log-tcp-sequence';
    if (t.flags & 2) s += ' --log-tcp-options';
    if (t.flags & 4) s += ' --log-ip-options';
    if (t.flags & 8) s += ' --log-uid';
    if (t.flags & 0x20) s += ' --log-macdecode';
    return s;
  },
};

const MARK_IDS = ['set-xmark', 'set-mark', 'and-mark', 'or-mark', 'xor-mark'];

/** MARK and CONNMARK's `--set-xmark`-style value: what to XOR in, under which mask. */
function markOp(c: ParseCtx, ext: string, opt: ExtOption, arg: string): { value: number; mask: number } {
  if (opt.id === 'set-xmark' || opt.id === 'set-mark') {
    const v = x6MarkMask(c, ext, opt, arg);
    return opt.id === 'set-xmark' ? { value: v.mark, mask: v.mask } : { value: v.mark, mask: (v.mark | v.mask) >>> 0 };
  }
  const u = x6Uint(c, ext, opt, arg);
  if (opt.id === 'and-mark') return { value: 0, mask: ~u >>> 0 };
  if (opt.id === 'or-mark') return { value: u, mask: u };
  return { value: u, mask: 0 };
}

/** MARK's and CONNMARK's listing of a set operation: and / or / xor / set / xset. */
function markOpText(name: string, value: number, mask: number): string {
  if (value === 0) return ` ${name} and ${hex(~mask)}`;
  if (value === mask) return ` ${name} or ${hex(value)}`;
  if (mask === 0) return ` ${name} xor ${hex(value)}`;
  if (mask >>> 0 === 0xffffffff) return ` ${name} set ${hex(value)}`;
  return ` ${name} xset ${hex(value)}/${hex(mask)}`;
}

const MARK_OPTS: ExtOption[] = MARK_IDS.map((n) => ({ name: n, hasArg: 1 as const, id: n, excl: MARK_IDS.filter((x) => x !== n) }));

export const MARK: TargetExt = {
  name: 'MARK',
  x6: true,
  options: MARK_OPTS,
  init: (): NfTarget => ({ kind: 'MARK', value: 0, mask: 0 }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'MARK', opt, arg, invert, seen);
    Object.assign(t, markOp(c, 'MARK', opt, arg!));
  },
  final(c, _t, seen) {
    x6Final(c, 'MARK', MARK_OPTS, seen);
    if (seen.size === 0) throw paramError(c, 'MARK: One of the --set-xmark, --{and,or,xor,set}-mark options is required');
  },
  print: (t) => markOpText('MARK', (t as T<'MARK'>).value, (t as T<'MARK'>).mask),
  save: (t) => ` --set-xmark ${hex((t as T<'MARK'>).value)}/${hex((t as T<'MARK'>).mask)}`,
};

const CONNMARK_OPS = [...MARK_IDS, 'save-mark', 'restore-mark'];
const CONNMARK_OPTS: ExtOption[] = [
  ...CONNMARK_OPS.map((n) => ({ name: n, hasArg: (n.endsWith('-mark') && (n === 'save-mark' || n === 'restore-mark') ? 0 : 1) as 0 | 1, id: n, excl: CONNMARK_OPS.filter((x) => x !== n) })),
  { name: 'ctmask', hasArg: 1, id: 'ctmask', excl: ['mask'] },
  { name: 'nfmask', hasArg: 1, id: 'nfmask', excl: ['mask'] },
  { name: 'mask', hasArg: 1, id: 'mask', excl: ['ctmask', 'nfmask'] },
];

export const CONNMARK: TargetExt = {
  name: 'CONNMARK',
  x6: true,
  options: CONNMARK_OPTS,
  init: (): NfTarget => ({ kind: 'CONNMARK', mode: 'set', value: 0, mask: 0xffffffff, nfmask: 0xffffffff, ctmask: 0xffffffff }),
  parse(c, t0, opt, arg, invert, seen) {
    const t = t0 as T<'CONNMARK'>;
    x6Parse(c, 'CONNMARK', opt, arg, invert, seen);
    if (opt.id === 'save-mark') t.mode = 'save';
    else if (opt.id === 'restore-mark') t.mode = 'restore';
    else if (opt.id === 'ctmask') t.ctmask = x6Uint(c, 'CONNMARK', opt, arg!);
    else if (opt.id === 'nfmask') t.nfmask = x6Uint(c, 'CONNMARK', opt, arg!);
    else if (opt.id === 'mask') t.nfmask = t.ctmask = x6Uint(c, 'CONNMARK', opt, arg!);
    else {
      const v = markOp(c, 'CONNMARK', opt, arg!);
      t.mode = 'set';
      t.value = v.value;
      t.ctmask = v.mask;
    }
  },
  final(c, _t, seen) {
    x6Final(c, 'CONNMARK', CONNMARK_OPTS, seen);
    if (!CONNMARK_OPS.some((o) => seen.has(o))) throw paramError(c, 'CONNMARK target: No operation specified');
  },
  print(t0) {
    const t = t0 as T<'CONNMARK'>;
    if (t.mode === 'set') return markOpText('CONNMARK', t.value, t.ctmask);
    const full = t.nfmask >>> 0 === 0xffffffff && t.ctmask >>> 0 === 0xffffffff;
    if (t.mode === 'save') return full ? ' CONNMARK save' : t.nfmask === t.ctmask ? ` CONNMARK save mask ${hex(t.nfmask)}` : ` CONNMARK save nfmask ${hex(t.nfmask)} ctmask ~${hex(t.ctmask)}`;
    return full ? ' CONNMARK restore' : t.nfmask === t.ctmask ? ` CONNMARK restore mask ${hex(t.ctmask)}` : ` CONNMARK restore ctmask ${hex(t.ctmask)} nfmask ~${hex(t.nfmask)}`;
  },
  save(t0) {
    const t = t0 as T<'CONNMARK'>;
    if (t.mode === 'set') return ` --set-xmark ${hex(t.value)}/${hex(t.ctmask)}`;
    return ` --${t.mode}-mark --nfmask ${hex(t.nfmask)} --ctmask ${hex(t.ctmask)}`;
  },
};

/** libxt_NAT's parse_ports: `PORT[-PORT[/BASE]]` (a range takes only numbers). */
function parseNatPorts(c: ParseCtx, arg: string, portok: boolean, r: NatRange): void {
  if (!portok) throw paramError(c, 'Need TCP, UDP, SCTP or DCCP with port specification');
  r.protoSpecified = true;
  let lo = strtoumax(arg);
  let rest: string;
  let port: number;
  if (lo && lo.value <= 65535) {
    port = lo.value;
    rest = arg.slice(lo.end);
  } else {
    port = serviceToPort(arg, null);
    if (port < 0) throw paramError(c, `Port \`${arg}' not valid`);
    rest = '';
  }
  if (rest === '') {
    r.minPort = r.maxPort = port;
    return;
  }
  if (rest[0] === ':') throw paramError(c, 'Invalid port:port syntax - use dash');
  if (rest[0] !== '-') throw paramError(c, `Garbage after port value: \`${rest}'`);
  const maxText = rest.slice(1);
  lo = strtoumax(maxText);
  if (!lo || lo.value > 65535) throw paramError(c, `Port \`${maxText}' not valid`);
  if (lo.value < port) throw paramError(c, `Port range \`${maxText}' funky`);
  r.minPort = port;
  r.maxPort = lo.value;
  const after = maxText.slice(lo.end);
  if (after === '') return;
  if (after[0] !== '/') throw paramError(c, `Garbage after port range: \`${after}'`);
  const base = strtoumax(after.slice(1));
  const b = base && base.end === after.length - 1 && base.value >= 1 && base.value <= 65535 ? base.value : serviceToPort(after.slice(1), null);
  if (b < 0) throw paramError(c, `Port \`${after.slice(1)}' not valid`);
  r.basePort = b;
}

/** parse_to: `ADDR[-ADDR][:PORT[-PORT]]` (IPv4: one colon is the port). */
function parseNatTo(c: ParseCtx, arg: string, portok: boolean, r: NatRange): void {
  if (arg.includes('[')) throw paramError(c, 'Invalid address format');
  let colon = arg.indexOf(':');
  if (colon >= 0 && arg.indexOf(':', colon + 1) >= 0) colon = -1;
  let addrPart = arg;
  if (colon >= 0) {
    parseNatPorts(c, arg.slice(colon + 1), portok, r);
    if (colon === 0) return;
    addrPart = arg.slice(0, colon);
  }
  r.mapIps = true;
  const dash = addrPart.indexOf('-');
  const first = dash < 0 ? addrPart : addrPart.slice(0, dash);
  const a = parseIp4(first);
  if (a === null) throw paramError(c, `Bad IP address "${first}"`);
  r.minAddr = r.maxAddr = a;
  if (dash >= 0) {
    const b = parseIp4(addrPart.slice(dash + 1));
    if (b === null) throw paramError(c, `Bad IP address "${addrPart.slice(dash + 1)}"`);
    r.maxAddr = b;
  }
}

type NatKind = 'SNAT' | 'DNAT' | 'MASQUERADE' | 'REDIRECT';

function natExt(kind: NatKind, v6 = false): TargetExt {
  const opts: ExtOption[] =
    kind === 'SNAT' || kind === 'DNAT'
      ? [
          { name: kind === 'SNAT' ? 'to-source' : 'to-destination', hasArg: 1, id: 'to', mand: true },
          { name: 'random', hasArg: 0, id: 'random' },
          ...(kind === 'SNAT' ? [{ name: 'random-fully', hasArg: 0 as const, id: 'random-fully' }] : []),
          { name: 'persistent', hasArg: 0, id: 'persistent' },
        ]
      : [
          { name: 'to-ports', hasArg: 1, id: 'ports' },
          { name: 'random', hasArg: 0, id: 'random' },
          ...(kind === 'MASQUERADE' ? [{ name: 'random-fully', hasArg: 0 as const, id: 'random-fully' }] : []),
        ];
  return {
    name: kind,
    x6: true,
    options: opts,
    init: (): NfTarget => ({ kind, range: emptyNatRange() }),
    parse(c, t, opt, arg, invert, seen) {
      x6Parse(c, kind, opt, arg, invert, seen);
      const r = (t as T<NatKind>).range;
      const p = c.ip.proto;
      const portok = p === 6 || p === 17 || p === 132 || p === 33 || p === 1;
      if (opt.id === 'to' && v6) parseNatTo6(c, arg!, r, (ports) => parseNatPorts(c, ports, portok, r));
      else if (opt.id === 'to') parseNatTo(c, arg!, portok, r);
      else if (opt.id === 'ports') parseNatPorts(c, arg!, portok, r);
      else if (opt.id === 'random') r.random = true;
      else if (opt.id === 'random-fully') r.randomFully = true;
      else r.persistent = true;
    },
    final(c, t, seen) {
      x6Final(c, kind, opts, seen);
      if (kind === 'DNAT' && (t as T<'DNAT'>).range.basePort !== null) throw paramError(c, 'Shifted portmap ranges not supported with this kernel');
    },
    print(t) {
      const pre = kind === 'REDIRECT' ? 'redir ports ' : kind === 'MASQUERADE' ? 'masq ports: ' : 'to:';
      return natText((t as T<NatKind>).range, pre, '', kind === 'REDIRECT' || kind === 'MASQUERADE', v6);
    },
    save(t) {
      const pre = kind === 'SNAT' ? '--to-source ' : kind === 'DNAT' ? '--to-destination ' : '--to-ports ';
      return natText((t as T<NatKind>).range, pre, '--', kind === 'REDIRECT' || kind === 'MASQUERADE', v6);
    },
    unmodelled: v6 ? nat6Unmodelled : undefined,
  };
}

/** sprint_range: `ADDR[-ADDR][:PORT[-PORT][/BASE]]`. */
export function natRangeText(r: NatRange): string {
  let s = '';
  if (r.mapIps) {
    s += ip4ToString(r.minAddr);
    if (r.maxAddr !== r.minAddr) s += `-${ip4ToString(r.maxAddr)}`;
  }
  if (r.protoSpecified) {
    s += `:${r.minPort}`;
    if (r.maxPort !== r.minPort) s += `-${r.maxPort}`;
    if (r.basePort !== null) s += `/${r.basePort}`;
  }
  return s;
}

/** __NAT_print */
function natText(r: NatRange, rangeopt: string, flagPfx: string, skipColon: boolean, v6: boolean): string {
  let s = '';
  let range = v6 ? natRangeText6(r) : natRangeText(r);
  if (range) {
    if (range[0] === ':' && skipColon) range = range.slice(1);
    s += ` ${rangeopt}${range}`;
  }
  if (r.random) s += ` ${flagPfx}random`;
  if (r.randomFully) s += ` ${flagPfx}random-fully`;
  if (r.persistent) s += ` ${flagPfx}persistent`;
  return s;
}

export const SNAT = natExt('SNAT');
export const DNAT = natExt('DNAT');
export const MASQUERADE = natExt('MASQUERADE');
export const REDIRECT = natExt('REDIRECT');
export const SNAT6 = natExt('SNAT', true);
export const DNAT6 = natExt('DNAT', true);
export const MASQUERADE6 = natExt('MASQUERADE', true);
export const REDIRECT6 = natExt('REDIRECT', true);

/** NOTRACK (libxt_NOTRACK: CT with the notrack flag, listed as CT) and `CT --notrack`; CT's other options are not modelled. */
export const NOTRACK: TargetExt = {
  name: 'NOTRACK',
  x6: true,
  options: [],
  init: (): NfTarget => ({ kind: 'NOTRACK', alias: true }),
  parse() {},
  final() {},
  print: () => ' NOTRACK',
  save: () => '',
};

const CT_OPTS: ExtOption[] = [
  { name: 'notrack', hasArg: 0, id: 'notrack' },
  ...['ctevents', 'expevents', 'helper', 'timeout', 'zone', 'zone-orig', 'zone-reply'].map((n) => ({ name: n, hasArg: 1 as const, id: n })),
];

/** CT targets given an option besides --notrack, or none: the model has no zones, helpers or timeouts */
const ctOther = new WeakSet<NfTarget>();

export const CT: TargetExt = {
  name: 'CT',
  x6: true,
  options: CT_OPTS,
  init: (): NfTarget => {
    const t: NfTarget = { kind: 'NOTRACK', alias: false };
    ctOther.add(t);
    return t;
  },
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'CT', opt, arg, invert, seen);
    if (opt.id === 'notrack' && seen.size === 1) ctOther.delete(t);
    else ctOther.add(t);
  },
  final() {},
  unmodelled: (t) => (ctOther.has(t) ? 'target CT without --notrack alone (zones, helpers, timeouts, events)' : null),
  print: () => ' CT notrack',
  save: () => ' --notrack',
};

const TTL_IDS = ['set', 'dec', 'inc'];
const TTL_OPTS: ExtOption[] = TTL_IDS.map((m) => ({ name: `ttl-${m}`, hasArg: 1 as const, id: m, excl: TTL_IDS.filter((x) => x !== m) }));

export const TTL_TARGET: TargetExt = {
  name: 'TTL',
  x6: true,
  options: TTL_OPTS,
  init: (): NfTarget => ({ kind: 'TTL', mode: 'set', value: 0 }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'TTL', opt, arg, invert, seen);
    const x = t as T<'TTL'>;
    x.mode = opt.id as T<'TTL'>['mode'];
    x.value = x6Uint(c, 'TTL', opt, arg!, opt.id === 'set' ? 0 : 1, 255);
  },
  final(c, _t, seen) {
    x6Final(c, 'TTL', TTL_OPTS, seen);
    if (seen.size === 0) throw paramError(c, 'TTL: You must specify an action');
  },
  print: (t0) => {
    const t = t0 as T<'TTL'>;
    return ` TTL ${t.mode === 'set' ? 'set to' : t.mode === 'dec' ? 'decrement by' : 'increment by'} ${t.value}`;
  },
  save: (t0) => ` --ttl-${(t0 as T<'TTL'>).mode} ${(t0 as T<'TTL'>).value}`,
};

const NETMAP_OPTS: ExtOption[] = [{ name: 'to', hasArg: 1, id: 'to', mand: true }];

/**
 * XTTYPE_HOSTMASK's mask as iptables 1.8.9 reads it: a prefix length (beyond the address's 32
 * bits it is 32), or a dotted mask (one that is not a prefix counts as /32, as measured).
 */
function hostmaskBits(c: ParseCtx, ext: string, opt: string, m: string): number {
  const dotted = numericToAddr(m, true);
  if (dotted !== null) {
    for (let bits = 32; bits >= 0; bits--) if ((bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0) === dotted) return bits;
    return 32;
  }
  if (/^\d+$/.test(m)) return Math.min(32, Number(m));
  throw paramError(c, `${ext}: bad value for option "--${opt}", neither a valid network mask nor valid CIDR (0-32).\n`);
}

/**
 * NETMAP --to ADDR[/MASK] (libipt_NETMAP.c): a 1:1 map of one network onto another; the range
 * is the network (min: the address with the host bits cleared, max: with them set).
 */
export const NETMAP: TargetExt = {
  name: 'NETMAP',
  x6: true,
  options: NETMAP_OPTS,
  init: (): NfTarget => ({ kind: 'NETMAP', range: { ...emptyNatRange(), mapIps: true } }),
  parse(c, t, opt, arg, invert, seen) {
    x6Parse(c, 'NETMAP', opt, arg, invert, seen);
    const slash = arg!.indexOf('/');
    const host = slash < 0 ? arg! : arg!.slice(0, slash);
    const bits = slash < 0 ? 32 : hostmaskBits(c, 'NETMAP', opt.name, arg!.slice(slash + 1));
    const a = host === 'localhost' ? 0x7f000001 : parseIp4(host);
    // a name is looked up by getaddrinfo (DNS: the answer depends on the machine)
    if (a === null) netmapNames.add(t);
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    const r = (t as T<'NETMAP'>).range;
    r.minAddr = ((a ?? 0) & mask) >>> 0;
    r.maxAddr = (r.minAddr | ~mask) >>> 0;
  },
  final(c, _t, seen) {
    x6Final(c, 'NETMAP', NETMAP_OPTS, seen);
  },
  unmodelled: (t) => (netmapNames.has(t) ? 'NETMAP --to a host name (getaddrinfo)' : null),
  print: (t) => ` to:${netmapText((t as T<'NETMAP'>).range)}`,
  save: (t) => ` --to ${netmapText((t as T<'NETMAP'>).range)}`,
};
const netmapNames = new WeakSet<NfTarget>();

/** __NETMAP_print: the network and its prefix length. */
function netmapText(r: NatRange): string {
  const mask = ~(r.minAddr ^ r.maxAddr) >>> 0;
  let bits = 0;
  while (bits < 32 && mask & (0x80000000 >>> bits)) bits++;
  return `${ip4ToString(r.minAddr)}/${bits}`;
}

/** libxt_TCPMSS: --set-mss (a uint16 up to 65535 less the IP and TCP headers) or --clamp-mss-to-pmtu; the last one given wins. */
function tcpmssTarget(maxMss: number): TargetExt {
  const opts: ExtOption[] = [
    { name: 'set-mss', hasArg: 1, id: 'set' },
    { name: 'clamp-mss-to-pmtu', hasArg: 0, id: 'clamp' },
  ];
  return {
    name: 'TCPMSS',
    x6: true,
    options: opts,
    init: (): NfTarget => ({ kind: 'TCPMSS', mss: TCPMSS_CLAMP_PMTU }),
    parse(c, t, opt, arg, invert, seen) {
      x6Parse(c, 'TCPMSS', opt, arg, invert, seen);
      (t as T<'TCPMSS'>).mss = opt.id === 'clamp' ? TCPMSS_CLAMP_PMTU : x6Uint(c, 'TCPMSS', opt, arg!, 0, maxMss);
    },
    final(c, _t, seen) {
      if (seen.size === 0) throw paramError(c, 'TCPMSS target: At least one parameter is required');
    },
    print: (t) => ((t as T<'TCPMSS'>).mss === TCPMSS_CLAMP_PMTU ? ' TCPMSS clamp to PMTU' : ` TCPMSS set ${(t as T<'TCPMSS'>).mss}`),
    save: (t) => ((t as T<'TCPMSS'>).mss === TCPMSS_CLAMP_PMTU ? ' --clamp-mss-to-pmtu' : ` --set-mss ${(t as T<'TCPMSS'>).mss}`),
  };
}

/** iptables' TCPMSS (IPv4: 65535 - 20) and ip6tables' (65535 - 40). */
export const TCPMSS = tcpmssTarget(65515);
export const TCPMSS6 = tcpmssTarget(65495);
