/** coreutils tee [-a] FILE…: stdin to stdout and to the run's scratch files (or /dev/null). */
import { classifyPath, type ScratchWrite } from '../../exec/scratch.js';
import { getopt, usageError, type TextIo, type TextResult } from './tool.js';

export function tee(argv: string[], io: TextIo): TextResult {
  const p = getopt('tee', argv, { flags: 'aip', long: { append: 'a', 'ignore-interrupts': 'i' } });
  if ('error' in p) return usageError('tee', p.error, 'Usage: tee [OPTION]... [FILE]...', 1);
  const append = p.opts.some((o) => o.name === 'a');
  const writes: ScratchWrite[] = [];
  let stdout = io.stdin;
  for (const f of p.operands) {
    const c = classifyPath(f);
    if (c.kind === 'null') continue;
    if (c.kind === 'stdout') {
      stdout += io.stdin;
      continue;
    }
    if (c.kind !== 'scratch') return { exit: 1, stdout: '', stderr: '', unsupported: `tee to ${f}` };
    writes.push({ path: c.path, text: io.stdin, append });
  }
  return { exit: 0, stdout, stderr: '', writes };
}
