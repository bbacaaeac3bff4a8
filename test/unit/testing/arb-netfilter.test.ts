/**
 * nettwin/testing's random rulesets: labs drawn with the `rules` option write iptables rules
 * and policies the simulator models (the kernel-agreement property is
 * test/real/random-labs.test.ts's third batch), and labs drawn without it write none.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { arbitraries } from '../../../src/testing/index.js';
import { sampleLabs } from '../../../src/testing/sample.js';
import { toScript } from '../../../src/testing/to-script.js';

const iptablesSteps = (script: string) =>
  new Lab()
    .host('host')
    .sh(script)
    .filter((s) => / iptables |^iptables /.test(s.command));

describe('random rulesets', () => {
  it('every rule of a drawn lab is modelled, and most are accepted', () => {
    let accepted = 0;
    let all = 0;
    fc.assert(
      fc.property(arbitraries.lab({ rules: 6, maxPings: 1 }), (l) => {
        const steps = iptablesSteps(toScript(l));
        for (const s of steps) {
          expect(s.supported, s.command).toBe(true);
          all++;
          if (s.exit === 0) accepted++;
        }
      }),
      { numRuns: 40, seed: 5 },
    );
    expect(all).toBeGreaterThan(40);
    expect(accepted / all).toBeGreaterThan(0.9);
  });

  it('a rule draws lab addresses, interfaces, icmp and conntrack tests', () => {
    const text = sampleLabs(9, 30, { rules: 6 }).map(toScript).join('\n');
    for (const w of [
      ' -s ',
      ' -d ',
      ' -i ',
      ' -o ',
      "'!' -s",
      '+ ',
      '--icmp-type echo-request',
      '--ctstate',
      '-j REJECT --reject-with',
      '-j MASQUERADE',
      '-j DNAT --to-destination',
      '-P FORWARD DROP',
      '-t nat -L -n -v -x',
    ])
      expect(text, w).toContain(w);
  });

  it('labs drawn without the option write no rule', () => {
    for (const l of sampleLabs(9, 30)) expect(l.steps.some((s) => s.kind === 'iptables')).toBe(false);
  });
});
