/**
 * parse ∘ render: the routes `ip -j route` prints for a model, written back as `ip route add`
 * commands into a model with the same links and addresses but none of the script's routes,
 * give the same `ip -j route` (main and local tables) in every namespace.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../src/lab.js';
import { lab } from '../../src/testing/arb-lab.js';
import { routeTables } from '../../src/testing/arb-route-table.js';
import { k8sCluster } from '../../src/testing/arb-k8s.js';
import { labNamespaces, type LabDescription } from '../../src/testing/lab-description.js';
import { toScript } from '../../src/testing/to-script.js';

interface JsonRoute {
  type?: string;
  dst: string;
  gateway?: string;
  dev?: string;
  protocol?: string;
  scope?: string;
  prefsrc?: string;
  metric?: number;
  flags?: string[];
}

/** Every namespace's main and local table, as `ip -j` prints them. */
function dump(l: Lab, namespaces: string[]): Record<string, { main: string; local: string }> {
  const out: Record<string, { main: string; local: string }> = {};
  for (const ns of ['', ...namespaces]) {
    const h = l.host('host');
    const handle = ns ? h.ns(ns) : h.ns();
    out[ns || 'host'] = { main: handle.render('ip -j route show').stdout, local: handle.render('ip -j route show table local').stdout };
  }
  return out;
}

/** `ip route add …` for one JSON route, with every field `ip -j` printed. */
function addCommand(r: JsonRoute): string {
  const w = ['ip', 'route', 'add'];
  if (r.type && r.type !== 'unicast') w.push(r.type);
  w.push(r.dst);
  if (r.gateway) w.push('via', r.gateway);
  if (r.dev) w.push('dev', r.dev);
  if (r.protocol) w.push('proto', r.protocol);
  if (r.scope) w.push('scope', r.scope);
  if (r.prefsrc) w.push('src', r.prefsrc);
  if (r.metric !== undefined) w.push('metric', String(r.metric));
  if (r.flags?.includes('onlink')) w.push('onlink');
  return w.join(' ');
}

/** The lab without its route steps: the same links, addresses and link states. */
function withoutRoutes(l: LabDescription): LabDescription {
  return { ...l, steps: l.steps.filter((s) => s.kind !== 'route-add' && s.kind !== 'ping' && s.kind !== 'show') };
}

function roundTrip(l: LabDescription): void {
  const namespaces = labNamespaces(l);
  const original = new Lab();
  original.host('host').sh(toScript(withPingsRemoved(l)));
  const before = dump(original, namespaces);

  const copy = new Lab();
  copy.host('host').sh(toScript(withoutRoutes(l)));
  for (const [ns, tables] of Object.entries(before)) {
    const routes = (JSON.parse(tables.main || '[]') as JsonRoute[]).filter((r) => r.protocol !== 'kernel');
    // device routes first: a later gateway may be on-link only through one of them
    routes.sort((a, b) => Number(!!a.gateway) - Number(!!b.gateway));
    const h = copy.host('host');
    const handle = ns === 'host' ? h.ns() : h.ns(ns);
    for (const r of routes) {
      const res = handle.render(addCommand(r));
      expect(res.stderr, `${ns}: ${addCommand(r)}`).toBe('');
    }
  }
  expect(dump(copy, namespaces)).toEqual(before);
}

/** Pings change no route; leaving them out keeps the test quick. */
function withPingsRemoved(l: LabDescription): LabDescription {
  return { ...l, steps: l.steps.filter((s) => s.kind !== 'ping' && s.kind !== 'show') };
}

describe('ip -j route of the model, re-applied, gives the same model', () => {
  it('random labs', () => {
    fc.assert(
      fc.property(lab({ maxRoutes: 4 }), (l) => {
        roundTrip(l);
      }),
      { numRuns: 300 },
    );
  });

  it('k8s clusters and route tables', () => {
    fc.assert(
      fc.property(fc.oneof(k8sCluster(), routeTables()), (l) => {
        roundTrip(l);
      }),
      { numRuns: 40 },
    );
  });
});
