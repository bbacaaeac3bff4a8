/**
 * The model as a neutral graph, the one thing the Mermaid and DOT renderers draw: hosts holding
 * namespaces holding interfaces (with their addresses), and edges for veth pairs, cables between
 * hosts, bridge membership and tunnels. Plain data in a fixed order (hosts and namespaces in
 * creation order, interfaces by ifindex), with ids safe for both formats, so the same model
 * always draws the same text.
 *
 * A lab's machine room (its switches and the far ends of NICs) is drawn as one more host holding
 * only the switches: a NIC cabled to a switch gets a cable straight to the switch, and a NIC
 * without a cable gets no edge. `lo` is left out unless it holds more than 127.0.0.1/8.
 *
 * @example
 * const g = modelGraph(lab.model);
 * g.hosts[0].namespaces[0].ifaces.map((i) => i.name); // ['enp2s0', 'veth10', 'jk-br0']
 */
import { formatEither } from '../model/ipv6/either.js';
import { ip4ToString } from '../model/ip.js';
import { formatIp6, IP6_LOOPBACK, isIp6LinkLocal } from '../model/ipv6/ip6.js';
import type { Host } from '../model/host.js';
import type { LabModel } from '../model/lab-model.js';
import { operState, type Link, type LinkKind, type OperState } from '../model/link.js';
import type { Netns } from '../model/netns.js';

/** A diagram of a lab: clusters (hosts, namespaces), interface nodes and edges between them. */
export interface Graph {
  hosts: GraphHost[];
  edges: GraphEdge[];
}

export interface GraphHost {
  id: string;
  name: string;
  /** the lab's machine room (switches), not a host of the lab */
  infra: boolean;
  namespaces: GraphNs[];
}

export interface GraphNs {
  id: string;
  /** `host` or `host/NS`, as traces and events name namespaces */
  path: string;
  /** null for the host's root namespace */
  name: string | null;
  /** net.ipv4.ip_forward (conf/all/forwarding) */
  forwarding: boolean;
  ifaces: GraphIface[];
}

export interface GraphIface {
  id: string;
  /** namespace path */
  ns: string;
  name: string;
  kind: LinkKind;
  /** a lab host's NIC: a veth whose other end is in another host (or the machine room) */
  nic: boolean;
  up: boolean;
  state: OperState;
  /** `A/P`, or `A peer P/N`, in the kernel's order */
  addrs: string[];
  /** kind-specific facts worth a line: `vxlan id 42 remote 10.0.0.2 dev eth0`, `tun` */
  detail: string | null;
  /** interfaces of this namespace drawn as this node (a switch's ports in the machine room) */
  aliases: string[];
}

/** `veth`: a pair in one host; `cable`: between hosts; `port`: port to bridge; `tunnel`: VXLAN to its remote. */
export type GraphEdgeKind = 'veth' | 'cable' | 'port' | 'tunnel';

export interface GraphEdge {
  kind: GraphEdgeKind;
  from: string;
  to: string;
  label: string | null;
}

/** Ids made of letters, digits and `_`, starting with a capital letter: safe in Mermaid and DOT. */
class Ids {
  private readonly used = new Set<string>();

  make(prefix: string, ...parts: string[]): string {
    const base = `${prefix}_${parts.join('_').replace(/[^A-Za-z0-9_]/g, '_')}`;
    let id = base;
    for (let n = 2; this.used.has(id); n++) id = `${base}_${n}`;
    this.used.add(id);
    return id;
  }
}

/** Builds the graph of every host of the model (and of the machine room, when a lab has switches). */
export function modelGraph(model: LabModel): Graph {
  const ids = new Ids();
  const hosts = allHosts(model);
  const infra = new Set(hosts.filter((h) => model.hosts.get(h.name) !== h));
  const nodeOf = new Map<Link, string>();
  const out: Graph = { hosts: [], edges: [] };

  for (const h of hosts) {
    const isInfra = infra.has(h);
    const gh: GraphHost = { id: ids.make('H', h.name), name: h.name, infra: isInfra, namespaces: [] };
    for (const ns of h.allNamespaces()) {
      const gns: GraphNs = { id: ids.make('N', ns.path), path: ns.path, name: ns.name, forwarding: ns.all.forwarding !== 0, ifaces: [] };
      for (const l of ns.linkList()) {
        if (!shown(l, isInfra)) continue;
        const gi: GraphIface = {
          id: ids.make('I', ns.path, l.name),
          ns: ns.path,
          name: l.name,
          kind: l.kind,
          nic: l.kind === 'ether' || (l.kind === 'veth' && l.peer !== null && l.peer.ns.host !== h),
          up: l.up,
          state: operState(l),
          addrs: [...l.addrs.map(addrText), ...addr6Texts(l)],
          detail: detail(l),
          aliases: [],
        };
        nodeOf.set(l, gi.id);
        gns.ifaces.push(gi);
      }
      gh.namespaces.push(gns);
    }
    // the machine room is drawn only when it holds a switch
    if (isInfra && !gh.namespaces.some((n) => n.ifaces.length)) continue;
    out.hosts.push(gh);
  }

  // a switch's ports stand for the switch itself
  for (const h of infra) {
    for (const ns of h.allNamespaces()) {
      for (const l of ns.linkList()) {
        const br = l.master ? nodeOf.get(l.master) : undefined;
        if (br && !nodeOf.has(l)) {
          nodeOf.set(l, br);
          findIface(out, br)!.aliases.push(l.name);
        }
      }
    }
  }

  const paired = new Set<Link>();
  const edge = (kind: GraphEdgeKind, a: string, b: string, label: string | null) => out.edges.push({ kind, from: a, to: b, label });
  for (const h of hosts) {
    for (const ns of h.allNamespaces()) {
      for (const l of ns.linkList()) {
        const me = nodeOf.get(l);
        if (!me) continue;
        const other = l.peer ?? l.cable ?? null;
        if (other && !paired.has(l)) {
          paired.add(l);
          paired.add(other);
          const it = nodeOf.get(other);
          const kind = other.ns.host !== l.ns.host || l.cable ? 'cable' : 'veth';
          if (it && it !== me) edge(kind, me, it, kind);
        }
        // a port of its master: a bridge's (unlabelled), a bond's slave, a device in a VRF
        const br = l.master ? nodeOf.get(l.master) : undefined;
        if (br && br !== me) edge('port', me, br, l.master!.bond ? 'bond' : l.master!.vrf ? 'vrf' : null);
        // a macvlan or a VLAN sub-interface hangs off its lower device as a port off its bridge
        const lower = l.macvlan ? nodeOf.get(l.macvlan.lower) : l.vlan ? nodeOf.get(l.vlan.lower) : undefined;
        if (lower && lower !== me) edge('port', me, lower, l.macvlan ? 'macvlan' : `vlan ${l.vlan!.id}`);
      }
    }
  }
  tunnelEdges(hosts, nodeOf, edge);
  return out;
}

/** The model's hosts, then any host reached only through a link (the machine room), in that order. */
function allHosts(model: LabModel): Host[] {
  const out: Host[] = [...model.hosts.values()];
  const seen = new Set(out);
  for (let i = 0; i < out.length; i++) {
    for (const ns of out[i].allNamespaces()) {
      for (const l of ns.linkList()) {
        const far = l.peer ?? l.cable ?? null;
        if (far && !seen.has(far.ns.host)) {
          seen.add(far.ns.host);
          out.push(far.ns.host);
        }
      }
    }
  }
  return out;
}

function shown(l: Link, infra: boolean): boolean {
  if (infra) return l.kind === 'bridge';
  if (l.kind === 'loopback') return l.addrs.some((a) => !(a.local === 0x7f000001 && a.prefixLen === 8)) || addr6Texts(l).length > 0;
  return true;
}

/** The device's IPv6 addresses as `ip -6 addr` lists them, but the link-locals and ::1 every device has by itself. */
function addr6Texts(l: Link): string[] {
  return l.inet6.addrs.filter((a) => !isIp6LinkLocal(a.addr) && a.addr !== IP6_LOOPBACK).map((a) => `${formatIp6(a.addr)}/${a.prefixLen}`);
}

function addrText(a: Link['addrs'][number]): string {
  return a.address !== a.local ? `${ip4ToString(a.local)} peer ${ip4ToString(a.address)}/${a.prefixLen}` : `${ip4ToString(a.local)}/${a.prefixLen}`;
}

function detail(l: Link): string | null {
  if (l.vxlan) {
    const v = l.vxlan;
    let s = `vxlan id ${v.id}`;
    if (v.remote !== null) s += ` remote ${formatEither(v.remote)}`;
    if (v.group !== null) s += ` group ${formatEither(v.group)}`;
    if (v.local !== null) s += ` local ${formatEither(v.local)}`;
    if (v.dev !== null) s += ` dev ${v.dev}`;
    return `${s} dstport ${v.dstport}`;
  }
  if (l.tun) return `${l.tun.mode}${l.tun.pi ? ' pi' : ''}${l.tun.attached ? '' : ' (no process attached)'}`;
  if (l.vlan) return `vlan ${l.vlan.proto === '802.1ad' ? 'protocol 802.1ad ' : ''}id ${l.vlan.id}`;
  if (l.bond) return `bond mode ${l.bond.mode}${l.bond.active ? ` active ${l.bond.active.name}` : ''}`;
  if (l.vrf) return `vrf table ${l.vrf.table}`;
  if (l.geneve) return `geneve id ${l.geneve.id} remote ${ip4ToString(l.geneve.remote)}`;
  return null;
}

function findIface(g: Graph, id: string): GraphIface | undefined {
  for (const h of g.hosts) for (const ns of h.namespaces) for (const i of ns.ifaces) if (i.id === id) return i;
  return undefined;
}

/**
 * A VXLAN device's remotes (its `remote` and the `dst` of its static FDB entries) joined to the
 * VXLAN device with the same VNI in a namespace that owns the remote address, else to the
 * interface that holds that address.
 */
function tunnelEdges(hosts: Host[], nodeOf: Map<Link, string>, edge: (k: GraphEdgeKind, a: string, b: string, label: string) => void): void {
  const all: Netns[] = hosts.flatMap((h) => h.allNamespaces());
  const drawn = new Set<string>();
  for (const ns of all) {
    for (const l of ns.linkList()) {
      if (!l.vxlan || !nodeOf.has(l)) continue;
      const remotes: number[] = [];
      // an IPv6 underlay's remotes are not drawn: interfaces are matched by IPv4 address
      if (typeof l.vxlan.remote === 'bigint') continue;
      if (typeof l.vxlan.remote === 'number') remotes.push(l.vxlan.remote);
      for (const f of l.fdb) if (typeof f.dst === 'number' && !remotes.includes(f.dst)) remotes.push(f.dst);
      for (const r of remotes) {
        for (const other of all) {
          const holder = other.linkList().find((x) => x.addrs.some((a) => a.local === r));
          if (!holder) continue;
          const twin = other.linkList().find((x) => x !== l && x.vxlan && x.vxlan.id === l.vxlan!.id && nodeOf.has(x));
          const target = twin ?? holder;
          const a = nodeOf.get(l)!;
          const b = nodeOf.get(target);
          if (!b || b === a) continue;
          const key = [a, b].sort().join(' ');
          if (drawn.has(key)) continue;
          drawn.add(key);
          edge('tunnel', a, b, `vni ${l.vxlan.id}`);
        }
      }
    }
  }
}

/** A path to highlight: interface nodes and edges (indices into `Graph.edges`) a packet used. */
export interface GraphTrace {
  /** one line saying what was traced and how it ended, written as a comment in the diagram */
  title: string;
  nodes: string[];
  edges: number[];
  /** the node where the packet was dropped, if it was */
  drop: string | null;
}
