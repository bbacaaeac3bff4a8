/**
 * A DNAT (a port forward, a kube-proxy Service's endpoint chain) to an address of the lab and a
 * TCP or UDP port that no socket there listens on, once the script ran: every connection the
 * rule translates is refused (a RST, an ICMP port unreachable) by the machine it is sent to.
 * Only destinations inside the lab are judged, and only when the rule names the protocol and
 * one port (its own --to-destination port, or the single --dport it keeps); a lab with no
 * listener at all is not judged either (its services are started elsewhere, or later).
 */
import type { Ip4 } from '../model/ip.js';
import { ip4ToString } from '../model/ip.js';
import type { LabModel } from '../model/lab-model.js';
import type { Netns } from '../model/netns.js';
import type { NfRule } from '../model/netfilter/rule.js';
import { saveRule } from '../programs/iptables/listing.js';
import { tcpSocketsOf } from '../../sim/tcp.js';
import { udpSocketsOf } from '../../sim/udp.js';
import type { Step } from '../exec/step.js';
import { execIn } from './nf-rules.js';
import type { Finding, LintRule } from './rule.js';

const PROTO: Record<number, 'tcp' | 'udp'> = { 6: 'tcp', 17: 'udp' };

/** The port a DNAT sends to: its own, or the single destination port it matched and keeps. */
function portOf(r: NfRule, proto: 'tcp' | 'udp'): number | null {
  if (r.target.kind !== 'DNAT') return null;
  const range = r.target.range;
  if (range.protoSpecified) return range.minPort === range.maxPort ? range.minPort : null;
  for (const m of r.matches) if (m.kind === proto && !m.dportInvert && m.dport[0] === m.dport[1]) return m.dport[0];
  return null;
}

/**
 * The (last) successful command of `host` that added `r` to `chain`: its words hold the chain
 * and the rule's as iptables-save prints them, less the `-m tcp`/`-m udp` -p loads by itself.
 */
function lineOf(steps: Step[], host: string, chain: string, r: NfRule): { file: string; line: number } {
  const words = [
    chain,
    ...saveRule(r, false)
      .replace(/ -m (tcp|udp)\b/g, '')
      .trim()
      .split(/\s+/),
  ];
  let found: Step | undefined;
  for (const s of steps) {
    if (s.host !== host || s.exit !== 0) continue;
    const have = new Set(s.command.split(/\s+/));
    if (words.every((w) => have.has(w) || have.has(w.replace(/\/32$/, '')))) found = s;
  }
  return { file: found?.file ?? '', line: found?.line ?? 0 };
}

function ownerOf(lab: LabModel, a: Ip4): Netns | null {
  for (const ns of lab.namespaces()) for (const l of ns.linkList()) if (l.addrs.some((x) => x.local === a)) return ns;
  return null;
}

function listens(lab: LabModel, ns: Netns, a: Ip4, proto: 'tcp' | 'udp', port: number): boolean {
  if (proto === 'tcp') return tcpSocketsOf(lab)?.listenerFor(ns, a, port) != null;
  return (udpSocketsOf(lab)?.sockets(ns) ?? []).some((s) => s.port === port && (s.local === 0 || s.local === a));
}

function anyListener(lab: LabModel): boolean {
  const t = tcpSocketsOf(lab);
  const u = udpSocketsOf(lab);
  return lab.namespaces().some((ns) => (t?.listeners.get(ns)?.length ?? 0) > 0 || (u?.sockets(ns).length ?? 0) > 0);
}

export const portNoListener: LintRule = {
  id: 'port-no-listener',
  description: 'DNAT to a TCP/UDP port of the lab that nothing listens on',
  check({ model, steps }) {
    const out: Finding[] = [];
    if (!anyListener(model)) return out;
    for (const ns of model.namespaces()) {
      const nf = ns.nf;
      if (!nf) continue;
      for (const table of nf.allTables()) {
        if (table.owner !== 'iptables' || table.name !== 'nat') continue;
        for (const chain of table.chains) {
          for (const r of chain.rules) {
            const proto = PROTO[r.ip.proto];
            if (r.target.kind !== 'DNAT' || !proto || r.ip.protoInvert || !r.target.range.mapIps) continue;
            const to = r.target.range.minAddr;
            if (r.target.range.maxAddr !== to) continue;
            const port = portOf(r, proto);
            const owner = ownerOf(model, to);
            if (port === null || !owner || listens(model, owner, to, proto, port)) continue;
            const x = execIn(owner.name);
            out.push({
              rule: this.id,
              severity: 'warning',
              ...lineOf(steps, ns.host.name, chain.name, r),
              host: ns.host.name,
              message: `${ns.path}: -A ${chain.name}${saveRule(r, false)} sends ${proto.toUpperCase()} to ${ip4ToString(to)}:${port}, where nothing listens (${owner.path}): every connection it translates is refused`,
              fix: `start the service in ${owner.path} (e.g. ${x}nc -l${proto === 'udp' ? 'u' : ''}k ${port} &), or point the DNAT at the port it listens on`,
            });
          }
        }
      }
    }
    return out;
  },
};
