/**
 * The public corpus (test/cases/corpus/) against its kernel records: each script's header
 * names its source, author and changes; each has a record; and the simulator disagrees with
 * the record on exactly the lines pinned in known-disagreements.json (a fix or a new
 * disagreement both fail here until `npm run corpus -- --write` pins the new state). The same
 * comparison runs live against the kernel in test/real/corpus.test.ts, except for the scripts
 * whose kernel answers depend on timing (`# corpus: timing`), held to the record only here.
 */
import * as fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { compareWith, corpusCases, gapsOf, knownGaps, readRecord, recordPath } from '../corpus/corpus.js';

const cases = corpusCases();
const gaps = knownGaps();

describe('public corpus: simulator vs the kernel records', () => {
  it('holds at least 100 scripts, each pinned gap naming a script of the corpus', () => {
    expect(cases.length).toBeGreaterThanOrEqual(100);
    const files = new Set(cases.map((c) => c.file));
    expect(Object.keys(gaps).filter((f) => !files.has(f))).toEqual([]);
  });

  for (const c of cases)
    it(c.name, () => {
      expect(c.source, 'header: # source: URL').toMatch(/^https?:\/\//);
      expect(c.text).toMatch(/^# author: \S/m);
      expect(c.text).toMatch(/^# changes: \S/m);
      const rec = readRecord(c);
      expect(rec, `no kernel record: sudo npx tsx test/corpus/record.ts ${c.name}`).toBeDefined();
      expect(fs.existsSync(recordPath(c, 'trace')), 'no sbx trace').toBe(true);
      // the records were made on this machine's kernel: 6.18 without dummy, vlan, bond …
      const sim = new Lab({ kernel: KERNEL_PROFILES['ci-6.18'] }).host('host').sh(c.text, { file: c.file });
      expect(gapsOf(compareWith(sim, rec!))).toEqual(gaps[c.file] ?? []);
    });
});
