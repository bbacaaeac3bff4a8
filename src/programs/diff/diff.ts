/**
 * GNU diff (diffutils 3.8) FILE1 FILE2 in its normal format — `3c3`, `< old`, `---`, `> new`,
 * `\ No newline at end of file` — and -q; the hunks are the ones diff chooses (analyze.ts).
 * Exit 0 same, 1 different, 2 trouble. The context and unified formats (which print the files'
 * times), whitespace and case options are not modelled.
 */
import { flagsAndOperands, readOperand, type TextIo, type TextResult } from '../text/tool.js';
import { analyze } from './analyze.js';

const TRY = "diff: Try 'diff --help' for more information.\n";

/** Lines with their newline, so that a last line without one differs from the same text with one. */
function splitLines(text: string): string[] {
  const out = text.split(/(?<=\n)/);
  return out[out.length - 1] === '' ? out.slice(0, -1) : out;
}

const range = (a: number, b: number): string => (a === b ? `${a}` : `${a},${b}`);

function show(prefix: string, line: string): string {
  return line.endsWith('\n') ? `${prefix}${line}` : `${prefix}${line}\n\\ No newline at end of file\n`;
}

export function diff(argv: string[], io: TextIo): TextResult {
  const p = flagsAndOperands('diff', argv, { '-q': 'brief', '--brief': 'brief', '--normal': 'normal' });
  if ('unsupported' in p) return { exit: 2, stdout: '', stderr: '', unsupported: p.unsupported };
  const brief = p.given.has('brief');
  const operands = p.operands;
  if (operands.length < 2) return { exit: 2, stdout: '', stderr: `diff: missing operand after '${operands[0] ?? 'diff'}'\n${TRY}` };
  if (operands.length > 2) return { exit: 2, stdout: '', stderr: `diff: extra operand '${operands[2]}'\n${TRY}` };
  const consumed = { stdin: false };
  const texts: string[] = [];
  for (const n of operands) {
    const r = readOperand('diff', n, io, consumed);
    if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 2, stdout: '', stderr: '', unsupported: `diff of ${n}` };
    if (r.text.includes('\0')) return { exit: 2, stdout: '', stderr: '', unsupported: 'diff of binary input' };
    texts.push(r.text);
  }
  if (texts[0] === texts[1]) return { exit: 0, stdout: '', stderr: '' };
  if (brief) return { exit: 1, stdout: `Files ${operands[0]} and ${operands[1]} differ\n`, stderr: '' };
  const a = splitLines(texts[0]!);
  const b = splitLines(texts[1]!);
  // the identical prefix and suffix are set aside before lines are compared (find_identical_ends)
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const [mid0, mid1] = analyze(a.slice(pre, a.length - suf), b.slice(pre, b.length - suf));
  const ch0 = (i: number): boolean => i >= pre && i < a.length - suf && mid0[i - pre]!;
  const ch1 = (i: number): boolean => i >= pre && i < b.length - suf && mid1[i - pre]!;
  let out = '';
  for (let i0 = 0, i1 = 0; i0 < a.length || i1 < b.length; i0++, i1++) {
    if (!ch0(i0) && !ch1(i1)) continue;
    const l0 = i0;
    const l1 = i1;
    while (ch0(i0)) i0++;
    while (ch1(i1)) i1++;
    const del = a.slice(l0, i0);
    const ins = b.slice(l1, i1);
    if (del.length && ins.length) out += `${range(l0 + 1, i0)}c${range(l1 + 1, i1)}\n`;
    else if (del.length) out += `${range(l0 + 1, i0)}d${l1}\n`;
    else out += `${l0}a${range(l1 + 1, i1)}\n`;
    out += del.map((l) => show('< ', l)).join('');
    if (del.length && ins.length) out += '---\n';
    out += ins.map((l) => show('> ', l)).join('');
  }
  return { exit: 1, stdout: out, stderr: '' };
}
