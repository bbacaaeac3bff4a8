/**
 * IPv6 source address selection (net/ipv6/addrconf.c ipv6_dev_get_saddr, RFC 6724 §5), the
 * rules in the kernel's order: the destination itself; an adequate scope (the smallest that
 * reaches the destination, else the largest); not deprecated; on the outgoing interface; the
 * same policy label (the kernel's default table, addrlabel.c); the longest common prefix,
 * capped at the address's own length. Tentative addresses are never candidates. For a
 * link-local or multicast destination only the outgoing device's addresses count; otherwise
 * every device's, in device order, and the first of equals wins.
 */
import type { Link } from '../link.js';
import type { Netns } from '../netns.js';
import { addrUsable, IFA6, type Inet6Addr } from './inet6-dev.js';
import { IP6_LOOPBACK, ip6InPrefix, ip6SrcScope, isIp6Multicast, isIp6V4Mapped, parseIp6, type Ip6 } from './ip6.js';

/** The kernel's default address label table (ip addrlabel), most specific first. */
const LABELS: [Ip6, number, number][] = (
  [
    ['::1', 128, 0],
    ['::ffff:0.0.0.0', 96, 4],
    ['2001:10::', 28, 7],
    ['2001::', 32, 6],
    ['2002::', 16, 2],
    ['3ffe::', 16, 12],
    ['fec0::', 10, 11],
    ['fc00::', 7, 5],
    ['::', 96, 3],
    ['::', 0, 1],
  ] as const
).map(([p, l, v]) => [parseIp6(p)!, l, v]);

function label(a: Ip6): number {
  for (const [p, l, v] of LABELS) if (ip6InPrefix(a, p, l)) return v;
  return 1;
}

/** Leading bits two addresses share. */
function commonBits(a: Ip6, b: Ip6): number {
  const x = a ^ b;
  if (x === 0n) return 128;
  return 128 - x.toString(2).length;
}

interface Cand {
  a: Inet6Addr;
  dev: Link;
}

/** The rules' values for a candidate, compared in order: higher is better. */
function scores(c: Cand, dst: Ip6, dstScope: number, dstLabel: number, oif: Link | null): number[] {
  const a = c.a;
  const s = ip6SrcScope(a.addr);
  const preferred = isIp6V4Mapped(a.addr) || a.addr === IP6_LOOPBACK || !(a.flags & (IFA6.DEPRECATED | IFA6.OPTIMISTIC));
  const prefix = Math.min(commonBits(a.addr, dst), a.prefixLen);
  return [a.addr === dst ? 1 : 0, s >= dstScope ? -s : s - 128, preferred ? 1 : 0, !oif || c.dev === oif ? 1 : 0, label(a.addr) === dstLabel ? 1 : 0, prefix];
}

function candidates(dev: Link): Cand[] {
  const out: Cand[] = [];
  for (const a of dev.inet6.addrs) {
    if (!addrUsable(a) || isIp6Multicast(a.addr) || a.addr === 0n) continue;
    out.push({ a, dev });
  }
  return out;
}

/**
 * ipv6_dev_get_saddr: the source for `dst` leaving by `oif` (null: no device), or null when
 * there is none (EADDRNOTAVAIL).
 *
 * @example
 * ipv6DevGetSaddr(ns, va, parseIp6('2001:db8::5')!); // 2001:db8::1 when va holds it
 */
export function ipv6DevGetSaddr(ns: Netns, oif: Link | null, dst: Ip6): Ip6 | null {
  const dstScope = ip6SrcScope(dst);
  const dstLabel = label(dst);
  const onlyOif = oif !== null && (isIp6Multicast(dst) || dstScope <= 2 || oif.inet6.conf.use_oif_addrs_only !== 0);
  const devs = onlyOif ? [oif!] : ns.linkList();
  let best: Cand | null = null;
  let bestScores: number[] = [];
  for (const dev of devs) {
    for (const c of candidates(dev)) {
      const sc = scores(c, dst, dstScope, dstLabel, oif);
      if (!best || better(sc, bestScores)) {
        best = c;
        bestScores = sc;
      }
    }
  }
  return best ? best.a.addr : null;
}

function better(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!;
  }
  return false;
}

/** ipv6_chk_addr: `addr` is a usable (non-tentative) address of the namespace, on `dev` if given. */
export function isLocal6(ns: Netns, addr: Ip6, dev: Link | null = null): Link | null {
  for (const l of dev ? [dev] : ns.linkList()) {
    for (const a of l.inet6.addrs) if (a.addr === addr && addrUsable(a)) return l;
  }
  return null;
}
