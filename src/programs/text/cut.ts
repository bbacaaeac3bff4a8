/** coreutils cut: -f LIST with -d D and -s, -c/-b LIST, --complement, --output-delimiter. */
import { getopt, lines, readOperand, usageError, type TextIo, type TextResult } from './tool.js';

const USAGE = 'Usage: cut OPTION... [FILE]...';

/** A LIST (`1,3-5,7-`) as a test of 1-based positions, or an error. */
function parseList(list: string, what: string): ((n: number) => boolean) | string {
  const ranges: [number, number][] = [];
  for (const part of list.split(',')) {
    const m = /^(\d*)(-?)(\d*)$/.exec(part);
    if (!m || (m[1] === '' && m[3] === '') || part === '') return `cut: invalid ${what} value '${part}'`;
    const a = m[1] === '' ? 1 : Number(m[1]);
    const b = m[2] === '' ? a : m[3] === '' ? Infinity : Number(m[3]);
    if (a === 0 || (m[3] !== '' && Number(m[3]) === 0 && m[2] !== '')) return `cut: ${what}s are numbered from 1`;
    if (b < a) return 'cut: invalid decreasing range';
    ranges.push([a, b]);
  }
  return (n) => ranges.some(([a, b]) => n >= a && n <= b);
}

export function cut(argv: string[], io: TextIo): TextResult {
  const p = getopt('cut', argv, { flags: 'snz', values: 'dfcb', long: { delimiter: 'd', fields: 'f', characters: 'c', bytes: 'b', 'only-delimited': 's', complement: 'C', 'output-delimiter': 'O' } });
  if ('error' in p) return usageError('cut', p.error, USAGE, 1);
  let mode: 'f' | 'c' | null = null;
  let list = '';
  let delim = '\t';
  let only = false;
  let complement = false;
  let outDelim: string | null = null;
  for (const o of p.opts) {
    if (o.name === 'f' || o.name === 'c' || o.name === 'b') {
      if (mode !== null) return usageError('cut', 'cut: only one list may be specified', USAGE, 1);
      mode = o.name === 'f' ? 'f' : 'c';
      list = o.value!;
    } else if (o.name === 'd') {
      if ([...o.value!].length !== 1) return usageError('cut', 'cut: the delimiter must be a single character', USAGE, 1);
      delim = o.value!;
    } else if (o.name === 's') only = true;
    else if (o.name === 'C') complement = true;
    else if (o.name === 'O') outDelim = o.value!;
  }
  if (mode === null) return usageError('cut', 'cut: you must specify a list of bytes, characters, or fields', USAGE, 1);
  const sel = parseList(list, mode === 'f' ? 'field' : 'byte/character');
  if (typeof sel === 'string') return usageError('cut', sel, USAGE, 1);
  const pick = complement ? (n: number) => !sel(n) : sel;
  let out = '';
  const consumed = { stdin: false };
  for (const name of p.operands.length ? p.operands : ['-']) {
    const r = readOperand('cut', name, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 1, stdout: out, stderr: `${r.error}\n` };
    for (const line of lines(r.text)) {
      if (mode === 'c') {
        const chars = [...line];
        out += `${chars.filter((_, i) => pick(i + 1)).join(outDelim ?? '')}\n`;
        continue;
      }
      if (!line.includes(delim)) {
        if (!only) out += `${line}\n`;
        continue;
      }
      const fields = line.split(delim);
      out += `${fields.filter((_, i) => pick(i + 1)).join(outDelim ?? delim)}\n`;
    }
  }
  return { exit: 0, stdout: out, stderr: '' };
}
