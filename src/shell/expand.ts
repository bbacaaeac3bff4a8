/**
 * Word expansion as the shell does it, for what the model covers: parameter expansion (with
 * defaults), quote removal, field splitting on blanks, assignments. A word holding something
 * nettwin does not expand (command substitution, arithmetic, globbing) expands to null.
 */
import type { ShellWord, WordPart } from './ast.js';

interface Segment {
  text: string;
  /** Subject to field splitting on blanks. */
  split: boolean;
  /** Keeps an empty field alive (`""`, `"$EMPTY"`). */
  quoted: boolean;
}

function hasUnsupported(parts: WordPart[]): boolean {
  return parts.some((p) => p.kind === 'unsupported' || (p.kind === 'var' && p.default !== undefined && hasUnsupported(p.default.parts)));
}

function segments(parts: WordPart[], lookup: (name: string) => string | undefined, inDefault: boolean, out: Segment[]): void {
  for (const p of parts) {
    if (p.kind === 'lit') {
      // Unquoted literal text only gets split when it came out of an unquoted `${X:-a b}`.
      out.push({ text: p.text, split: inDefault && !p.quoted, quoted: p.quoted });
    } else if (p.kind === 'var') {
      const value = lookup(p.name);
      const useDefault = p.default !== undefined && (value === undefined || (p.op !== '-' && value === ''));
      if (useDefault) segments(p.default!.parts, lookup, true, out);
      else out.push({ text: value ?? '', split: !p.quoted, quoted: p.quoted });
    }
  }
}

const IFS_BLANK = new Set([' ', '\t', '\n']);

/**
 * Expands a word the way bash does with the default IFS: unquoted expansions are split
 * on blanks and vanish when empty, quoted parts never split, adjacent parts concatenate.
 * No globbing is done (a pattern is kept literally, as bash does when nothing matches).
 * Returns null if the word contains an unsupported part.
 *
 * @example
 * const w = parseShell('echo x$X').commands[0]!.words[1]!;
 * expandWord(w, (n) => (n === 'X' ? 'a b' : undefined)); // ['xa', 'b']
 */
export function expandWord(word: ShellWord, lookup: (name: string) => string | undefined): string[] | null {
  const only = word.parts.length === 1 ? word.parts[0]! : null;
  // most words are one literal: one field, unless it is an unquoted empty string
  if (only?.kind === 'lit') return only.text !== '' || only.quoted ? [only.text] : [];
  if (hasUnsupported(word.parts)) return null;
  const segs: Segment[] = [];
  segments(word.parts, lookup, false, segs);
  const fields: string[] = [];
  let cur = '';
  let started = false;
  for (const s of segs) {
    if (!s.split) {
      cur += s.text;
      if (s.text !== '' || s.quoted) started = true;
      continue;
    }
    for (const ch of s.text) {
      if (IFS_BLANK.has(ch)) {
        if (started) fields.push(cur);
        cur = '';
        started = false;
      } else {
        cur += ch;
        started = true;
      }
    }
  }
  if (started) fields.push(cur);
  return fields;
}

/**
 * {@link expandWord} over a list of words, concatenating the fields; null if any word
 * is unsupported.
 *
 * @example
 * expandWords(parseShell('ip netns add $NS').commands[0]!.words, (n) => (n === 'NS' ? 'ns1' : undefined));
 * // ['ip', 'netns', 'add', 'ns1']
 */
export function expandWords(words: ShellWord[], lookup: (name: string) => string | undefined): string[] | null {
  const out: string[] = [];
  for (const w of words) {
    const fields = expandWord(w, lookup);
    if (fields === null) return null;
    out.push(...fields);
  }
  return out;
}

/**
 * Recognises `NAME=value` (unquoted `=`, valid NAME). Works for any word, so the
 * arguments of `export`/`local`/`readonly` can be inspected too. `NAME+=value` is not
 * recognised.
 *
 * @example
 * asAssignment(parseShell('B="x y"').commands[0]!.words[0]!); // { name: 'B', value: { text: '"x y"', ... } }
 */
export function asAssignment(word: ShellWord): { name: string; value: ShellWord } | null {
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return null;
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(first.text);
  if (!m) return null;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest === '' ? [] : [{ kind: 'lit', text: rest, quoted: false }];
  parts.push(...word.parts.slice(1));
  const eq = word.text.indexOf('=');
  return { name: m[1]!, value: { parts, text: eq === -1 ? '' : word.text.slice(eq + 1) } };
}

/**
 * Expands an assignment value: expansions are concatenated without word splitting, as
 * bash assigns. Returns null if the value contains an unsupported part.
 *
 * @example
 * const { value } = asAssignment(parseShell('A=$X').commands[0]!.words[0]!)!;
 * expandAssignmentValue(value, () => 'a  b'); // 'a  b'
 */
export function expandAssignmentValue(value: ShellWord, lookup: (name: string) => string | undefined): string | null {
  if (hasUnsupported(value.parts)) return null;
  const segs: Segment[] = [];
  segments(value.parts, lookup, false, segs);
  return segs.map((s) => s.text).join('');
}
