/** coreutils dirname NAME…. */
import type { TextIo, TextResult } from './tool.js';

export function dirOf(name: string): string {
  const s = name.replace(/\/+$/, '');
  if (s === '') return name.startsWith('/') ? '/' : '.';
  const k = s.lastIndexOf('/');
  if (k === -1) return '.';
  const d = s.slice(0, k).replace(/\/+$/, '');
  return d === '' ? '/' : d;
}

export function dirname(argv: string[], _io: TextIo): TextResult {
  const names = argv[0] === '--' ? argv.slice(1) : argv;
  if (names.length === 0) return { exit: 1, stdout: '', stderr: "dirname: missing operand\nTry 'dirname --help' for more information.\n" };
  return { exit: 0, stdout: names.map((n) => `${dirOf(n)}\n`).join(''), stderr: '' };
}
