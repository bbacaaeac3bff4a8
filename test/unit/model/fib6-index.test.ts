/**
 * fib6Add answers a plain add (no `excl`, no `replace`, not a multipath candidate) from the
 * table's per-device index instead of walking the leaf (a leaf such as fe80::/64 holds a route
 * per device). Random sequences of adds, replaces and removes must leave the same tables and
 * give the same answers as the walk it replaces, written out here as it was (a route with a
 * gateway joining those of its prefix and metric that have one, as siblings; a replace of one
 * of them taking all of them away). The siblings' rings are checked against the leaf: every
 * route with a gateway of a prefix and metric is in one ring with the others.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Fib6Table, fib6Add, qualifiesForEcmp, sameNexthop6, type Fib6AddFlags, type Route6 } from '../../../src/model/ipv6/fib6.js';
import type { Link } from '../../../src/model/link.js';

const DEVS = [{ name: 'a' }, { name: 'b' }, { name: 'c' }] as unknown as Link[];
const PREFIXES: [bigint, number][] = [
  [0xfe80n << 112n, 64],
  [0xffn << 120n, 8],
  [0x20010db8n << 96n, 64],
  [0x20010db8n << 96n, 48],
];

function route(p: number, metric: number, dev: number, gw: number | null, prefixRt: boolean): Route6 {
  const [dst, dstLen] = PREFIXES[p]!;
  return {
    table: 254,
    type: 'unicast',
    dst,
    dstLen,
    metric,
    protocol: 2,
    dev: DEVS[dev]!,
    gateway: gw === null ? null : (0xfe80n << 112n) | BigInt(gw + 1),
    prefsrc: null,
    expires: null,
    mtu: null,
    hoplimit: null,
    pref: 'medium',
    prefixRt,
    raDefault: false,
    onlink: false,
  };
}

/** The walk fib6Add did for every add, over a plain array kept as Fib6Table keeps `routes`. */
function reference(t: { routes: Route6[] }, probe: Fib6Table, r: Route6, f: Fib6AddFlags): string {
  const leaf = t.routes.filter((x) => x.dst === r.dst && x.dstLen === r.dstLen);
  const canEcmp = qualifiesForEcmp(r);
  let found: Route6 | null = null;
  let fallback: Route6 | null = null;
  for (const it of leaf) {
    if (it.metric === r.metric) {
      if (f.excl) return 'EEXIST';
      if (f.replace) {
        if (canEcmp === qualifiesForEcmp(it)) {
          found = it;
          break;
        }
        fallback ??= it;
        continue;
      }
      if (sameNexthop6(it, r)) return 'EEXIST';
    }
    if (it.metric > r.metric) break;
  }
  if (f.replace && !found && fallback) found = fallback;
  if (!f.replace || !found) {
    if (f.replace && !f.create) return 'ENOENT';
    // where Fib6Table.insert puts it: after everything that sorts before it or equal
    probe.routes.length = 0;
    probe.routes.push(...t.routes);
    probe.insert(r);
    t.routes = [...probe.routes];
    return 'added';
  }
  // fib6_add_rt2node: replacing an ECMP route removes all its siblings
  const siblings = qualifiesForEcmp(found) ? leaf.filter((x) => x !== found && x.metric === found!.metric && qualifiesForEcmp(x)) : [];
  const i = t.routes.indexOf(found);
  if (found.metric === r.metric) t.routes[i] = r;
  else {
    t.routes.splice(i, 1);
    probe.routes.length = 0;
    probe.routes.push(...t.routes);
    probe.insert(r);
    t.routes = [...probe.routes];
  }
  t.routes = t.routes.filter((x) => !siblings.includes(x));
  return 'replaced';
}

const op = fc.record({
  kind: fc.constantFrom('add', 'add', 'excl', 'replace', 'change', 'remove'),
  p: fc.nat(PREFIXES.length - 1),
  metric: fc.constantFrom(0, 256, 1024),
  dev: fc.nat(DEVS.length - 1),
  gw: fc.option(fc.nat(2)),
  prefixRt: fc.boolean(),
  pick: fc.nat(50),
});

describe('fib6Add with the per-device index', () => {
  it('leaves the tables and gives the answers the leaf walk gave', () => {
    fc.assert(
      fc.property(fc.array(op, { maxLength: 60 }), (ops) => {
        const t = new Fib6Table(254);
        const ref = { routes: [] as Route6[] };
        const probe = new Fib6Table(0);
        for (const o of ops) {
          if (o.kind === 'remove') {
            if (!t.routes.length) continue;
            const r = t.routes[o.pick % t.routes.length]!;
            t.remove(r);
            ref.routes.splice(ref.routes.indexOf(r), 1);
            continue;
          }
          const r = route(o.p, o.metric, o.dev, o.gw, o.prefixRt);
          const f: Fib6AddFlags = { excl: o.kind === 'excl', replace: o.kind === 'replace' || o.kind === 'change', create: o.kind === 'replace' };
          const got = fib6Add(t, r, f);
          const want = reference(ref, probe, r, f);
          expect('err' in got ? got.err : got.replaced ? 'replaced' : 'added').toBe(want);
          expect(t.routes).toEqual(ref.routes);
          for (let i = 0; i < t.routes.length; i++) expect(t.routes[i]).toBe(ref.routes[i]);
          // the index answers as a walk would
          for (const x of t.routes) expect(t.sameNexthop(x)).toBe(t.routes.find((y) => y.dst === x.dst && y.dstLen === x.dstLen && y.metric === x.metric && sameNexthop6(y, x)));
          // the siblings: the routes with a gateway of each prefix and metric, in one ring
          for (const x of t.routes) {
            const group = qualifiesForEcmp(x) ? t.routes.filter((y) => y.dst === x.dst && y.dstLen === x.dstLen && y.metric === x.metric && qualifiesForEcmp(y)) : [x];
            if (group.length < 2) expect(x.siblings).toBeUndefined();
            else expect(new Set(x.siblings)).toEqual(new Set(group));
          }
        }
      }),
      { numRuns: 300 },
    );
  });
});
