/**
 * The layers of DESIGN.md, checked: no file imports a layer its own may not import. The check
 * itself is tested on a made-up tree with one wrong import, so it cannot pass by seeing nothing.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, parseLayers, readSources, violations } from './import-graph.js';

const ROOT = path.join(import.meta.dirname, '../..');
const layers = parseLayers(fs.readFileSync(path.join(ROOT, 'DESIGN.md'), 'utf8'));

describe('layers', () => {
  it('every source file belongs to a layer of DESIGN.md', () => {
    const sources = readSources(ROOT, ['src', 'sim', 'adapters']);
    const lost = [...sources.keys()].filter((f) => !layers.some((l) => l.paths.some((p) => f === p || f.startsWith(`${p}/`))));
    expect(lost).toEqual([]);
  });

  it('no import goes against the arrows of DESIGN.md', () => {
    const v = violations(layers, readSources(ROOT, ['src', 'sim', 'adapters']));
    expect(v.map((x) => `${x.file} (${x.from}) imports ${x.imports} (${x.to})`)).toEqual([]);
  });

  it('the check finds a deliberately wrong import', () => {
    const tree = new Map([
      ['src/model/link.ts', "import { ping } from '../../sim/ping.js';\nexport const x = 1;\n"],
      ['src/model/ok.ts', "import type { Link } from './link.js';\n"],
      ['sim/ping.ts', "import { x } from '../src/model/link.js';\nconst later = () => import('../src/cli/main.js');\n"],
    ]);
    const v = violations(layers, tree);
    expect(v.map((x) => `${x.from} -> ${x.to}`).sort()).toEqual(['model -> sim', 'sim -> cli']);
  });

  it('reads static, re-exported and dynamic imports', () => {
    const text = "import a from './a.js';\nexport { b } from '../b.js';\nimport type { C } from './c/c.js';\nconst d = await import('./d.js');\nimport 'node:fs';\n";
    expect(importsOf('src/x/y.ts', text)).toEqual(['src/x/a.ts', 'src/b.ts', 'src/x/c/c.ts', 'src/x/d.ts']);
  });
});

describe('test/unit mirrors the source tree', () => {
  it('every folder of test/unit is a folder of the sources (src/X → test/unit/X, sim → test/unit/sim, adapters/linux → test/unit/adapters/linux, tools → test/unit/tools)', () => {
    const source = (rel: string): string[] => {
      const top = rel.split('/')[0];
      if (top === 'sim' || top === 'adapters' || top === 'tools') return [rel];
      return [`src/${rel}`];
    };
    const walk = (rel: string, out: string[]): string[] => {
      for (const e of fs.readdirSync(path.join(ROOT, 'test/unit', rel), { withFileTypes: true })) {
        if (!e.isDirectory()) continue;
        const r = rel ? `${rel}/${e.name}` : e.name;
        // data the tests read (goldens, fixtures, kernel records) sits beside them
        if (/^(golden|observed|fixtures|kernel-golden)$/.test(e.name)) continue;
        out.push(r);
        walk(r, out);
      }
      return out;
    };
    const strays = walk('', []).filter((d) => !source(d).some((s) => fs.existsSync(path.join(ROOT, s))));
    expect(strays).toEqual([]);
  });
});
