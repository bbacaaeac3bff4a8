/**
 * A structural check of the Mermaid flowcharts nettwin writes (no Mermaid parser is installed):
 * one header, balanced subgraphs, every id declared once and safe (a capital, then letters,
 * digits and `_`: no keyword, no `o`/`x` edge-head ambiguity), quoted labels without a raw
 * quote, edges and styles only about declared nodes. Returns the problems found.
 */
const ID = /^[A-Z][A-Za-z0-9_]*$/;

export function checkMermaid(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines[lines.length - 1] !== '') problems.push('no final newline');
  if (lines[0] !== 'flowchart LR') problems.push(`header is "${lines[0]}"`);
  const ids = new Set<string>();
  const nodes = new Set<string>();
  const declare = (id: string, n: number) => {
    if (!ID.test(id)) problems.push(`line ${n}: unsafe id "${id}"`);
    if (ids.has(id)) problems.push(`line ${n}: id "${id}" declared twice`);
    ids.add(id);
  };
  let depth = 0;
  let edges = 0;
  const refs: [string, number][] = [];
  const linkStyles: [number, number][] = [];
  lines.slice(1).forEach((raw, k) => {
    const n = k + 2;
    const line = raw.trim();
    if (line === '' || line.startsWith('%%')) return;
    let m: RegExpExecArray | null;
    if ((m = /^subgraph ([^[\s]+)\["([^"]*)"\]$/.exec(line))) {
      declare(m[1], n);
      depth++;
    } else if (line === 'end') {
      if (--depth < 0) problems.push(`line ${n}: "end" without a subgraph`);
    } else if ((m = /^([^[\]({\s]+)(\["[^"]*"\]|\(\["[^"]*"\]\)|\{\{"[^"]*"\}\})$/.exec(line))) {
      if (depth === 0) problems.push(`line ${n}: node outside any subgraph`);
      declare(m[1], n);
      nodes.add(m[1]);
    } else if ((m = /^(\S+) (---|===|-\.-)(?:\|([^|]*)\|)? (\S+)$/.exec(line))) {
      if (depth !== 0) problems.push(`line ${n}: edge inside a subgraph`);
      if (m[3] !== undefined && /["|]/.test(m[3])) problems.push(`line ${n}: raw quote or bar in an edge label`);
      refs.push([m[1], n], [m[4], n]);
      edges++;
    } else if ((m = /^classDef [a-z]+ [a-z-]+:[^,]+(,[a-z-]+:[^,]+)*$/.exec(line))) {
      // style classes
    } else if ((m = /^class (\S+) [a-z]+$/.exec(line))) {
      for (const id of m[1].split(',')) refs.push([id, n]);
    } else if ((m = /^linkStyle ([\d,]+) \S+$/.exec(line))) {
      for (const i of m[1].split(',')) linkStyles.push([Number(i), n]);
    } else {
      problems.push(`line ${n}: not understood: ${line}`);
    }
  });
  if (depth !== 0) problems.push(`${depth} subgraph(s) not closed`);
  for (const [id, n] of refs) if (!nodes.has(id)) problems.push(`line ${n}: "${id}" is not a declared node`);
  for (const [i, n] of linkStyles) if (i >= edges) problems.push(`line ${n}: linkStyle ${i} but only ${edges} edges`);
  return problems;
}

/** The same kind of check for DOT: balanced braces, node statements once, edges between declared nodes. */
export function checkDot(text: string): string[] {
  const problems: string[] = [];
  let depth = 0;
  const nodes = new Set<string>();
  const refs: [string, number][] = [];
  text.split('\n').forEach((raw, k) => {
    const n = k + 1;
    const line = raw.trim().replace(/"(?:[^"\\]|\\.)*"/g, '""');
    if (line.includes('"') && line.match(/"/g)!.length % 2) problems.push(`line ${n}: unbalanced quotes`);
    depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
    if (depth < 0) problems.push(`line ${n}: unbalanced braces`);
    let m: RegExpExecArray | null;
    if ((m = /^([A-Z][A-Za-z0-9_]*) \[.*\];$/.exec(line))) {
      if (nodes.has(m[1])) problems.push(`line ${n}: node ${m[1]} twice`);
      nodes.add(m[1]);
    } else if ((m = /^(\S+) -- (\S+?)(?: \[.*\])?;$/.exec(line))) {
      refs.push([m[1], n], [m[2], n]);
    }
  });
  if (depth !== 0) problems.push('unbalanced braces');
  for (const [id, n] of refs) if (!nodes.has(id)) problems.push(`line ${n}: edge to undeclared ${id}`);
  return problems;
}
