/**
 * A gateway that is not on-link from the interface the route names (the seed's bridge address
 * outside its namespaces' subnet): the kernel refuses the route.
 */
import { inPrefix, ip4ToString, parseIp4 } from '../model/ip.js';
import type { Finding, LintRule } from './rule.js';

export const gatewayOfflink: LintRule = {
  id: 'gateway-not-onlink',
  description: 'a route whose gateway is not reachable directly from its interface',
  check({ steps, model }) {
    const out: Finding[] = [];
    for (const s of steps) {
      if (!s.stderr.includes('Nexthop has invalid gateway')) continue;
      const via = /\bvia\s+(\S+)/.exec(s.command)?.[1];
      const dev = /\bdev\s+(\S+)/.exec(s.command)?.[1];
      const nsName = /\bip\s+netns\s+exec\s+(\S+)/.exec(s.command)?.[1] ?? /\bip\s+-n(?:etns)?\s+(\S+)/.exec(s.command)?.[1];
      const host = model.hosts.get(s.host);
      const ns = nsName ? host?.namespaces.get(nsName) : host?.root;
      const link = dev ? ns?.linkByName(dev) : undefined;
      const gw = via ? parseIp4(via) : null;
      let detail = '';
      if (link && gw !== null) {
        const nets = link.addrs.map((a) => `${ip4ToString(a.local)}/${a.prefixLen}`);
        const onAny = link.addrs.some((a) => inPrefix(gw, a.local, a.prefixLen));
        detail = nets.length
          ? onAny
            ? ` (${dev} holds ${nets.join(', ')}, but was it up when the route was added?)`
            : ` (${dev} holds ${nets.join(', ')}; ${via} is outside)`
          : ` (${dev} has no IPv4 address)`;
      }
      out.push({
        rule: this.id,
        severity: 'error',
        file: s.file,
        line: s.line,
        host: s.host,
        message: `gateway ${via ?? '?'} is not on-link${dev ? ` from ${dev}` : ''}${detail}`,
        fix: "use a gateway inside the interface's subnet (e.g. give the bridge an address in the namespaces' subnet), or add `onlink` if the gateway really is on that link",
      });
    }
    return out;
  },
};
