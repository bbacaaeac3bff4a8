/**
 * Addresses as the kernel dumps them (RTM_NEWADDR: struct ifaddrmsg and IFA_* attributes) and
 * as `ip addr` prints each one (ip/ipaddress.c print_addrinfo, print_ifa_flags). A dump lists
 * IPv4 before IPv6 (families in number order), each in the device's list order. IPv4
 * addresses have infinite lifetimes (the kernel reports 4294967295 and iproute2 `forever`);
 * an IPv6 address's lifetimes count down on the lab clock.
 */
import { inPrefix, ip4ToString } from '../../model/ip.js';
import { formatIp6, ip6InPrefix, type Ip6 } from '../../model/ipv6/ip6.js';
import { addrScope6 } from '../../model/ipv6/addrconf.js';
import { lifetimeLeft } from '../../model/ipv6/inet6-dev.js';
import { now6 } from '../../model/ipv6/port6.js';
import type { Link } from '../../model/link.js';
import type { PrefixArg } from '../filters.js';
import { printNl, type ShowCtx } from '../link/fields.js';
import { scopeName } from '../names.js';

/** IFA_F_* (include/uapi/linux/if_addr.h). */
export const IFA_F = {
  SECONDARY: 0x01,
  NODAD: 0x02,
  OPTIMISTIC: 0x04,
  DADFAILED: 0x08,
  HOMEADDRESS: 0x10,
  DEPRECATED: 0x20,
  TENTATIVE: 0x40,
  PERMANENT: 0x80,
  MANAGETEMPADDR: 0x100,
  NOPREFIXROUTE: 0x200,
  MCAUTOJOIN: 0x400,
  STABLE_PRIVACY: 0x800,
} as const;

/** INFINITY_LIFE_TIME */
const FOREVER = 4294967295;

/** One RTM_NEWADDR message. */
export interface IfAddr {
  family: 'inet' | 'inet6';
  ifindex: number;
  prefixlen: number;
  flags: number;
  scope: number;
  /** IFA_LOCAL (IPv6 has only IFA_ADDRESS; iproute2 uses it for both) */
  local: string;
  /** IFA_ADDRESS: the peer of a point-to-point address, else the same as local */
  address: string;
  /** the IPv4 value, for `to PREFIX` */
  local4: number | null;
  /** the IPv6 value, for `to PREFIX` */
  local6?: Ip6 | null;
  /** seconds left (FOREVER: 4294967295) */
  valid?: number;
  preferred?: number;
  broadcast: string | null;
  /** IFA_LABEL (IPv4 only) */
  label: string | null;
  /** IFA_RT_PRIORITY, present when not 0 */
  metric: number | null;
  /** an IPv6 id from a secret addr_gen_mode 3 drew at random (the model's is a stand-in) */
  randomIid?: boolean;
}

/** The addresses of one device, IPv4 first, as a dump returns them. */
export function linkAddrs(l: Link): IfAddr[] {
  const out: IfAddr[] = l.addrs.map((a) => ({
    family: 'inet' as const,
    ifindex: l.ifindex,
    prefixlen: a.prefixLen,
    flags: IFA_F.PERMANENT | (a.secondary ? IFA_F.SECONDARY : 0) | (a.noprefixroute ? IFA_F.NOPREFIXROUTE : 0),
    scope: a.scope,
    local: ip4ToString(a.local),
    address: ip4ToString(a.address),
    local4: a.local,
    broadcast: a.broadcast !== null ? ip4ToString(a.broadcast) : null,
    label: a.label,
    metric: a.metric ? a.metric : null,
  }));
  const now = l.inet6.addrs.length ? now6(l) : 0;
  for (const a of l.inet6.addrs) {
    const local = formatIp6(a.addr);
    out.push({
      family: 'inet6',
      ifindex: l.ifindex,
      prefixlen: a.prefixLen,
      flags: a.flags,
      scope: addrScope6(a),
      local,
      address: a.peer !== null ? formatIp6(a.peer) : local,
      local4: null,
      local6: a.addr,
      broadcast: null,
      label: null,
      metric: a.metric ? a.metric : null,
      valid: a.flags & IFA_F.PERMANENT && a.preferredLft === FOREVER ? FOREVER : lifetimeLeft(a.validLft, a.tstamp, now),
      preferred: a.flags & IFA_F.PERMANENT && a.preferredLft === FOREVER ? FOREVER : lifetimeLeft(a.preferredLft, a.tstamp, now),
      ...(a.randomIid ? { randomIid: true } : {}),
    });
  }
  return out;
}

/** `ip addr show` selectors print_addrinfo applies to each address. */
export interface AddrPrintFilter {
  family: 'inet' | 'inet6' | null;
  /** null: any scope */
  scope: number | null;
  /** IFA_F bits that must have the values in `flags` */
  flagmask: number;
  flags: number;
  /** fnmatch pattern on the label (the device name for IPv6) */
  label: string | null;
  to: PrefixArg | null;
}

/** fnmatch(pattern, s, 0): `*`, `?`, `[...]`, `\` escapes. */
export function fnmatch(pattern: string, s: string): boolean {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*') re += '.*';
    else if (ch === '?') re += '.';
    else if (ch === '\\' && i + 1 < pattern.length) re += escapeRe(pattern[++i]);
    else if (ch === '[') {
      const end = pattern.indexOf(']', i + 2);
      if (end < 0) re += '\\[';
      else {
        let body = pattern.slice(i + 1, end);
        if (body.startsWith('!')) body = `^${body.slice(1)}`;
        re += `[${body.replace(/\\/g, '\\\\')}]`;
        i = end;
      }
    } else re += escapeRe(ch);
  }
  return new RegExp(`${re}$`, 's').test(s);
}

function escapeRe(ch: string): string {
  return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/** Whether an address passes the filters (print_addrinfo's and ipaddr_filter's tests). */
export function addrMatches(a: IfAddr, f: AddrPrintFilter, devName: string): boolean {
  if (f.scope !== null && a.scope !== f.scope) return false;
  if ((f.flags ^ a.flags) & f.flagmask) return false;
  if (f.family !== null && f.family !== a.family) return false;
  if (f.label !== null && !fnmatch(f.label, a.label ?? devName)) return false;
  if (f.to && f.to.len > 0) {
    // inet_addr_match_rta: an address of another family never matches
    if (f.to.addr6 !== undefined) {
      if (a.local6 == null || !ip6InPrefix(a.local6, f.to.addr6, f.to.len)) return false;
    } else if (a.local4 === null || !inPrefix(a.local4, f.to.addr, f.to.len)) return false;
  }
  return true;
}

/** The flag words print_ifa_flags knows, in its order. */
const FLAG_WORDS: [string, number][] = [
  ['secondary', IFA_F.SECONDARY],
  ['temporary', IFA_F.SECONDARY],
  ['nodad', IFA_F.NODAD],
  ['optimistic', IFA_F.OPTIMISTIC],
  ['dadfailed', IFA_F.DADFAILED],
  ['home', IFA_F.HOMEADDRESS],
  ['deprecated', IFA_F.DEPRECATED],
  ['tentative', IFA_F.TENTATIVE],
  ['permanent', IFA_F.PERMANENT],
  ['mngtmpaddr', IFA_F.MANAGETEMPADDR],
  ['noprefixroute', IFA_F.NOPREFIXROUTE],
  ['autojoin', IFA_F.MCAUTOJOIN],
  ['stable-privacy', IFA_F.STABLE_PRIVACY],
];

/** print_ifa_flags: `secondary `, `noprefixroute `, `dynamic ` for a non-permanent one. */
function printIfaFlags(c: ShowCtx, a: IfAddr): void {
  let flags = a.flags;
  for (const [word, mask] of FLAG_WORDS) {
    if (mask === IFA_F.PERMANENT) {
      if (!(flags & mask)) c.p.any('dynamic', 'dynamic ', true);
    } else if (flags & mask) {
      if (mask === IFA_F.SECONDARY && a.family === 'inet6') {
        c.p.any('temporary', 'temporary ', true);
      } else {
        c.p.text(`${word} `);
        c.p.jsonOnly(word, true);
      }
    }
    flags &= ~mask;
  }
  if (flags) {
    const hex = flags.toString(16).padStart(2, '0');
    if (c.p.json) c.p.jsonOnly('ifa_flags', hex);
    else c.p.text(`flags ${hex} `);
  }
}

/**
 * print_addrinfo: `    inet 10.0.0.1/24 brd 10.0.0.255 scope global veth0` and the
 * lifetime line, or `10.0.0.1/24 ` in brief mode. The caller has opened the JSON object;
 * an address the filters reject leaves it empty, as iproute2 does.
 */
export function printAddrinfo(c: ShowCtx, a: IfAddr, f: AddrPrintFilter, devName: string): void {
  const p = c.p;
  if (!addrMatches(a, f, devName)) return;
  if (!c.brief) {
    if (c.oneline) {
      if (p.json) {
        p.jsonOnly('index', a.ifindex);
        p.jsonOnly('dev', devName);
      } else p.text(`${a.ifindex}: ${devName}`);
    }
    p.any('family', `    ${a.family} `, a.family);
  }
  const color = a.family === 'inet' ? 'inet' : 'inet6';
  p.colored(color, 'local', a.local, a.local);
  if (a.address !== a.local) {
    p.text(' peer ');
    p.colored(color, 'address', a.address, a.address);
  }
  p.any('prefixlen', `/${a.prefixlen} `, a.prefixlen);
  if (a.metric !== null) p.any('metric', `metric ${a.metric} `, a.metric);
  if (c.brief) return;
  if (a.broadcast !== null) {
    p.text('brd ');
    p.colored(color, 'broadcast', `${a.broadcast} `, a.broadcast);
  }
  const scope = scopeName(a.scope);
  p.any('scope', `scope ${scope} `, scope);
  printIfaFlags(c, a);
  if (a.label !== null) p.any('label', a.label, a.label);
  printNl(c);
  const valid = a.valid ?? FOREVER;
  const preferred = a.preferred ?? FOREVER;
  p.text('       valid_lft ');
  if (valid === FOREVER) {
    p.jsonOnly('valid_life_time', FOREVER);
    p.text('forever');
  } else p.any('valid_life_time', `${valid}sec`, valid);
  p.text(' preferred_lft ');
  if (preferred === FOREVER) {
    p.jsonOnly('preferred_life_time', FOREVER);
    p.text('forever');
  } else p.any('preferred_life_time', `${preferred}sec`, preferred);
  p.text('\n');
}
