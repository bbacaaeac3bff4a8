/**
 * The text tools by name: the one table both executors call (the simulator's and the kernel's),
 * so a pipeline's text work is the same code in both modes and never a real program.
 */
import type { TextTool } from '../../exec/text-tools.js';
import type { ScratchView } from '../../exec/scratch.js';
import type { Outcome } from '../../exec/outcome.js';
import type { TextToolFn } from './tool.js';
import { awk } from './awk.js';
import { basename } from './basename.js';
import { cat } from './cat.js';
import { cmp } from './cmp.js';
import { comm } from './comm.js';
import { diff } from '../diff/diff.js';
import { cut } from './cut.js';
import { dirname } from './dirname.js';
import { echo } from './echo.js';
import { falseTool } from './false.js';
import { grep } from './grep.js';
import { head } from './head.js';
import { jq } from '../jq/jq.js';
import { printf } from './printf.js';
import { sed } from './sed.js';
import { seq } from './seq.js';
import { sort } from './sort.js';
import { tail } from './tail.js';
import { tee } from './tee.js';
import { tr } from './tr.js';
import { trueTool } from './true.js';
import { uniq } from './uniq.js';
import { wc } from './wc.js';

export const TEXT_TOOL_TABLE: Readonly<Record<TextTool, TextToolFn>> = {
  grep: (argv, io) => grep(argv, io, 'G'),
  egrep: (argv, io) => grep(argv, io, 'E'),
  fgrep: (argv, io) => grep(argv, io, 'F'),
  awk,
  cut,
  head,
  tail,
  wc,
  sort,
  uniq,
  tr,
  sed,
  tee,
  seq,
  printf,
  echo,
  cat,
  true: trueTool,
  false: falseTool,
  basename,
  dirname,
  jq,
  cmp,
  comm,
  diff,
};

/**
 * Runs a text tool on its stdin and the run's scratch files: the outcome both executors give.
 *
 * @example runTextTool('grep', ['-c', 'veth'], 'veth0\nlo\n', files) // { exit: 0, stdout: '1\n', … }
 */
export function runTextTool(tool: TextTool, argv: string[], stdin: string, files: ScratchView): Outcome {
  const r = TEXT_TOOL_TABLE[tool](argv, { stdin, files });
  if (r.unsupported) return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${r.unsupported}\n`, supported: false };
  const o: Outcome = { exit: r.exit, stdout: r.stdout, stderr: r.stderr, supported: true };
  if (r.writes?.length) o.writes = r.writes;
  return o;
}
