/**
 * verify's intents with IPv6 destinations: an IPv6 address, or a namespace standing for its
 * first global IPv6 address (`family: 6`), judged with `ping -6` in the simulator (the kernel's
 * verdicts on the same file: test/real/verify.test.ts); the IPv6 half decided on its own
 * (forwarding is per family); and the entries verify refuses, with their words.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLabFile } from '../../../src/labfile/load.js';
import { parseIntentValues } from '../../../src/verify/intents.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';

const FIXTURES = join(import.meta.dirname, 'fixtures');

describe('verify over IPv6', () => {
  it('judges reach and isolated to IPv6 addresses and namespaces, IPv4 beside them', () => {
    const r = verifyLabSim(loadLabFile(join(FIXTURES, 'dual-stack.yaml')));
    expect(r.problems).toEqual([]);
    expect(r.verdicts.map((v) => [v.name, v.holds])).toEqual([
      ['reach h/S -> 10.0.2.2', true],
      ['reach h/S -> fd00:1::1', true],
      ['reach h/S -> fd00:2::1', true],
      ['isolated h/S -/-> fd00:2::2', true],
      ['isolated h/S -/-> h/B (IPv6)', true],
      ['reach h/R -> h/B (IPv6)', true],
      ['reach h/B -> fd00:1::2', false],
    ]);
    expect(r.verdicts[5]!.summary).toContain('fd00:2::2');
    // the silence is explained by the hop that dropped the request: R does not forward IPv6
    expect(r.verdicts[6]!.why.join('\n')).toMatch(/forwarding/);
  });

  it('refuses what it cannot use, with its reasons', () => {
    const bad = parseIntentValues([
      { reach: { from: 'h/A', to: 'fe80::1' } },
      { reach: { from: 'h/A', to: 'fd00::1::2' } },
      { reach: { from: 'h/A', to: 'h/B', family: 5 } },
      { reach: { from: 'h/A', to: '10.0.0.1', family: 6 } },
      { reach: { from: 'h/A', to: 'fd00::1', family: 4 } },
      { via: { from: 'h/A', to: 'fd00::1', through: ['h/R'] } },
    ]);
    expect(bad.intents).toEqual([]);
    expect(bad.problems.map((p) => p.message)).toEqual([
      'reach: "fe80::1" is not a global unicast address (a link-local one needs a device)',
      'reach: "fd00::1::2" is not a valid IPv6 address',
      'reach: "family" must be 4 or 6 (got 5)',
      'reach: "10.0.0.1" is an IPv4 address but "family" is 6',
      'reach: "fd00::1" is an IPv6 address but "family" is 4',
      'via: IPv6 destinations are not supported yet (reach and isolated take them)',
    ]);
  });

  it('a namespace without a global IPv6 address fails the intent, saying so', () => {
    const r = verifyLabSim(loadLabFile(join(FIXTURES, 'loop.yaml')));
    expect(r.problems).toEqual([]);
    const lab = loadLabFile(join(FIXTURES, 'loop.yaml'));
    const v = verifyLabSim({ ...lab, expect: [{ value: { reach: { from: 'h/S', to: 'h/B', family: 6 } }, line: 1 }] }).verdicts[0]!;
    expect(v).toMatchObject({ holds: false, summary: 'h/B has no global IPv6 address to send to' });
  });
});
