/**
 * Model invariants after every command of random labs: whatever a command does — succeed, be
 * refused, half-apply — the model stays sound (devices filed where they live, veth peers that
 * point back, masters in the same namespace, routes through present devices, no duplicate
 * names or addresses). A refused Op must leave nothing behind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { checkInvariants } from '../../src/model/invariants.js';
import { interpret } from '../../src/shell/interpreter.js';
import { execSim } from '../../src/twin/sim-executor.js';
import { lab } from '../../src/testing/arb-lab.js';
import { k8sCluster } from '../../src/testing/arb-k8s.js';
import { routeTables } from '../../src/testing/arb-route-table.js';
import { toScript } from '../../src/testing/to-script.js';
import type { LabDescription } from '../../src/testing/lab-description.js';

/** Runs the lab command by command; the first broken invariant, with the command that broke it. */
function firstBreak(l: LabDescription): string | null {
  const model = new Lab();
  const host = model.host('host');
  const gen = interpret(toScript(l), { file: '<lab>', host: 'host' });
  let r = gen.next();
  while (!r.done) {
    const outcome = execSim(host.host, r.value.invocation, model.sim);
    const broken = checkInvariants(model.model);
    if (broken.length) return `after line ${r.value.line} (${r.value.command}):\n  ${broken.join('\n  ')}`;
    r = gen.next(outcome);
  }
  return null;
}

describe('model invariants hold after every command', () => {
  it('random labs, mistakes included', () => {
    fc.assert(
      fc.property(lab({ shows: true }), (l) => {
        expect(firstBreak(l)).toBeNull();
      }),
      { numRuns: 300 },
    );
  });

  it('k8s clusters and route tables', () => {
    fc.assert(
      fc.property(fc.oneof(k8sCluster(), routeTables()), (l) => {
        expect(firstBreak(l)).toBeNull();
      }),
      { numRuns: 40 },
    );
  });

  it('labs with parts deleted (what shrinking makes of them)', () => {
    // a lab with random steps removed is the broken script a person half-pastes
    fc.assert(
      fc.property(lab(), fc.array(fc.nat(), { maxLength: 12 }), (l, cuts) => {
        const steps = l.steps.filter((_, i) => !cuts.some((c) => c % l.steps.length === i));
        expect(firstBreak({ ...l, steps })).toBeNull();
      }),
      { numRuns: 200 },
    );
  });
});
