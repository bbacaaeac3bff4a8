/**
 * The IPv6 routes the kernel makes by itself for the addresses of ipv6ll.ts, in its dump order
 * (net/ipv6/addrconf.c, ip6_fib.c): table main holds `fe80::/64 dev D proto kernel metric 256`
 * per device with a link-local; table local holds `local ::1 dev lo`, `local fe80::… dev D`
 * (metric 0) and `multicast ff00::/8 dev D metric 256` per device with a link-local (not lo).
 * Routes are walked in address order; routes of one prefix in the order they were made, which
 * the model approximates by ifindex. Prefix and multicast routes of a device without carrier
 * are flagged `linkdown`; the local routes never are.
 */
import { hasCarrier, type Link } from '../../model/link.js';
import type { Netns } from '../../model/netns.js';

/** One IPv6 FIB entry, enough to print it. */
export interface Ip6Route {
  table: 254 | 255;
  type: 'unicast' | 'local' | 'multicast';
  dst: string;
  dstLen: number;
  dev: Link;
  metric: number;
  linkdown: boolean;
}

/** An IPv6 address as sixteen bytes, for ordering. */
function bytesOf(a: string): number[] {
  const [head, tail] = a.includes('::') ? a.split('::') : [a, null];
  const h = head ? head.split(':') : [];
  const t = tail ? tail.split(':') : [];
  const words = tail === null ? h : [...h, ...Array(8 - h.length - t.length).fill('0'), ...t];
  const out: number[] = [];
  for (const w of words) {
    const n = parseInt(w || '0', 16);
    out.push(n >> 8, n & 255);
  }
  return out;
}

function compareAddr(a: string, b: string): number {
  const x = bytesOf(a);
  const y = bytesOf(b);
  for (let i = 0; i < 16; i++) if (x[i] !== y[i]) return x[i] - y[i];
  return 0;
}

/** Every IPv6 route of the namespace in dump order: table main, then table local. */
export function ipv6Routes(ns: Netns): Ip6Route[] {
  const withLl = ns.linkList().filter((l) => l.ipv6ll !== null && l.ipv6ll !== undefined);
  const devs = withLl.filter((l) => l.kind !== 'loopback');
  const main: Ip6Route[] = devs.map((dev) => ({
    table: 254,
    type: 'unicast',
    dst: 'fe80::',
    dstLen: 64,
    dev,
    metric: 256,
    linkdown: !hasCarrier(dev),
  }));
  const locals: Ip6Route[] = withLl.map((dev): Ip6Route => ({ table: 255, type: 'local', dst: dev.ipv6ll!, dstLen: 128, dev, metric: 0, linkdown: false })).sort((a, b) => compareAddr(a.dst, b.dst));
  // a device whose own address was flushed keeps its multicast route
  const mcastDevs = ns.linkList().filter((l) => l.kind !== 'loopback' && (l.ipv6ll !== null || l.ll6Flushed));
  const mcast: Ip6Route[] = mcastDevs.map((dev) => ({
    table: 255,
    type: 'multicast',
    dst: 'ff00::',
    dstLen: 8,
    dev,
    metric: 256,
    linkdown: !hasCarrier(dev),
  }));
  return [...main, ...locals, ...mcast];
}
