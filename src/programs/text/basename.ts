/** coreutils basename NAME [SUFFIX] (and -a, -s SUFFIX). */
import { getopt, usageError, type TextIo, type TextResult } from './tool.js';

export function baseOf(name: string, suffix = ''): string {
  let s = name.replace(/\/+$/, '');
  if (s === '') return name.startsWith('/') ? '/' : '';
  s = s.slice(s.lastIndexOf('/') + 1);
  if (suffix && s !== suffix && s.endsWith(suffix)) s = s.slice(0, -suffix.length);
  return s;
}

export function basename(argv: string[], _io: TextIo): TextResult {
  const p = getopt('basename', argv, { flags: 'az', values: 's', long: { multiple: 'a', suffix: 's', zero: 'z' } });
  if ('error' in p) return usageError('basename', p.error, '', 1);
  const multiple = p.opts.some((o) => o.name === 'a' || o.name === 's');
  const suffix = p.opts.find((o) => o.name === 's')?.value ?? '';
  if (p.operands.length === 0) return { exit: 1, stdout: '', stderr: "basename: missing operand\nTry 'basename --help' for more information.\n" };
  if (multiple) return { exit: 0, stdout: p.operands.map((n) => `${baseOf(n, suffix)}\n`).join(''), stderr: '' };
  if (p.operands.length > 2) return { exit: 1, stdout: '', stderr: `basename: extra operand '${p.operands[2]}'\nTry 'basename --help' for more information.\n` };
  return { exit: 0, stdout: `${baseOf(p.operands[0]!, p.operands[1] ?? '')}\n`, stderr: '' };
}
