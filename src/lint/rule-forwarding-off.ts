/**
 * A namespace that other namespaces route through while its ip_forward is 0 (the default in a
 * new namespace): it answers for its own addresses but drops everything it should pass on.
 * One finding per such gateway namespace.
 */
import { inPrefix, ip4ToString } from '../model/ip.js';
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const forwardingOff: LintRule = {
  id: 'forwarding-off',
  description: 'a namespace used as a gateway that does not forward',
  check({ model, steps }) {
    const out: Finding[] = [];
    const reported = new Set<string>();
    const owner = new Map<number, { ns: (typeof nss)[number]; dev: string }>();
    const nss = model.namespaces();
    for (const ns of nss) for (const l of ns.linkList()) for (const a of l.addrs) owner.set(a.local, { ns, dev: l.name });
    for (const ns of nss) {
      for (const t of ns.tables.values()) {
        for (const r of t.routes) {
          if (r.gateway === null) continue;
          const gw = owner.get(r.gateway);
          if (!gw || gw.ns === ns) continue;
          const iface = gw.ns.linkByName(gw.dev);
          // The destination may be the gateway's own subnet: then it need not forward.
          const onlyLocal = gw.ns.linkList().some((l) => l.addrs.some((a) => inPrefix(r.dst, a.local, a.prefixLen) && r.dstLen >= a.prefixLen));
          if (onlyLocal || !iface || iface.conf.forwarding) continue;
          if (reported.has(gw.ns.path)) continue;
          reported.add(gw.ns.path);
          out.push({
            rule: this.id,
            severity: 'error',
            ...at(steps, ns.host.name, ['via', ip4ToString(r.gateway)]),
            host: ns.host.name,
            message: `${ns.path} routes through ${ip4ToString(r.gateway)} (${gw.ns.path}), which has forwarding off: packets to other networks are dropped there`,
            fix: `${gw.ns.name ? `ip netns exec ${gw.ns.name} ` : ''}sysctl -w net.ipv4.ip_forward=1`,
          });
        }
      }
    }
    return out;
  },
};
