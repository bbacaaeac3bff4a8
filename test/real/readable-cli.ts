/**
 * The CLI as one file with its dependencies inside, written to a folder of the caller's choice,
 * for tests that run nettwin as another user: that user may not be able to read the checkout
 * (a clone under /root, or in a `mktemp -d` folder, is mode 700), but can read this file.
 */
import * as path from 'node:path';
import { build } from 'tsup';
import { projectRoot } from './cases.js';

/** Bundles src/cli/main.ts into `dir/main.js` (readable by everyone) and returns its path. */
export async function readableCli(dir: string): Promise<string> {
  await build({
    config: false,
    entry: { main: path.join(projectRoot, 'src/cli/main.ts') },
    outDir: dir,
    format: ['esm'],
    platform: 'node',
    target: 'node20',
    noExternal: [/.*/],
    splitting: false,
    silent: true,
    // the CommonJS dependencies inside call require() for Node's own modules
    banner: { js: "import { createRequire as __nettwinRequire } from 'node:module';\nconst require = __nettwinRequire(import.meta.url);" },
  });
  return path.join(dir, 'main.js');
}
