/** jq 1.6's string builtins: trimming, case, prefixes, explode, and the regular-expression ones. */
import type { Node } from './ast.js';
import { run, type Env } from './eval.js';
import { around, captureValue, matches, matchValue } from './regex.js';
import { JqError, JqUnsupported, named, type JV } from './value.js';

type Builtin = (input: JV, args: Node[], env: Env) => Iterable<JV>;

const each = (n: Node, input: JV, env: Env): JV[] => [...run(n, input, env)];

const str = (v: JV, what: string): string => {
  if (typeof v !== 'string') throw new JqError(`${named(v)} ${what}`);
  return v;
};

/**
 * sub/gsub as 1.6 defines them: the first match replaced by the replacement filter's output on
 * its named captures, and with g the same again on the rest of the text (so `^` matches anew).
 */
function substitute(input: JV, re: JV, repl: Node, flags: JV, env: Env, global: boolean): JV {
  const s = str(input, 'cannot be matched, as it is not a string');
  const m = matches(s, re, typeof flags === 'string' ? flags.replaceAll('g', '') : flags)[0];
  if (!m) return s;
  if (m.length === 0) throw new JqUnsupported('jq sub/gsub with a pattern that matches the empty string');
  const r = each(repl, captureValue(m), env);
  if (r.length !== 1 || typeof r[0] !== 'string') throw new JqUnsupported('jq sub/gsub whose replacement is not one string');
  const chars = [...s];
  const rest = chars.slice(m.offset + m.length).join('');
  return chars.slice(0, m.offset).join('') + r[0] + (rest.length > 0 && global ? (substitute(rest, re, repl, flags, env, true) as string) : rest);
}

export const STRING_BUILTINS: Record<string, Builtin> = {
  'ascii_downcase/0': (v) => [str(v, 'cannot be ascii_downcased').replace(/[A-Z]/g, (c) => c.toLowerCase())],
  'ascii_upcase/0': (v) => [str(v, 'cannot be ascii_upcased').replace(/[a-z]/g, (c) => c.toUpperCase())],
  'ltrimstr/1': (v, args, env) => each(args[0]!, v, env).map((p) => (typeof v === 'string' && typeof p === 'string' && v.startsWith(p) ? v.slice(p.length) : v)),
  'rtrimstr/1': (v, args, env) => each(args[0]!, v, env).map((p) => (typeof v === 'string' && typeof p === 'string' && v.endsWith(p) && p !== '' ? v.slice(0, -p.length) : v)),
  'startswith/1': (v, args, env) =>
    each(args[0]!, v, env).map((p) => {
      if (typeof v !== 'string' || typeof p !== 'string') throw new JqError('startswith() requires string inputs');
      return v.startsWith(p);
    }),
  'endswith/1': (v, args, env) =>
    each(args[0]!, v, env).map((p) => {
      if (typeof v !== 'string' || typeof p !== 'string') throw new JqError('endswith() requires string inputs');
      return v.endsWith(p);
    }),
  'utf8bytelength/0': (v) => [Buffer.byteLength(str(v, 'only strings have UTF-8 byte length'))],
  'explode/0': (v) => [[...str(v, 'cannot be exploded')].map((c) => c.codePointAt(0)!)],
  'test/1': (v, args, env) => each(args[0]!, v, env).map((re) => matches(v, re, null).length > 0),
  'test/2': (v, args, env) => each(args[1]!, v, env).flatMap((f) => each(args[0]!, v, env).map((re) => matches(v, re, f).length > 0)),
  'match/1': (v, args, env) => each(args[0]!, v, env).flatMap((re) => matches(v, re, null).map(matchValue)),
  'match/2': (v, args, env) => each(args[1]!, v, env).flatMap((f) => each(args[0]!, v, env).flatMap((re) => matches(v, re, f).map(matchValue))),
  'capture/1': (v, args, env) => each(args[0]!, v, env).flatMap((re) => matches(v, re, null).map(captureValue)),
  'capture/2': (v, args, env) => each(args[1]!, v, env).flatMap((f) => each(args[0]!, v, env).flatMap((re) => matches(v, re, f).map(captureValue))),
  'scan/1': (v, args, env) => each(args[0]!, v, env).flatMap((re) => matches(v, re, null, true).map((m) => (m.captures.length ? m.captures.map((c) => c.string) : m.string))),
  'split/2': (v, args, env) =>
    each(args[1]!, v, env).flatMap((f) =>
      each(args[0]!, v, env).map((re) => {
        const ms = matches(v, re, f, true);
        if (ms.some((m) => m.length === 0)) throw new JqUnsupported('jq split with a pattern that matches the empty string');
        return around(v as string, ms).pieces;
      }),
    ),
  'sub/2': (v, args, env) => each(args[0]!, v, env).map((re) => substitute(v, re, args[1]!, null, env, false)),
  'sub/3': (v, args, env) => each(args[2]!, v, env).flatMap((f) => each(args[0]!, v, env).map((re) => substitute(v, re, args[1]!, f, env, false))),
  'gsub/2': (v, args, env) => each(args[0]!, v, env).map((re) => substitute(v, re, args[1]!, null, env, true)),
  'gsub/3': (v, args, env) => each(args[2]!, v, env).flatMap((f) => each(args[0]!, v, env).map((re) => substitute(v, re, args[1]!, f, env, true))),
};
