/**
 * POSIX regular expressions (basic, as grep and sed read them by default, and extended, for
 * -E, awk and `[[ =~ ]]`) with GNU's extensions, turned into JavaScript ones: bracket
 * expressions with `[:classes:]`, `\(…\)`/`\{…\}`/`\|`/`\+`/`\?` in BRE, `\<`/`\>`/`\b`/`\w`.
 */
import { POSIX_CLASSES } from '../../exec/char-classes.js';

const CLASSES = POSIX_CLASSES;

/** A bracket expression starting at `i` (on `[`): its JS form and where it ends. */
function bracket(re: string, i: number): { js: string; end: number } | null {
  let k = i + 1;
  let out = '[';
  if (re[k] === '^') {
    out += '^';
    k++;
  }
  if (re[k] === ']') {
    out += '\\]';
    k++;
  }
  for (; k < re.length; k++) {
    const c = re[k]!;
    if (c === ']') return { js: `${out}]`, end: k };
    if (c === '[' && (re[k + 1] === ':' || re[k + 1] === '.' || re[k + 1] === '=')) {
      const close = re.indexOf(`${re[k + 1]}]`, k + 2);
      if (close === -1) return null;
      const name = re.slice(k + 2, close);
      if (re[k + 1] === ':') {
        const cls = CLASSES[name];
        if (cls === undefined) return null;
        out += cls;
      } else out += name.replace(/[\\\]^-]/g, '\\$&');
      k = close + 1;
      continue;
    }
    if (c === '\\' || (c === '[' && true)) out += `\\${c}`;
    else out += c;
  }
  return null;
}

/**
 * A POSIX regular expression as a JavaScript one's source.
 *
 * @example posixToJs('veth\\(0\\|1\\)', false) // 'veth(0|1)'
 */
export function posixToJs(re: string, extended: boolean): string {
  let out = '';
  let atStart = true;
  for (let i = 0; i < re.length; i++) {
    const c = re[i]!;
    const start = atStart;
    atStart = false;
    if (c === '[') {
      const b = bracket(re, i);
      if (!b) {
        out += '\\[';
        continue;
      }
      out += b.js;
      i = b.end;
      continue;
    }
    if (c === '\\') {
      const n = re[i + 1];
      i++;
      if (n === undefined) {
        out += '\\\\';
        break;
      }
      if (!extended && '(){}|+?'.includes(n)) {
        out += n;
        if (n === '(' || n === '|') atStart = true;
        continue;
      }
      if (n === '<' || n === '>') out += '\\b';
      else if ('bBwWsS'.includes(n) || /[1-9]/.test(n)) out += `\\${n}`;
      else if (n === 'n') out += '\\n';
      else if (n === 't') out += 't';
      else out += n.replace(/[\\^$.*+?()[\]{}|/-]/g, '\\$&');
      continue;
    }
    if (extended) {
      if (c === '{') {
        const m = /^\{(\d+)(,(\d*))?\}/.exec(re.slice(i));
        if (m && !start) {
          out += m[0];
          i += m[0].length - 1;
        } else out += '\\{';
        continue;
      }
      if (c === '}') {
        out += '\\}';
        continue;
      }
      if (c === '(' || c === '|') atStart = true;
      if (c === '*' && start) {
        out += '\\*';
        continue;
      }
      if (c === '/') {
        out += '\\/';
        continue;
      }
      out += c;
      continue;
    }
    // basic: ( ) { } | + ? are ordinary; * is ordinary first; ^ and $ anchor only at the ends
    if ('(){}|+?/'.includes(c)) out += `\\${c}`;
    else if (c === '*' && start) out += '\\*';
    else if (c === '^' && !start) out += '\\^';
    else if (c === '$' && i !== re.length - 1 && !re.startsWith('\\)', i + 1) && !re.startsWith('\\|', i + 1)) out += '\\$';
    else {
      out += c;
      if (c === '^') atStart = true;
    }
  }
  return out;
}

/** A JavaScript RegExp for a POSIX one, or null when JavaScript cannot compile it. */
export function compile(re: string, extended: boolean, flags = ''): RegExp | null {
  try {
    return new RegExp(posixToJs(re, extended), flags);
  } catch {
    return null;
  }
}
