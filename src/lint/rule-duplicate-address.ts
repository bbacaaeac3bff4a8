/**
 * The same address on two interfaces of one L2 segment (two namespaces behind one bridge, or
 * the two ends of a veth): both answer ARP for it, and which one a peer reaches depends on
 * whose reply came last.
 */
import { ip4ToString } from '../model/ip.js';
import { l2Segments } from '../model/segments.js';
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';

export const duplicateAddress: LintRule = {
  id: 'duplicate-address',
  description: 'the same address twice on one L2 segment',
  check({ model, steps }) {
    const out: Finding[] = [];
    const seg = l2Segments(model);
    const seen = new Map<string, string>();
    for (const ns of model.namespaces()) {
      for (const l of ns.linkList()) {
        if (l.kind === 'loopback') continue;
        for (const a of l.addrs) {
          const key = `${seg.get(l)}:${a.local}`;
          const where = `${ns.path} ${l.name}`;
          const prev = seen.get(key);
          if (prev && prev !== where) {
            out.push({
              rule: this.id,
              severity: 'error',
              ...at(steps, ns.host.name, [ip4ToString(a.local)]),
              host: ns.host.name,
              message: `${ip4ToString(a.local)} is on ${prev} and on ${where}, in one L2 segment: ARP answers will fight`,
              fix: 'give one of them another address',
            });
          } else seen.set(key, where);
        }
      }
    }
    return out;
  },
};
