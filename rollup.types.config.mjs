// The package's declarations: tsc writes one .d.ts per source file into dist/.types (without
// type-checking: `npm test` does that), then this bundles them per entry point, once as .d.ts
// (import) and once as .d.cts (require), and removes dist/.types.
import { rmSync } from 'node:fs';
import { dts } from 'rollup-plugin-dts';

const input = {
  'src/index': 'dist/.types/src/index.d.ts',
  'adapters/linux/index': 'dist/.types/adapters/linux/index.d.ts',
  'src/testing/index': 'dist/.types/src/testing/index.d.ts',
};

// what an earlier build left: chunk names carry hashes, so they are not overwritten
rmSync('dist/types', { recursive: true, force: true });

const bundle = (ext, last) => ({
  input,
  output: { dir: 'dist', format: 'es', entryFileNames: `[name].${ext}`, chunkFileNames: (c) => `types/${c.name.replace(/\.d$/, '')}-[hash].${ext}` },
  plugins: [
    dts(),
    last && {
      name: 'remove-dist-types',
      closeBundle: () => rmSync('dist/.types', { recursive: true, force: true }),
    },
  ],
});

export default [bundle('d.ts', false), bundle('d.cts', true)];
