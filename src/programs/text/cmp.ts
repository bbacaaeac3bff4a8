/**
 * GNU cmp (diffutils 3.8, C locale: "char") FILE1 [FILE2]: the first differing byte and its line, or EOF on the
 * shorter file; -s says nothing. Exit 0 same, 1 different, 2 trouble. Other options (-l, -b,
 * -i, -n) are not modelled.
 */
import { flagsAndOperands, readOperand, type TextIo, type TextResult } from './tool.js';

const TRY = "cmp: Try 'cmp --help' for more information.\n";

export function cmp(argv: string[], io: TextIo): TextResult {
  const p = flagsAndOperands('cmp', argv, { '-s': 'silent', '--quiet': 'silent', '--silent': 'silent' });
  if ('unsupported' in p) return { exit: 2, stdout: '', stderr: '', unsupported: p.unsupported };
  const silent = p.given.has('silent');
  const operands = p.operands;
  if (operands.length === 0) return { exit: 2, stdout: '', stderr: `cmp: missing operand after 'cmp'\n${TRY}` };
  if (operands.length > 2) return { exit: 2, stdout: '', stderr: '', unsupported: 'cmp with skip operands' };
  const names = [operands[0]!, operands[1] ?? '-'];
  const consumed = { stdin: false };
  const texts: Buffer[] = [];
  for (const n of names) {
    const r = readOperand('cmp', n, io, consumed);
    if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 2, stdout: '', stderr: '', unsupported: `cmp of ${n}` };
    texts.push(Buffer.from(r.text));
  }
  const [a, b] = texts as [Buffer, Buffer];
  const common = Math.min(a.length, b.length);
  let at = 0;
  while (at < common && a[at] === b[at]) at++;
  if (at === common && a.length === b.length) return { exit: 0, stdout: '', stderr: '' };
  if (silent) return { exit: 1, stdout: '', stderr: '' };
  const newlines = (buf: Buffer, end: number): number => buf.subarray(0, end).filter((c) => c === 0x0a).length;
  if (at < common) return { exit: 1, stdout: `${names[0]} ${names[1]} differ: char ${at + 1}, line ${newlines(a, at) + 1}\n`, stderr: '' };
  // one is a prefix of the other: EOF on the shorter one
  const [name, short] = a.length < b.length ? [names[0]!, a] : [names[1]!, b];
  if (short.length === 0) return { exit: 1, stdout: '', stderr: `cmp: EOF on ${name} which is empty\n` };
  const lines = newlines(short, short.length);
  const where = short[short.length - 1] === 0x0a ? `line ${lines}` : `in line ${lines + 1}`;
  return { exit: 1, stdout: '', stderr: `cmp: EOF on ${name} after byte ${short.length}, ${where}\n` };
}
