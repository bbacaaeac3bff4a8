import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { k8sCluster, k8sClusterLab, k8sPods, k8sShape } from '../../../src/testing/arb-k8s.js';
import { routeTableLab, routeTables } from '../../../src/testing/arb-route-table.js';
import { labNamespaces } from '../../../src/testing/lab-description.js';
import { simulate } from '../../../src/testing/simulate.js';

const loops = (l: Parameters<typeof simulate>[0]) => simulate(l).steps.some((s) => /Time to live exceeded/.test(s.stdout));

describe('k8s clusters', () => {
  it('fit in eight namespaces', () => {
    fc.assert(fc.property(k8sShape(), (s) => s.nodes * (s.podsPerNode + 1) <= 8));
  });

  it('every pod reaches every other pod, for every shape', () => {
    fc.assert(
      fc.property(k8sCluster(), (lab) => {
        const run = simulate(lab);
        expect(run.steps.filter((s) => s.exit !== 0 && !s.ping)).toEqual([]);
        expect(run.pings.filter((p) => !p.answered).map((p) => `${p.from} -> ${p.to}`)).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('pings every ordered pair of pods', () => {
    const shape = { nodes: 2, podsPerNode: 3 };
    const lab = k8sClusterLab(shape);
    expect(lab.steps.filter((s) => s.kind === 'ping')).toHaveLength(6 * 5);
    expect(labNamespaces(lab)).toHaveLength(8);
    expect(k8sPods(shape).map((p) => p.address)).toEqual(['10.244.1.2', '10.244.1.3', '10.244.1.4', '10.244.2.2', '10.244.2.3', '10.244.2.4']);
  });
});

describe('route tables', () => {
  it('routes along the line reach the service without a loop', () => {
    const lab = routeTableLab({ routers: 4, ring: false, hops: ['right', 'right', 'right', 'none'], defaults: [false, true, false, false] });
    const run = simulate(lab);
    expect(run.pings.map((p) => p.answered)).toEqual([true]);
  });

  it('a router pointing back makes a loop the pings see', () => {
    const lab = routeTableLab({ routers: 3, ring: false, hops: ['right', 'left', 'none'], defaults: [false, false, false] });
    expect(loops(lab)).toBe(true);
  });

  it('random tables do loop, and the property shrinks to a small loop', () => {
    const out = fc.check(
      fc.property(routeTables(), (lab) => !loops(lab)),
      { seed: 42 },
    );
    expect(out.failed).toBe(true);
    const lab = out.counterexample![0];
    expect(loops(lab)).toBe(true);
    // a loop needs two routers sending the prefix to each other, and a third that owns it
    expect(labNamespaces(lab).filter((n) => n.startsWith('r')).length).toBeLessThanOrEqual(3);
    expect(lab.steps.length).toBeLessThanOrEqual(30);
  });
});
