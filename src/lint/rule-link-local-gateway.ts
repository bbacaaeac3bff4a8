/**
 * An IPv6 route through a link-local gateway that names no device: fe80::/64 is on every link,
 * so the kernel cannot tell which link the gateway is on and refuses the route ("Egress device
 * not specified"), and whatever needed it finds no route. One finding per refused route,
 * naming the namespace's links to choose from.
 */
import { isIp6LinkLocal, parseIp6 } from '../model/ipv6/ip6.js';
import type { Finding, LintRule } from './rule.js';

export const linkLocalGateway: LintRule = {
  id: 'link-local-gateway',
  description: 'an IPv6 route via a link-local gateway (fe80::…) without dev DEV',
  check({ steps, model }) {
    const out: Finding[] = [];
    for (const s of steps) {
      if (s.exit === 0 || !s.stderr.includes('Egress device not specified')) continue;
      const via = /\bvia\s+(?:inet6\s+)?(\S+)/.exec(s.command)?.[1];
      const gw = via ? parseIp6(via) : null;
      if (gw === null || !isIp6LinkLocal(gw)) continue;
      const nsName = /\bip\s+netns\s+exec\s+(\S+)/.exec(s.command)?.[1] ?? /\bip\s+(?:-\S+\s+)*-n(?:etns)?\s+(\S+)/.exec(s.command)?.[1];
      const host = model.hosts.get(s.host);
      const ns = nsName ? host?.namespaces.get(nsName) : host?.root;
      const links = (ns?.linkList() ?? []).filter((l) => l.kind !== 'loopback').map((l) => l.name);
      out.push({
        rule: this.id,
        severity: 'error',
        file: s.file,
        line: s.line,
        host: s.host,
        message: `the route via ${via} names no device: a link-local gateway is on every link's fe80::/64, so the kernel refused the route (Egress device not specified)`,
        fix: `add the link the router is on: … via ${via} dev ${links.length === 1 ? links[0]! : 'DEV'}${links.length > 1 ? ` (DEV one of ${links.join(', ')})` : ''}`,
      });
    }
    return out;
  },
};
