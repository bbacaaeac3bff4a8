/**
 * glibc's getopt_long as iptables calls it: an optstring starting with `-:` (non-options come
 * back in order as option 1; a missing argument is ':'), errors silenced (opterr = 0: the
 * caller words them), long options matched by any unambiguous prefix, and a list of long
 * options that grows while parsing as match and target extensions are loaded.
 */

export interface LongOpt {
  name: string;
  /** 0 none, 1 required, 2 optional (only as `--name=value`) */
  hasArg: 0 | 1 | 2;
  /** what getopt returns for it: a short option letter, or an extension's option key */
  val: string;
}

export type GetoptResult =
  /** an option; `arg` is its argument (null when it has none) */
  | { c: string; arg: string | null }
  /** a non-option word (getopt's 1) */
  | { c: 1; arg: string }
  /** an unknown option or an ambiguous abbreviation (getopt's '?'): `word` is argv[optind-1] */
  | { c: '?'; word: string }
  /** an option that needs an argument and has none (getopt's ':') */
  | { c: ':'; word: string };

/** One getopt_long run over an argv (without the program name); `optind` indexes argv. */
export class Getopt {
  optind = 0;
  /** the next character of a bundle of short options (`-nvL`) */
  private nextChar = 0;

  constructor(
    readonly argv: readonly string[],
    /** short options: letter → 0 none, 1 required, 2 optional */
    private readonly shorts: ReadonlyMap<string, 0 | 1 | 2>,
    public longs: LongOpt[],
  ) {}

  /** The next option, or null at the end (or after `--`). */
  next(): GetoptResult | null {
    const argv = this.argv;
    if (this.nextChar === 0) {
      if (this.optind >= argv.length) return null;
      const a = argv[this.optind]!;
      if (a === '--') {
        this.optind++;
        return null;
      }
      if (a[0] !== '-' || a === '-') {
        this.optind++;
        return { c: 1, arg: a };
      }
      if (a.startsWith('--')) return this.long(a);
      this.nextChar = 1;
    }
    return this.short();
  }

  private short(): GetoptResult {
    const word = this.argv[this.optind]!;
    const ch = word[this.nextChar]!;
    this.nextChar++;
    const last = this.nextChar >= word.length;
    const kind = this.shorts.get(ch);
    if (kind === undefined) {
      if (last) this.advance();
      return { c: '?', word };
    }
    if (kind === 0) {
      if (last) this.advance();
      return { c: ch, arg: null };
    }
    if (!last) {
      // the rest of the word is the argument (`-Lfoo`, `-sfoo`)
      const arg = word.slice(this.nextChar);
      this.advance();
      return { c: ch, arg };
    }
    this.advance();
    if (kind === 2) return { c: ch, arg: null };
    if (this.optind >= this.argv.length) return { c: ':', word };
    return { c: ch, arg: this.argv[this.optind++]! };
  }

  private advance(): void {
    this.optind++;
    this.nextChar = 0;
  }

  private long(word: string): GetoptResult {
    this.optind++;
    const body = word.slice(2);
    const eq = body.indexOf('=');
    const name = eq < 0 ? body : body.slice(0, eq);
    let found: LongOpt | null = null;
    let ambiguous = false;
    for (const o of this.longs) {
      if (!o.name.startsWith(name)) continue;
      if (o.name.length === name.length) {
        found = o;
        ambiguous = false;
        break;
      }
      if (!found) found = o;
      else if (found.hasArg !== o.hasArg || found.val !== o.val) ambiguous = true;
    }
    if (!found || ambiguous) return { c: '?', word };
    if (eq >= 0) {
      if (found.hasArg === 0) return { c: '?', word };
      return { c: found.val, arg: body.slice(eq + 1) };
    }
    if (found.hasArg === 1) {
      if (this.optind >= this.argv.length) return { c: ':', word };
      return { c: found.val, arg: this.argv[this.optind++]! };
    }
    return { c: found.val, arg: null };
  }
}

/** Parses a getopt short-option string (`A:C:F::nv`, leading `-` and `:` flags skipped). */
export function shortOptions(spec: string): Map<string, 0 | 1 | 2> {
  const out = new Map<string, 0 | 1 | 2>();
  let i = 0;
  while (spec[i] === '-' || spec[i] === ':' || spec[i] === '+') i++;
  for (; i < spec.length; i++) {
    const ch = spec[i]!;
    if (spec[i + 1] === ':' && spec[i + 2] === ':') {
      out.set(ch, 2);
      i += 2;
    } else if (spec[i + 1] === ':') {
      out.set(ch, 1);
      i++;
    } else out.set(ch, 0);
  }
  return out;
}
