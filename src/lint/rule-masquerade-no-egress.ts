/**
 * MASQUERADE (or SNAT) with `-o DEV` in a namespace where no packet can leave by DEV: no
 * interface has that name (a typo, or the name of the machine's interface in a lab whose uplink
 * is called otherwise), or no route sends anything out of it. The rule never matches, the
 * packets leave untranslated with their private source, and the replies find no way back: a
 * ping through the router gets no answer. One finding per rule.
 */
import { ifaceMatches, type NfRule } from '../model/netfilter/rule.js';
import { saveRule } from '../programs/iptables/listing.js';
import { execIn, ruleLine } from './nf-rules.js';
import type { Finding, LintRule } from './rule.js';

export const masqueradeNoEgress: LintRule = {
  id: 'masquerade-no-egress',
  description: 'MASQUERADE or SNAT on an interface no traffic leaves by',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf) continue;
      const links = ns.linkList();
      const routed = new Set<string>();
      for (const t of ns.tables.values()) for (const r of t.routes) if (r.type === 'unicast' && r.dev) routed.add(r.dev.name);
      for (const table of nf.allTables()) {
        if (table.owner !== 'iptables') continue;
        for (const chain of table.chains) {
          if (chain.base?.hook !== 'postrouting' || chain.base.type !== 'nat') continue;
          for (const r of chain.rules) {
            const o = r.ip.out;
            if ((r.target.kind !== 'MASQUERADE' && r.target.kind !== 'SNAT') || !o || o.invert || o.name === '+') continue;
            const named = links.filter((l) => ifaceMatches(o.name, l.name));
            if (named.some((l) => routed.has(l.name))) continue;
            const why = named.length ? `no route leaves by ${named.map((l) => l.name).join(', ')}` : `${ns.path} has no interface ${o.name}`;
            // the ways out: routed devices other than lo and the source network's own
            const src = r.ip.src.mask && !r.ip.srcInvert ? r.ip.src : null;
            const inside = (name: string) => !!src && !!links.find((l) => l.name === name)?.addrs.some((a) => (a.local & src.mask) >>> 0 === (src.addr & src.mask) >>> 0);
            const ways = [...routed].filter((d) => d !== 'lo' && !inside(d));
            out.push({
              rule: this.id,
              severity: 'warning',
              ...ruleLine(steps, ns.host.name, chain.name, r),
              host: ns.host.name,
              message: `${ns.path}: ${text(chain.name, r)} never matches: ${why}, so packets leave untranslated and their replies find no way back`,
              fix: ways.length
                ? `name the interface the traffic leaves by${ways.length > 1 ? ` (one of ${ways.join(', ')})` : ''}: ${execIn(ns.name)}iptables -t nat -R ${chain.name} ${chain.rules.indexOf(r) + 1}${saveRule({ ...r, ip: { ...r.ip, out: { name: ways[0]!, invert: false } } }, false)}`
                : `add the route the traffic leaves by, out of ${o.name}`,
            });
          }
        }
      }
    }
    return out;
  },
};

function text(chain: string, r: NfRule): string {
  return `-A ${chain}${saveRule(r, false)}`;
}
