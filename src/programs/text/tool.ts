/**
 * What a text tool is: a function from its argv (without its name), its stdin and the run's
 * scratch files to what it prints, its exit status, and the scratch files it writes (the shell
 * applies them). Run in-process by both executors, so a pipeline answers alike in both modes
 * and no real program runs. Also: GNU-style option parsing and reading operands, shared.
 */
import type { ScratchView, ScratchWrite } from '../../exec/scratch.js';
import { classifyPath } from '../../exec/scratch.js';

export interface TextIo {
  stdin: string;
  files: ScratchView;
}

export interface TextResult {
  exit: number;
  stdout: string;
  stderr: string;
  writes?: ScratchWrite[];
  /** the tool was asked for something nettwin does not model (a file outside the run …) */
  unsupported?: string;
}

export type TextToolFn = (argv: string[], io: TextIo) => TextResult;

export const ok = (stdout: string): TextResult => ({ exit: 0, stdout, stderr: '' });

/** The spec of a tool's options: flags, options taking a value, long names mapped to short ones. */
export interface OptSpec {
  flags: string;
  values?: string;
  long?: Record<string, string>;
  /** `-5` means `-n 5` (head, tail) */
  digits?: string;
}

export type Parsed = { opts: { name: string; value?: string }[]; operands: string[] } | { error: string };

/**
 * GNU getopt_long with argument permutation: options anywhere before `--`, bundled short
 * flags, values attached (`-d,`) or next (`-d ,`), `--long=value`.
 */
export function getopt(tool: string, argv: string[], spec: OptSpec): Parsed {
  const opts: { name: string; value?: string }[] = [];
  const operands: string[] = [];
  const values = spec.values ?? '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--') && spec.long) {
      const eq = a.indexOf('=');
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq);
      const matches = Object.keys(spec.long).filter((k) => k === name || k.startsWith(name));
      const exact = matches.find((k) => k === name);
      const key = exact ?? (matches.length === 1 ? matches[0] : undefined);
      if (!key) return { error: matches.length > 1 ? `${tool}: option '${a}' is ambiguous` : `${tool}: unrecognized option '${a}'` };
      const short = spec.long[key]!;
      if (values.includes(short)) {
        const v = eq === -1 ? argv[++i] : a.slice(eq + 1);
        if (v === undefined) return { error: `${tool}: option '--${key}' requires an argument` };
        opts.push({ name: short, value: v });
      } else opts.push({ name: short });
      continue;
    }
    if (a.startsWith('-') && a !== '-' && !a.startsWith('--')) {
      if (spec.digits && /^-\d+$/.test(a)) {
        opts.push({ name: spec.digits, value: a.slice(1) });
        continue;
      }
      for (let k = 1; k < a.length; k++) {
        const c = a[k]!;
        if (values.includes(c)) {
          const v = k + 1 < a.length ? a.slice(k + 1) : argv[++i];
          if (v === undefined) return { error: `${tool}: option requires an argument -- '${c}'` };
          opts.push({ name: c, value: v });
          break;
        }
        if (!spec.flags.includes(c)) return { error: `${tool}: invalid option -- '${c}'` };
        opts.push({ name: c });
      }
      continue;
    }
    operands.push(a);
  }
  return { opts, operands };
}

/** GNU's two lines after an option error, exit 2 (grep, sed …) or 1 (cut, head …). */
/**
 * A tool's argv of bare flags and operands (`--` ends the flags, `-` is an operand): the flags
 * given, by the name `flags` maps each spelling to; any other option is not modelled.
 *
 * @example
 * flagsAndOperands('cmp', ['-s', 'a', 'b'], { '-s': 'silent' }); // { given: Set { 'silent' }, operands: ['a', 'b'] }
 */
export function flagsAndOperands(tool: string, argv: string[], flags: Readonly<Record<string, string>>): { given: Set<string>; operands: string[] } | { unsupported: string } {
  const given = new Set<string>();
  const operands: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--') {
      operands.push(...argv.slice(i + 1));
      break;
    }
    const f = Object.hasOwn(flags, a) ? flags[a] : undefined;
    if (f !== undefined) given.add(f);
    else if (a.startsWith('-') && a !== '-') return { unsupported: `${tool} ${a}` };
    else operands.push(a);
  }
  return { given, operands };
}

export function usageError(tool: string, message: string, usage: string, status: number): TextResult {
  return { exit: status, stdout: '', stderr: `${message}\n${usage}\nTry '${tool} --help' for more information.\n` };
}

/** An operand's text: `-` is stdin, a file is the run's scratch file; null with the error printed. */
export function readOperand(tool: string, name: string, io: TextIo, consumed: { stdin: boolean }): { text: string } | { error: string } | { unsupported: string } {
  if (name === '-') {
    if (consumed.stdin) return { text: '' };
    consumed.stdin = true;
    return { text: io.stdin };
  }
  const p = classifyPath(name);
  if (p.kind === 'null') return { text: '' };
  if (p.kind === 'stdin') return readOperand(tool, '-', io, consumed);
  if (p.kind !== 'scratch') return { unsupported: `${tool} of ${name}` };
  const t = io.files.read(p.path);
  if (t === undefined) return { unsupported: `${tool} of ${name}: a file this run did not write` };
  return { text: t };
}

/**
 * head's and tail's walk over their operands (standard input when there is none): each one's
 * text through `part`, with `==> NAME <==` before each when several are given or with -v
 * (`headers` true), never with -q (false).
 */
export function eachOperand(tool: string, operands: string[], io: TextIo, headers: boolean | null, part: (text: string) => string): TextResult {
  const files = operands.length ? operands : ['-'];
  const show = headers ?? files.length > 1;
  let out = '';
  const consumed = { stdin: false };
  for (let i = 0; i < files.length; i++) {
    const name = files[i]!;
    const r = readOperand(tool, name, io, consumed);
    if ('unsupported' in r) return { exit: 1, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) continue;
    if (show) out += `${i ? '\n' : ''}==> ${name === '-' ? 'standard input' : name} <==\n`;
    out += part(r.text);
  }
  return { exit: 0, stdout: out, stderr: '' };
}

/** Lines of a text, without the final newline's empty line (a last line without one still counts). */
export function lines(text: string): string[] {
  if (text === '') return [];
  const l = text.split('\n');
  if (l[l.length - 1] === '') l.pop();
  return l;
}
