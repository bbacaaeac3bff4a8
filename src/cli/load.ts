/**
 * Reads the script a subcommand is given, bounded like every input (src/files/read-text.ts):
 * a FIFO, a device or a directory is refused before it is opened, a file past the size or line
 * limit or a binary file is refused, and the message never quotes the file.
 */
import { FileRefused, readTextFile } from '../files/read-text.js';

export interface LoadedScript {
  kind: 'script';
  file: string;
  text: string;
}

/**
 * The script `file`, or an Error `cannot read FILE: why`.
 *
 * @example loadInput('examples/seed/node1.sh').text
 */
export function loadInput(file: string): LoadedScript {
  try {
    return { kind: 'script', file, text: readTextFile(file) };
  } catch (e) {
    if (e instanceof FileRefused) throw new Error(`cannot read ${file}: ${e.reason}`);
    throw e;
  }
}
