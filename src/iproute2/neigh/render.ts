/**
 * `ip neigh show` (ip/ipneigh.c print_neigh) for the entries `ip neigh add|replace` made and
 * those the system learnt: `IP dev D lladdr M [router] STATE` with a trailing space, IPv4 (the
 * ARP table) before IPv6 (the neighbour discovery table); `proxy` lists IPv6 proxy entries. Without `nud`, NOARP entries (and entries
 * in no state) are left out, as iproute2's default filter (all states but NOARP) does.
 * An entry on a loopback or point-to-point device is keyed by 0.0.0.0 in the kernel's ARP
 * table, so it prints as `0.0.0.0`.
 *
 * Order: the kernel dumps its hash table, whose order changes from boot to boot (the hash is
 * seeded randomly); the model prints in insertion order, so comparisons must not depend on it.
 */
import { inPrefix, ip4ToString } from '../../model/ip.js';
import { formatIp6, ip6InPrefix } from '../../model/ipv6/ip6.js';
import type { Link } from '../../model/link.js';
import type { NeighFilter } from '../filters.js';
import { Printer } from '../print.js';
import { proxyNeigh4 } from './proxy.js';
import { proxyNeighDump } from '../../model/proxy-arp.js';
import { notModelled } from '../args.js';
import type { CmdContext, CommandResult, DynamicNeighbour, IpGlobals } from '../types.js';

/** NUD_* bits in print_neigh_state's order. */
const NUD: [string, number][] = [
  ['incomplete', 0x01],
  ['reachable', 0x02],
  ['stale', 0x04],
  ['delay', 0x08],
  ['probe', 0x10],
  ['failed', 0x20],
  ['noarp', 0x40],
  ['permanent', 0x80],
];

function nudBits(state: string): number {
  return NUD.find(([n]) => n === state)?.[1] ?? 0;
}

/** The state mask the command selects (do_show_or_flush's filter.state; a flush never takes FAILED entries). */
export function stateMask(f: NeighFilter, flush = false): number {
  if (f.states === null) return flush ? ~(0x80 | 0x40 | 0x20) : 0xff & ~0x40;
  let m = 0;
  for (const s of f.states) {
    if (s === 'all') m |= flush ? ~0x40 : ~0;
    else if (s === 'none') m |= 0x100;
    else m |= nudBits(s);
  }
  return flush ? m & ~0x20 : m;
}

type Cache = DynamicNeighbour['cache'];
type Entry = { dev: Link; ip: number; lladdr: string | null; state: string; learnt?: boolean; cache?: Cache };
type Entry6 = { dev: Link; ip: bigint; lladdr: string | null; state: string; router?: boolean; learnt?: boolean; cache?: Cache };

/** NUD_IN_TIMER: states whose timer holds a reference (print_cacheinfo's `ref`, ndm_refcnt = refcnt - 1) */
const IN_TIMER = new Set(['incomplete', 'reachable', 'delay', 'probe']);

/** print_cacheinfo and NDA_PROBES: ` ref N used U/C/A` in whole seconds, then `probes P `. */
function cacheText(state: string, c: NonNullable<Cache>): string {
  const s = (us: number): number => Math.floor(Math.max(0, us) / 1e6);
  return `${IN_TIMER.has(state) ? ' ref 1' : ''} used ${s(c.usedUs)}/${s(c.confirmedUs)}/${s(c.updatedUs)}probes ${c.probes} `;
}

/** One entry a dump selects: an IPv4 one (its key as the kernel holds it) or an IPv6 one. */
export type SelectedNeigh = (Entry & { family: 'inet' }) | (Entry6 & { family: 'inet6' });

/**
 * On a loopback or point-to-point device every entry has the key 0.0.0.0, so the kernel holds
 * one entry there: the last one added, whatever address it was added for.
 */
function visibleEntries(all: Iterable<Entry>): Entry[] {
  const list = [...all];
  const lastKeyless = new Map<Link, Entry>();
  for (const e of list) if (keyAddr(e.dev, e.ip) === 0) lastKeyless.set(e.dev, e);
  return list.filter((e) => keyAddr(e.dev, e.ip) !== 0 || lastKeyless.get(e.dev) === e);
}

function keyAddr(dev: Link, ip: number): number {
  return dev.kind === 'loopback' || dev.pointopoint ? 0 : ip;
}

/** Entries added by hand, then the ones the system learnt for other addresses. */
function allEntries(ctx: CmdContext): Entry[] {
  const out: Entry[] = [...ctx.ns.staticNeigh.values()];
  if (!ctx.neighbours) return out;
  const manual = new Set(out.map((e) => `${e.dev.ifindex}:${e.ip}`));
  for (const e of ctx.neighbours(ctx.ns)) if (typeof e.ip === 'number' && !manual.has(`${e.dev.ifindex}:${e.ip}`)) out.push({ ...e, ip: e.ip, learnt: true });
  return out;
}

/** The IPv6 entries (nd_tbl): added by hand, then learnt. */
function allEntries6(ctx: CmdContext): Entry6[] {
  const out: Entry6[] = [...ctx.ns.inet6.neigh.values()].map((e) => ({ dev: e.dev, ip: e.addr, lladdr: e.lladdr, state: e.state }));
  if (!ctx.neighbours) return out;
  const manual = new Set(out.map((e) => `${e.dev.ifindex}:${e.ip}`));
  for (const e of ctx.neighbours(ctx.ns)) if (typeof e.ip === 'bigint' && !manual.has(`${e.dev.ifindex}:${e.ip}`)) out.push({ ...e, ip: e.ip, learnt: true });
  return out;
}

/** The entry the system learnt for `ip` on `dev`, if there is one and none was set by hand. */
export function learntNeighbour(ctx: CmdContext, dev: Link, ip: number | bigint): { lladdr: string | null } | undefined {
  const all: (Entry | Entry6)[] = typeof ip === 'bigint' ? allEntries6(ctx) : allEntries(ctx);
  return all.find((e) => e.learnt && e.dev === dev && e.ip === ip);
}

/**
 * The entries (not proxy ones) a dump with this filter and state mask passes to print_neigh:
 * IPv4's, then IPv6's, each with whether the system learnt it (a flush deletes those too).
 */
export function selectNeigh(ctx: CmdContext, g: IpGlobals, f: NeighFilter, dev: Link | null, master: Link | null, mask: number): SelectedNeigh[] {
  const out: SelectedNeigh[] = [];
  const v4 = (g.family === null || g.family === 'inet') && (!f.to || f.to.addr6 === undefined);
  // an IPv4 selector makes the dump IPv4 (filter.family = filter.pfx.family); `default` leaves it open
  const v6 = (g.family === null || g.family === 'inet6') && (!f.to || f.to.addr6 !== undefined || (g.family === null && f.to.len === 0));
  const passes = (d: Link, state: string) => {
    if (dev && d !== dev) return false;
    if (master && d.master !== master) return false;
    const bits = nudBits(state);
    return !!(mask & bits) || (!bits && !!(mask & 0x100));
  };
  for (const e of v4 ? visibleEntries(allEntries(ctx)) : []) {
    if (!passes(e.dev, e.state)) continue;
    const dst = keyAddr(e.dev, e.ip);
    if (f.to && !inPrefix(dst, f.to.addr, f.to.len)) continue;
    out.push({ ...e, ip: dst, family: 'inet' });
  }
  for (const e of v6 ? allEntries6(ctx) : []) {
    if (!passes(e.dev, e.state)) continue;
    if (f.to && f.to.addr6 !== undefined && !ip6InPrefix(e.ip, f.to.addr6, f.to.len)) continue;
    out.push({ ...e, family: 'inet6' });
  }
  return out;
}

/**
 * `ip neigh show [dev D] [to P] [nud S]`.
 *
 * @example
 * renderNeigh({ ns }, defaultGlobals(), emptyNeighFilter()).stdout
 * // '10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT \n'
 */
export function renderNeigh(ctx: CmdContext, g: IpGlobals, f: NeighFilter): CommandResult {
  const ns = ctx.ns;
  let dev: Link | null = null;
  if (f.dev !== null) {
    dev = ns.linkByName(f.dev) ?? null;
    if (!dev) return { exit: 1, stdout: '', stderr: `Cannot find device "${f.dev}"\n` };
  }
  let master: Link | null = null;
  if (f.master !== null) {
    master = ns.linkByName(f.master) ?? null;
    if (!master) return { exit: 255, stdout: '', stderr: `Error: argument "${f.master}" is wrong: Device does not exist\n\n` };
  }
  const p = new Printer(g.json, g.pretty);
  p.color = g.color;
  p.startList();
  const print = (dst: string, e: { dev: Link | null; lladdr: string | null; router?: boolean; state?: string; cache?: Cache }, bits: number, proxy: boolean) => {
    p.openObject();
    p.colored(dst.includes(':') ? 'inet6' : 'inet', 'dst', `${dst} `, dst);
    if (!dev && e.dev) {
      p.text('dev ');
      p.colored('ifname', 'dev', `${e.dev.name} `, e.dev.name);
    }
    if (e.lladdr !== null) {
      p.text('lladdr ');
      p.colored('mac', 'lladdr', `${e.lladdr} `, e.lladdr);
    }
    if (e.router) p.any('router', 'router ', null);
    if (proxy) p.any('proxy', 'proxy ', null);
    if (g.stats && !proxy) {
      // an entry added by hand: the model keeps no times for it
      if (!e.cache) notModelled('ip -s neigh of an entry added by hand (its cache times)');
      p.text(cacheText(e.state ?? '', e.cache));
    }
    if (bits) {
      p.openArray('state');
      for (const [n, b] of NUD) if (bits & b) p.any(null, `${n.toUpperCase()} `, n.toUpperCase());
      p.closeArray();
    }
    p.text('\n');
    p.closeObject();
  };
  // NTF_PROXY asks for the proxy entries alone: IPv4's (pneigh of arp_tbl, an entry for every device has none), then IPv6's
  if (f.proxy) for (const e of proxyNeigh4(ctx, g, f, dev, master)) print(ip4ToString(e.ip), { dev: e.dev, lladdr: null, router: e.router }, 0, true);
  if (f.proxy && (g.family === null || g.family === 'inet6') && (!f.to || f.to.addr6 !== undefined || g.family === null)) {
    for (const e of ctx.ns.inet6.proxies.values()) {
      if (dev && e.dev !== dev) continue;
      if (master && e.dev.master !== master) continue;
      if (f.to && f.to.addr6 !== undefined && !ip6InPrefix(e.addr, f.to.addr6, f.to.len)) continue;
      print(formatIp6(e.addr), { dev: e.dev, lladdr: null }, 0, true);
    }
  }
  for (const e of f.proxy ? [] : selectNeigh(ctx, g, f, dev, master, stateMask(f))) {
    print(e.family === 'inet' ? ip4ToString(e.ip) : formatIp6(e.ip), e, nudBits(e.state), false);
  }
  p.endList();
  return { exit: 0, stdout: p.output, stderr: '' };
}

/**
 * ipneigh_get's answer: the entry for `ip` on `dev` (any state, NOARP included; IPv4's keyed as
 * its table keys it), printed as print_neigh prints it with no filter — with its device, and as
 * text even under -j (the command never opens a JSON context). `proxy`: the proxy entry.
 */
export function renderNeighGet(ctx: CmdContext, dev: Link, ip: number | bigint, proxy = false): CommandResult {
  if (proxy) {
    const found = typeof ip === 'bigint' ? [...ctx.ns.inet6.proxies.values()].some((e) => e.dev === dev && e.addr === ip) : proxyNeighDump(ctx.ns).some((e) => e.dev === dev && e.ip === ip);
    if (typeof ip === 'number' && !found && proxyNeighDump(ctx.ns).some((e) => e.dev === null && e.ip === ip)) notModelled('ip neigh get proxy of an entry for every device');
    if (!found) return { exit: 2, stdout: '', stderr: 'Error: Proxy neighbour entry not found.\n' };
    return { exit: 0, stdout: `${typeof ip === 'bigint' ? formatIp6(ip) : ip4ToString(ip)} dev ${dev.name} proxy \n`, stderr: '' };
  }
  const e: { lladdr: string | null; state: string; router?: boolean } | undefined =
    typeof ip === 'bigint' ? allEntries6(ctx).find((x) => x.dev === dev && x.ip === ip) : visibleEntries(allEntries(ctx)).find((x) => x.dev === dev && keyAddr(x.dev, x.ip) === ip);
  if (!e) return { exit: 2, stdout: '', stderr: 'Error: Neighbour entry not found.\n' };
  let out = `${typeof ip === 'bigint' ? formatIp6(ip) : ip4ToString(ip)} dev ${dev.name} `;
  if (e.lladdr !== null) out += `lladdr ${e.lladdr} `;
  if (e.router) out += 'router ';
  const bits = nudBits(e.state);
  for (const [n, b] of NUD) if (bits & b) out += `${n.toUpperCase()} `;
  return { exit: 0, stdout: `${out}\n`, stderr: '' };
}
