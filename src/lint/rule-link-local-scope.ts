/**
 * A ping to a link-local address (fe80::/10) that names no interface and gets no reply: the same
 * fe80::/64 is on every link, so without `%DEV` or `-I DEV` the kernel sends it out of whichever
 * link its route lookup finds first — not necessarily the one the address is on. One finding per
 * such ping, naming the namespace's links to choose from.
 */
import { isIp6LinkLocal, parseIp6 } from '../model/ipv6/ip6.js';
import type { Finding, LintRule } from './rule.js';

/** Whether ping's argv (after the program) names an interface: `-I DEV`, `-IDEV`, or `I` in a cluster of short options. */
function namesInterface(argv: readonly string[]): boolean {
  return argv.some((a) => /^-[^-]*I/.test(a));
}

export const linkLocalScope: LintRule = {
  id: 'link-local-scope',
  description: 'a ping to a link-local IPv6 address without %DEV or -I DEV',
  check({ steps, model }) {
    const out: Finding[] = [];
    for (const s of steps) {
      if (!s.ping || s.ping.received > 0 || s.ping.to.includes('%')) continue;
      const dst = parseIp6(s.ping.to);
      if (dst === null || !isIp6LinkLocal(dst)) continue;
      const words = s.command.split(/\s+/);
      const at = words.findIndex((w) => w === 'ping' || w === 'ping6');
      if (at < 0 || namesInterface(words.slice(at + 1))) continue;
      const links = (model.netns(s.ping.from)?.linkList() ?? []).filter((l) => l.kind !== 'loopback' && l.up).map((l) => l.name);
      const dev = links.length === 1 ? links[0]! : 'DEV';
      out.push({
        rule: this.id,
        severity: 'error',
        file: s.file,
        line: s.line,
        host: s.host,
        message: `${s.ping.to} is a link-local address and this ping names no interface: every link has fe80::/64, so the kernel sends it out of the first link its lookup finds, which did not reach it`,
        fix: `name the link the address is on: ping -6 ${s.ping.to}%${dev} (or -I ${dev})${links.length > 1 ? `, DEV one of ${links.join(', ')}` : ''}`,
      });
    }
    return out;
  },
};
