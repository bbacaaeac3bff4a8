/**
 * Random route tables over a line (or ring) of routers, for properties about loops: a client
 * behind the first router pings a service prefix (10.99.0.0/24, on the last router's `svc0`
 * bridge), and each router forwards it to whichever neighbour its table names, or has no route
 * at all. A loop shows as `Time to live exceeded` in the client's ping. Random tables loop
 * often, which is the point: a property "no table makes a loop" fails, and shrinks to the
 * smallest loop.
 */
import fc from 'fast-check';
import type { LabDescription, LabStep } from './lab-description.js';
import { labArbitrary } from './arb-lab.js';

/** Where one router sends the service prefix. */
export type NextHop =
  /** toward the router before it (r1 has none: no route) */
  | 'left'
  /** toward the router after it */
  | 'right'
  /** no route */
  | 'none';

/** Random route tables over a chain of routers, before they are laid out as a lab. */
export interface RouteTablePlan {
  /** 2 … 5 routers */
  routers: number;
  /** close the line into a ring (with three routers or more) */
  ring: boolean;
  /** next hop per router for 10.99.0.0/24 (the last router owns it and ignores its entry) */
  hops: NextHop[];
  /** whether the routers have a default route to the right instead of a specific one */
  defaults: boolean[];
}

/** A route table plan: the tables are random, nothing keeps them loop-free. */
export function routeTablePlan(opts: { maxRouters?: number } = {}): fc.Arbitrary<RouteTablePlan> {
  const max = Math.max(2, Math.min(5, opts.maxRouters ?? 5));
  return fc.integer({ min: 2, max }).chain((routers) =>
    fc.record({
      routers: fc.constant(routers),
      ring: fc.boolean(),
      hops: fc.array(fc.constantFrom<NextHop>('right', 'left', 'none'), { minLength: routers, maxLength: routers }),
      defaults: fc.array(fc.boolean(), { minLength: routers, maxLength: routers }),
    }),
  );
}

/** The address of router `i` (1-based) on the link to router `j`. */
function linkAddr(i: number, j: number, routers: number): string {
  const [lo, hi] = i < j ? [i, j] : [j, i];
  const net = hi === routers && lo === 1 && routers > 2 ? routers : lo; // the ring's closing link
  return `10.0.${net}.${i === lo ? 1 : 2}`;
}

/**
 * The lab of a plan: a client `c` (10.0.0.2, default via r1 at 10.0.0.1), routers `r1` … on
 * veths (10.0.K.0/24 between rK and rK+1), forwarding on, `svc0` with 10.99.0.1/24 on the last
 * router, routes between the routers' links along the line, each router's route to
 * 10.99.0.0/24 as its plan says, and the client's ping to 10.99.0.1. (The client, not a router,
 * pings: a router drops its own packets when a loop brings them back, as martians.)
 */
export function routeTableLab(plan: RouteTablePlan): LabDescription {
  const n = Math.max(2, Math.min(5, plan.routers));
  const ring = plan.ring && n > 2;
  const s: LabStep[] = [];
  const r = (i: number) => `r${i}`;
  const links: Array<[number, number]> = [];
  for (let i = 1; i < n; i++) links.push([i, i + 1]);
  if (ring) links.push([n, 1]);
  s.push({ kind: 'netns-add', name: 'c' });
  for (let i = 1; i <= n; i++) s.push({ kind: 'netns-add', name: r(i) });
  s.push({ kind: 'veth-add', in: 'c', name: 'eth0', peer: 'to-c', peerIn: r(1) });
  for (const [a, b] of links) s.push({ kind: 'veth-add', in: r(a), name: `to-r${b}`, peer: `to-r${a}`, peerIn: r(b) });
  s.push(
    { kind: 'link-state', in: 'c', dev: 'lo', up: true },
    { kind: 'addr-add', in: 'c', dev: 'eth0', address: '10.0.0.2/24' },
    { kind: 'link-state', in: 'c', dev: 'eth0', up: true },
    { kind: 'route-add', in: 'c', dst: 'default', via: '10.0.0.1' },
  );
  for (let i = 1; i <= n; i++) {
    s.push({ kind: 'link-state', in: r(i), dev: 'lo', up: true });
    if (i === 1) s.push({ kind: 'addr-add', in: r(1), dev: 'to-c', address: '10.0.0.1/24' }, { kind: 'link-state', in: r(1), dev: 'to-c', up: true });
    for (const [a, b] of links) {
      if (a !== i && b !== i) continue;
      const other = a === i ? b : a;
      s.push({ kind: 'addr-add', in: r(i), dev: `to-r${other}`, address: `${linkAddr(i, other, n)}/24` });
      s.push({ kind: 'link-state', in: r(i), dev: `to-r${other}`, up: true });
    }
    s.push({ kind: 'sysctl', in: r(i), key: 'net.ipv4.ip_forward', value: '1' });
  }
  s.push({ kind: 'bridge-add', in: r(n), name: 'svc0' }, { kind: 'addr-add', in: r(n), dev: 'svc0', address: '10.99.0.1/24' }, { kind: 'link-state', in: r(n), dev: 'svc0', up: true });
  // the routers' own links are routed correctly (along the line), so answers find their way back
  for (let i = 1; i <= n; i++) {
    for (let k = i === 1 ? 1 : 0; k < n; k++) {
      if (k === i || k === i - 1) continue;
      const via = k < i ? linkAddr(i - 1, i, n) : linkAddr(i + 1, i, n);
      s.push({ kind: 'route-add', in: r(i), dst: `10.0.${k}.0/24`, via });
    }
    if (ring && i !== 1 && i !== n) s.push({ kind: 'route-add', in: r(i), dst: `10.0.${n}.0/24`, via: i <= n / 2 ? linkAddr(i - 1, i, n) : linkAddr(i + 1, i, n) });
  }
  for (let i = 1; i < n; i++) {
    const hop = plan.hops[i - 1] ?? 'none';
    const next = hop === 'right' ? i + 1 : hop === 'left' ? (i > 1 ? i - 1 : ring ? n : 0) : 0;
    if (!next) continue;
    s.push({ kind: 'route-add', in: r(i), dst: plan.defaults[i - 1] ? 'default' : '10.99.0.0/24', via: linkAddr(next, i, n) });
  }
  s.push({ kind: 'ping', in: 'c', to: '10.99.0.1' });
  return { steps: s, title: `random route tables over ${n} routers${ring ? ' in a ring' : ''}` };
}

/**
 * Random route tables as labs, printed as scripts in counterexamples.
 *
 * @example
 * fc.assert(fc.property(routeTables(), (lab) => !simulate(lab).steps.some((s) => /Time to live exceeded/.test(s.stdout))));
 */
export function routeTables(opts: { maxRouters?: number } = {}): fc.Arbitrary<LabDescription> {
  return labArbitrary(routeTablePlan(opts), routeTableLab);
}
