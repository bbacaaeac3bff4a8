/**
 * A port forward (DNAT in PREROUTING to another machine) behind a forward chain that drops by
 * policy and accepts only other traffic — typically `--ctstate RELATED,ESTABLISHED` and the
 * inside's way out, but nothing for the translated destination. The first packet of every
 * forwarded connection is dropped after its destination was rewritten, so the port forward never
 * works: a ping to the forwarded address gets no answer. (With no accept at all, forward-drop
 * already says so.) One finding per DNAT rule and chain.
 */
import { ifaceMatches, type NfRule } from '../model/netfilter/rule.js';
import { ip4ToString, inPrefix } from '../model/ip.js';
import { maskLen } from '../model/netfilter/rule.js';
import { saveRule } from '../programs/iptables/listing.js';
import { acceptsNew, acceptsOf, execIn, forwardDropChains, ruleLine } from './nf-rules.js';
import type { Finding, LintRule } from './rule.js';

/**
 * Whether accept `a` lets the first packet to `to` through: arriving by `dev` when the DNAT
 * names it, leaving by `outDev` (the link whose subnet holds `to`, when one does). A test this
 * cannot decide (an inverted address) counts as letting it through.
 */
function lets(a: NfRule, to: number, dev: string | null, outDev: string | null): boolean {
  const ip = a.ip;
  if (ip.srcInvert || ip.dstInvert) return true;
  // a source network is the inside's: a port forward's clients are anyone
  if (ip.src.mask) return false;
  if (ip.dst.mask && !inPrefix(to, ip.dst.addr, maskLen(ip.dst.mask))) return false;
  if (ip.in && !ip.in.invert && (!dev || !ifaceMatches(ip.in.name, dev))) return false;
  if (ip.out && !ip.out.invert && outDev && !ifaceMatches(ip.out.name, outDev)) return false;
  return acceptsNew(a);
}

export const dnatNoForwardAccept: LintRule = {
  id: 'dnat-no-forward-accept',
  description: 'DNAT to another machine while the forward chain drops by policy without an accept for it',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf || !ns.all.forwarding) continue;
      const local = new Set<number>();
      for (const l of ns.linkList()) for (const a of l.addrs) local.add(a.local);
      const drops = forwardDropChains(nf.allTables());
      if (!drops.length) continue;
      for (const table of nf.allTables()) {
        if (table.owner !== 'iptables') continue;
        for (const chain of table.chains) {
          if (chain.base?.hook !== 'prerouting' || chain.base.type !== 'nat') continue;
          for (const r of chain.rules) {
            if (r.target.kind !== 'DNAT' || !r.target.range.mapIps) continue;
            const to = r.target.range.minAddr;
            if (local.has(to)) continue;
            const dev = r.ip.in && !r.ip.in.invert ? r.ip.in.name : null;
            const outDev = ns.linkList().find((l) => l.addrs.some((a) => inPrefix(to, a.local, a.prefixLen)))?.name ?? null;
            for (const d of drops) {
              const acc = acceptsOf(d.table, d.chain);
              if (!acc.length || acc.some((a) => lets(a, to, dev, outDev))) continue;
              const fwd = d.table.owner === 'iptables' ? 'FORWARD' : `${d.table.family} ${d.table.name} ${d.chain.name}`;
              const x = execIn(ns.name);
              out.push({
                rule: this.id,
                severity: 'warning',
                ...ruleLine(steps, ns.host.name, chain.name, r),
                host: ns.host.name,
                message: `${ns.path}: -A ${chain.name}${saveRule(r, false)} sends packets on to ${ip4ToString(to)}, but its ${fwd} chain drops by policy and accepts nothing for them: the forwarded connection's first packet is dropped`,
                fix:
                  d.table.owner === 'iptables'
                    ? `${x}iptables -A FORWARD${dev ? ` -i ${dev}` : ''} -d ${ip4ToString(to)} -m conntrack --ctstate DNAT -j ACCEPT`
                    : `${x}nft add rule ${d.table.family} ${d.table.name} ${d.chain.name} ip daddr ${ip4ToString(to)} ct status dnat accept`,
              });
            }
          }
        }
      }
    }
    return out;
  },
};
