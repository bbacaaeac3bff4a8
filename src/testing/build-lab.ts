/**
 * From a lab plan (what the arbitraries draw) to a lab description (the steps of a script), in
 * the order a careful script has them: namespaces, links, moves, bridge ports, addresses, links
 * up, `lo` up, forwarding, routes, then whatever goes wrong later, then pings.
 *
 * The plan holds only choices (integers resolved modulo what exists, enums); this function is
 * total, so every plan — and everything fast-check shrinks a plan to — is a runnable lab.
 */
import { addressIn, cidr, hostBase, subnetOf, type SubnetSpec } from './arb-address.js';
import { ifname } from './arb-names.js';
import type { FaultSpec } from './arb-fault.js';
import type { PingSpec } from './arb-ping.js';
import type { RouteSpec, RoutingMode } from './arb-route.js';
import { ORDINARY_HOST, type SegmentSpec, type TopologySpec } from './arb-topology.js';
import { Phases, Spaces, type Iface, type Segs } from './build-context.js';
import { applyFault } from './build-faults.js';
import { coverPings, pingStep } from './build-pings.js';
import { computeRoutes, extraRoute } from './build-routes.js';
import type { NfSpec } from './arb-netfilter.js';
import { buildRules } from './build-rules.js';
import type { AddrAddStep, LabDescription, LabStep, LinkMoveStep, LinkStateStep, NetnsStyle, SysctlStep } from './lab-description.js';
import { ip4ToString, type Ip4 } from '../model/ip.js';

/** Everything a lab arbitrary draws; `buildLab` turns it into steps. */
export interface LabPlan {
  topology: TopologySpec;
  routing: RoutingMode;
  routes: RouteSpec[];
  faults: FaultSpec[];
  /** iptables rules and policies (none unless the `rules` option asks for them) */
  rules?: NfSpec[];
  pings: PingSpec[];
  style: NetnsStyle;
  /** end with `ip route show` in every namespace (compares rendered state, not only pings) */
  shows: boolean;
}

/** The namespaces a segment joins, after the topology's shape has had its say. */
function placeSegment(sp: Spaces, t: TopologySpec, seg: SegmentSpec, k: number): { at: number; ends: number[] } {
  const m = sp.size;
  if (seg.kind === 'macvlan') return placeMacvlans(sp, seg);
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

/** A macvlan segment: the lower's namespace, the wire's (another one), then each macvlan's (any). */
function placeMacvlans(sp: Spaces, seg: SegmentSpec): { at: number; ends: number[] } {
  const at = sp.at(seg.at);
  const [wire = 1, ...macs] = seg.ends.slice(0, 4);
  return { at, ends: [sp.other(at, wire), ...(macs.length ? macs : [0]).map((e) => sp.at(e))] };
}

/** A bridge's ports go to distinct namespaces (two ports into one namespace is not a lab, it is a loop). */
function distinctPorts(placed: { at: number; ends: number[] }): { at: number; ends: number[] } {
  return { at: placed.at, ends: [...new Set(placed.ends)] };
}

/** Veth ends: a device in `a` and one in `b`, made the plan's way. */
function makeVeth(
  sp: Spaces,
  ph: Phases,
  make: SegmentSpec['make'],
  a: number,
  nameA: string,
  b: number,
  nameB: string,
): { devA: string; devB: string; moveA: LinkMoveStep | null; moveB: LinkMoveStep | null } {
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
  const segs: Segs = [];
  const specs: SubnetSpec[] = t.segments.map((s) => (s.kind !== 'veth' ? { ...s.subnet, len: Math.min(s.subnet.len, 29) } : s.subnet));

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
    if (seg.kind === 'macvlan') {
      // the lower device, a veth whose far end (an ordinary member) is the wire
      const [wire, ...macs] = ends;
      const lower = ifname(`mv${k}-${sp.label(at)}`);
      const v = makeVeth(sp, ph, seg.make, at, lower, wire, ifname(`w${k}-${sp.label(wire)}`));
      addIface(k, wire, v.devB, addressIn(subnet, pick(0), 0, base), subnet.len, v.moveB);
      let j0 = 1;
      if (seg.gateway) {
        addIface(k, at, v.devA, addressIn(subnet, seg.gateway, 1, base), subnet.len, null);
        j0 = 2;
      } else ph.up.push({ kind: 'link-state', in: sp.where(at), dev: v.devA, up: true });
      macs.forEach((choice, j) => {
        // the host's own namespace has no name to move a device to: a macvlan drawn there stays with its lower
        const ns = choice === sp.root ? at : choice;
        const name = ifname(`m${k}-${j}-${sp.label(ns)}`);
        ph.create.push({ kind: 'macvlan-add', in: sp.where(at), name, link: v.devA, mode: seg.mode ?? 'bridge' });
        const move: LinkMoveStep | null = ns === at ? null : { kind: 'link-move', in: sp.where(at), dev: name, to: sp.names[ns] };
        if (move) ph.create.push(move);
        addIface(k, ns, name, addressIn(subnet, pick(j + 1), j + j0, base), subnet.len, move);
      });
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

  if (plan.rules?.length) {
    const built = buildRules(plan.rules, sp, segs, ifaces);
    ph.rules.push(...built.rules);
    ph.listings.push(...built.listings);
  }
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
    ...ph.rules,
    ...ph.pings,
    ...ph.listings,
    ...ph.shows,
  ];
  const lab: LabDescription = { steps, style: plan.style };
  if (title !== undefined) lab.title = title;
  return lab;
}
