/**
 * `ip -batch FILE` / `ip -b -` (lib/utils.c do_batch, getcmdline, makeargs): one command per
 * line read from stdin, each run with the options given before -batch. A line's `#` starts a
 * comment (inside quotes too), a trailing `\` joins the next line, words split on blanks with
 * `'…'` or `"…"` kept whole. A failing command adds `Command failed -:N` (N: the line it ended
 * on) and stops the batch unless -force; the batch then exits 1. A command that exits ip
 * itself (a usage error, exit 255) ends the batch with that status.
 */
import { exitWith } from './args.js';

/** One command of a batch: its words and the number of the line it ended on. */
export interface BatchCommand {
  argv: string[];
  line: number;
}

/**
 * The commands of a batch, or makeargs' fatal error.
 *
 * @example
 * batchCommands('link add br0 type bridge # a bridge\n\nlink set br0 up\n');
 * // [{ argv: ['link', 'add', 'br0', 'type', 'bridge'], line: 1 }, { argv: ['link', 'set', 'br0', 'up'], line: 3 }]
 */
export function batchCommands(text: string): BatchCommand[] {
  const lines = text.split('\n');
  // a final newline ends the last line; it does not start another
  if (lines.at(-1) === '') lines.pop();
  const out: BatchCommand[] = [];
  for (let i = 0; i < lines.length; i++) {
    let line = uncomment(lines[i]!);
    while (line.endsWith('\\')) {
      if (i + 1 >= lines.length) exitWith('Missing continuation line\n', 1);
      line = line.slice(0, -1) + uncomment(lines[++i]!);
    }
    const argv = makeargs(line);
    if (argv.length) out.push({ argv, line: i + 1 });
  }
  return out;
}

function uncomment(line: string): string {
  const h = line.indexOf('#');
  return h >= 0 ? line.slice(0, h) : line;
}

/** makeargs: blank-separated words, a word opening with a quote running to the same quote. */
function makeargs(line: string): string[] {
  const out: string[] = [];
  const ws = /[ \t\r\n]/;
  let i = 0;
  while (i < line.length) {
    while (i < line.length && ws.test(line[i]!)) i++;
    if (i >= line.length) break;
    const c = line[i]!;
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) exitWith('Unterminated quoted string\n', 1);
      out.push(line.slice(i + 1, end));
      i = end;
    } else {
      let j = i;
      while (j < line.length && !ws.test(line[j]!)) j++;
      out.push(line.slice(i, j));
      i = j;
    }
    // the blank after a word, or its closing quote, is where it ends
    i++;
  }
  return out;
}
