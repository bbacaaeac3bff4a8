/**
 * A namespace that reaches another's address through a gateway while the other has no route
 * back to any of its addresses: requests leave, replies have nowhere to go. One finding per
 * namespace, at its first such destination.
 */
import { ip4ToString } from '../model/ip.js';
import { fibLookup } from '../model/fib-lookup.js';
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const noReturnRoute: LintRule = {
  id: 'no-return-route',
  description: 'a route towards a network that has no route back',
  check({ model, steps }) {
    const out: Finding[] = [];
    const owner = new Map<number, (typeof nss)[number]>();
    const nss = model.namespaces();
    for (const ns of nss) for (const l of ns.linkList()) for (const a of l.addrs) if (l.kind !== 'loopback') owner.set(a.local, ns);
    for (const ns of nss) {
      const srcs = ns.linkList().flatMap((l) => (l.kind === 'loopback' ? [] : l.addrs.filter((a) => !a.secondary).map((a) => a.local)));
      if (!srcs.length) continue;
      for (const [addr, dstNs] of owner) {
        if (dstNs === ns) continue;
        const there = fibLookup(ns, { dst: addr });
        if (there.kind !== 'route' || there.route.gateway === null) continue;
        const back = srcs.some((s) => fibLookup(dstNs, { dst: s }).kind === 'route');
        if (back) continue;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...at(steps, ns.host.name, ['via', ip4ToString(there.route.gateway)]),
          host: ns.host.name,
          message: `${ns.path} has a route to ${ip4ToString(addr)} (${dstNs.path}), but ${dstNs.path} has no route back to ${srcs.map(ip4ToString).join(' or ')}`,
          fix: `add a route in ${dstNs.path} back to ${ns.path}'s network (or a default route)`,
        });
        break;
      }
    }
    return out;
  },
};
