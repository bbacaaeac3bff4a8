/**
 * Each intent kind holds, and fails on purpose, in the simulator; each failure carries the
 * forwarding engine's explanation (the hop that decided and its routes). A deliberate routing
 * loop is reported with the namespaces on it.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/labfile/load.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';
import { passesInOrder } from '../../../src/verify/check.js';
import { routerLab } from './router-lab.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');
const lab = routerLab();

function one(intent: unknown) {
  const r = lab.verify([intent]);
  expect(r.problems).toEqual([]);
  return r.verdicts[0]!;
}

describe('reach', () => {
  it('holds when a ping gets a reply, to an address or to a namespace', () => {
    expect(one({ reach: { from: 'h/A', to: '10.0.2.2' } }).holds).toBe(true);
    expect(one({ reach: { from: 'h/A', to: 'h/B' } })).toMatchObject({ holds: true, summary: 'ping 10.0.2.2 from h/A: reply from 10.0.2.2 ttl 63' });
  });

  it('fails when a router has no route, naming the router and its routes', () => {
    const v = one({ reach: { from: 'h/A', to: '10.0.4.5' } });
    expect(v.holds).toBe(false);
    expect(v.summary).toContain('Destination Net Unreachable');
    expect(v.why).toContain('h/R: no route to 10.0.4.5 [no-route]');
    expect(v.why).toContain('  10.0.2.0/24 dev r1 proto kernel scope link src 10.0.2.1');
  });

  it('fails when the reply has no way back, saying the request arrived', () => {
    const v = one({ reach: { from: 'h/A', to: 'h/C' } });
    expect(v.holds).toBe(false);
    expect(v.why[0]).toBe('the request arrives (h/A -> h/R -> h/C); the reply does not come back');
    expect(v.why[1]).toMatch(/^h\/C: no route back to 10\.0\.1\.2/);
  });

  it('fails at the source without a route, with the route table there', () => {
    const v = one({ reach: { from: 'h/C', to: '10.0.1.2' } });
    expect(v.summary).toBe('ping 10.0.1.2 from h/C fails at once: connect: Network is unreachable');
    expect(v.why).toEqual(['no route in h/C matches 10.0.1.2; its routes:', '  10.0.3.0/24 dev c0 proto kernel scope link src 10.0.3.2']);
  });

  it('fails when nobody answers ARP, with the route that was used', () => {
    const v = one({ reach: { from: 'h/A', to: '10.0.1.9' } });
    expect(v.holds).toBe(false);
    expect(v.why).toContain('h/A: no ARP answer for 10.0.1.9 on a0 [neigh-failed]');
    expect(v.why).toContain('h/A picks: 10.0.1.0/24 dev a0 proto kernel scope link src 10.0.1.2');
  });
});

describe('isolated', () => {
  it('holds when no reply comes', () => {
    expect(one({ isolated: { from: 'h/A', to: '10.9.9.9' } }).holds).toBe(true);
    expect(one({ isolated: { from: 'h/C', to: 'h/A' } }).holds).toBe(true);
  });

  it('fails when a reply comes, with the round trip', () => {
    const v = one({ isolated: { from: 'h/A', to: 'h/B' } });
    expect(v).toMatchObject({ holds: false, summary: 'a ping gets a reply: ping 10.0.2.2 from h/A: reply from 10.0.2.2 ttl 63' });
    expect(v.why).toEqual(['round trip: h/A -> h/R -> h/B -> h/R -> h/A']);
  });
});

describe('via', () => {
  it('holds when the path passes the namespaces in order', () => {
    expect(one({ via: { from: 'h/A', to: 'h/B', through: ['h/R'] } })).toMatchObject({ holds: true, summary: 'path h/A -> h/R -> h/B' });
    expect(one({ via: { from: 'h/A', to: 'h/B', through: ['h/A', 'h/R', 'h/B'] } }).holds).toBe(true);
  });

  it('fails out of order, or when the packet is not delivered', () => {
    expect(one({ via: { from: 'h/A', to: 'h/B', through: ['h/B', 'h/R'] } })).toMatchObject({ holds: false, summary: 'the path does not pass h/R after h/B: h/A -> h/R -> h/B' });
    expect(one({ via: { from: 'h/A', to: 'h/B', through: ['h/C'] } }).holds).toBe(false);
    const v = one({ via: { from: 'h/A', to: '10.0.4.5', through: ['h/R'] } });
    expect(v.holds).toBe(false);
    expect(v.summary).toMatch(/^the packet is not delivered: blackhole: h\/R/);
  });

  it('matches a subsequence', () => {
    expect(passesInOrder(['a', 'b', 'c', 'd'], ['b', 'd'])).toEqual({ ok: true });
    expect(passesInOrder(['a', 'b', 'c'], ['c', 'b'])).toEqual({ ok: false, missing: 'b', after: 'c' });
    expect(passesInOrder(['a'], ['x'])).toEqual({ ok: false, missing: 'x', after: null });
  });
});

describe('all-reach', () => {
  it('holds when every pair reaches, both ways', () => {
    expect(one({ 'all-reach': { among: ['h/A', 'h/B', 'h/R'] } })).toMatchObject({ holds: true, summary: 'all 6 pairs reach each other' });
  });

  it('fails listing each pair that does not', () => {
    const v = one({ 'all-reach': { among: ['h/A', 'h/B', 'h/C'] } });
    expect(v).toMatchObject({ holds: false, summary: '4 of 6 pairs do not reach' });
    const pairs = v.why.filter((l) => !l.startsWith(' ')).map((l) => l.split(':')[0]);
    expect(pairs).toEqual(['h/A -> h/C (10.0.3.2)', 'h/B -> h/C (10.0.3.2)', 'h/C -> h/A (10.0.1.2)', 'h/C -> h/B (10.0.2.2)']);
  });

  it('fails for a namespace without an address', () => {
    const l = routerLab();
    l.host('h').sh('ip netns add E');
    const v = l.verify([{ 'all-reach': { among: ['h/A', 'h/E'] } }]).verdicts[0]!;
    expect(v.holds).toBe(false);
    expect(v.why).toContain('h/A -> h/E: h/E has no IPv4 address to send to');
  });
});

describe('no-blackholes', () => {
  it('holds when every source has a route to all of the prefix', () => {
    expect(one({ 'no-blackholes': { for: '10.0.2.0/24', from: ['h/A', 'h/B', 'h/R'] } }).holds).toBe(true);
  });

  it('fails naming each source, the part of the prefix, and where it is dropped', () => {
    const v = one({ 'no-blackholes': { for: '10.0.0.0/22' } });
    expect(v).toMatchObject({ holds: false, summary: '4 sources without a route to part of 10.0.0.0/22' });
    // the router has no route to 10.0.0.0/24; C has no route but its own subnet
    expect(v.why).toEqual([
      'h/A -> 10.0.0.0/24: dropped at h/R: no route',
      'h/B -> 10.0.0.0/24: dropped at h/R: no route',
      'h/C -> 10.0.0.0/23, 10.0.2.0/24: no route',
      'h/R -> 10.0.0.0/24: no route',
    ]);
    expect(one({ 'no-blackholes': { for: '10.0.0.0/22', from: ['h/A'] } }).why).toEqual(['h/A -> 10.0.0.0/24: dropped at h/R: no route']);
  });
});

describe('no-loops', () => {
  it('holds in a lab without loops', () => {
    expect(one({ 'no-loops': {} })).toMatchObject({ holds: true, summary: 'no destination loops' });
  });

  it('reports two namespaces pointing default routes at each other as a loop, with both on it', () => {
    const r = verifyLabSim(loadLabFile(join(FIXTURES, 'loop.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts.map((v) => [v.name, v.holds])).toEqual([
      ['reach h/S -> 10.0.0.2', true],
      ['via h/S -> 10.0.0.2 through h/A', true],
      ['isolated h/S -/-> 10.9.9.9', true],
      ['no-loops', false],
    ]);
    const loop = r.verdicts[3]!;
    expect(loop.summary).toBe('1 forwarding loop');
    expect(loop.why[0]).toMatch(/^(h\/A -> h\/B -> h\/A|h\/B -> h\/A -> h\/B) for .*10\.0\.2\.0-126\.255\.255\.255.* \(packets from h\/S enter it\)$/);
    expect([...loop.why.slice(1)].sort()).toEqual(['  h/A: default via 10.0.0.2 dev ab', '  h/B: default via 10.0.0.1 dev ba']);
  });
});

describe('verifyLabSim', () => {
  it('checks the corrected seed lab: every intent holds, in milliseconds', () => {
    const r = verifyLabSim(loadLabFile(join(import.meta.dirname, '../../../examples/seed/verify.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts).toHaveLength(9);
    expect(r.verdicts.filter((v) => !v.holds).map((v) => `${v.name}: ${v.summary}`)).toEqual([]);
    expect(r.holds).toBe(true);
  });

  it('the seed as the blog wrote it: what fails and why', () => {
    const r = verifyLabSim(loadLabFile(join(import.meta.dirname, '../../../examples/seed/verify-broken.yaml')));
    const by = new Map(r.verdicts.map((v) => [v.intent.line, v]));
    expect(r.verdicts.map((v) => v.holds)).toEqual([true, false, false, false, false, true, false, true, false]);
    // the bridge got 172.16.1.1, outside the pods' 172.16.0.0/24: nobody answers for the gateway
    expect(by.get(15)!.why).toContain('node1/NS1: no ARP answer for 172.16.0.1 on veth11 [neigh-failed]');
    // so the default route was refused and the pod has only its own subnet
    expect(by.get(16)!.why).toEqual(['no route in node1/NS1 matches 172.16.1.2; its routes:', '  172.16.0.0/24 dev veth11 proto kernel scope link src 172.16.0.2']);
    // node 2's NS1 has no address at all (the typo 172.16.1..2)
    expect(by.get(20)!.why).toContain('node1/NS1 -> node2/NS1: node2/NS1 has no IPv4 address to send to');
  });

  it('reports problems with the file and judges nothing', () => {
    const r = verifyLabSim(loadLabFile(join(FIXTURES, 'bad.yaml')));
    expect(r.verdicts).toEqual([]);
    expect(r.holds).toBe(false);
    expect(r.problems.map((p) => p.line)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(r.problems[3]!.message).toBe('unknown namespace "h/NS9" (the lab has h, h/A)');
  });
});
