/**
 * Dual-stack labs: every IPv4 line of a lab description gets its IPv6 twin in the ULA prefix
 * fd00::/96 holding the IPv4 address in its last 32 bits (`10.0.1.2/24` → `fd00::a00:102/120`):
 * addresses (with or without `nodad`), routes (`default` → `::/0`), gateways, forwarding
 * (`net.ipv4.ip_forward` → `net.ipv6.conf.all.forwarding`) and pings. The IPv4 lab is kept
 * whole, so one lab answers both families, and the IPv6 half meets the same mistakes (a typo
 * stays a typo in both: an address IPv4 cannot read gets no twin).
 */
import { parseIp4 } from '../model/ip.js';
import { formatIp6 } from '../model/ipv6/ip6.js';
import fc from 'fast-check';
import { labArbitrary, labPlan, type LabOptions } from './arb-lab.js';
import { buildLab } from './build-lab.js';
import type { LabDescription, LabStep } from './lab-description.js';

/** The ULA prefix the IPv6 half of a dual-stack lab lives in. */
export const DUAL_STACK_PREFIX = 0xfd00n << 112n;

/** The IPv6 twin of an IPv4 address text (`a.b.c.d`), or null when IPv4 cannot read it. */
export function twin6(v4: string): string | null {
  if (!/^\d+\.\d+\.\d+\.\d+$/.test(v4)) return null;
  const a = parseIp4(v4);
  return a === null ? null : formatIp6(DUAL_STACK_PREFIX | BigInt(a >>> 0));
}

/** `A/L` → `A6/(96+L)`; `default` → `::/0`; null when there is no twin. */
function twinPrefix(text: string): string | null {
  if (text === 'default') return '::/0';
  const m = /^([^/]+)(?:\/(\d{1,2}))?$/.exec(text);
  if (!m) return null;
  const a = twin6(m[1]!);
  if (a === null) return null;
  const len = m[2] === undefined ? 32 : Number(m[2]);
  return len > 32 ? null : `${a}/${96 + len}`;
}

/** The IPv6 twin of one step, or null (a step of both families, or one IPv6 has no twin of). */
export function twinStep(step: LabStep, nodad: boolean): LabStep | null {
  switch (step.kind) {
    case 'addr-add': {
      const a = twinPrefix(step.address);
      return a === null ? null : { ...step, address: a, ...(nodad ? { nodad: true } : {}) };
    }
    case 'route-add': {
      const dst = twinPrefix(step.dst);
      const via = step.via === undefined ? undefined : twin6(step.via);
      if (dst === null || via === null) return null;
      return { ...step, dst, ...(via === undefined ? {} : { via }) };
    }
    case 'sysctl':
      return step.key === 'net.ipv4.ip_forward' ? { ...step, key: 'net.ipv6.conf.all.forwarding' } : null;
    case 'ping': {
      const to = twin6(step.to);
      return to === null ? null : { ...step, to };
    }
    default:
      return null;
  }
}

/**
 * The lab with its IPv6 twin lines, each right after the IPv4 line it mirrors (pings stay at
 * the end: the IPv6 pings after the IPv4 ones). `nodad`: the IPv6 addresses skip duplicate
 * address detection (default: they run it, as `ip addr add` does).
 *
 * @example
 * toScript(dualStack({ steps: [{ kind: 'addr-add', in: 'red', dev: 'v0', address: '10.0.0.1/24' }] }));
 * // … ip -n red addr add 10.0.0.1/24 dev v0
 * //   ip -n red addr add fd00::a00:1/120 dev v0
 */
export function dualStack(lab: LabDescription, opts: { nodad?: boolean } = {}): LabDescription {
  const steps: LabStep[] = [];
  const pings6: LabStep[] = [];
  for (const s of lab.steps) {
    const t = twinStep(s, opts.nodad === true);
    if (s.kind === 'ping') {
      steps.push(s);
      if (t) pings6.push(t);
      continue;
    }
    steps.push(s);
    if (t) steps.push(t);
  }
  // the IPv6 pings go after the last IPv4 one
  let last = steps.length;
  while (last > 0 && steps[last - 1]!.kind !== 'ping') last--;
  steps.splice(last, 0, ...pings6);
  return { ...lab, steps, title: `${lab.title ?? 'nettwin lab'} (dual stack)` };
}

/**
 * Random dual-stack labs: `arbitraries.lab`'s labs with their IPv6 twins, DAD on or off
 * (`nodad` forces it).
 *
 * @example fc.sample(dualStackLab({ maxNamespaces: 4 }), 1)
 */
export function dualStackLab(opts: LabOptions & { nodad?: boolean } = {}): fc.Arbitrary<LabDescription> {
  return labArbitrary(fc.tuple(labPlan(opts), fc.boolean()), ([p, nodad]) => dualStack(buildLab(p), { nodad: opts.nodad ?? nodad }));
}
