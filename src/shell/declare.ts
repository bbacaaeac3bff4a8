/**
 * The declaration builtins (`declare`/`typeset`, `local`, `export`, `readonly`) and `unset`, as
 * bash runs them: `-a`/`-A` make indexed or associative arrays (bash's words when one cannot
 * become the other), `NAME=(…)` takes the items simple.ts expanded, `unset 'a[k]'` removes one
 * element.
 */
import { expandSubscript, type Run } from './expand.js';
import type { Shell } from './shell.js';
import type { Io, StepRecord } from './io.js';
import { unsupportedHere } from './simple.js';
import { assignCompound, BadSubscript } from './assign.js';
import { ArithError } from './arith.js';
import { declareLine } from './declare-print.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function declare(kind: 'local' | 'export' | 'declare' | 'readonly') {
  // biome-ignore lint/correctness/useYield: a builtin that runs no command still has a builtin's shape
  return function* (sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
    const items = sh.declItems;
    sh.declItems = new Map();
    if (kind === 'local' && sh.funcDepth === 0) {
      sh.shellError(io, 'local: can only be used in a function');
      return 1;
    }
    let ro = kind === 'readonly';
    let indexed = false;
    let assoc = false;
    let print = false;
    let exported = kind === 'export';
    let integer = false;
    let global = false;
    let status = 0;
    let i = 1;
    for (; i < argv.length && /^[-+][a-zA-Z]+$/.test(argv[i]!); i++) {
      if (argv[i]![0] === '+') return unsupportedHere(sh, rec, `${kind} ${argv[i]} (removing attributes)`);
      for (const f of argv[i]!.slice(1)) {
        if (f === 'r') ro = true;
        else if (f === 'a') indexed = true;
        else if (f === 'A') assoc = true;
        else if (f === 'x') exported = true;
        else if (f === 'i') integer = true;
        else if (f === 'g' && kind === 'declare') global = true;
        else if (f === 'p' && kind === 'declare') print = true;
        else if (f !== 't') return unsupportedHere(sh, rec, `${kind} -${f}`);
      }
    }
    if (i < argv.length && argv[i] === '--') i++;
    if (print) {
      if (i === argv.length) return unsupportedHere(sh, rec, 'declare -p without names (every variable of the shell)');
      for (; i < argv.length; i++) {
        const line = declareLine(sh.vars, argv[i]!);
        if (line === null) {
          sh.shellError(io, `declare: ${argv[i]}: not found`);
          status = 1;
        } else sh.out(io, line);
      }
      return status;
    }
    if (i === argv.length && kind !== 'local') return unsupportedHere(sh, rec, `${kind} without names (listing)`);
    for (; i < argv.length; i++) {
      const a = argv[i]!;
      const eq = a.indexOf('=');
      const name = eq === -1 ? a : a.slice(0, eq).replace(/\+$/, '');
      const append = eq > 0 && a[eq - 1] === '+';
      if (!NAME.test(name)) {
        sh.shellError(io, `${kind}: \`${a}': not a valid identifier`);
        status = 1;
        continue;
      }
      if (sh.vars.isReadonly(name) && eq !== -1) {
        sh.shellError(io, `${name}: readonly variable`);
        status = 1;
        continue;
      }
      if (kind === 'local' || (kind === 'declare' && sh.funcDepth > 0 && !global)) sh.vars.local(name);
      else if (eq === -1 && !items.has(i)) sh.vars.declareName(name);
      const wrong = assoc ? sh.vars.declareAssoc(name) : indexed ? sh.vars.declareIndexed(name) : null;
      if (wrong) {
        sh.shellError(io, `${kind}: ${name}: ${wrong}`);
        status = 1;
        continue;
      }
      if (integer) {
        if (assoc || indexed || sh.vars.isArray(name)) return unsupportedHere(sh, rec, `${kind} -i of an array`);
        sh.vars.integer.add(name);
      }
      const list = items.get(i);
      try {
        if (list) for (const w of assignCompound(sh, name, list, append, true).warnings) sh.shellError(io, w);
        else if (eq !== -1) sh.vars.set(name, scalarValue(sh, name, a.slice(eq + 1), append));
      } catch (e) {
        if (!(e instanceof BadSubscript || e instanceof ArithError)) throw e;
        sh.shellError(io, e.message);
        status = 1;
      }
      if (exported) sh.vars.exported.add(name);
      if (ro) sh.vars.markReadonly(name);
    }
    return status;
  };
}

/**
 * What an assignment stores: the text (appended with `+=`), or for a `declare -i` variable the
 * arithmetic value of the text (added with `+=`; empty is 0).
 */
export function scalarValue(sh: Shell, name: string, value: string, append: boolean): string {
  if (!sh.vars.integer.has(name) || sh.vars.isArray(name)) return append ? (sh.get(name) ?? '') + value : value;
  const v = sh.evaluate(value.trim() === '' ? '0' : value);
  return String(append ? BigInt(sh.get(name) || '0') + v : v);
}

export function* unset(sh: Shell, argv: string[], io: Io): Run<number> {
  let fn = false;
  let status = 0;
  for (const a of argv.slice(1)) {
    const el = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/s.exec(a);
    if (a === '-f') fn = true;
    else if (a === '-v') fn = false;
    else if (fn) sh.functions.delete(a);
    else if (el) {
      const name = el[1]!;
      const sub = yield* expandSubscript(el[2]!, sh);
      let key: string | number = sub;
      if (!sh.vars.isAssoc(name)) {
        try {
          key = Number(sh.evaluate(sub || '0'));
        } catch (e) {
          if (!(e instanceof ArithError)) throw e;
          sh.shellError(io, `unset: ${e.message}`);
          status = 1;
          continue;
        }
      }
      if (!sh.vars.unsetElement(name, key)) {
        sh.shellError(io, `unset: ${name}: cannot unset: readonly variable`);
        status = 1;
      }
    } else if (!sh.vars.unset(a)) {
      sh.shellError(io, `unset: ${a}: cannot unset: readonly variable`);
      status = 1;
    }
  }
  return status;
}
