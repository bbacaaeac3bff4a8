/**
 * Two interfaces of one namespace in overlapping subnets: both add a connected route for the
 * shared range and only one of them wins the lookup, so half the hosts behind the other are
 * unreachable.
 */
import { ip4ToString, maskOf } from '../model/ip.js';
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const overlappingSubnets: LintRule = {
  id: 'overlapping-subnets',
  description: 'two interfaces of one namespace in overlapping subnets',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nets: { dev: string; addr: number; len: number }[] = [];
      for (const l of ns.linkList()) for (const a of l.addrs) if (!a.secondary && l.kind !== 'loopback') nets.push({ dev: l.name, addr: a.local, len: a.prefixLen });
      for (let i = 0; i < nets.length; i++) {
        for (let j = i + 1; j < nets.length; j++) {
          const a = nets[i];
          const b = nets[j];
          if (a.dev === b.dev) continue;
          const len = Math.min(a.len, b.len);
          if (((a.addr ^ b.addr) & maskOf(len)) !== 0) continue;
          out.push({
            rule: this.id,
            severity: 'warning',
            ...at(steps, ns.host.name, [ip4ToString(b.addr)]),
            host: ns.host.name,
            message: `${ns.path}: ${a.dev} (${ip4ToString(a.addr)}/${a.len}) and ${b.dev} (${ip4ToString(b.addr)}/${b.len}) are in overlapping subnets; only one connected route can win`,
            fix: 'give each interface its own subnet, or put both ports on one bridge',
          });
        }
      }
    }
    return out;
  },
};
