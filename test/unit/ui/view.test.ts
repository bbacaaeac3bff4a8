import { describe, expect, it } from 'vitest';
import { type ReachDoc, reachChange } from '../../../src/ui/view.js';

const doc = (unreachable: [string, string][]): ReachDoc => ({
  sources: ['a', 'b'],
  destinations: ['10.0.0.1', '10.0.0.2'],
  pairs: 4,
  reachable: 4 - unreachable.length,
  unreachable: unreachable.map(([from, to]) => ({ from, to })),
});

describe('reachChange', () => {
  it('lists the pairs an edit gained and lost, by name', () => {
    const before = doc([
      ['a', '10.0.0.2'],
      ['b', '10.0.0.1'],
    ]);
    const after = doc([
      ['b', '10.0.0.1'],
      ['b', '10.0.0.2'],
    ]);
    expect(reachChange(before, after)).toEqual({ gained: [{ from: 'a', to: '10.0.0.2' }], lost: [{ from: 'b', to: '10.0.0.2' }] });
    expect(reachChange(after, after)).toEqual({ gained: [], lost: [] });
  });

  it('counts a new destination reachable as gained', () => {
    const after = { ...doc([]), destinations: ['10.0.0.1', '10.0.0.2', '10.0.0.3'], pairs: 6, reachable: 6 };
    expect(reachChange(doc([]), after).gained).toEqual([
      { from: 'a', to: '10.0.0.3' },
      { from: 'b', to: '10.0.0.3' },
    ]);
  });
});
