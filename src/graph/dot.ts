/**
 * A lab graph in Graphviz DOT: hosts and namespaces as nested clusters, interfaces as boxes
 * (bridges as hexagons, tunnel devices rounded), cables thick, tunnels dashed.
 *
 * @example
 * toDot(modelGraph(lab.model)); // "graph nettwin {\n  rankdir=LR;\n …"  (dot -Tsvg draws it)
 */
import { hostTitle, ifaceLines, nsTitle } from './labels.js';
import type { Graph, GraphEdge, GraphIface, GraphTrace } from './model-graph.js';

const RED = '#d62728';

/** Renders the graph; with a trace, its nodes and edges are drawn in red. */
export function toDot(g: Graph, opts: { trace?: GraphTrace } = {}): string {
  const t = opts.trace;
  const on = new Set(t?.nodes ?? []);
  const onEdges = new Set(t?.edges ?? []);
  const out: string[] = ['graph nettwin {'];
  if (t) out.push(`  // trace: ${t.title.replace(/[\r\n]+/g, ' ')}`);
  out.push('  rankdir=LR;', '  node [shape=box, fontname="monospace", fontsize=10];', '  edge [fontname="monospace", fontsize=9];');
  for (const h of g.hosts) {
    out.push(`  subgraph cluster_${h.id} {`, `    label=${q(hostTitle(h))};`, '    style=bold;');
    for (const ns of h.namespaces) {
      out.push(`    subgraph cluster_${ns.id} {`, `      label=${q(nsTitle(ns, h))};`, '      style=rounded;');
      for (const i of ns.ifaces) out.push(`      ${i.id} [${nodeAttrs(i, on.has(i.id), t?.drop === i.id).join(', ')}];`);
      out.push('    }');
    }
    out.push('  }');
  }
  g.edges.forEach((e, k) => {
    const a = edgeAttrs(e, onEdges.has(k));
    out.push(`  ${e.from} -- ${e.to}${a.length ? ` [${a.join(', ')}]` : ''};`);
  });
  out.push('}');
  return `${out.join('\n')}\n`;
}

function nodeAttrs(i: GraphIface, lit: boolean, drop: boolean): string[] {
  const a = [`label=${q(ifaceLines(i).join('\n'))}`];
  if (i.kind === 'bridge') a.push('shape=hexagon');
  else if (i.kind === 'vxlan' || i.kind === 'tun' || i.kind === 'tap') a.push('style=rounded');
  if (lit) a.push(`color=${q(RED)}`, 'penwidth=3');
  if (drop) a.push('peripheries=2');
  return a;
}

function edgeAttrs(e: GraphEdge, lit: boolean): string[] {
  const a: string[] = [];
  if (e.label) a.push(`label=${q(e.label)}`);
  if (e.kind === 'tunnel') a.push('style=dashed');
  if (lit) a.push(`color=${q(RED)}`);
  if (lit || e.kind === 'cable') a.push(`penwidth=${e.kind === 'cable' ? (lit ? 5 : 3) : 3}`);
  return a;
}

/** A DOT quoted string; `\n` in the text becomes a centred line break. */
function q(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\r?\n/g, '\\n')}"`;
}
