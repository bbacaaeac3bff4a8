/**
 * Batch lines: the `ip -batch` / `bridge -batch` text that recreates each object of the model
 * (a link with its ifindex and MAC, an MTU, a port, an address, a route, a rule, a neighbour,
 * an fdb entry). Which batch a line goes to, and when it runs, is the waves' business
 * (compile-model-waves.ts); the words of each line come from the Op compiler (compile.ts) so a
 * script's command and the model's line read the same.
 */
import { KINDS } from '../../src/model/kinds/index.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { PROTO, TABLE, type Route } from '../../src/model/route.js';
import { defaultRules } from '../../src/model/rule.js';
import { batchLine, compileOp, routeArgs } from './compile.js';
import { KIND_ADAPTERS } from './kinds/index.js';

function defaultMtu(l: Link): number {
  return KIND_ADAPTERS[l.kind].madeMtu(l);
}

/** A veth pair (a NIC and its cable are one too), both ends with their ifindex and MAC. */
export function vethLine(l: Link, far: Link, refL: string[], refFar: string[]): string {
  return batchLine([
    'link',
    'add',
    l.name,
    'index',
    String(l.ifindex),
    'address',
    l.mac,
    ...refL,
    'type',
    'veth',
    'peer',
    'name',
    far.name,
    'index',
    String(far.ifindex),
    'address',
    far.mac,
    ...refFar,
  ]);
}

/** A bridge with the options that differ from the kernel's defaults. */
export function bridgeLine(l: Link, ref: string[], _path: string, _warnings: string[]): string {
  const b = l.bridge!;
  const opts: string[] = [];
  if (b.stp !== 0) opts.push('stp_state', String(b.stp));
  if (b.ageingTime !== 30000) opts.push('ageing_time', String(b.ageingTime));
  if (b.forwardDelay !== 1500) opts.push('forward_delay', String(b.forwardDelay));
  // a model holds vlan_filtering only from a kernel profile that has it (compile-bridge-vlan.ts makes its VLANs)
  if (b.vlanFiltering !== 0) opts.push('vlan_filtering', String(b.vlanFiltering));
  if (b.defaultPvid !== undefined && b.defaultPvid !== 1) opts.push('vlan_default_pvid', String(b.defaultPvid));
  return batchLine(['link', 'add', l.name, 'index', String(l.ifindex), ...(b.macSet ? ['address', l.mac] : []), ...ref, 'type', 'bridge', ...opts]);
}

/** Links made from inside their own namespace (vxlan, tun/tap): they name nothing elsewhere. */
export function insideLines(l: Link, path: string, warnings: string[]): string[] {
  return KIND_ADAPTERS[l.kind].insideLines?.(l, path, warnings) ?? [];
}

/** The kernel's own routes: made from addresses and link state, never added by us. */
function kernelMade(r: Route): boolean {
  return r.protocol === PROTO.kernel;
}

/** The lines that configure one namespace once its links exist. */
export function configureLines(ns: Netns, warnings: string[]): string[] {
  const out: string[] = [];
  const links = ns.linkList();
  for (const l of links) {
    const set: string[] = [];
    if (l.mtu !== defaultMtu(l)) set.push('mtu', String(l.mtu));
    const txq = KINDS[l.kind].txqlen;
    if (l.txqlen !== txq) set.push('txqlen', String(l.txqlen));
    if (set.length) out.push(batchLine(['link', 'set', 'dev', l.name, ...set]));
  }
  const ports = links.filter((l) => l.master !== null).sort((a, b) => (a.portNo ?? 0) - (b.portNo ?? 0));
  for (const l of ports) {
    if (l.master!.ns !== ns) {
      warnings.push(`${ns.path}: master of ${l.name} is in another namespace; not set`);
      continue;
    }
    out.push(batchLine(['link', 'set', 'dev', l.name, 'master', l.master!.name]));
    if (l.hairpin) out.push(batchLine(['link', 'set', 'dev', l.name, 'type', 'bridge_slave', 'hairpin', 'on']));
  }
  for (const l of links) {
    for (const a of l.addrs) {
      // lo gets 127.0.0.1/8 from the kernel when it comes up
      if (KINDS[l.kind].type === 'loopback' && (l.up || l.everUp) && a.local === 0x7f000001 && a.prefixLen === 8) continue;
      const argv = compileOp({
        op: 'addr.add',
        mode: 'add',
        dev: l.name,
        local: a.local,
        prefixLen: a.prefixLen,
        peer: a.address !== a.local ? a.address : null,
        broadcast: a.broadcast,
        scope: a.scope,
        label: a.label !== l.name ? a.label : null,
        noprefixroute: a.noprefixroute,
        metric: a.metric ? a.metric : null,
      }).argv;
      out.push(batchLine(argv));
    }
  }
  // a device that was up once and is down now is opened and closed again: its qdisc (and lo's
  // 127.0.0.1) show that it was up
  const ups = links.filter((l) => l.up || l.everUp).sort((a, b) => (a.kind === 'loopback' ? -1 : b.kind === 'loopback' ? 1 : a.ifindex - b.ifindex));
  for (const l of ups) out.push(batchLine(['link', 'set', 'dev', l.name, 'up']));
  for (const l of ups) if (!l.up) out.push(batchLine(['link', 'set', 'dev', l.name, 'down']));
  out.push(...routeLines(ns, warnings));
  out.push(...ruleLines(ns));
  for (const n of ns.staticNeigh.values()) {
    out.push(batchLine(compileOp({ op: 'neigh.add', mode: 'replace', dst: n.ip, dev: n.dev.name, lladdr: n.lladdr, state: n.state as 'permanent' }).argv));
  }
  // oldest first, so the kernel's hash chains end up in the model's order
  for (const p of ns.proxyNeigh) out.push(batchLine(compileOp({ op: 'neigh.proxy', mode: 'add', dst: p.ip, dev: p.dev?.name ?? null, router: p.router }).argv));
  return out;
}

/** Routes we add: every table, device routes before gateway routes (a gateway must be on-link). */
function routeLines(ns: Netns, warnings: string[]): string[] {
  const tables = [...ns.tables.values()].sort((a, b) => (a.id === TABLE.local ? -1 : b.id === TABLE.local ? 1 : a.id - b.id));
  const direct: string[] = [];
  const viaGw: string[] = [];
  for (const t of tables) {
    for (const r of t.routes) {
      if (kernelMade(r)) continue;
      if (r.dev && r.dev.ns !== ns) {
        warnings.push(`${ns.path}: a route's device is in another namespace; skipped`);
        continue;
      }
      const words = batchLine([
        'route',
        'append',
        ...routeArgs({
          type: r.type,
          dst: r.dst,
          dstLen: r.dstLen,
          tos: r.tos,
          table: r.table,
          protocol: r.protocol,
          scope: r.scope,
          metric: r.metric,
          dev: r.dev?.name ?? null,
          gateway: r.gateway,
          prefsrc: r.prefsrc,
          onlink: r.onlink,
          mtu: r.mtu ?? null,
        }),
      ]);
      (r.gateway === null ? direct : viaGw).push(words);
    }
  }
  return [...direct, ...viaGw];
}

/** `ip rule` lines: the default rules the model lacks are deleted, the others added. */
function ruleLines(ns: Netns): string[] {
  const out: string[] = [];
  const same = (a: (typeof ns.rules)[number], b: (typeof ns.rules)[number]) =>
    a.priority === b.priority && a.table === b.table && a.action === b.action && !a.src && !a.dst && !a.iif && !a.oif && a.suppressPrefixlen === undefined && (a.protocol ?? 0) === (b.protocol ?? 0);
  const defaults = defaultRules();
  for (const d of defaults) {
    if (!ns.rules.some((r) => same(r, d))) out.push(batchLine(['rule', 'del', 'priority', String(d.priority), 'from', 'all', 'lookup', String(d.table)]));
  }
  for (const r of ns.rules) {
    if (defaults.some((d) => same(r, d))) continue;
    out.push(
      batchLine(
        compileOp({
          op: 'rule.add',
          del: false,
          priority: r.priority,
          table: r.table,
          src: r.src,
          dst: r.dst,
          iif: r.iif,
          oif: r.oif,
          action: r.action,
          ...(r.suppressPrefixlen !== undefined ? { suppressPrefixlen: r.suppressPrefixlen } : {}),
        }).argv,
      ),
    );
  }
  return out;
}

/** Static forwarding entries (VXLAN remotes, `bridge fdb add`), for `bridge -batch`. */
export function fdbLines(ns: Netns): string[] {
  const out: string[] = [];
  for (const l of ns.linkList()) {
    for (const e of l.fdb) {
      out.push(batchLine(compileOp({ op: 'fdb.add', mode: 'append', mac: e.mac, dev: l.name, dst: e.dst, master: e.master === true, self: false, permanent: e.permanent }).argv));
    }
  }
  return out;
}
