/** Small texts shared by the probers: destination classes, a namespace's routes, its address. */
import { SCOPE } from '../model/address.js';
import { ip4ToString, maskOf, type Ip4 } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import { ip6DisplayScope, type Ip6 } from '../model/ipv6/ip6.js';
import { IFA6 } from '../model/ipv6/inet6-dev.js';
import type { Netns } from '../model/netns.js';
import { runIp } from '../iproute2/ip.js';
import { routeMsg } from '../iproute2/route/render.js';
import { noHide, printRoute } from '../iproute2/route/msg.js';
import { Printer } from '../iproute2/print.js';
import { Fib } from '../../sim/fib.js';
import type { BlackholeFinding, LoopFinding } from '../../sim/reach/index.js';
import type { BlackholeReport, LoopReport } from './check.js';

/** The fewest prefixes covering exactly [first, last]. */
export function rangePrefixes(first: Ip4, last: Ip4): { addr: Ip4; len: number }[] {
  const out: { addr: Ip4; len: number }[] = [];
  let a = first;
  while (a <= last) {
    let len = 32;
    while (len > 0) {
      const wider = len - 1;
      const net = (a & maskOf(wider)) >>> 0;
      const end = (net | ~maskOf(wider)) >>> 0;
      if (net !== a || end > last) break;
      len = wider;
    }
    out.push({ addr: a, len });
    const end = (a | ~maskOf(len)) >>> 0;
    if (end === 0xffffffff) break;
    a = end + 1;
  }
  return out;
}

/** A destination class as its prefixes (`172.16.1.0/24`, `10.0.0.1`), or `A-B` when that takes more than three. */
export function classText(first: Ip4, last: Ip4): string {
  const ps = rangePrefixes(first, last);
  if (ps.length > 3) return `${ip4ToString(first)}-${ip4ToString(last)}`;
  return ps.map((p) => (p.len === 32 ? ip4ToString(p.addr) : `${ip4ToString(p.addr)}/${p.len}`)).join(', ');
}

/**
 * Blackhole findings as report lines: per source, adjacent classes that end the same way (same
 * hop, same reason) merged into one range; the detail is the first class's.
 */
export function mergeBlackholes(found: readonly BlackholeFinding[]): BlackholeReport[] {
  const sorted = found.filter(isBlackhole).sort((x, y) => (x.from.path < y.from.path ? -1 : x.from.path > y.from.path ? 1 : x.first - y.first));
  const merged: { from: string; first: Ip4; last: Ip4; at: string; reason: string; detail: string }[] = [];
  for (const b of sorted) {
    const prev = merged[merged.length - 1];
    if (prev && prev.from === b.from.path && prev.at === b.at.path && prev.reason === b.reason && prev.last + 1 === b.first) {
      prev.last = b.last;
      continue;
    }
    // for a missing route the range says it all; other reasons name the route or rule
    merged.push({ from: b.from.path, first: b.first, last: b.last, at: b.at.path, reason: b.reason, detail: b.reason === 'no-route' ? 'no route' : b.detail });
  }
  return merged.map((m) => ({ from: m.from, dst: classText(m.first, m.last), at: m.at, detail: m.detail }));
}

/**
 * Whether a finding is a blackhole in the intent's sense, a source without a route: not a
 * namespace that has no address to send from, not a broadcast address of the source (ping
 * refuses those, but there is a route).
 */
function isBlackhole(b: BlackholeFinding): boolean {
  const canSend = b.from.linkList().some((l) => l.addrs.some((a) => a.local >>> 24 !== 127));
  if (!canSend) return false;
  if (b.first === b.last && b.from.tables.get(255)?.routes.some((r) => r.type === 'broadcast' && r.dstLen === 32 && r.dst === b.first)) return false;
  return true;
}

/** `ip route` (table main) of a namespace, one route per line; `ip rule` first when it has custom rules. */
export function routeLines(ns: Netns): string[] {
  const lines = (argv: string[]) =>
    runIp({ ns }, argv)
      .stdout.split('\n')
      .map((l) => l.trimEnd())
      .filter(Boolean);
  const routes = lines(['route', 'show']);
  const out = routes.length ? routes : ['(no routes in table main)'];
  if (ns.customRules) return [...lines(['rule', 'show']).map((l) => `rule ${l}`), ...out];
  return out;
}

/**
 * The address a namespace stands for as a destination: its first global address on an up
 * device other than lo (device order), else any address outside 127.0.0.0/8.
 */
export function addressOfNs(lab: LabModel, path: string): Ip4 | null {
  const ns = lab.netns(path);
  if (!ns) return null;
  let fallback: Ip4 | null = null;
  for (const l of ns.linkList()) {
    for (const a of l.addrs) {
      if (a.local >>> 24 === 127) continue;
      if (l.kind !== 'loopback' && l.up && a.scope === SCOPE.global && !a.secondary) return a.local;
      fallback ??= a.local;
    }
  }
  return fallback;
}

/**
 * The IPv6 address a namespace stands for as a destination (`family: 6`): its first global
 * IPv6 address that has not failed DAD (one still in DAD will have ended it when the ping
 * runs, as `ping -6` waits), on an up device other than lo (device order).
 */
export function address6OfNs(lab: LabModel, path: string): Ip6 | null {
  const ns = lab.netns(path);
  if (!ns) return null;
  for (const l of ns.linkList()) {
    if (l.kind === 'loopback' || !l.up) continue;
    for (const a of l.inet6.addrs) if (ip6DisplayScope(a.addr) === 0 && !(a.flags & IFA6.DADFAILED)) return a.addr;
  }
  return null;
}

/**
 * The route the namespace's FIB picks for a locally sent packet to `dst`, as `ip route` prints
 * it (`table T` when not main), or null when nothing matches (ENETUNREACH).
 */
export function routeFor(ns: Netns, dst: Ip4): string | null {
  const lo = ns.linkList().find((l) => l.kind === 'loopback') ?? null;
  const ans = Fib.of(ns, null).lookup({ dst, src: 0, oif: null, iif: lo, scope: 0 });
  const r = ans.route;
  if (!r) return null;
  const p = new Printer(false, false);
  printRoute(p, routeMsg(r, r.table), noHide(), 0);
  return p.output.trim();
}

/**
 * Loop findings as report lines: one per cycle (whichever namespace it is entered at), with
 * every destination class that loops on it and the route each namespace of it picks.
 */
export function mergeLoops(found: readonly LoopFinding[]): LoopReport[] {
  const byCycle = new Map<string, { f: LoopFinding; classes: [Ip4, Ip4][] }>();
  for (const l of found) {
    const names = l.cycle.map((n) => n.path);
    const k = [...names].sort().join('\0');
    const e = byCycle.get(k);
    if (e) e.classes.push([l.first, l.last]);
    else byCycle.set(k, { f: l, classes: [[l.first, l.last]] });
  }
  return [...byCycle.values()].map(({ f, classes }) => {
    classes.sort((a, b) => a[0] - b[0]);
    const merged: [Ip4, Ip4][] = [];
    for (const c of classes) {
      const prev = merged[merged.length - 1];
      if (prev && prev[1] + 1 === c[0]) prev[1] = c[1];
      else merged.push([...c]);
    }
    const texts = merged.map(([a, b]) => classText(a, b));
    const dst = texts.length > 3 ? `${texts.slice(0, 3).join(', ')} and ${texts.length - 3} more` : texts.join(', ');
    const routes = f.cycle.map((ns) => `${ns.path}: ${routeFor(ns, f.first) ?? 'no route'}`);
    return { dst, cycle: f.cycle.map((n) => n.path), from: f.from.path, routes };
  });
}
