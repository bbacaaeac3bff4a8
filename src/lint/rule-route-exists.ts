/**
 * A route refused with "File exists" because an interface already claims the subnet (the seed's
 * node 1: its bridge holds 172.16.1.1/24, inside node 2's pod subnet, so the route to node 2's
 * pods collides with the bridge's connected route).
 */
import { inPrefix, ip4ToString, maskOf, parsePrefix } from '../model/ip.js';
import type { Finding, LintRule } from './rule.js';

export const routeExists: LintRule = {
  id: 'route-exists',
  description: 'a route that collides with a connected subnet',
  check({ steps, model }) {
    const out: Finding[] = [];
    for (const s of steps) {
      if (s.stderr !== 'RTNETLINK answers: File exists\n' || !/\broute\s+(?:add|a)\b/.test(s.command)) continue;
      const words = s.command.split(/\s+/);
      const at = words.findIndex((w) => w === 'add' || w === 'a');
      const p = parsePrefix(words[at + 1] ?? '');
      if (!p || p.keyword) continue;
      const nsName = /\bip\s+netns\s+exec\s+(\S+)/.exec(s.command)?.[1] ?? /\bip\s+-n(?:etns)?\s+(\S+)/.exec(s.command)?.[1];
      const host = model.hosts.get(s.host);
      const ns = nsName ? host?.namespaces.get(nsName) : host?.root;
      if (!ns) continue;
      for (const l of ns.linkList()) {
        const a = l.addrs.find((x) => x.prefixLen === p.len && ((x.local ^ p.addr) & maskOf(p.len)) === 0 && inPrefix(x.local, p.addr, p.len));
        if (!a) continue;
        out.push({
          rule: this.id,
          severity: 'error',
          file: s.file,
          line: s.line,
          host: s.host,
          message: `${ip4ToString(p.addr)}/${p.len} is already ${l.name}'s connected subnet (${l.name} holds ${ip4ToString(a.local)}/${a.prefixLen}): ${ns.path} believes those addresses are on ${l.name}`,
          fix: `give ${l.name} an address in its own subnet, then the route can be added`,
        });
        break;
      }
    }
    return out;
  },
};
