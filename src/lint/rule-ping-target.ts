/**
 * In a lab, pings to addresses no host of the lab has (the seed's step 14 pings the blog's
 * earlier addresses, 1.1.0.x and 2.1.0.x, which its own variables no longer use): one finding
 * per script, at its first such ping.
 */
import { ip4ToString, parseIp4 } from '../model/ip.js';
import type { Finding, LintRule } from './rule.js';

export const pingTarget: LintRule = {
  id: 'ping-target-unknown',
  description: 'pings to addresses no host of the lab has',
  check({ steps, model }) {
    if (model.hosts.size < 2) return [];
    const owned = new Set<number>();
    for (const ns of model.namespaces()) for (const l of ns.linkList()) for (const a of l.addrs) owned.add(a.local);
    const byFile = new Map<string, { first: (typeof steps)[number]; targets: string[] }>();
    for (const s of steps) {
      if (!s.ping) continue;
      const to = parseIp4(s.ping.to);
      if (to === null || owned.has(to) || to >>> 24 === 127) continue;
      const e = byFile.get(s.file) ?? { first: s, targets: [] };
      if (!e.targets.includes(ip4ToString(to))) e.targets.push(ip4ToString(to));
      byFile.set(s.file, e);
    }
    const out: Finding[] = [];
    for (const { first, targets } of byFile.values()) {
      out.push({
        rule: this.id,
        severity: 'warning',
        file: first.file,
        line: first.line,
        host: first.host,
        message: `this script pings ${targets.join(', ')}, which no host of this lab has`,
        fix: "ping the addresses the lab gives its namespaces (check the script's variables)",
      });
    }
    return out;
  },
};
