/**
 * A gateway that is not on-link from the interface the route names (the seed's bridge address
 * outside its namespaces' subnet): the kernel refuses the route — IPv4 with "Nexthop has
 * invalid gateway", IPv6 (a gateway neither link-local nor inside a prefix of the device)
 * with "No route to host".
 */
import { inPrefix, ip4ToString, parseIp4 } from '../model/ip.js';
import { formatIp6, ip6InPrefix, isIp6LinkLocal, parseIp6 } from '../model/ipv6/ip6.js';
import type { Link } from '../model/link.js';
import type { Finding, LintRule } from './rule.js';

/** An IPv6 route refused because its gateway is unreachable: `ip -6 route add|replace|append|change … via G`. */
function ipv6GatewayRefused(command: string, stderr: string): boolean {
  return stderr.includes('No route to host') && /\bip\b.*\s-6\b.*\sro?u?t?e?\s+(?:add|replace|append|change|prepend)\b.*\svia\s/.test(command);
}

/** Why G is not on-link from DEV, for IPv6: the device's global prefixes. */
function detail6(dev: string, link: Link, via: string): string {
  const gw = parseIp6(via);
  if (gw === null) return '';
  const nets = link.inet6.addrs.filter((a) => !isIp6LinkLocal(a.addr)).map((a) => `${formatIp6(a.addr)}/${a.prefixLen}`);
  if (!nets.length) return ` (${dev} has no IPv6 address but its link-local: use a link-local gateway fe80::… with dev ${dev})`;
  const onAny = link.inet6.addrs.some((a) => !isIp6LinkLocal(a.addr) && ip6InPrefix(gw, a.addr, a.prefixLen));
  return onAny ? ` (${dev} holds ${nets.join(', ')}, but was it up when the route was added?)` : ` (${dev} holds ${nets.join(', ')}; ${via} is outside)`;
}

export const gatewayOfflink: LintRule = {
  id: 'gateway-not-onlink',
  description: 'a route whose gateway is not reachable directly from its interface',
  check({ steps, model }) {
    const out: Finding[] = [];
    for (const s of steps) {
      const v6 = ipv6GatewayRefused(s.command, s.stderr);
      if (!v6 && !s.stderr.includes('Nexthop has invalid gateway')) continue;
      const via = /\bvia\s+(\S+)/.exec(s.command)?.[1];
      const dev = /\bdev\s+(\S+)/.exec(s.command)?.[1];
      const nsName = /\bip\s+netns\s+exec\s+(\S+)/.exec(s.command)?.[1] ?? /\bip\s+-n(?:etns)?\s+(\S+)/.exec(s.command)?.[1];
      const host = model.hosts.get(s.host);
      const ns = nsName ? host?.namespaces.get(nsName) : host?.root;
      const link = dev ? ns?.linkByName(dev) : undefined;
      const gw = via && !v6 ? parseIp4(via) : null;
      let detail = '';
      if (v6 && link && via) detail = detail6(dev!, link, via);
      else if (v6 && via) detail = ' (no device named: the kernel looks for a route to it, and a gateway must be on-link or link-local)';
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
        fix: v6
          ? "use the router's link-local address with its device (`via fe80::… dev DEV`) or a gateway inside one of the device's prefixes, or add `onlink` if it really is on that link"
          : "use a gateway inside the interface's subnet (e.g. give the bridge an address in the namespaces' subnet), or add `onlink` if the gateway really is on that link",
      });
    }
    return out;
  },
};
