import { describe, expect, it } from 'vitest';
import { minimizeLab, stepRemovals } from '../../../src/testing/shrink-steps.js';
import type { LabDescription, LabStep } from '../../../src/testing/lab-description.js';

const steps: LabStep[] = [
  { kind: 'netns-add', name: 'a' },
  { kind: 'netns-add', name: 'b' },
  { kind: 'veth-add', in: 'a', name: 'v0', peer: 'v1', peerIn: 'b' },
  { kind: 'addr-add', in: 'a', dev: 'v0', address: '10.0.0.1/24' },
  { kind: 'addr-add', in: 'b', dev: 'v1', address: '10.0.0.2/24' },
  { kind: 'ping', in: 'a', to: '10.0.0.2' },
];
const lab: LabDescription = { steps, title: 't' };

describe('stepRemovals', () => {
  it('offers whole namespaces first, then halves down to single steps', () => {
    const all = [...stepRemovals(lab)];
    // namespace a: everything that runs in or names it
    expect(all[0].steps.map((s) => s.kind)).toEqual(['netns-add', 'addr-add']);
    expect(all[1].steps.map((s) => s.kind)).toEqual(['netns-add', 'addr-add', 'ping']);
    // then chunks of 3, 1: the last chunk first
    expect(all[2].steps).toEqual(steps.slice(0, 3));
    expect(all.at(-1)!.steps).toEqual(steps.slice(1));
    for (const c of all) expect(c.steps.length).toBeLessThan(steps.length);
  });

  it('marks a shrunk lab in its title', () => {
    expect([...stepRemovals(lab)][0].title).toBe('t (shrunk)');
    expect([...stepRemovals([...stepRemovals(lab)][0])][0].title).toBe('t (shrunk)');
  });

  it('has nothing to offer for an empty lab', () => {
    expect([...stepRemovals({ steps: [] })]).toEqual([]);
  });
});

describe('minimizeLab', () => {
  it('deletes every step the failure does not need (1-minimal)', async () => {
    const needs = (l: LabDescription) => l.steps.some((s) => s.kind === 'ping') && l.steps.some((s) => s.kind === 'addr-add' && s.in === 'b');
    const m = await minimizeLab(lab, needs);
    expect(m.complete).toBe(true);
    expect(m.lab.steps.map((s) => s.kind)).toEqual(['addr-add', 'ping']);
  });

  it('stops when the budget runs out and returns the best lab so far', async () => {
    const m = await minimizeLab(lab, () => true, { maxRuns: 1 });
    expect(m.complete).toBe(false);
    expect(m.runs).toBe(1);
    expect(m.lab.steps.length).toBeLessThan(steps.length);
  });
});
