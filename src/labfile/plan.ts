/**
 * How a lab's wiring is built, in an order both modes follow, so every host sees the same
 * ifindexes and namespace ids: cables in file order (veth pairs created straight into the two
 * hosts), switches (a bridge in the machine room with one veth per NIC), then NICs left without
 * a cable (their far end waits, up, in the machine room). Then each host's NICs get their
 * addresses and are set up, host by host.
 */
import { ip4ToString } from '../model/ip.js';
import type { Endpoint, LabSpec } from './spec.js';

export type WiringStep = { kind: 'cable'; a: Endpoint; b: Endpoint } | { kind: 'switch'; bridge: string; ports: { end: Endpoint; port: string }[] } | { kind: 'stub'; end: Endpoint; far: string };

export function wiringPlan(spec: LabSpec): WiringStep[] {
  const plan: WiringStep[] = [];
  const linked = new Set<string>();
  let sw = 0;
  for (const l of spec.links) {
    for (const e of l) linked.add(`${e.host}:${e.ifname}`);
    if (l.length === 2) plan.push({ kind: 'cable', a: l[0], b: l[1] });
    else {
      const bridge = `sw${sw}`;
      plan.push({ kind: 'switch', bridge, ports: l.map((end, k) => ({ end, port: `sw${sw}p${k}` })) });
      sw++;
    }
  }
  let st = 0;
  for (const h of spec.hosts) {
    for (const n of h.nics) {
      if (!linked.has(`${h.name}:${n.name}`)) plan.push({ kind: 'stub', end: { host: h.name, ifname: n.name }, far: `stub${st++}` });
    }
  }
  return plan;
}

/** The iproute2 commands that configure a host's NICs, in order. */
export function nicCommands(spec: LabSpec, host: string): string[][] {
  const h = spec.hosts.find((x) => x.name === host)!;
  const out: string[][] = [];
  for (const n of h.nics) {
    for (const a of n.addrs) out.push(['ip', 'addr', 'add', `${ip4ToString(a.addr)}/${a.len}`, 'dev', n.name]);
    out.push(['ip', 'link', 'set', n.name, 'up']);
  }
  return out;
}
