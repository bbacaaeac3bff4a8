/**
 * A host's `setup: FILE`: a script beside the lab file. A lab file is something people share,
 * so by default its setup paths stay inside the lab file's folder: an absolute path, `..` out
 * of it, or a symbolic link that leads out is refused (`--allow-outside` lifts this). Wherever
 * it is, a setup script must be a regular text file of bounded size (src/files/read-text.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FileRefused, readTextFile } from '../files/read-text.js';

/**
 * A setup path refused; the message names the path as the lab file gives it and why, never
 * the file's content.
 */
export class SetupRefused extends Error {}

/**
 * How a lab file's setup scripts are read.
 *
 * @example loadLabFile('/labs/x/lab.yaml', { allowOutside: true })
 */
export interface SetupFileOptions {
  /** accept setup paths outside the lab file's folder (absolute, `..`, symbolic links out) */
  allowOutside?: boolean;
}

/** Whether `inner` (a real path) is `outer` or below it. */
function inside(outer: string, inner: string): boolean {
  const rel = path.relative(outer, inner);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

/**
 * The text of the setup script `name` of the lab file `labFile`, and the path to show for it
 * (relative to the working folder). Throws SetupRefused.
 *
 * @example
 * readSetupFile('examples/seed/lab.yaml', 'node1.sh').file; // 'examples/seed/node1.sh'
 */
export function readSetupFile(labFile: string, name: string, opts: SetupFileOptions = {}): { file: string; text: string } {
  const refuse = (why: string): never => {
    throw new SetupRefused(`setup script ${JSON.stringify(name)} ${why}`);
  };
  const lift = " (setup paths stay inside the lab file's folder; --allow-outside lifts this)";
  if (name.trim() === '') refuse('is empty');
  if (name.includes('\0')) refuse('contains a NUL byte');
  if (!opts.allowOutside && path.isAbsolute(name)) refuse(`is an absolute path${lift}`);
  const folder = path.dirname(path.resolve(labFile));
  const wanted = path.resolve(folder, name);
  let real: string;
  try {
    real = fs.realpathSync(wanted);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!opts.allowOutside && !inside(folder, wanted)) refuse(`is outside the lab file's folder${lift}`);
    return refuse(code === 'ENOENT' ? 'does not exist (paths are relative to the lab file)' : `cannot be read (${code ?? 'error'})`);
  }
  if (!opts.allowOutside && !inside(fs.realpathSync(folder), real)) {
    refuse(inside(folder, wanted) ? `leads outside the lab file's folder through a symbolic link${lift}` : `is outside the lab file's folder${lift}`);
  }
  let text: string;
  try {
    text = readTextFile(real);
  } catch (e) {
    if (e instanceof FileRefused) throw new SetupRefused(`setup script ${JSON.stringify(name)}: ${e.reason}`);
    throw e;
  }
  return { file: path.relative(process.cwd(), wanted), text };
}
