/**
 * `declare -p NAME` as bash prints it (builtins/setattr.def show_var_attributes): `declare -FLAGS
 * NAME=VALUE` with the flags in var_attribute_string's order (a A i r x; `--` for none), the
 * value in double quotes with `"`, `$`, `` ` `` and `\` escaped (sh_double_quote), or as
 * `$'…'` when it holds a control character (ansic_quote); arrays as `([0]="x" [1]="y")`,
 * associative ones as `([k]="v" )` in bash's key order with a key quoted when it needs it; a
 * name declared without a value shows no `=`.
 */
import { AssocArray } from './assoc.js';
import { IndexedArray, type Vars } from './vars.js';

const ANSIC: Record<string, string> = { '\x1b': '\\E', '\x07': '\\a', '\v': '\\v', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t', '\\': '\\\\', "'": "\\'" };

/** ansic_shouldquote: a byte that is not printable */
const shouldAnsiC = (s: string): boolean => /[\x00-\x1f\x7f]/.test(s);

/** ansic_quote */
function ansiC(s: string): string {
  let out = "$'";
  for (const c of s) {
    const code = c.codePointAt(0)!;
    if (ANSIC[c]) out += ANSIC[c];
    else if (code < 0x20 || code === 0x7f) out += `\\${code.toString(8).padStart(3, '0')}`;
    else out += c;
  }
  return `${out}'`;
}

/** sh_double_quote */
const dquote = (s: string): string => `"${s.replace(/["$`\\]/g, '\\$&')}"`;

const quoteValue = (s: string): string => (shouldAnsiC(s) ? ansiC(s) : dquote(s));

/** sh_contains_shell_metas */
function hasMetas(k: string): boolean {
  for (let i = 0; i < k.length; i++) {
    const c = k[i]!;
    if (' \t\n\'"\\|&;()<>!{}*[?]^$`'.includes(c)) return true;
    if (c === '~' && (i === 0 || k[i - 1] === '=' || k[i - 1] === ':')) return true;
    if (c === '#' && i === 0) return true;
  }
  return false;
}

/** assoc_to_assign's key: quoted when it has shell metacharacters, or is `@` or `*` alone */
function quoteKey(k: string): string {
  if (shouldAnsiC(k)) return ansiC(k);
  if (hasMetas(k) || k === '@' || k === '*') return dquote(k);
  return k;
}

/** One `declare -p` line, or null when no variable has the name. */
export function declareLine(vars: Vars, name: string): string | null {
  const d = vars.declared(name);
  if (!d) return null;
  const v = d.value;
  let flags = '';
  if (v instanceof IndexedArray) flags += 'a';
  if (v instanceof AssocArray) flags += 'A';
  if (d.integer) flags += 'i';
  if (d.readonly) flags += 'r';
  if (d.exported) flags += 'x';
  const head = `declare -${flags || '-'} ${name}`;
  if (d.unassigned) return `${head}\n`;
  if (v instanceof IndexedArray)
    return `${head}=(${v
      .indices()
      .map((i) => `[${i}]=${quoteValue(v.items.get(i)!)}`)
      .join(' ')})\n`;
  if (v instanceof AssocArray) {
    const keys = v.keys();
    return `${head}=(${keys.map((k) => `[${quoteKey(k)}]=${quoteValue(v.get(k)!)} `).join('')})\n`;
  }
  return `${head}=${quoteValue(v as string)}\n`;
}
