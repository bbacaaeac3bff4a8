/**
 * The endpoints behind a service address: every DNAT target a packet to `dst` port `port` can
 * meet in the lab's nat tables (PREROUTING and OUTPUT base chains, through the user chains
 * they jump to, as kube-proxy's KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-… chains lead). A rule
 * on the way counts as passable unless its destination, protocol or destination port rule the
 * packet out; the tests that pick among endpoints (statistic, source, interfaces, marks) are
 * taken as passable, so every endpoint a draw could choose is found.
 */
import type { Ip4 } from '../ip.js';
import type { LabModel } from '../lab-model.js';
import type { NfMatch, PortRange } from './match.js';
import type { NfRule } from './rule.js';
import type { NfChain, NfTable } from './table.js';

export interface DnatEndpoint {
  /** the namespace whose rule translates */
  ns: string;
  addr: Ip4;
  port: number;
}

const PROTO = { tcp: 6, udp: 17 } as const;

function inRange(p: number, r: PortRange): boolean {
  return p >= r[0] && p <= r[1];
}

/** Whether the extension can match a packet of `proto` to `port` (false only when it cannot). */
function matchPassable(m: NfMatch, proto: number, port: number): boolean {
  if (m.kind === 'tcp' || m.kind === 'udp') return (m.kind === 'tcp' ? 6 : 17) === proto && inRange(port, m.dport) !== m.dportInvert;
  if (m.kind === 'multiport' && m.dir === 'dst') return m.ports.some((r) => inRange(port, r)) !== m.invert;
  return true;
}

function rulePassable(r: NfRule, dst: Ip4, proto: number, port: number): boolean {
  const ip = r.ip;
  if (r.ip6 || r.family === 'ip6') return false;
  if (((dst & ip.dst.mask) >>> 0 === ip.dst.addr) === ip.dstInvert) return false;
  if (ip.proto && (ip.proto === proto) === ip.protoInvert) return false;
  return r.matches.every((m) => matchPassable(m, proto, port));
}

/**
 * Every DNAT endpoint of `dst`:`port` over `proto` in the lab, in the order of the tables and
 * rules, once each.
 *
 * @example
 * dnatEndpoints(lab.model, parseIp4('10.96.0.10')!, 'tcp', 80); // [{ ns: 'node1', addr: 0x0af40105, port: 8080 }, …]
 */
export function dnatEndpoints(model: LabModel, dst: Ip4, proto: 'tcp' | 'udp', port: number): DnatEndpoint[] {
  const out: DnatEndpoint[] = [];
  const seen = new Set<string>();
  const p = PROTO[proto];
  for (const ns of model.namespaces()) {
    const nf = ns.nf;
    if (!nf) continue;
    for (const t of nf.allTables()) {
      if (t.family !== 'ip' && t.family !== 'inet') continue;
      for (const ch of t.chains) {
        if (ch.base?.type !== 'nat' || (ch.base.hook !== 'prerouting' && ch.base.hook !== 'output')) continue;
        walk(t, ch, new Set(), (r) => {
          if (r.target.kind !== 'DNAT' || !r.target.range.mapIps) return;
          const range = r.target.range;
          const to = range.protoSpecified ? range.minPort : port;
          const e = { ns: ns.path, addr: range.minAddr, port: to };
          const k = `${e.ns} ${e.addr} ${e.port}`;
          if (!seen.has(k)) {
            seen.add(k);
            out.push(e);
          }
        });
      }
    }
  }
  return out;

  function walk(t: NfTable, ch: NfChain, path: Set<NfChain>, onRule: (r: NfRule) => void): void {
    if (path.has(ch)) return;
    path.add(ch);
    for (const r of ch.rules) {
      if (!rulePassable(r, dst, p, port)) continue;
      onRule(r);
      if (r.target.kind === 'jump') {
        const to = t.chains.find((c) => c.name === (r.target as { chain: string }).chain);
        if (to) walk(t, to, path, onRule);
      }
    }
    path.delete(ch);
  }
}
