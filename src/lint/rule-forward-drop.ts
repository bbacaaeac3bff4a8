/**
 * A forwarding namespace whose forward chain drops by policy (`iptables -P FORWARD DROP`, what
 * Docker sets) without rules to let the traffic through: with no accept at all, everything
 * forwarded is dropped; with accepts for one direction only (`-i A -o B -j ACCEPT`) and no
 * accept of established connections, the requests pass and their replies are dropped — a ping
 * through such a router gets no answer. One finding per chain.
 */
import { CT_STATE } from '../model/netfilter/match.js';
import type { NfRule } from '../model/netfilter/rule.js';
import type { Finding, LintRule } from './rule.js';
import { at } from './step-at.js';
import { acceptsOf } from './nf-rules.js';

/** Accepts packets of established connections (replies included), or everything. */
function passesReplies(r: NfRule): boolean {
  const ip = r.ip;
  const plain = !ip.src.mask && !ip.dst.mask && !ip.in && !ip.out && !ip.proto;
  if (plain && r.matches.length === 0) return true;
  return r.matches.some((m) => m.kind === 'conntrack' && m.state !== null && !m.state.invert && (m.state.mask & CT_STATE.ESTABLISHED) !== 0);
}

/** Whether another accept lets the reverse direction of `r` through (devices and addresses swapped), or `r` tests no direction. */
function hasReverse(r: NfRule, all: NfRule[]): boolean {
  const ip = r.ip;
  if (!ip.in && !ip.out && !ip.src.mask && !ip.dst.mask) return true;
  const same = (a: typeof ip.src, b: typeof ip.src) => a.mask === b.mask && a.addr === b.addr;
  return all.some((x) => x.ip.in?.name === ip.out?.name && x.ip.out?.name === ip.in?.name && same(x.ip.src, ip.dst) && same(x.ip.dst, ip.src));
}

export const forwardDrop: LintRule = {
  id: 'forward-drop',
  description: 'a forward chain dropping by policy without an accept for the forwarded traffic or its replies',
  check({ model, steps }) {
    const out: Finding[] = [];
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf || !ns.all.forwarding) continue;
      for (const table of nf.allTables()) {
        for (const chain of table.chains) {
          if (chain.base?.hook !== 'forward' || chain.base.type !== 'filter' || chain.policy !== 'DROP') continue;
          const acc = acceptsOf(table, chain);
          if (acc.some(passesReplies)) continue;
          const exec = ns.name ? `ip netns exec ${ns.name} ` : '';
          const xt = table.owner === 'iptables';
          const where = xt ? at(steps, ns.host.name, ['-P', 'FORWARD', 'DROP']) : at(steps, ns.host.name, [chain.name]);
          const name = xt ? 'FORWARD' : `${table.family} ${table.name} ${chain.name}`;
          const established = xt
            ? `${exec}iptables -I FORWARD -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT`
            : `${exec}nft insert rule ${table.family} ${table.name} ${chain.name} ct state established,related accept`;
          if (acc.length === 0) {
            out.push({
              rule: this.id,
              severity: 'warning',
              ...where,
              host: ns.host.name,
              message: `${ns.path} forwards (ip_forward=1) but its ${name} chain drops by policy and accepts nothing: every packet it should pass on is dropped`,
              fix: xt ? `${exec}iptables -A FORWARD -i IN -o OUT -j ACCEPT; ${established}` : `${established}; nft add rule … accept for the forwarded traffic`,
            });
          } else if (!acc.every((r) => hasReverse(r, acc))) {
            out.push({
              rule: this.id,
              severity: 'warning',
              ...where,
              host: ns.host.name,
              message: `${ns.path}'s ${name} chain drops by policy and accepts traffic one way only, with no accept for established connections: replies are dropped`,
              fix: established,
            });
          }
        }
      }
    }
    return out;
  },
};
