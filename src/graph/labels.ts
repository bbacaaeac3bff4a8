/** The words on a diagram, shared by the Mermaid and DOT renderers so both say the same. */
import type { GraphHost, GraphIface, GraphNs } from './model-graph.js';

export function hostTitle(h: GraphHost): string {
  return h.infra ? 'machine room' : h.name;
}

export function nsTitle(ns: GraphNs, h: GraphHost): string {
  if (h.infra) return 'switches';
  const name = ns.name === null ? 'root netns' : `netns ${ns.name}`;
  return ns.forwarding ? `${name} ip_forward=1` : name;
}

/** An interface: name and kind, kind details, addresses, and its state unless it is up and fine. */
export function ifaceLines(i: GraphIface): string[] {
  const lines = [`${i.name} (${i.nic ? 'nic' : i.kind === 'loopback' ? 'lo' : i.kind})`];
  if (i.detail) lines.push(i.detail);
  lines.push(...i.addrs);
  if (i.state === 'DOWN' || i.state === 'LOWERLAYERDOWN') lines.push(`state ${i.state}`);
  return lines;
}
