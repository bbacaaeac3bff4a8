/**
 * Whole labs: a topology, its routes, what goes wrong, and the pings that end it, built into a
 * step list in a valid order. Shrinking works in two stages: first through the plan (fewer
 * segments, faults, pings, namespaces — each still a coherent lab), then by deleting steps
 * from the script itself, so a failing property ends on a short script that still runs.
 * Counterexamples print as the iproute2 script.
 */
import fc from 'fast-check';
import { fault } from './arb-fault.js';
import { ruleset } from './arb-netfilter.js';
import { ping, MAX_PINGS } from './arb-ping.js';
import { route, routingMode, type RoutingMode } from './arb-route.js';
import { topology, type TopologyOptions } from './arb-topology.js';
import { buildLab, type LabPlan } from './build-lab.js';
import type { LabDescription, NetnsStyle } from './lab-description.js';
import { stepRemovals } from './shrink-steps.js';
import { toScript } from './to-script.js';

/** What `arbitraries.lab()` may draw: sizes, and the opt-in link kinds (`macvlan`). */
export interface LabOptions extends TopologyOptions {
  /** the most faults a lab has (default 3); 0 or false for labs without deliberate mistakes */
  maxFaults?: number | false;
  /** the most extra routes, valid or not, beyond the computed ones (default 2) */
  maxRoutes?: number;
  /** pings at the end (default 1 … 6) */
  minPings?: number;
  maxPings?: number;
  /** force a routing mode (default: mostly computed) */
  routing?: RoutingMode;
  /** force a style (default: either) */
  style?: NetnsStyle;
  /** end with `ip route show` in every namespace (default false) */
  shows?: boolean;
  /** the most iptables rules and policies a lab writes before its pings (default 0: none) */
  rules?: number;
}

/**
 * The plan behind a lab (what `buildLab` turns into steps).
 *
 * @example fc.sample(labPlan(), 1)[0].topology.namespaces // 4
 */
export function labPlan(opts: LabOptions = {}): fc.Arbitrary<LabPlan> {
  const maxFaults = opts.maxFaults === false ? 0 : (opts.maxFaults ?? 3);
  const maxPings = Math.max(0, Math.min(MAX_PINGS, opts.maxPings ?? MAX_PINGS));
  const minPings = Math.max(0, Math.min(maxPings, opts.minPings ?? 1));
  return fc.record({
    topology: topology(opts),
    routing: opts.routing ? fc.constant(opts.routing) : routingMode(),
    routes: fc.array(route(), { maxLength: Math.max(0, opts.maxRoutes ?? 2) }),
    faults: fc.array(fault(), { maxLength: Math.max(0, maxFaults) }),
    pings: fc.array(ping(), { minLength: minPings, maxLength: maxPings }),
    style: opts.style ? fc.constant(opts.style) : fc.constantFrom<NetnsStyle>('dash-n', 'netns-exec'),
    shows: fc.constant(opts.shows ?? false),
    // drawn only when asked for, so labs without rules stay what they were for a seed
    rules: opts.rules ? ruleset(opts.rules) : fc.constant([]),
  });
}

/**
 * Gives a lab a `toString` for fast-check's reports: the script itself, ready to paste. The
 * method is not enumerable, so the lab stays plain data for JSON and `toEqual`.
 */
export function printable(lab: LabDescription): LabDescription {
  if (!Object.hasOwn(lab, fc.toStringMethod)) {
    Object.defineProperty(lab, fc.toStringMethod, { value: () => `\n${toScript(lab)}`, enumerable: false });
  }
  return lab;
}

function isLab(value: unknown): value is LabDescription {
  return typeof value === 'object' && value !== null && Array.isArray((value as LabDescription).steps);
}

interface LabContext<P> {
  plan: fc.Value<P>;
}

/** A lab arbitrary: plan shrinking first, then step deletion. */
class LabArbitrary<P> extends fc.Arbitrary<LabDescription> {
  constructor(
    private readonly plans: fc.Arbitrary<P>,
    private readonly build: (plan: P) => LabDescription,
  ) {
    super();
  }

  private wrap(plan: fc.Value<P>): fc.Value<LabDescription> {
    return new fc.Value(printable(this.build(plan.value_)), { plan } satisfies LabContext<P>);
  }

  generate(mrng: fc.Random, biasFactor: number | undefined): fc.Value<LabDescription> {
    return this.wrap(this.plans.generate(mrng, biasFactor));
  }

  canShrinkWithoutContext(value: unknown): value is LabDescription {
    return isLab(value);
  }

  shrink(value: LabDescription, context: unknown): fc.Stream<fc.Value<LabDescription>> {
    const ctx = context as LabContext<P> | undefined;
    const byPlan = ctx?.plan ? this.plans.shrink(ctx.plan.value_, ctx.plan.context).map((p) => this.wrap(p)) : fc.Stream.nil<fc.Value<LabDescription>>();
    const bySteps = fc.stream(stepRemovals(value)).map((l) => new fc.Value(printable(l), undefined));
    return byPlan.join(bySteps);
  }
}

/**
 * Random labs as iproute2 step lists: up to 8 namespaces (three or more in most), veth pairs
 * and bridges, addresses with their edge cases, routers, routes, deliberate mistakes, and up to
 * six pings, some answered and some not.
 *
 * @example
 * fc.assert(fc.property(lab(), (l) => {
 *   const steps = new Lab().host('host').sh(toScript(l));
 *   return steps.every((s) => s.supported);
 * }));
 */
export function lab(opts: LabOptions = {}): fc.Arbitrary<LabDescription> {
  return labArbitrary(labPlan(opts), (p) => buildLab(p));
}

/**
 * Labs built from plans: the plan shrinks first (each smaller plan built again), then steps are
 * deleted from the built lab, so counterexamples end short. Counterexamples print as scripts.
 *
 * @example labArbitrary(k8sShape(), k8sClusterLab)
 */
export function labArbitrary<P>(plans: fc.Arbitrary<P>, build: (plan: P) => LabDescription): fc.Arbitrary<LabDescription> {
  return new LabArbitrary(plans, build);
}
