/**
 * The kernel's state read back into a model: per namespace one `ip -j -d -batch -` (`addr show`,
 * `route show table all`, `rule show`) and one `sysctl -a` of the IPv4 conf keys, parsed into a
 * fresh LabModel with the same hosts and namespaces as the one materialized. Links keep the
 * kernel's ifindex, MAC, flags and operstate; addresses, routes and rules are copied in the
 * kernel's dump order (which is the model's table order), without re-running any side effect.
 */
import type { Addr } from '../../src/model/address.js';
import { createLink } from '../../src/model/device.js';
import type { Host } from '../../src/model/host.js';
import { parseIp4, type Ip4 } from '../../src/model/ip.js';
import { LabModel } from '../../src/model/lab-model.js';
import type { Link, LinkKind, OperState } from '../../src/model/link.js';
import { Netns } from '../../src/model/netns.js';
import { PROTO, TABLE, type Route, type RouteType } from '../../src/model/route.js';
import type { Rule } from '../../src/model/rule.js';
import { CONF_KEYS, type IfConf } from '../../src/model/sysctl.js';
import { KINDS } from '../../src/model/kinds/index.js';
import { KIND_ADAPTERS, kindOfKernel } from './kinds/index.js';
import { stackMacvlans } from './kinds/macvlan.js';
import { stackIpvlans } from './kinds/ipvlan.js';
import { readBridgeVlans } from './read-back-bridge-vlan.js';
import { stackVlans } from './kinds/vlan.js';

/**
 * What one namespace printed.
 *
 * @example
 * const d: NsDump = (await real.dump()).get('node1/pod1')!;
 * JSON.parse(d.route)[0].dst; // 'default'
 */
export interface NsDump {
  /** `ip -j -d addr show` */
  addr: string;
  /** `ip -j route show table all` */
  route: string;
  /** `ip -j rule show` */
  rule: string;
  /** `sysctl net.ipv4.conf` */
  sysctl: string;
  /** `bridge -j vlan show` (read-back-bridge-vlan.ts), on kernels built with bridge VLAN filtering */
  vlan?: string;
}

/** Batch lines whose output readBack parses (one JSON document per line with `-j`). */
export const DUMP_BATCH = 'addr show\nroute show table all\nrule show\n';
export const DUMP_ARGV = ['ip', '-j', '-d', '-batch', '-'];
export const SYSCTL_ARGV = ['sysctl', 'net.ipv4.conf'];

/** Splits the output of `ip -j -batch` (DUMP_BATCH) into its three documents. */
export function splitDump(stdout: string, sysctl: string): NsDump {
  const lines = stdout.split('\n').filter((l) => l.trim().length > 0);
  if (lines.length !== 3) throw new Error(`read-back: expected 3 JSON documents, got ${lines.length}: ${stdout.slice(0, 200)}`);
  return { addr: lines[0], route: lines[1], rule: lines[2], sysctl };
}

interface JLink {
  ifindex: number;
  ifname: string;
  /** the peer's name, when it is in the same namespace */
  link?: string;
  link_index?: number;
  link_netnsid?: number;
  flags?: string[];
  mtu?: number;
  qdisc?: string;
  master?: string;
  operstate?: string;
  txqlen?: number;
  link_type?: string;
  address?: string;
  broadcast?: string;
  linkinfo?: {
    info_kind?: string;
    info_data?: Record<string, unknown>;
    info_slave_kind?: string;
    info_slave_data?: Record<string, unknown>;
  };
  addr_info?: JAddr[];
}

interface JAddr {
  family: string;
  local: string;
  address?: string;
  prefixlen: number;
  broadcast?: string;
  scope?: string;
  secondary?: boolean;
  noprefixroute?: boolean;
  metric?: number;
  label?: string;
}

interface JRoute {
  type?: string;
  dst: string;
  gateway?: string;
  dev?: string;
  table?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  metric?: number;
  tos?: string | number;
  flags?: string[];
  metrics?: Array<Record<string, number>>;
}

interface JRule {
  priority: number;
  src?: string;
  srclen?: number;
  dst?: string;
  dstlen?: number;
  iif?: string;
  oif?: string;
  table?: string;
  action?: string;
  protocol?: string;
  suppress_prefixlen?: number;
}

const SCOPES: Record<string, number> = { global: 0, universe: 0, site: 200, link: 253, host: 254, nowhere: 255 };
const TABLES: Record<string, number> = { unspec: 0, default: TABLE.default, main: TABLE.main, local: TABLE.local };
/** /etc/iproute2/rt_protos as iproute2 6.1 ships it */
const PROTOS: Record<string, number> = {
  ...PROTO,
  gated: 8,
  ra: 9,
  mrt: 10,
  zebra: 11,
  bird: 12,
  dnrouted: 13,
  xorp: 14,
  ntk: 15,
  keepalived: 18,
  babel: 42,
  openr: 99,
  bgp: 186,
  isis: 187,
  ospf: 188,
  rip: 189,
  eigrp: 192,
};

function num(map: Record<string, number>, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt;
  if (v in map) return map[v];
  const n = Number(v);
  return Number.isFinite(n) ? n : dflt;
}

function ip(s: string): Ip4 {
  const a = parseIp4(s);
  if (a === null) throw new Error(`read-back: "${s}" is not an IPv4 address`);
  return a;
}

function prefixOf(s: string): { addr: Ip4; len: number } {
  if (s === 'default') return { addr: 0, len: 0 };
  const [a, l] = s.split('/');
  return { addr: ip(a), len: l === undefined ? 32 : Number(l) };
}

function kindOf(j: JLink): LinkKind {
  return kindOfKernel({ link_type: j.link_type, info_kind: j.linkinfo?.info_kind, info_data: j.linkinfo?.info_data });
}

const OPER = new Set<OperState>(['UP', 'DOWN', 'UNKNOWN', 'LOWERLAYERDOWN']);

function emptyNs(ns: Netns): void {
  for (const l of [...ns.links.values()]) ns.detach(l);
  for (const t of ns.tables.values()) t.routes.length = 0;
  ns.rules = [];
  ns.nsids.clear();
}

/** A link as the kernel shows it, without any of the model's side effects. */
function linkFrom(ns: Netns, j: JLink): Link {
  const l = createLink(ns, j.ifname, kindOf(j), j.ifindex);
  const flags = j.flags ?? [];
  l.up = flags.includes('UP');
  l.everUp = l.up || (j.qdisc !== undefined && j.qdisc !== 'noop');
  if (j.mtu !== undefined) l.mtu = j.mtu;
  if (j.txqlen !== undefined) l.txqlen = j.txqlen;
  if (j.address) l.mac = j.address;
  if (j.broadcast) l.brd = j.broadcast;
  l.pointopoint = flags.includes('POINTOPOINT');
  l.noarp = flags.includes('NOARP');
  if (j.operstate && OPER.has(j.operstate as OperState) && KINDS[l.kind].linkwatch) l.oper = j.operstate as OperState;
  const d = j.linkinfo?.info_data ?? {};
  KIND_ADAPTERS[l.kind].readBack?.(l, d, flags);
  for (const a of j.addr_info ?? []) {
    if (a.family !== 'inet') continue;
    const addr: Addr = {
      local: ip(a.local),
      address: a.address ? ip(a.address) : ip(a.local),
      prefixLen: a.prefixlen,
      scope: num(SCOPES, a.scope, 0),
      secondary: a.secondary === true,
      label: a.label ?? j.ifname,
      broadcast: a.broadcast ? ip(a.broadcast) : null,
      noprefixroute: a.noprefixroute === true,
      metric: a.metric ?? 0,
    };
    l.addrs.push(addr);
  }
  return l;
}

function routeFrom(ns: Netns, j: JRoute): Route {
  const p = prefixOf(j.dst);
  const flags = j.flags ?? [];
  const dev = j.dev !== undefined ? (ns.linkByName(j.dev) ?? null) : null;
  const r: Route = {
    table: num(TABLES, j.table, TABLE.main),
    type: (j.type ?? 'unicast') as RouteType,
    dst: p.addr,
    dstLen: p.len,
    tos: typeof j.tos === 'number' ? j.tos : j.tos ? Number(j.tos) || 0 : 0,
    protocol: num(PROTOS, j.protocol, PROTO.boot),
    scope: num(SCOPES, j.scope, 0),
    metric: j.metric ?? 0,
    dev,
    gateway: j.gateway ? ip(j.gateway) : null,
    prefsrc: j.prefsrc ? ip(j.prefsrc) : null,
    onlink: flags.includes('onlink'),
    nhScope: SCOPES.host,
  };
  // as fib_create_info sets it: reject routes and host-scope routes have no nexthop scope; a
  // gateway takes the scope of the route that reaches it (host when it is our own address)
  const reject = ['blackhole', 'unreachable', 'prohibit', 'throw'].includes(r.type);
  if (reject || r.scope === SCOPES.host) r.nhScope = SCOPES.nowhere;
  else if (r.gateway !== null) r.nhScope = ownAddress(ns, r.gateway) ? SCOPES.host : SCOPES.link;
  const mtu = j.metrics?.find((m) => typeof m.mtu === 'number')?.mtu;
  if (mtu !== undefined) r.mtu = mtu;
  return r;
}

function ownAddress(ns: Netns, a: Ip4): boolean {
  return ns.linkList().some((l) => l.addrs.some((x) => x.local === a));
}

function ruleFrom(j: JRule): Rule {
  const pfx = (a: string | undefined, len: number | undefined) => (a === undefined || a === 'all' ? null : { addr: ip(a), len: len ?? 32 });
  const action = (j.action ?? 'lookup') as Rule['action'];
  return {
    priority: j.priority,
    table: num(TABLES, j.table, action === 'lookup' ? TABLE.main : 0),
    src: pfx(j.src, j.srclen),
    dst: pfx(j.dst, j.dstlen),
    iif: j.iif ?? null,
    oif: j.oif ?? null,
    action,
    protocol: num(PROTOS, j.protocol, 0),
    ...(j.suppress_prefixlen !== undefined ? { suppressPrefixlen: j.suppress_prefixlen } : {}),
  };
}

function applySysctls(ns: Netns, text: string): void {
  for (const line of text.split('\n')) {
    const m = /^net\.ipv4\.conf\.(.+)\.([a-z_]+) = (-?\d+)$/.exec(line.trim());
    if (!m || !(CONF_KEYS as string[]).includes(m[2])) continue;
    const key = m[2] as keyof IfConf;
    const v = Number(m[3]);
    const scope = m[1].replace(/\//g, '.');
    if (scope === 'all') ns.all[key] = v;
    else if (scope === 'default') ns.default[key] = v;
    else {
      const l = ns.linkByName(scope);
      if (l) l.conf[key] = v;
    }
  }
}

/** Where a dump came from: the model path and which host of the new model it belongs to. */
export interface DumpSource {
  path: string;
  dump: NsDump;
}

/**
 * A LabModel built from dumps. `like` is the model that was materialized: it gives the hosts,
 * the namespaces' paths and profile, and breaks ties when two veths could be each other's peer.
 *
 * @example
 * const back = modelFromDumps(lab.model, [...(await real.dump())].map(([path, dump]) => ({ path, dump })));
 */
export function modelFromDumps(like: LabModel, dumps: DumpSource[]): LabModel {
  const out = new LabModel({ profile: like.profile, kernel: like.kernel });
  const nsByPath = new Map<string, Netns>();
  const hostFor = (name: string): Host => (like.hosts.has(name) ? out.addHost(name) : out.infra);
  for (const { path } of dumps) {
    const slash = path.indexOf('/');
    const host = hostFor(slash < 0 ? path : path.slice(0, slash));
    let ns: Netns;
    if (slash < 0) ns = host.root;
    else {
      ns = new Netns(host, path.slice(slash + 1), like.profile);
      host.namespaces.set(ns.name!, ns);
    }
    emptyNs(ns);
    nsByPath.set(path, ns);
  }
  const parsed: { ns: Netns; links: JLink[]; path: string }[] = [];
  for (const { path, dump } of dumps) {
    const ns = nsByPath.get(path)!;
    const links = JSON.parse(dump.addr) as JLink[];
    for (const j of links) linkFrom(ns, j);
    for (const j of links) {
      if (!j.master) continue;
      const l = ns.linkByIndex(j.ifindex)!;
      const m = ns.linkByName(j.master) ?? null;
      l.master = m;
      const no = j.linkinfo?.info_slave_data?.no;
      if (typeof no === 'string' || typeof no === 'number') l.portNo = Number(no);
      if (j.linkinfo?.info_slave_data?.hairpin === true) l.hairpin = true;
      if (m?.bridge) m.bridge.hadPorts = true;
    }
    for (const t of JSON.parse(dump.route) as JRoute[]) {
      // IPv6 routes (`route show table all` lists both families; an IPv6 default is `default`)
      if (t.dst.includes(':') || t.gateway?.includes(':') || t.prefsrc?.includes(':')) continue;
      const r = routeFrom(ns, t);
      ns.table(r.table).routes.push(r);
    }
    ns.rules = (JSON.parse(dump.rule) as JRule[]).map(ruleFrom);
    applySysctls(ns, dump.sysctl);
    if (dump.vlan !== undefined) readBridgeVlans(ns, dump.vlan);
    parsed.push({ ns, links, path });
  }
  pairPeers(like, parsed, nsByPath);
  stackMacvlans(like, parsed);
  stackIpvlans(like, parsed);
  stackVlans(parsed);
  out.version++;
  return out;
}

/**
 * veth peers: the far end has ifindex `link_index`, points back at us, and is in another
 * namespace exactly when `link_netnsid` is shown. Among several candidates the one the
 * materialized model pairs us with wins.
 */
function pairPeers(like: LabModel, parsed: { ns: Netns; links: JLink[]; path: string }[], nsByPath: Map<string, Netns>): void {
  const veths: { ns: Netns; j: JLink; l: Link; path: string }[] = [];
  for (const p of parsed) {
    for (const j of p.links) {
      const l = p.ns.linkByIndex(j.ifindex)!;
      if (l.kind !== 'veth') continue;
      if (j.link !== undefined && j.link_netnsid === undefined) {
        // same namespace: iproute2 names the peer instead of giving its index
        const peer = p.ns.linkByName(j.link);
        if (peer && !l.peer && !peer.peer) {
          l.peer = peer;
          peer.peer = l;
        }
      } else if (j.link_index !== undefined) veths.push({ ns: p.ns, j, l, path: p.path });
    }
  }
  for (const v of veths) {
    if (v.l.peer) continue;
    const cands = veths.filter((w) => w !== v && w.l.ifindex === v.j.link_index && w.j.link_index === v.l.ifindex && (v.j.link_netnsid === undefined) === (w.ns === v.ns) && !w.l.peer);
    let pick = cands[0];
    if (cands.length > 1) {
      const orig = like.netns(v.path)?.linkByName(v.l.name)?.peer;
      const want = orig ? nsByPath.get(orig.ns.path) : undefined;
      pick = cands.find((c) => c.ns === want && c.l.name === orig?.name) ?? pick;
    }
    if (!pick) continue;
    v.l.peer = pick.l;
    pick.l.peer = v.l;
    if (v.j.link_netnsid !== undefined) v.ns.nsids.set(pick.ns, v.j.link_netnsid);
    if (pick.j.link_netnsid !== undefined) pick.ns.nsids.set(v.ns, pick.j.link_netnsid);
  }
}
