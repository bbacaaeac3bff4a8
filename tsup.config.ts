import { defineConfig } from 'tsup';

// Two builds run side by side, so each cleans only its own folder: the library (ESM + CJS)
// everything in dist/ but dist/cli/, the CLI (ESM with a shebang) dist/cli/. Declarations are
// not built here: `npm run build:types` (tsc, then one rollup of the .d.ts files) does that in
// a few seconds where tsup's own dts build type-checks the whole program again. No source maps:
// they made most of the published package, and nobody steps through dist/ (tests run sources).
export default defineConfig([
  {
    entry: {
      'src/index': 'src/index.ts',
      'adapters/linux/index': 'adapters/linux/index.ts',
      'src/testing/index': 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    // the three entries share most of the program: CJS shares it in chunks as ESM does (it was
    // bundled once per entry, over 8 MB unpacked)
    splitting: true,
    dts: false,
    sourcemap: false,
    clean: ['!cli/**'],
    target: 'node20',
  },
  {
    entry: { main: 'src/cli/main.ts' },
    outDir: 'dist/cli',
    // the web view's page (script, style, markup) is read at run time beside the bundle
    publicDir: 'src/ui/page',
    format: ['esm'],
    clean: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
