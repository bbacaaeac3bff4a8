/**
 * A lab graph as a Mermaid flowchart: hosts and namespaces as nested subgraphs, interfaces as
 * nodes (bridges as hexagons, tunnel devices as stadiums), edges declared after every subgraph so
 * none pulls a node into the wrong cluster. Labels are entity-encoded, so an interface name can
 * hold any byte the kernel allows.
 *
 * @example
 * toMermaid(modelGraph(lab.model)); // "flowchart LR\n  subgraph H_node1[\"host node1\"]\n …"
 */
import { hostTitle, ifaceLines, nsTitle } from './labels.js';
import type { Graph, GraphEdge, GraphIface, GraphTrace } from './model-graph.js';

const HIGHLIGHT = 'stroke:#d62728,stroke-width:3px';

/** Renders the graph; with a trace, its nodes and edges are drawn in red. */
export function toMermaid(g: Graph, opts: { trace?: GraphTrace } = {}): string {
  const out: string[] = ['flowchart LR'];
  if (opts.trace) out.push(`  %% trace: ${oneLine(opts.trace.title)}`);
  for (const h of g.hosts) {
    out.push(`  subgraph ${h.id}["${text(hostTitle(h))}"]`);
    for (const ns of h.namespaces) {
      out.push(`    subgraph ${ns.id}["${text(nsTitle(ns, h))}"]`);
      for (const i of ns.ifaces) out.push(`      ${node(i)}`);
      out.push('    end');
    }
    out.push('  end');
  }
  for (const e of g.edges) out.push(`  ${edge(e)}`);
  const t = opts.trace;
  if (t) {
    const on = t.nodes.filter((n) => n !== t.drop);
    if (on.length) out.push(`  classDef trace ${HIGHLIGHT}`, `  class ${on.join(',')} trace`);
    if (t.drop) out.push(`  classDef drop ${HIGHLIGHT},stroke-dasharray:5 5`, `  class ${t.drop} drop`);
    if (t.edges.length) out.push(`  linkStyle ${t.edges.join(',')} ${HIGHLIGHT}`);
  }
  return `${out.join('\n')}\n`;
}

function node(i: GraphIface): string {
  const label = `"${ifaceLines(i).map(text).join('<br/>')}"`;
  if (i.kind === 'bridge') return `${i.id}{{${label}}}`;
  if (i.kind === 'vxlan' || i.kind === 'tun' || i.kind === 'tap') return `${i.id}([${label}])`;
  return `${i.id}[${label}]`;
}

function edge(e: GraphEdge): string {
  switch (e.kind) {
    case 'veth':
      return `${e.from} ---|${text(e.label ?? 'veth')}| ${e.to}`;
    case 'cable':
      return `${e.from} ===|${text(e.label ?? 'cable')}| ${e.to}`;
    case 'port':
      return `${e.from} --- ${e.to}`;
    case 'tunnel':
      return `${e.from} -.-|${text(e.label ?? 'tunnel')}| ${e.to}`;
  }
}

/** Mermaid label text: anything but plain characters becomes an entity (`#34;`). */
export function text(s: string): string {
  return s.replace(/[^A-Za-z0-9 ._/:,=()@+-]/g, (c) => `#${c.codePointAt(0)};`);
}

function oneLine(s: string): string {
  return s.replace(/[\r\n]+/g, ' ');
}
