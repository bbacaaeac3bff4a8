/**
 * From a lab plan (what the arbitraries draw) to a lab description (the steps of a script), in
 * the order a careful script has them: namespaces, links, moves, bridge ports, addresses, links
 * up, `lo` up, forwarding, routes, then whatever goes wrong later, then pings.
 *
 * The plan holds only choices (integers resolved modulo what exists, enums); this function is
 * total, so every plan — and everything fast-check shrinks a plan to — is a runnable lab.
 */
import { absentHostIn, addressIn, cidr, hostBase, subnetOf, subnetText, typoOf, type Subnet, type SubnetSpec } from './arb-address.js';
import { namespaceNames, ifname } from './arb-names.js';
import type { FaultSpec } from './arb-fault.js';
import type { PingSpec } from './arb-ping.js';
import type { RouteSpec, RoutingMode } from './arb-route.js';
import { ORDINARY_HOST, type SegmentSpec, type TopologySpec } from './arb-topology.js';
import type { AddrAddStep, LabDescription, LabStep, LinkMoveStep, LinkStateStep, NetnsStyle, RouteAddStep, SysctlStep, Where } from './lab-description.js';
import { ip4ToString, type Ip4 } from '../model/ip.js';

/** Everything a lab arbitrary draws; `buildLab` turns it into steps. */
export interface LabPlan {
  topology: TopologySpec;
  routing: RoutingMode;
  routes: RouteSpec[];
  faults: FaultSpec[];
  pings: PingSpec[];
  style: NetnsStyle;
  /** end with `ip route show` in every namespace (compares rendered state, not only pings) */
  shows: boolean;
}

/** One addressed interface of the lab. */
interface Iface {
  seg: number;
  ns: number;
  dev: string;
  addr: Ip4;
  len: number;
  addrStep: AddrAddStep;
  upStep: LinkStateStep;
  /** the move that took it out of the host's namespace, when it was made there */
  moveStep: LinkMoveStep | null;
}

/** What the builder knows about the lab's namespaces. */
class Spaces {
  readonly names: string[];
  /** index of the host's own namespace */
  readonly root: number;
  /** choices resolve modulo this */
  readonly size: number;
  private readonly ethCount = new Map<number, number>();

  constructor(t: TopologySpec) {
    const n = Math.max(1, Math.min(8, Math.floor(t.namespaces)));
    this.names = namespaceNames(t.theme, n);
    this.root = this.names.length;
    this.size = this.names.length + (t.useRoot ? 1 : 0);
  }

  at(choice: number): number {
    return Math.abs(Math.floor(choice)) % this.size;
  }

  where(ns: number): Where {
    return ns === this.root ? null : this.names[ns];
  }

  label(ns: number): string {
    return ns === this.root ? 'host' : this.names[ns];
  }

  /** The next `ethN` of a namespace, for ends made there with `peer name … netns`. */
  eth(ns: number): string {
    const c = this.ethCount.get(ns) ?? 0;
    this.ethCount.set(ns, c + 1);
    return `eth${c}`;
  }

  /** A different namespace than `ns` when there is one. */
  other(ns: number, choice: number): number {
    const c = this.at(choice);
    return c !== ns || this.size === 1 ? c : (c + 1) % this.size;
  }
}

/** The namespaces a segment joins, after the topology's shape has had its say. */
function placeSegment(sp: Spaces, t: TopologySpec, seg: SegmentSpec, k: number): { at: number; ends: number[] } {
  const m = sp.size;
  const ends = seg.kind === 'veth' ? seg.ends.slice(0, 2) : seg.ends.slice(0, 4);
  while (ends.length < (seg.kind === 'veth' ? 2 : 1)) ends.push(ends.length);
  if (t.shape === 'chain') {
    if (seg.kind === 'veth') return { at: 0, ends: [k % m, sp.other(k % m, k + 1)] };
    return { at: k % m, ends: ends.map((_, j) => sp.other(k % m, k + 1 + j)) };
  }
  if (t.shape === 'star') {
    if (seg.kind === 'veth') return { at: 0, ends: [0, sp.other(0, k + 1)] };
    return { at: 0, ends: ends.map((_, j) => sp.other(0, k + 1 + j)) };
  }
  if (seg.kind === 'veth') {
    const a = sp.at(ends[0]);
    return { at: 0, ends: [a, sp.other(a, ends[1])] };
  }
  const at = sp.at(seg.at);
  return { at, ends: ends.map((e) => sp.other(at, e)) };
}

/** A bridge's ports go to distinct namespaces (two ports into one namespace is not a lab, it is a loop). */
function distinctPorts(placed: { at: number; ends: number[] }): { at: number; ends: number[] } {
  return { at: placed.at, ends: [...new Set(placed.ends)] };
}

/** Step lists, one per phase, concatenated at the end. */
class Phases {
  netns: LabStep[] = [];
  create: LabStep[] = [];
  master: LabStep[] = [];
  addr: LabStep[] = [];
  up: LabStep[] = [];
  lo: LabStep[] = [];
  sysctl: SysctlStep[] = [];
  /** per namespace, in order: /32 peer routes, computed routes, extra routes */
  routes = new Map<number, RouteAddStep[]>();
  computed = new Map<number, RouteAddStep[]>();
  early = new Set<number>();
  late: LabStep[] = [];
  pings: LabStep[] = [];
  shows: LabStep[] = [];

  route(ns: number, step: RouteAddStep, computed = false): void {
    if (!this.routes.has(ns)) this.routes.set(ns, []);
    this.routes.get(ns)!.push(step);
    if (computed) {
      if (!this.computed.has(ns)) this.computed.set(ns, []);
      this.computed.get(ns)!.push(step);
    }
  }
}

function remove<T>(list: T[], item: T): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
}

/** Veth ends: a device in `a` and one in `b`, made the plan's way. */
function makeVeth(sp: Spaces, ph: Phases, make: SegmentSpec['make'], a: number, nameA: string, b: number, nameB: string): { devA: string; devB: string; moveA: LinkMoveStep | null; moveB: LinkMoveStep | null } {
  if (make === 'move' || a === b) {
    if (make === 'move') {
      ph.create.push({ kind: 'veth-add', in: null, name: nameA, peer: nameB });
      const moveA: LinkMoveStep | null = a === sp.root ? null : { kind: 'link-move', in: null, dev: nameA, to: sp.names[a] };
      const moveB: LinkMoveStep | null = b === sp.root ? null : { kind: 'link-move', in: null, dev: nameB, to: sp.names[b] };
      if (moveA) ph.create.push(moveA);
      if (moveB) ph.create.push(moveB);
      return { devA: nameA, devB: nameB, moveA, moveB };
    }
    ph.create.push({ kind: 'veth-add', in: sp.where(a), name: nameA, peer: nameB });
    return { devA: nameA, devB: nameB, moveA: null, moveB: null };
  }
  if (b !== sp.root) {
    const devB = sp.eth(b);
    ph.create.push({ kind: 'veth-add', in: sp.where(a), name: nameA, peer: devB, peerIn: sp.names[b] });
    return { devA: nameA, devB, moveA: null, moveB: null };
  }
  const devA = sp.eth(a);
  ph.create.push({ kind: 'veth-add', in: null, name: nameB, peer: devA, peerIn: sp.names[a] });
  return { devA, devB: nameB, moveA: null, moveB: null };
}

/**
 * A lab description from a plan.
 *
 * @example
 * const lab = buildLab(fc.sample(labPlan(), 1)[0]);
 * toScript(lab); // '#!/bin/bash\n…\nip netns add ns1\n…'
 */
export function buildLab(plan: LabPlan, title?: string): LabDescription {
  const t = plan.topology;
  const sp = new Spaces(t);
  const ph = new Phases();
  const ifaces: Iface[] = [];
  /** per segment: its subnet and its addressed interfaces */
  const segs: Array<{ subnet: Subnet; base: number; members: Iface[] }> = [];
  const specs: SubnetSpec[] = t.segments.map((s) => (s.kind === 'bridge' ? { ...s.subnet, len: Math.min(s.subnet.len, 29) } : s.subnet));

  for (const name of sp.names) ph.netns.push({ kind: 'netns-add', name });

  const addIface = (k: number, ns: number, dev: string, addr: Ip4, len: number, move: LinkMoveStep | null): Iface => {
    const addrStep: AddrAddStep = { kind: 'addr-add', in: sp.where(ns), dev, address: cidr(addr, len) };
    const upStep: LinkStateStep = { kind: 'link-state', in: sp.where(ns), dev, up: true };
    ph.addr.push(addrStep);
    ph.up.push(upStep);
    const i: Iface = { seg: k, ns, dev, addr, len, addrStep, upStep, moveStep: move };
    ifaces.push(i);
    segs[k].members.push(i);
    return i;
  };

  t.segments.forEach((seg, k) => {
    const subnet = subnetOf(k, specs[k], specs);
    const base = hostBase(subnet, specs[k]);
    segs.push({ subnet, base, members: [] });
    const placed = placeSegment(sp, t, seg, k);
    const { at, ends } = seg.kind === 'bridge' ? distinctPorts(placed) : placed;
    const pick = (j: number) => seg.picks[j] ?? ORDINARY_HOST;
    if (seg.kind === 'veth') {
      const [a, b] = ends;
      const nameA = ifname(`v${k}-${sp.label(a)}`);
      const nameB = ifname(`v${k}-${sp.label(b)}${a === b ? '-2' : ''}`);
      const v = makeVeth(sp, ph, seg.make, a, nameA, b, nameB);
      const ia = addIface(k, a, v.devA, addressIn(subnet, pick(0), 0, base), subnet.len, v.moveA);
      const ib = addIface(k, b, v.devB, addressIn(subnet, pick(1), 1, base), subnet.len, v.moveB);
      if (subnet.len === 32) {
        // a /32 has no connected route: each end reaches the other through a device route
        ph.route(a, { kind: 'route-add', in: sp.where(a), dst: ip4ToString(ib.addr), dev: ia.dev });
        ph.route(b, { kind: 'route-add', in: sp.where(b), dst: ip4ToString(ia.addr), dev: ib.dev });
      }
      return;
    }
    const br = `br${k}`;
    ph.create.push({ kind: 'bridge-add', in: sp.where(at), name: br });
    const brUp: LinkStateStep = { kind: 'link-state', in: sp.where(at), dev: br, up: true };
    let j0 = 0;
    if (seg.gateway) {
      const gw = addressIn(subnet, seg.gateway, 0, base);
      const addrStep: AddrAddStep = { kind: 'addr-add', in: sp.where(at), dev: br, address: cidr(gw, subnet.len) };
      ph.addr.push(addrStep);
      const i: Iface = { seg: k, ns: at, dev: br, addr: gw, len: subnet.len, addrStep, upStep: brUp, moveStep: null };
      ifaces.push(i);
      segs[k].members.push(i);
      j0 = 1;
    }
    ph.up.push(brUp);
    ends.forEach((p, j) => {
      const portName = ifname(`br${k}-${sp.label(p)}`);
      const memberName = ifname(`v${k}-${sp.label(p)}${p === at ? '-2' : ''}`);
      const v = makeVeth(sp, ph, seg.make, at, portName, p, memberName);
      ph.master.push({ kind: 'link-master', in: sp.where(at), dev: v.devA, master: br });
      ph.up.push({ kind: 'link-state', in: sp.where(at), dev: v.devA, up: true });
      addIface(k, p, v.devB, addressIn(subnet, pick(j), j + j0, base), subnet.len, v.moveB);
    });
  });

  for (let ns = 0; ns < sp.names.length; ns++) ph.lo.push({ kind: 'link-state', in: sp.names[ns], dev: 'lo', up: true });

  // which segments each namespace has an address on; two or more make it a router
  const segsOf = new Map<number, number[]>();
  for (const i of ifaces) {
    const l = segsOf.get(i.ns) ?? [];
    if (!l.includes(i.seg)) l.push(i.seg);
    segsOf.set(i.ns, l);
  }
  const isRouter = (ns: number) => (segsOf.get(ns)?.length ?? 0) >= 2;
  const forwarding = new Map<number, SysctlStep>();
  for (const ns of [...segsOf.keys()].sort((a, b) => a - b)) {
    if (!isRouter(ns)) continue;
    const s: SysctlStep = { kind: 'sysctl', in: sp.where(ns), key: 'net.ipv4.ip_forward', value: '1' };
    forwarding.set(ns, s);
    ph.sysctl.push(s);
  }

  computeRoutes(plan.routing, sp, ph, segs, segsOf, isRouter);
  for (const r of plan.routes) extraRoute(r, sp, ph, segs, segsOf, ifaces);
  for (const f of plan.faults) applyFault(f, sp, ph, ifaces, forwarding);

  for (const p of coverPings(plan.pings.slice(0, 6))) ph.pings.push(pingStep(p, sp, segs, ifaces));
  if (plan.shows) {
    for (let ns = 0; ns <= sp.root; ns++) if (ns < sp.size) ph.shows.push({ kind: 'show', in: sp.where(ns), object: 'route', json: false });
  }

  const routesOf = (early: boolean): LabStep[] =>
    [...ph.routes.keys()]
      .sort((a, b) => a - b)
      .filter((ns) => ph.early.has(ns) === early)
      .flatMap((ns) => ph.routes.get(ns)!);
  const steps: LabStep[] = [
    ...ph.netns,
    ...ph.create,
    ...ph.master,
    ...ph.addr,
    ...routesOf(true),
    ...ph.up,
    ...ph.lo,
    ...ph.sysctl,
    ...routesOf(false),
    ...ph.late,
    ...ph.pings,
    ...ph.shows,
  ];
  const lab: LabDescription = { steps, style: plan.style };
  if (title !== undefined) lab.title = title;
  return lab;
}

type Segs = Array<{ subnet: Subnet; base: number; members: Iface[] }>;

/** Routes from the topology, the way someone who knows the lab would write them. */
function computeRoutes(mode: RoutingMode, sp: Spaces, ph: Phases, segs: Segs, segsOf: Map<number, number[]>, isRouter: (ns: number) => boolean): void {
  if (mode === 'none') return;
  const nsList = [...segsOf.keys()].sort((a, b) => a - b);
  /** the address of a neighbour on segment k (not `ns`), routers first */
  const gatewayOn = (k: number, ns: number, routersOnly: boolean): Iface | null => {
    const others = segs[k].members.filter((m) => m.ns !== ns);
    return others.find((m) => isRouter(m.ns)) ?? (routersOnly ? null : (others[0] ?? null));
  };
  for (const ns of nsList) {
    const mine = segsOf.get(ns)!;
    const where = sp.where(ns);
    if (mode === 'defaults') {
      const gw = gatewayOn(mine[0], ns, false);
      if (gw) ph.route(ns, { kind: 'route-add', in: where, dst: 'default', via: ip4ToString(gw.addr) }, true);
      continue;
    }
    if (mine.length === 1) {
      const gw = gatewayOn(mine[0], ns, true);
      if (gw) ph.route(ns, { kind: 'route-add', in: where, dst: 'default', via: ip4ToString(gw.addr) }, true);
      continue;
    }
    // breadth first over segments, crossing only routers; remember the first hop
    const firstHop = new Map<number, Iface | null>();
    const queue: number[] = [];
    for (const k of mine) {
      firstHop.set(k, null);
      queue.push(k);
    }
    const written = new Set(mine.map((k) => subnetText(segs[k].subnet)));
    while (queue.length) {
      const k = queue.shift()!;
      for (const m of segs[k].members) {
        if (m.ns === ns || !isRouter(m.ns)) continue;
        for (const u of segsOf.get(m.ns)!) {
          if (firstHop.has(u)) continue;
          const hop = firstHop.get(k) ?? m;
          firstHop.set(u, hop);
          queue.push(u);
          const dst = subnetText(segs[u].subnet);
          if (written.has(dst)) continue;
          written.add(dst);
          ph.route(ns, { kind: 'route-add', in: where, dst, via: ip4ToString(hop.addr) }, true);
        }
      }
    }
  }
}

/** One extra route of the plan, valid or not. */
function extraRoute(r: RouteSpec, sp: Spaces, ph: Phases, segs: Segs, segsOf: Map<number, number[]>, ifaces: Iface[]): void {
  const ns = sp.at(r.at);
  const mine = ifaces.filter((i) => i.ns === ns);
  const neighbours = (segsOf.get(ns) ?? []).flatMap((k) => segs[k].members.filter((m) => m.ns !== ns));
  const step: RouteAddStep = { kind: 'route-add', in: sp.where(ns), dst: 'default' };
  const seg = (index: number) => segs[index % segs.length];
  // without segments every destination degrades to the default route
  const dst: RouteSpec['dst'] = segs.length ? r.dst : { kind: 'default' };
  switch (dst.kind) {
    case 'default':
      break;
    case 'segment':
      step.dst = subnetText(seg(dst.index).subnet);
      break;
    case 'host-bits': {
      const s = seg(dst.index).subnet;
      const len = Math.min(s.len, 30);
      step.dst = cidr((s.network + 1) >>> 0, len);
      break;
    }
    case 'nowhere':
      step.dst = `10.200.${dst.n & 255}.0/24`;
      break;
  }
  const offLink = `10.254.254.${1 + (r.at & 127)}`;
  let devOf: Iface | undefined = mine[0];
  switch (r.gw.kind) {
    case 'neighbor': {
      const n = neighbours.length ? neighbours[r.gw.index % neighbours.length] : null;
      step.via = n ? ip4ToString(n.addr) : offLink;
      if (n) devOf = mine.find((i) => i.seg === n.seg) ?? devOf;
      break;
    }
    case 'off-link':
      step.via = offLink;
      break;
    case 'own':
      step.via = mine.length ? ip4ToString(mine[0].addr) : offLink;
      break;
    case 'typo':
      step.via = typoOf(neighbours.length ? ip4ToString(neighbours[0].addr) : offLink);
      break;
    case 'none':
      break;
  }
  if (r.dev && devOf) step.dev = devOf.dev;
  if (r.gw.kind === 'none' && !step.dev && devOf) step.dev = devOf.dev;
  if (r.metric !== null) step.metric = r.metric;
  if (r.onlink) step.onlink = true;
  ph.route(ns, step);
}

/** What goes wrong, applied to the built phases. */
function applyFault(f: FaultSpec, sp: Spaces, ph: Phases, ifaces: Iface[], forwarding: Map<number, SysctlStep>): void {
  const iface = (n: number): Iface | null => (ifaces.length ? ifaces[Math.abs(n) % ifaces.length] : null);
  switch (f.kind) {
    case 'end-down': {
      const i = iface(f.end);
      if (!i) return;
      const down: LinkStateStep = { kind: 'link-state', in: i.upStep.in, dev: i.upStep.dev, up: false };
      if (f.how === 'never-up') remove(ph.up, i.upStep);
      else if (f.how === 'down-later') ph.late.push(down);
      else ph.late.push(down, { ...i.upStep });
      return;
    }
    case 'lo-down': {
      const ns = sp.at(f.at);
      const lo = ph.lo.find((s) => s.kind === 'link-state' && s.in === sp.where(ns));
      if (f.how === 'never-up' && lo) remove(ph.lo, lo);
      else ph.late.push({ kind: 'link-state', in: sp.where(ns), dev: 'lo', up: false });
      return;
    }
    case 'forwarding': {
      const ns = sp.at(f.at);
      const old = forwarding.get(ns);
      if (old) remove(ph.sysctl, old);
      const s: SysctlStep = { kind: 'sysctl', in: sp.where(ns), key: 'net.ipv4.ip_forward', value: f.on ? '1' : '0' };
      forwarding.set(ns, s);
      ph.sysctl.push(s);
      return;
    }
    case 'addr-before-move': {
      const i = iface(f.end);
      if (!i || !i.moveStep || !ph.addr.includes(i.addrStep)) return;
      const at = ph.create.indexOf(i.moveStep);
      if (at < 0) return;
      remove(ph.addr, i.addrStep);
      ph.create.splice(at, 0, { ...i.addrStep, in: null });
      return;
    }
    case 'moved-late': {
      const i = iface(f.end);
      if (!i) return;
      let to = sp.other(i.ns, f.to);
      if (to === sp.root) to = sp.other(i.ns, to + 1);
      if (to === sp.root || to === i.ns) return;
      ph.late.push({ kind: 'link-move', in: sp.where(i.ns), dev: i.dev, to: sp.names[to] });
      return;
    }
    case 'no-route': {
      const list = ph.computed.get(sp.at(f.at));
      if (!list?.length) return;
      const r = list[f.index % list.length];
      remove(list, r);
      remove(ph.routes.get(sp.at(f.at))!, r);
      return;
    }
    case 'typo': {
      const i = iface(f.end);
      if (i) i.addrStep.address = typoOf(i.addrStep.address);
      return;
    }
    case 'duplicate-address': {
      const i = iface(f.end);
      const from = iface(f.from);
      if (i && from && from !== i) i.addrStep.address = cidr(from.addr, i.len);
      return;
    }
    case 'routes-early':
      ph.early.add(sp.at(f.at));
      return;
  }
}

/**
 * Two pings or more cover both sides: one toward an address of the lab (meant to be answered)
 * and one toward a prefix nobody has (meant to fail, and cheaply: mostly no route at all).
 */
function coverPings(pings: PingSpec[]): PingSpec[] {
  if (pings.length < 2) return pings;
  const out = [...pings];
  if (!out.some((p) => p.target.kind === 'address')) out[0] = { ...out[0], target: { kind: 'address', index: 0 } };
  if (!out.some((p) => p.target.kind === 'nowhere' || p.target.kind === 'absent')) out[out.length - 1] = { ...out[out.length - 1], target: { kind: 'nowhere' } };
  return out;
}

/**
 * Which namespaces can reach which, as the topology intends it: one component per set of
 * segments joined through namespaces that sit on several (routers).
 */
function components(ifaces: Iface[]): Map<number, number> {
  const parent = new Map<number, number>();
  const find = (x: number): number => {
    let r = x;
    while (parent.has(r) && parent.get(r) !== r) r = parent.get(r)!;
    parent.set(x, r);
    return r;
  };
  const union = (a: number, b: number) => parent.set(find(a), find(b));
  const bySeg = new Map<number, number>();
  for (const i of ifaces) {
    find(i.ns);
    const first = bySeg.get(i.seg);
    if (first === undefined) bySeg.set(i.seg, i.ns);
    else union(i.ns, first);
  }
  const out = new Map<number, number>();
  for (const ns of parent.keys()) out.set(ns, find(ns));
  return out;
}

function pingStep(p: PingSpec, sp: Spaces, segs: Segs, ifaces: Iface[]): LabStep {
  // pings start where there is an interface: from a bare namespace only `lo` answers
  const attached = [...new Set(ifaces.map((i) => i.ns))].sort((a, b) => a - b);
  const from = attached.length ? attached[Math.abs(p.from) % attached.length] : sp.at(p.from);
  const where = sp.where(from);
  let to = '127.0.0.1';
  switch (p.target.kind) {
    case 'address': {
      const comp = components(ifaces);
      const near = ifaces.filter((i) => comp.get(i.ns) === comp.get(from) && i.ns !== from);
      const pool = near.length ? near : ifaces;
      if (pool.length) to = ip4ToString(pool[p.target.index % pool.length].addr);
      break;
    }
    case 'anywhere':
      if (ifaces.length) to = ip4ToString(ifaces[p.target.index % ifaces.length].addr);
      break;
    case 'own': {
      const mine = ifaces.find((i) => i.ns === from);
      if (mine) to = ip4ToString(mine.addr);
      break;
    }
    case 'absent': {
      const s = segs.length ? segs[p.target.segment % segs.length] : null;
      to = s ? ip4ToString(absentHostIn(s.subnet, s.members.length, s.base)) : '10.254.0.1';
      break;
    }
    case 'nowhere':
      to = '10.254.0.1';
      break;
    case 'loopback':
      break;
  }
  return { kind: 'ping', in: where, to };
}
