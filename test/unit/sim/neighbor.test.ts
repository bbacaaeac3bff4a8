/**
 * Neighbour resolution timing as the kernel has it: 3 broadcast probes 1 s apart (each ~18 ms
 * late on the timer wheel), FAILED after ~3.05 s, every queued packet then reported. Kernel
 * evidence: test/tools/sbx < test/cases/forwarding/arp-failure-timing.sh, plus `ping -D` runs
 * showing the error 3.06–3.07 s after the probe and `-W 3` silent / `-W 3.1` reporting.
 */
import { describe, expect, it } from 'vitest';
import { TestLab } from './helpers.js';

function lan(): TestLab {
  return new TestLab().pair().up('A', 'lo');
}

describe('ARP resolution and failure', () => {
  // kernel: arp-failure-timing.sh — lo down: `ping -c 1 10.0.0.5` → no error at all (delivered over lo)
  it('with lo down the sender never sees its own host unreachable', () => {
    const t = new TestLab().pair();
    const r = t.ping('A', '10.0.0.5', { timeout: 10 });
    expect(r).toMatchObject({ errors: 0, received: 0, exit: 1 });
    expect(r.endUs - r.startUs).toBe(10_000_000);
  });

  // kernel: `ping -c 1 10.0.0.8` (lo up) → From 10.0.0.1 icmp_seq=1 Destination Host Unreachable, +1 errors
  it('lo up: the failure is reported after ~3.05 s', () => {
    const t = lan();
    const r = t.ping('A', '10.0.0.8', { timeout: 10 });
    expect(r.errorLines).toEqual(['From 10.0.0.1 icmp_seq=1 Destination Host Unreachable']);
    expect(r).toMatchObject({ transmitted: 1, errors: 1, exit: 1, pipe: 1 });
    const took = r.endUs - r.startUs;
    expect(took).toBeGreaterThan(3_000_000);
    expect(took).toBeLessThan(3_100_000);
  });

  // kernel: `ping -c 1 -W 3` → silent; `ping -c 1 -W 3.1` → +1 errors (the failure lands between)
  it('-W 3 gives up just before the failure, -W 3.1 sees it', () => {
    expect(lan().ping('A', '10.0.0.9', { timeout: 3 }).errors).toBe(0);
    expect(lan().ping('A', '10.0.0.9', { timeout: 3.1 }).errors).toBe(1);
  });

  // kernel: `ping -c 3 -W 1 10.0.0.7` → 3 transmitted, no errors (ping's alarm wins)
  it('-c 3 -W 1: ping exits before ARP gives up', () => {
    expect(lan().ping('A', '10.0.0.7', { count: 3, timeout: 1 })).toMatchObject({ transmitted: 3, errors: 0, exit: 1 });
  });

  // kernel: `ping -c 2 10.0.0.9` → both reported, `pipe 2`; `ping -c 4` → 4 errors, `pipe 4`
  it('queued probes are all reported; pipe counts those outstanding', () => {
    const two = lan().ping('A', '10.0.0.9', { count: 2, timeout: 10 });
    expect(two).toMatchObject({ transmitted: 2, errors: 2, pipe: 2 });
    const four = lan().ping('A', '10.0.0.10', { count: 4, timeout: 10 });
    expect(four).toMatchObject({ transmitted: 4, errors: 4, pipe: 4 });
    expect(four.errorLines.map((l) => l.replace(/icmp_seq=\d/, 'N'))).toEqual(Array(4).fill('From 10.0.0.1 N Destination Host Unreachable'));
  });

  // kernel: `ping -c 3 -W 2 10.0.0.11` → 3 errors, pipe 3
  it('-c 3 -W 2: the failure comes within the linger time', () => {
    expect(lan().ping('A', '10.0.0.11', { count: 3, timeout: 2 })).toMatchObject({ transmitted: 3, errors: 3, pipe: 3 });
  });

  it('sends 3 broadcast probes, then gives up', () => {
    const t = lan();
    let requests = 0;
    t.sim.events.on('arp:request', () => requests++);
    t.ping('A', '10.0.0.12', { timeout: 10 });
    expect(requests).toBe(3);
  });

  it('a resolved neighbour goes STALE after reachable_time, is probed by unicast when used again', () => {
    const t = lan();
    t.ping('A', '10.0.0.2');
    const e = () => t.sim.state(t.ns('A')).neigh.get(t.ns('A').linkByName('va')!)!.get(0x0a000002)!;
    expect(e().state).toBe('reachable');
    t.sim.sleep(60);
    expect(e().state).toBe('stale');
    const unicast: string[] = [];
    // B probes A too: its entry came from A's request (STALE) and went DELAY when it replied
    t.sim.events.on('arp:request', (x) => {
      if (x.ns === 'h/A') unicast.push(x.ns);
    });
    expect(t.ping('A', '10.0.0.2').received).toBe(1);
    expect(e().state).toBe('delay');
    t.sim.sleep(10);
    expect(e().state).toBe('reachable');
    expect(unicast).toEqual(['h/A']);
  });

  it('permanent entries need no ARP', () => {
    const t = lan();
    const vb = t.ns('B').linkByName('vb')!;
    t.do('A', { op: 'neigh.add', mode: 'add', dst: 0x0a000002, dev: 'va', lladdr: vb.mac, state: 'permanent' });
    let requests = 0;
    t.sim.events.on('arp:request', (x) => {
      if (x.ns === 'h/A') requests++;
    });
    expect(t.ping('A', '10.0.0.2').received).toBe(1);
    expect(requests).toBe(0);
  });

  it('a carrier loss flushes the entries of the device', () => {
    const t = lan();
    t.ping('A', '10.0.0.2');
    const va = t.ns('A').linkByName('va')!;
    expect(t.sim.state(t.ns('A')).neigh.get(va)?.size).toBe(1);
    t.down('B', 'vb');
    t.sim.sync();
    expect(t.sim.state(t.ns('A')).neigh.get(va)).toBeUndefined();
  });
});
