/**
 * The engine itself: virtual time and the event queue, determinism, the event bus, fork
 * isolation, and a long ping through three hops (its cost per probe is bench/ping-engine.bench.ts's).
 */
import { describe, expect, it } from 'vitest';
import { Clock } from '../../../sim/clock.js';
import { EventQueue } from '../../../sim/event-queue.js';
import { timerWheelUs } from '../../../sim/params.js';
import { TestLab } from './helpers.js';

describe('event queue', () => {
  it('runs events in time order, same-time events in scheduling order', () => {
    const clock = new Clock();
    const q = new EventQueue(clock);
    const seen: string[] = [];
    q.at(30, () => seen.push('c'));
    q.at(10, () => seen.push('a1'));
    q.at(10, () => seen.push('a2'));
    q.at(20, () => {
      seen.push('b');
      q.after(0, () => seen.push('b+0'));
    });
    expect(q.runUntil(25)).toBe(false);
    expect(seen).toEqual(['a1', 'a2', 'b', 'b+0']);
    expect(clock.now).toBe(25);
    q.runUntil(100);
    expect(seen.at(-1)).toBe('c');
    expect(clock.now).toBe(100);
  });

  it('stops right after the event that satisfied the predicate', () => {
    const clock = new Clock();
    const q = new EventQueue(clock);
    let n = 0;
    for (let i = 1; i <= 5; i++) q.at(i * 10, () => n++);
    expect(q.runUntil(100, () => n === 2)).toBe(true);
    expect(clock.now).toBe(20);
    expect(q.size).toBe(3);
  });

  it('keeps heap order under many random insertions', () => {
    const clock = new Clock();
    const q = new EventQueue(clock);
    const times: number[] = [];
    let x = 12345;
    for (let i = 0; i < 2000; i++) {
      x = (x * 1103515245 + 12345) & 0x7fffffff;
      const t = x % 100000;
      q.at(t, () => times.push(t));
    }
    q.runUntil(Infinity);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('timer wheel lateness', () => {
  it('1 s timers fire ~18 ms late, 200 ms timers ~4 ms late', () => {
    expect(timerWheelUs(1_000_000)).toBe(1_018_000);
    expect(timerWheelUs(200_000)).toBe(204_000);
  });
});

describe('determinism', () => {
  it('the same scenario twice gives the same events, byte for byte', () => {
    const run = () => {
      const t = new TestLab().router(true);
      const log: string[] = [];
      t.sim.events.on('frame:tx', (e) => log.push(`${e.t} ${e.ns} ${e.dev} ${e.src}>${e.dst}`));
      t.sim.events.on('packet:drop', (e) => log.push(`${e.t} ${e.ns} drop ${e.reason}`));
      t.ping('A', '10.0.2.1', { count: 3 });
      t.ping('A', '10.0.2.77', { count: 2, timeout: 5 });
      t.ping('A', '10.0.2.1', { ttl: 1 });
      return log.join('\n');
    };
    const a = run();
    expect(a.length).toBeGreaterThan(0);
    expect(run()).toBe(a);
  });
});

describe('event bus', () => {
  it('reports forward, deliver, drop with reasons, ARP, ICMP errors', () => {
    const t = new TestLab().router(true);
    const seen = new Map<string, number>();
    for (const name of ['frame:tx', 'frame:rx', 'packet:forward', 'packet:deliver', 'packet:drop', 'arp:request', 'arp:reply', 'icmp:error'] as const) {
      t.sim.events.on(name, () => seen.set(name, (seen.get(name) ?? 0) + 1));
    }
    const reasons: string[] = [];
    t.sim.events.on('packet:drop', (e) => reasons.push(e.reason));
    t.ping('A', '10.0.2.1');
    t.ping('A', '10.0.2.1', { ttl: 1 });
    expect(seen.get('packet:forward')).toBe(2); // request and reply through R
    expect(seen.get('arp:request')).toBeGreaterThanOrEqual(2);
    expect(seen.get('arp:reply')).toBeGreaterThanOrEqual(2);
    expect(seen.get('icmp:error')).toBe(1);
    expect(reasons).toEqual(['ttl-exceeded']);
  });
});

describe('sleep and fork', () => {
  it('sleep advances virtual time and runs timers', () => {
    const t = new TestLab().pair();
    t.ping('A', '10.0.0.9');
    const t0 = t.sim.now;
    t.sim.sleep(5);
    expect(t.sim.now).toBe(t0 + 5_000_000);
    const e = t.sim.state(t.ns('A')).neigh.get(t.ns('A').linkByName('va')!)!.get(0x0a000009)!;
    expect(e.state).toBe('failed');
  });

  it('a fork leaves the original untouched', () => {
    const t = new TestLab().pair();
    const f = t.sim.fork();
    expect(f.now).toBe(t.sim.now);
    t.sim.sleep(1);
    expect(f.now).toBe(t.sim.now - 1_000_000);
    const before = t.sim.state(t.ns('A')).neigh.size;
    f.state(t.ns('A'));
    expect(t.sim.state(t.ns('A')).neigh.size).toBe(before);
  });
});

describe('cost', () => {
  it('a long ping through three hops gets every reply', () => {
    const t = new TestLab().netns('A', 'R1', 'R2', 'B');
    t.veth('va', 'A', 'r1a', 'R1').veth('r1b', 'R1', 'r2a', 'R2').veth('r2b', 'R2', 'vb', 'B');
    t.addr('A', 'va', '192.0.2.1/24').addr('R1', 'r1a', '192.0.2.254/24').addr('R1', 'r1b', '203.0.113.1/24');
    t.addr('R2', 'r2a', '203.0.113.2/24').addr('R2', 'r2b', '198.51.100.254/24').addr('B', 'vb', '198.51.100.1/24');
    t.up('A', 'va').up('R1', 'r1a', 'r1b').up('R2', 'r2a', 'r2b').up('B', 'vb');
    t.route('A', 'default', { via: '192.0.2.254' }).route('B', 'default', { via: '198.51.100.254' });
    t.sysctl('R1', 'net.ipv4.ip_forward', 1).sysctl('R2', 'net.ipv4.ip_forward', 1);
    t.route('R1', '198.51.100.0/24', { via: '203.0.113.2', dev: 'r1b' }).route('R2', '192.0.2.0/24', { via: '203.0.113.1', dev: 'r2a' });
    expect(t.ping('A', '198.51.100.1').received).toBe(1);
    const n = 2000;
    const r = t.ping('A', '198.51.100.1', { count: n, interval: 0.01 });
    expect(r.received).toBe(n);
  });
});
