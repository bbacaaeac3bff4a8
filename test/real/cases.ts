/**
 * Kernel-comparison cases: shell scripts kept as plain `.sh` files under `test/cases/<folder>/`,
 * one topic per file, so they can be read, run by hand (`sudo bash FILE` in a throwaway VM) and
 * fed to `nettwin run` as they are.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The repository root: case files are named relative to it, so reports are the same everywhere. */
export const projectRoot = path.resolve(here, '../..');

/** Where the case folders live. */
export const casesRoot = path.join(projectRoot, 'test/cases');

export interface Case {
  /** file name without `.sh`: the test's title */
  name: string;
  /** path relative to the repository root, e.g. `test/cases/spine/veth-pair-basic.sh` */
  file: string;
  text: string;
}

/**
 * The `.sh` files of one case folder, sorted by name, as paths relative to the repository root.
 *
 * @example caseFiles('spine') // ['test/cases/spine/addr-duplicate.sh', ...]
 */
export function caseFiles(folder: string): string[] {
  const dir = path.join(casesRoot, folder);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && e.name.endsWith('.sh'))
    .map((e) => e.name)
    .sort()
    .map((n) => path.relative(projectRoot, path.join(dir, n)));
}

/**
 * One script as a case; `file` is relative to the repository root (e.g. `examples/seed/node1.sh`).
 *
 * @example loadCase('examples/seed/node1.sh').name // 'node1'
 */
export function loadCase(file: string): Case {
  const text = fs.readFileSync(path.join(projectRoot, file), 'utf8');
  return { name: path.basename(file, '.sh'), file, text };
}

/**
 * Every case of a folder, read.
 *
 * @example for (const c of loadCases('spine')) it(c.name, ...)
 */
export function loadCases(folder: string): Case[] {
  return caseFiles(folder).map(loadCase);
}
