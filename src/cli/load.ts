/** Reads what the CLI is given: a script, or (later) a lab file. */
import { readFileSync } from 'node:fs';

export interface LoadedScript {
  kind: 'script';
  file: string;
  text: string;
}

export function loadInput(file: string): LoadedScript {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  return { kind: 'script', file, text };
}
