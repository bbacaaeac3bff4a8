/**
 * sim/reach on hand-made labs whose answers are known: a bridge, a router with forwarding off
 * and on, a missing return route, lo down, a loop, a blackhole, a duplicate address (handed to
 * the engine), TTL, and the incremental path after route changes.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { parseIp4 } from '../../../../src/model/ip.js';
import { k8sLab } from '../../../../src/lab.js';
import { findBlackholes, findLoops, forwardingWalk, reachability } from '../../../../sim/reach/index.js';

const ip = (s: string) => parseIp4(s)!;

/** A — R — B: two /24s joined by router namespace R. */
function routed(forward: boolean, returnRoute = true): Lab {
  const lab = new Lab();
  lab.host('h').sh(`
ip netns add A
ip netns add R
ip netns add B
ip link add a0 netns A type veth peer name r0 netns R
ip link add b0 netns B type veth peer name r1 netns R
ip -n A addr add 10.0.1.2/24 dev a0
ip -n R addr add 10.0.1.1/24 dev r0
ip -n R addr add 10.0.2.1/24 dev r1
ip -n B addr add 10.0.2.2/24 dev b0
ip -n A link set a0 up
ip -n R link set r0 up
ip -n R link set r1 up
ip -n B link set b0 up
ip -n A link set lo up
ip -n B link set lo up
ip -n A route add default via 10.0.1.1
${returnRoute ? 'ip -n B route add default via 10.0.2.1' : ''}
${forward ? 'ip netns exec R sysctl -w net.ipv4.ip_forward=1' : ''}
`);
  return lab;
}

function pair(lab: Lab, from: string, to: string): boolean {
  const r = reachability(lab.model);
  const i = r.sources.findIndex((ns) => ns.path === from);
  const j = r.destinations.findIndex((d) => d.addr === ip(to));
  expect(i).toBeGreaterThanOrEqual(0);
  expect(j).toBeGreaterThanOrEqual(0);
  return r.reachable(i, j);
}

describe('reachability', () => {
  it('lists every namespace as a source and every non-loopback address once as a destination', () => {
    const r = reachability(routed(true).model);
    expect(r.sources.map((ns) => ns.path)).toEqual(['h', 'h/A', 'h/R', 'h/B']);
    expect(r.destinations.map((d) => d.addr)).toEqual(['10.0.1.2', '10.0.1.1', '10.0.2.1', '10.0.2.2'].map(ip));
  });

  it('routes through a forwarding router, both ways, without the engine', () => {
    const lab = routed(true);
    const r = reachability(lab.model);
    expect(pair(lab, 'h/A', '10.0.2.2')).toBe(true);
    expect(pair(lab, 'h/B', '10.0.1.2')).toBe(true);
    r.matrix();
    expect(r.engineChecked).toBe(0);
  });

  it('stops at a router with forwarding off, but its own far address still answers (weak host)', () => {
    const lab = routed(false);
    expect(pair(lab, 'h/A', '10.0.2.2')).toBe(false);
    expect(pair(lab, 'h/A', '10.0.2.1')).toBe(true);
  });

  it('needs the return route: the request arrives, the reply has nowhere to go', () => {
    const lab = routed(true, false);
    expect(pair(lab, 'h/A', '10.0.2.2')).toBe(false);
    expect(forwardingWalk(lab.model, lab.model.netns('h/A')!, ip('10.0.2.2')).outcome).toBe('delivered');
  });

  it('own address: answered through lo, not when lo is down', () => {
    const lab = routed(true);
    expect(pair(lab, 'h/A', '10.0.1.2')).toBe(true);
    lab.host('h').sh('ip -n A link set lo down');
    expect(pair(lab, 'h/A', '10.0.1.2')).toBe(false);
    // from elsewhere it still answers
    expect(pair(lab, 'h/R', '10.0.1.2')).toBe(true);
  });

  it('hands a duplicate address to the engine and agrees with it', () => {
    const lab = routed(true);
    lab.host('h').sh('ip -n B addr add 10.0.1.2/32 dev b0');
    const r = reachability(lab.model);
    const e = reachability(lab.model, { engine: true });
    expect(Array.from(r.matrix())).toEqual(Array.from(e.matrix()));
    expect(r.engineChecked).toBeGreaterThan(0);
  });

  it('matches the engine under rp_filter (handed over) and after a route change (incremental)', () => {
    const lab = routed(true);
    const r = reachability(lab.model);
    // h has no address and R never brought lo up: its own two addresses do not answer it
    expect(r.reachableCount).toBe(10);
    lab.host('h').sh('ip -n R route add blackhole 10.0.2.2/32');
    const e = reachability(lab.model, { engine: true });
    expect(Array.from(r.matrix())).toEqual(Array.from(e.matrix()));
    lab.host('h').sh('ip netns exec R sysctl -w net.ipv4.conf.all.rp_filter=1');
    const e2 = reachability(lab.model, { engine: true });
    expect(Array.from(r.matrix())).toEqual(Array.from(e2.matrix()));
  });

  it('k8s host-gw: every pod reaches every pod and node address', () => {
    const lab = k8sLab({ nodes: 3, podsPerNode: 3 });
    const r = lab.reach();
    expect(r.reachableCount).toBe(r.sources.length * r.destinations.length);
    expect(r.engineChecked).toBe(0);
  });
});

describe('forwardingWalk, findLoops, findBlackholes', () => {
  it('walks pod to pod across nodes', () => {
    const lab = k8sLab({ nodes: 2, podsPerNode: 1 });
    const w = forwardingWalk(lab.model, lab.model.netns('node1/pod1')!, ip('10.244.2.2'));
    expect(w.outcome).toBe('delivered');
    expect(w.path.map((ns) => ns.path)).toEqual(['node1/pod1', 'node1', 'node2', 'node2/pod1']);
    expect(w.src).toBe(ip('10.244.1.2'));
  });

  it('finds a loop between two routers that send a prefix to each other', () => {
    const lab = routed(true);
    lab.host('h').sh('ip -n R route add 10.9.0.0/16 via 10.0.2.2\nip -n B route add 10.9.0.0/16 via 10.0.2.1\nip netns exec B sysctl -w net.ipv4.ip_forward=1');
    const w = forwardingWalk(lab.model, lab.model.netns('h/A')!, ip('10.9.1.1'));
    expect(w.outcome).toBe('loop');
    const loops = findLoops(lab.model);
    expect(loops.length).toBeGreaterThan(0);
    const l = loops.find((x) => x.first <= ip('10.9.1.1') && ip('10.9.1.1') <= x.last)!;
    expect(l.cycle.map((ns) => ns.path).sort()).toEqual(['h/B', 'h/R']);
    expect(l.first).toBe(ip('10.9.0.0'));
    expect(l.last).toBe(ip('10.9.255.255'));
  });

  it('finds blackholes: no route at the router, and a blackhole route', () => {
    const lab = routed(true);
    lab.host('h').sh('ip -n R route add blackhole 10.7.0.0/16');
    const w = forwardingWalk(lab.model, lab.model.netns('h/A')!, ip('10.8.0.1'));
    expect(w.outcome).toBe('blackhole');
    expect(w.reason).toBe('no-route');
    expect(w.path.map((ns) => ns.path)).toEqual(['h/A', 'h/R']);
    const holes = findBlackholes(lab.model, '10.7.0.0/16').filter((b) => b.from.path === 'h/A');
    expect(holes).toHaveLength(1);
    expect(holes[0]!.at.path).toBe('h/R');
    expect(holes[0]!.reason).toBe('blackhole');
    expect([holes[0]!.first, holes[0]!.last]).toEqual([ip('10.7.0.0'), ip('10.7.255.255')]);
  });
});

describe('Lab: ping, explain, traceroute', () => {
  it('traceroute lists the routers, then the destination', () => {
    const lab = k8sLab({ nodes: 2, podsPerNode: 1 });
    const t = lab.traceroute('node1/pod1', '10.244.2.2');
    expect(t.reached).toBe(true);
    expect(t.hops.map((h) => h.from)).toEqual(['10.244.1.1', '192.168.1.2', '10.244.2.2']);
    expect(lab.ping('node1/pod1', '10.244.2.2', { timeout: 1 }).received).toBe(1);
    expect(lab.explain('node1/pod1', '10.244.2.2').disposition).toBe('reply');
  });
});
