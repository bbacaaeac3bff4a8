import { defineConfig } from 'tsup';

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
    clean: true,
    target: 'node20',
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
