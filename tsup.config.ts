import { defineConfig } from 'tsup';

// Two builds run side by side, so each cleans only its own folder: the library (ESM + CJS +
// types) everything in dist/ but dist/cli/, the CLI (ESM with a shebang) dist/cli/.
export default defineConfig([
  {
    entry: {
      'src/index': 'src/index.ts',
      'adapters/linux/index': 'adapters/linux/index.ts',
      'src/testing/index': 'src/testing/index.ts',
    },
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: ['!cli/**'],
    target: 'node20',
  },
  {
    entry: { main: 'src/cli/main.ts' },
    outDir: 'dist/cli',
    format: ['esm'],
    clean: true,
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
