/**
 * jq 1.6 as scripts run it on the tools' JSON (`ip -j addr | jq -r '.[].ifname'`): its options
 * (-r -j -c -n -e -s -S -R --tab --indent --arg --argjson), its output byte for byte (colour off,
 * as when piped), its runtime errors and exit statuses (5 after an error, -e's 1 and 4). A
 * filter outside the modelled language, or input that is not JSON, is reported as not modelled.
 */
import { readOperand, type TextIo, type TextResult } from '../text/tool.js';
import { run, type Env } from './eval.js';
import { readInputs, type InputValue } from './input.js';
import { parseFilter } from './parser.js';
import { dump, JqError, JqUnsupported, truthy, type JV } from './value.js';

interface Options {
  raw: boolean;
  join: boolean;
  indent: string | null;
  nullInput: boolean;
  exitStatus: boolean;
  slurp: boolean;
  sortKeys: boolean;
  rawInput: boolean;
  vars: Map<string, JV>;
  filter: string | null;
  files: string[];
}

const SHORT: Record<string, keyof Options> = { r: 'raw', j: 'join', n: 'nullInput', e: 'exitStatus', s: 'slurp', S: 'sortKeys', R: 'rawInput' };
const LONG: Record<string, keyof Options> = {
  'raw-output': 'raw',
  'join-output': 'join',
  'null-input': 'nullInput',
  'exit-status': 'exitStatus',
  slurp: 'slurp',
  'sort-keys': 'sortKeys',
  'raw-input': 'rawInput',
};

function parseArgs(argv: string[]): Options | { unsupported: string } {
  const o: Options = { raw: false, join: false, indent: '  ', nullInput: false, exitStatus: false, slurp: false, sortKeys: false, rawInput: false, vars: new Map(), filter: null, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const take = (): string | undefined => argv[++i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      if (LONG[name]) (o[LONG[name]] as boolean) = true;
      else if (name === 'compact-output') o.indent = null;
      else if (name === 'tab') o.indent = '\t';
      else if (name === 'monochrome-output') continue;
      else if (name === 'indent') {
        const n = Number(take());
        if (!Number.isInteger(n) || n < 0 || n > 7) return { unsupported: 'jq --indent outside 0..7' };
        o.indent = n === 0 ? null : ' '.repeat(n);
      } else if (name === 'arg' || name === 'argjson') {
        const k = take();
        const v = take();
        if (k === undefined || v === undefined) return { unsupported: `jq --${name} without its two arguments` };
        if (name === 'arg') o.vars.set(k, v);
        else {
          const r = readInputs(v);
          if (r.length !== 1) return { unsupported: 'jq --argjson of text that is not one JSON value' };
          o.vars.set(k, r[0]!.value);
        }
      } else return { unsupported: `jq option ${a}` };
      if (o.join) o.raw = true;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (const c of a.slice(1)) {
        if (SHORT[c]) (o[SHORT[c]] as boolean) = true;
        else if (c === 'c') o.indent = null;
        else if (c === 'M') continue;
        else return { unsupported: `jq option -${c}` };
      }
      if (o.join) o.raw = true;
      continue;
    }
    if (o.filter === null) o.filter = a;
    else o.files.push(a);
  }
  return o;
}

export function jq(argv: string[], io: TextIo): TextResult {
  const o = parseArgs(argv);
  if ('unsupported' in o) return { exit: 2, stdout: '', stderr: '', unsupported: o.unsupported };
  // jq 1.6 runs `.` when no filter is given and its input or output is not a terminal
  const src = o.filter ?? '.';
  let text = '';
  const consumed = { stdin: false };
  for (const f of o.files.length ? o.files : ['-']) {
    const r = readOperand('jq', f, io, consumed);
    if ('unsupported' in r) return { exit: 2, stdout: '', stderr: '', unsupported: r.unsupported };
    if ('error' in r) return { exit: 2, stdout: '', stderr: '', unsupported: `jq of ${f}` };
    text += r.text;
  }
  try {
    const filter = parseFilter(src);
    let inputs: InputValue[] = o.rawInput ? rawLines(text, o.slurp) : readInputs(text);
    if (o.slurp && !o.rawInput) inputs = [{ value: inputs.map((i) => i.value), line: inputs.at(-1)?.line ?? 0 }];
    const queue = [...inputs];
    const env: Env = { vars: o.vars, inputs: { next: () => queue.shift()?.value } };
    let out = '';
    let err = '';
    // the status is the last input's (jq 1.6 sets it per input): 5 after an error, -e's 0/1/4
    let status = 0;
    const runOne = (value: JV, where: string): void => {
      let lastHere: JV | undefined;
      try {
        for (const v of run(filter, value, env)) {
          lastHere = v;
          out += o.raw && typeof v === 'string' ? v : dump(v, o.indent, o.sortKeys);
          if (!o.join) out += '\n';
        }
        status = o.exitStatus ? (lastHere === undefined ? 4 : truthy(lastHere) ? 0 : 1) : 0;
      } catch (e) {
        if (!(e instanceof JqError)) throw e;
        status = 5;
        const v = e.value;
        err += typeof v === 'string' ? `jq: error (at ${where}): ${v}\n` : `jq: error (at ${where}) (not a string): ${dump(v, null)}\n`;
      }
    };
    if (o.nullInput) runOne(null, '<unknown>');
    else
      while (queue.length) {
        const i = queue.shift()!;
        runOne(i.value, `<stdin>:${i.line}`);
      }
    return { exit: status, stdout: out, stderr: err };
  } catch (e) {
    if (e instanceof JqUnsupported) return { exit: 2, stdout: '', stderr: '', unsupported: e.message };
    throw e;
  }
}

/** -R: each line a string (-Rs: the whole text one string). */
function rawLines(text: string, slurp: boolean): InputValue[] {
  if (slurp) return [{ value: text, line: 0 }];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((value, i) => ({ value, line: i + 1 }));
}
