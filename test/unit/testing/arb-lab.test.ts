import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lab, labPlan } from '../../../src/testing/arb-lab.js';
import { buildLab } from '../../../src/testing/build-lab.js';
import { labNamespaces, labPings, type LabDescription, type LabStep } from '../../../src/testing/lab-description.js';
import { sampleLabs } from '../../../src/testing/sample.js';
import { simulate } from '../../../src/testing/simulate.js';
import { toScript } from '../../../src/testing/to-script.js';
import { inPrefix, parseIp4 } from '../../../src/model/ip.js';

const RUNS = 150;

/** Device names of a step, and where they must exist. */
function devicesUsed(s: LabStep): string[] {
  switch (s.kind) {
    case 'link-move':
    case 'link-state':
    case 'addr-add':
      return [s.dev];
    case 'link-master':
      return [s.dev, s.master];
    case 'route-add':
      return s.dev ? [s.dev] : [];
    default:
      return [];
  }
}

/**
 * Walks a lab symbolically: every namespace is created before use and every device exists
 * where a step uses it. Returns the first problem, or null.
 */
function orderProblem(l: LabDescription): string | null {
  const ns = new Set<string>();
  const devs = new Map<string, Set<string>>([['', new Set(['lo'])]]);
  const at = (w: string | null) => devs.get(w ?? '')!;
  for (const [i, s] of l.steps.entries()) {
    if (s.kind === 'netns-add') {
      if (ns.has(s.name)) return `step ${i}: namespace ${s.name} made twice`;
      ns.add(s.name);
      devs.set(s.name, new Set(['lo']));
      continue;
    }
    if (s.in !== null && !ns.has(s.in)) return `step ${i}: namespace ${s.in} used before it exists`;
    for (const d of devicesUsed(s)) if (!at(s.in).has(d)) return `step ${i}: ${d} is not in ${s.in ?? 'the host'}`;
    if (s.kind === 'veth-add') {
      if (s.peerIn !== undefined && !ns.has(s.peerIn)) return `step ${i}: namespace ${s.peerIn} used before it exists`;
      if (at(s.in).has(s.name)) return `step ${i}: ${s.name} exists`;
      at(s.in).add(s.name);
      const peerAt = s.peerIn === undefined ? at(s.in) : at(s.peerIn);
      if (peerAt.has(s.peer)) return `step ${i}: ${s.peer} exists`;
      peerAt.add(s.peer);
    } else if (s.kind === 'bridge-add') {
      at(s.in).add(s.name);
    } else if (s.kind === 'link-move') {
      if (!ns.has(s.to)) return `step ${i}: namespace ${s.to} used before it exists`;
      at(s.in).delete(s.dev);
      at(s.to).add(s.dev);
    }
  }
  return null;
}

const private4 = (text: string) => {
  const a = parseIp4(text);
  return a !== null && (inPrefix(a, 0x0a000000, 8) || inPrefix(a, 0xac100000, 12) || inPrefix(a, 0x7f000000, 8));
};

describe('lab arbitraries', () => {
  it('labs stay small for the kernel: ≤ 8 namespaces, names ≤ 15 bytes, ≤ 6 pings, pings after the setup', () => {
    fc.assert(
      fc.property(lab(), (l) => {
        expect(labNamespaces(l).length).toBeLessThanOrEqual(8);
        expect(labPings(l).length).toBeLessThanOrEqual(6);
        for (const s of l.steps) {
          for (const name of [...devicesUsed(s), ...(s.kind === 'netns-add' || s.kind === 'veth-add' || s.kind === 'bridge-add' ? [s.name] : [])]) {
            expect(Buffer.byteLength(name)).toBeLessThanOrEqual(15);
          }
          if (s.kind === 'veth-add') expect(Buffer.byteLength(s.peer)).toBeLessThanOrEqual(15);
        }
        const firstPing = l.steps.findIndex((s) => s.kind === 'ping');
        if (firstPing >= 0) expect(l.steps.slice(firstPing).every((s) => s.kind === 'ping' || s.kind === 'show')).toBe(true);
      }),
      { numRuns: RUNS },
    );
  });

  it('use only private ranges (and loopback for pings); typos aside, every address parses', () => {
    const ok = (text: string) => parseIp4(text) === null || private4(text);
    fc.assert(
      fc.property(lab(), (l) => {
        for (const s of l.steps) {
          if (s.kind === 'addr-add') expect(ok(s.address.split('/')[0])).toBe(true);
          if (s.kind === 'ping') expect(private4(s.to)).toBe(true);
          if (s.kind === 'route-add' && s.via) expect(ok(s.via)).toBe(true);
          if (s.kind === 'route-add' && s.dst !== 'default') expect(ok(s.dst.split('/')[0])).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('labs without deliberate mistakes come in a valid order: namespaces and devices exist where each step uses them', () => {
    fc.assert(
      fc.property(lab({ maxFaults: 0 }), (l) => {
        expect(orderProblem(l)).toBeNull();
      }),
      { numRuns: RUNS },
    );
  });

  it('every lab, mistakes included, runs in the simulator with every command modelled', () => {
    fc.assert(
      fc.property(lab({ shows: true }), (l) => {
        const run = simulate(l);
        expect(run.steps).toHaveLength(l.steps.length);
        expect(run.steps.filter((s) => !s.supported)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it('buildLab is total: any plan, even one no arbitrary would draw, gives a lab', () => {
    const odd = fc.sample(labPlan(), { seed: 3, numRuns: 20 }).map((p) => ({
      ...p,
      topology: { ...p.topology, namespaces: 0, segments: [] },
      routes: [{ at: 99, dst: { kind: 'segment' as const, index: 5 }, gw: { kind: 'neighbor' as const, index: 3 }, dev: true, metric: null, onlink: true }],
    }));
    for (const p of odd) expect(() => toScript(buildLab(p))).not.toThrow();
  });

  it('a batch: at least half the labs have three or more namespaces; answered and unanswered pings are both common', () => {
    const labs = sampleLabs(7, 200);
    expect(labs.filter((l) => labNamespaces(l).length >= 3).length).toBeGreaterThanOrEqual(100);
    let answered = 0;
    let unanswered = 0;
    for (const l of labs) for (const p of simulate(l).pings) p.answered ? answered++ : unanswered++;
    const total = answered + unanswered;
    expect(answered / total).toBeGreaterThan(0.4);
    expect(unanswered / total).toBeGreaterThan(0.2);
  });

  it('the same seed gives the same labs, and lab i does not depend on how many follow', () => {
    const a = sampleLabs(99, 12).map(toScript);
    expect(sampleLabs(99, 12).map(toScript)).toEqual(a);
    expect(sampleLabs(99, 5).map(toScript)).toEqual(a.slice(0, 5));
    expect(sampleLabs(100, 12).map(toScript)).not.toEqual(a);
  });

  it('fast-check prints a counterexample as the script itself', () => {
    const out = fc.check(
      fc.property(lab(), (l) => labNamespaces(l).length < 3),
      { seed: 5 },
    );
    expect(out.failed).toBe(true);
    const message = fc.defaultReportMessage(out) ?? '';
    expect(message).toContain('#!/bin/bash');
    expect(message).toContain('ip netns add');
  });

  it('shrinks a failing property to a short runnable lab', () => {
    // "every ping is answered" fails on many labs; the shrunk lab keeps one unanswered ping
    const out = fc.check(
      fc.property(lab(), (l) => simulate(l).pings.every((p) => p.answered)),
      { seed: 11 },
    );
    expect(out.failed).toBe(true);
    const shrunk = out.counterexample![0];
    expect(shrunk.steps.length).toBeLessThanOrEqual(6);
    const run = simulate(shrunk);
    expect(run.pings.some((p) => !p.answered)).toBe(true);
    expect(run.steps.every((s) => s.supported)).toBe(true);
  });
});
