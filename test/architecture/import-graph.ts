/**
 * The project's own import graph and the layer rules it must follow. The rules are read from
 * DESIGN.md's layer table (between `<!-- layers:begin -->` and `<!-- layers:end -->`), so the
 * picture a reader sees and the check that keeps the code to it are one text.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

export interface Layer {
  name: string;
  /** folders or files (relative to the repository root) that belong to it */
  paths: string[];
  /** the layers its files may import (besides its own) */
  mayImport: string[];
}

/** Parses the layer table: `| name | \`path\`, \`path\` | other, other |` rows. */
export function parseLayers(markdown: string): Layer[] {
  const m = /<!-- layers:begin -->([\s\S]*?)<!-- layers:end -->/.exec(markdown);
  if (!m) throw new Error('no layer table (<!-- layers:begin --> … <!-- layers:end -->)');
  const layers: Layer[] = [];
  for (const row of m[1]!.split('\n')) {
    const cells = row.split('|').map((c) => c.trim());
    if (cells.length < 5 || cells[1] === 'layer' || /^-+$/.test(cells[1] ?? '')) continue;
    const name = cells[1]!;
    const paths = [...cells[2]!.matchAll(/`([^`]+)`/g)].map((x) => x[1]!.replace(/\/$/, ''));
    const mayImport = cells[3] === '—' || cells[3] === '' ? [] : cells[3]!.split(',').map((s) => s.trim());
    layers.push({ name, paths, mayImport });
  }
  return layers;
}

/** The layer a file belongs to: the one with the longest path that holds it. */
export function layerOf(layers: Layer[], file: string): Layer | undefined {
  let best: Layer | undefined;
  let len = -1;
  for (const l of layers) {
    for (const p of l.paths) {
      if ((file === p || file.startsWith(`${p}/`)) && p.length > len) {
        best = l;
        len = p.length;
      }
    }
  }
  return best;
}

/** Every relative import (static, `export … from`, dynamic `import()`) of a TypeScript source, resolved to a repository path. */
export function importsOf(file: string, text: string): string[] {
  const info = ts.preProcessFile(text, true, true);
  const out: string[] = [];
  for (const f of info.importedFiles) {
    if (!f.fileName.startsWith('.')) continue;
    out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), f.fileName)).replace(/\.js$/, '.ts'));
  }
  return out;
}

export interface Violation {
  file: string;
  imports: string;
  from: string;
  to: string;
}

/** The imports that go against the rules, for a set of files given as path → text. */
export function violations(layers: Layer[], sources: Map<string, string>): Violation[] {
  const byName = new Map(layers.map((l) => [l.name, l]));
  for (const l of layers) for (const x of l.mayImport) if (!byName.has(x)) throw new Error(`layer ${l.name} may import unknown layer "${x}"`);
  const out: Violation[] = [];
  for (const [file, text] of sources) {
    const from = layerOf(layers, file);
    if (!from) continue;
    for (const target of importsOf(file, text)) {
      const to = layerOf(layers, target);
      if (!to || to === from || from.mayImport.includes(to.name)) continue;
      out.push({ file, imports: target, from: from.name, to: to.name });
    }
  }
  return out;
}

/** The TypeScript sources under the given folders of the repository, path → text. */
export function readSources(root: string, folders: string[]): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const p = `${rel}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.set(p, fs.readFileSync(path.join(root, p), 'utf8'));
    }
  };
  for (const f of folders) walk(f);
  return out;
}
