/**
 * NAT rules for traffic passing through a namespace whose ip_forward is 0: MASQUERADE or SNAT
 * in POSTROUTING for another network's packets, DNAT in PREROUTING, and the namespace drops
 * the packets they are written for before NAT sees them leave (it answers only for itself).
 * One finding per namespace.
 */
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const natNoForwarding: LintRule = {
  id: 'nat-no-forwarding',
  description: 'NAT rules for forwarded traffic in a namespace that does not forward',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf || ns.all.forwarding) continue;
      let kind: string | null = null;
      for (const t of nf.allTables())
        for (const c of t.chains) {
          if (c.base?.type !== 'nat') continue;
          for (const r of c.rules) {
            const k = r.target.kind;
            // DNAT at PREROUTING; MASQUERADE/SNAT only when the rule names a source network or an input device (without, it may be for the namespace's own packets)
            if (c.base.hook === 'prerouting' && k === 'DNAT') kind ??= 'DNAT';
            if (c.base.hook === 'postrouting' && (k === 'MASQUERADE' || k === 'SNAT') && (r.ip.src.mask || r.ip.in)) kind ??= k;
          }
        }
      if (!kind) continue;
      const exec = ns.name ? `ip netns exec ${ns.name} ` : '';
      out.push({
        rule: this.id,
        severity: 'warning',
        ...at(steps, ns.host.name, ['-j', kind]),
        host: ns.host.name,
        message: `${ns.path} has ${kind} rules for traffic passing through it, but forwarding is off (net.ipv4.ip_forward=0): those packets are dropped, never translated`,
        fix: `${exec}sysctl -w net.ipv4.ip_forward=1`,
      });
    }
    return out;
  },
};
