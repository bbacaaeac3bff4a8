/**
 * The layers below the simulator's top stay as the kernel has them: no runtime import cycle
 * among the files of sim/ and src/model/ (IP delivery finds ICMP and UDP in a protocol table,
 * the neighbour layer reaches ARP and ICMP through its ops, never by importing them), and the
 * model, the lowest layer, imports nothing from sim/. Type-only imports do not count: they are
 * erased and order nothing at run time.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

function tsFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(join(ROOT, dir), { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...tsFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** The files a file imports, each with whether the import is needed at run time. */
function imports(file: string): { to: string; runtime: boolean }[] {
  const src = ts.createSourceFile(file, readFileSync(join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest);
  const out: { to: string; runtime: boolean }[] = [];
  for (const s of src.statements) {
    let spec: ts.Expression | undefined;
    let runtime = true;
    if (ts.isImportDeclaration(s)) {
      spec = s.moduleSpecifier;
      const c = s.importClause;
      if (c) {
        const named = c.namedBindings && ts.isNamedImports(c.namedBindings) ? c.namedBindings.elements : null;
        runtime = !c.isTypeOnly && (!!c.name || !named || named.length === 0 || named.some((e) => !e.isTypeOnly));
      }
    } else if (ts.isExportDeclaration(s) && s.moduleSpecifier) {
      spec = s.moduleSpecifier;
      const named = s.exportClause && ts.isNamedExports(s.exportClause) ? s.exportClause.elements : null;
      runtime = !s.isTypeOnly && (!named || named.some((e) => !e.isTypeOnly));
    }
    if (!spec || !ts.isStringLiteral(spec) || !spec.text.startsWith('.')) continue;
    out.push({ to: relative(ROOT, resolve(ROOT, dirname(file), spec.text)).replace(/\.js$/, '.ts'), runtime });
  }
  return out;
}

/** The strongly connected components of more than one file (Tarjan). */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const on = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    on.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const c: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      on.delete(w);
      c.push(w);
    } while (w !== v);
    if (c.length > 1) out.push(c.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

describe('import layers of sim/ and src/model/', () => {
  const files = [...tsFiles('sim'), ...tsFiles('src/model')];

  it('have no runtime import cycle', () => {
    const graph = new Map<string, string[]>();
    for (const f of files)
      graph.set(
        f,
        imports(f)
          .filter((i) => i.runtime)
          .map((i) => i.to),
      );
    expect(files.length).toBeGreaterThan(50);
    expect(cycles(graph)).toEqual([]);
  });

  it('never import the simulator from the model', () => {
    const up = files
      .filter((f) => f.startsWith('src/model/'))
      .flatMap((f) =>
        imports(f)
          .filter((i) => i.to.startsWith('sim/'))
          .map((i) => `${f} -> ${i.to}`),
      );
    expect(up).toEqual([]);
  });

  it('the cycle finder finds a cycle, and only a real one', () => {
    const g = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a', 'd']],
      ['d', []],
    ]);
    expect(cycles(g)).toEqual([['a', 'b', 'c']]);
    g.set('c', ['d']);
    expect(cycles(g)).toEqual([]);
  });

  it('reads type-only imports as such', () => {
    // ip-input.ts takes Simulator as a type only; simulator.ts needs ip-input.ts at run time
    expect(imports('sim/ip-input.ts').find((i) => i.to === 'sim/simulator.ts')?.runtime).toBe(false);
    expect(imports('sim/simulator.ts').find((i) => i.to === 'sim/ip-input.ts')?.runtime).toBe(true);
  });
});
