/**
 * A namespace's classes after route changes (sim/reach/intervals.ts): refining the old cut
 * with the changed prefixes' bounds gives a cut at least as fine as cutting again from the
 * namespace, so every class it has still lies within one class of the fresh cut.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../../src/lab.js';
import { Intervals } from '../../../../sim/reach/intervals.js';
import { prefixRange } from '../../../../sim/reach/changes.js';

describe('Intervals.refine', () => {
  it('is at least as fine as Intervals.of after random route edits', () => {
    const edit = fc.record({ del: fc.boolean(), a: fc.nat(255), b: fc.nat(255), len: fc.constantFrom(0, 8, 12, 16, 24, 31, 32) });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 20 }), (edits) => {
        const lab = new Lab();
        const h = lab.host('h');
        h.sh('ip link add v0 type veth peer name v1\nip link set v0 up\nip link set v1 up\nip addr add 10.0.0.1/24 dev v0');
        const ns = lab.model.netns('h')!;
        let iv = Intervals.of(ns);
        for (const e of edits) {
          const v = ns.version;
          const n = e.len === 0 ? 0 : ((0x0a000000 | (e.a << 16) | (e.b << 8)) & (-1 << (32 - e.len))) >>> 0;
          const p = `${n >>> 24}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}/${e.len}`;
          h.sh(e.del ? `ip route del ${p}` : `ip route add ${p} via 10.0.0.2`);
          const ranges = (ns.routeJournal.since(v) ?? []).map((x) => prefixRange(x.dst, x.dstLen));
          iv = iv.refine(ranges);
          const fresh = Intervals.of(ns);
          const have = new Set(iv.starts);
          for (const s of fresh.starts) expect(have.has(s)).toBe(true);
          expect([...iv.starts]).toEqual([...iv.starts].sort((x, y) => x - y));
        }
      }),
      { numRuns: 100, seed: 0x1717 },
    );
  });
});
