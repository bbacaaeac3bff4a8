/**
 * A bridge left down at the end of the script: `ip link add … type bridge` creates it down,
 * and a down bridge forwards nothing between its ports, however up they are.
 */
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const bridgeDown: LintRule = {
  id: 'bridge-down',
  description: 'a bridge that is never brought up',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      for (const l of ns.linkList()) {
        if (l.kind !== 'bridge' || l.up) continue;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...at(steps, ns.host.name, [l.name, 'type', 'bridge']),
          host: ns.host.name,
          message: `${ns.path}: bridge ${l.name} is down: nothing crosses it`,
          fix: `ip link set ${l.name} up`,
        });
      }
    }
    return out;
  },
};
