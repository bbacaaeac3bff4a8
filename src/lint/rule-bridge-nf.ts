/**
 * br_netfilter and iptables disagreeing about bridged traffic, both ways:
 * - needed but off: FORWARD rules written for bridged traffic (`-m physdev`, or `-i br0 -o br0`)
 *   while net.bridge.bridge-nf-call-iptables is 0 in the namespace: frames between the bridge's
 *   ports never meet them, so a DROP there stops nothing;
 * - on and dropping: the switch is 1 (every new namespace's default) and a forward chain drops
 *   by policy (Docker's `iptables -P FORWARD DROP`) with no accept for the bridge: frames
 *   between two ports of the same bridge are dropped — two containers on one bridge stop
 *   pinging each other. One finding per namespace.
 */
import type { Link } from '../model/link.js';
import { bridgePorts } from '../model/link.js';
import { ifaceMatches, type Iface, type NfRule } from '../model/netfilter/rule.js';
import { saveRule } from '../programs/iptables/listing.js';
import { acceptsNew, acceptsOf, execIn, forwardDropChains, ruleLine } from './nf-rules.js';
import type { Finding, LintRule } from './rule.js';

const forBridge = (i: Iface | null, br: Link) => !i || (i.invert ? !ifaceMatches(i.name, br.name) : ifaceMatches(i.name, br.name));

/** Whether accept `a` lets a new flow between two ports of `br` through. */
function passesBridged(a: NfRule, br: Link): boolean {
  return forBridge(a.ip.in, br) && forBridge(a.ip.out, br) && !a.ip.src.mask && !a.ip.dst.mask && acceptsNew(a);
}

/** Whether a rule is written for frames crossing a bridge of the namespace. */
function aimsAtBridge(r: NfRule, bridges: Link[]): boolean {
  if (r.matches.some((m) => m.kind === 'physdev')) return true;
  const { in: i, out: o } = r.ip;
  return !!i && !!o && !i.invert && !o.invert && bridges.some((b) => i.name === b.name && o.name === b.name);
}

export const bridgeNf: LintRule = {
  id: 'bridge-nf',
  description: 'bridge-nf-call-iptables off under rules for bridged traffic, or on with a forward chain dropping it',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf) continue;
      const bridges = ns.linkList().filter((l) => l.kind === 'bridge' && bridgePorts(l).length >= 2);
      if (!bridges.length) continue;
      const x = execIn(ns.name);
      if (nf.bridge['bridge-nf-call-iptables'] === 0) {
        const aimed = nf
          .allTables()
          .filter((t) => t.owner === 'iptables')
          .flatMap((t) => t.chains.filter((c) => c.base?.hook === 'forward').flatMap((c) => c.rules.filter((r) => aimsAtBridge(r, bridges)).map((r) => ({ c, r }))));
        if (!aimed.length) continue;
        const { c, r } = aimed[0]!;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...ruleLine(steps, ns.host.name, c.name, r),
          host: ns.host.name,
          message: `${ns.path}: -A ${c.name}${saveRule(r, false)} is written for bridged traffic, but net.bridge.bridge-nf-call-iptables is 0: frames crossing ${bridges.map((b) => b.name).join(', ')} never meet it`,
          fix: `${x}sysctl -w net.bridge.bridge-nf-call-iptables=1`,
        });
        continue;
      }
      for (const d of forwardDropChains(nf.allTables())) {
        const acc = acceptsOf(d.table, d.chain);
        const blocked = bridges.filter((b) => !acc.some((a) => passesBridged(a, b)));
        if (!blocked.length) continue;
        const xt = d.table.owner === 'iptables';
        const br = blocked[0]!.name;
        out.push({
          rule: this.id,
          severity: 'warning',
          ...(xt ? ruleLineOfPolicy(steps, ns.host.name) : { file: '', line: 0 }),
          host: ns.host.name,
          message: `${ns.path}: net.bridge.bridge-nf-call-iptables is 1, so frames between the ports of ${blocked.map((b) => b.name).join(', ')} cross the ${xt ? 'FORWARD' : `${d.table.family} ${d.table.name} ${d.chain.name}`} chain, which drops by policy and accepts nothing for them: the bridge's ports cannot reach each other`,
          fix: xt ? `${x}iptables -A FORWARD -i ${br} -o ${br} -j ACCEPT` : `${x}nft add rule ${d.table.family} ${d.table.name} ${d.chain.name} iifname ${br} oifname ${br} accept`,
        });
      }
    }
    return out;
  },
};

function ruleLineOfPolicy(steps: Parameters<typeof ruleLine>[0], host: string): { file: string; line: number } {
  const s = steps.find((s) => s.host === host && s.exit === 0 && /(?:^|\s)-P\s+FORWARD\s+DROP(?:\s|$)/.test(s.command));
  return { file: s?.file ?? '', line: s?.line ?? 0 };
}
