/**
 * The shell's syntax tree: words (with their parts: literal text, parameter expansions, what is
 * not modelled), redirections, and commands joined by list operators.
 */
/**
 * One piece of a word.
 *
 * - `lit`: literal text after quote removal; `quoted` when it came from quotes or a backslash escape.
 * - `var`: a parameter expansion (`$A`, `${A}`, `${A:-x}`, `$1`, `$?`...). An unquoted `~` at the
 *   start of a word is represented as `${HOME-~}` (quoted, since tilde results are not split).
 * - `unsupported`: `$(...)`, backquotes, `$((...))`, `${#x}`, brace expansion... kept as source text.
 *
 * @example
 * parseShell('echo "$A"x').commands[0]!.words[1]!.parts
 * // [{ kind: 'lit', text: '', quoted: true }, { kind: 'var', name: 'A', quoted: true }, { kind: 'lit', text: 'x', quoted: false }]
 */
export type WordPart = { kind: 'lit'; text: string; quoted: boolean } | { kind: 'var'; name: string; quoted: boolean; default?: ShellWord; op?: ':-' | '-' } | { kind: 'unsupported'; text: string };

/**
 * A shell word: its parts and its source text (continuations removed).
 *
 * @example
 * parseShell("ip addr add $IP/24 dev eth0").commands[0]!.words[3]!.text // '$IP/24'
 */
export interface ShellWord {
  parts: WordPart[];
  text: string;
}

/**
 * A redirection. `&>f` becomes `1>f` plus `2>&1`; `N<&M` is reported as `N>&M`
 * (both are dup2(M, N)); `>|` is `>` and `<>` is `<`.
 *
 * @example
 * parseShell('cmd 2>/dev/null').commands[0]!.redirects[0] // { fd: 2, op: '>', target: { text: '/dev/null', ... } }
 */
export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  target: ShellWord;
}

/**
 * One simple command, or one whole construct we do not model (`compound` set).
 *
 * @example
 * const [a, b] = parseShell('ip link set lo up && echo ok').commands;
 * // a.text === 'ip link set lo up', a.joiner === null; b.joiner === '&&'
 */
export interface ShellCommand {
  /** 1-based line where the command starts. */
  line: number;
  /** 1-based line where it ends (after `\` continuations, construct bodies or here-document bodies). */
  endLine: number;
  /**
   * Source text without the joiner/terminator. Continuations between words become one
   * space; multi-line constructs keep their newlines; a here-document body is appended
   * after a newline.
   */
  text: string;
  /** Words without redirections, including leading `VAR=value` assignment words. */
  words: ShellWord[];
  redirects: Redirect[];
  /** Ended with a single `&`. */
  background: boolean;
  /** Operator linking this command to the previous one of the same list; null for the first of a list and after `&`. */
  joiner: ';' | '&&' | '||' | '|' | null;
  /**
   * Set for constructs we do not model: 'if', 'for', 'while', 'until', 'select', 'case',
   * 'function' (both `function f` and `f()` forms), '{', '(', '((', '[[', and '<<' / '<<<'
   * for commands with a here-document / here-string.
   */
  compound?: string;
}

/**
 * Result of {@link parseShell}. `errors` holds at most one entry, since parsing stops
 * at the first syntax error as bash does for a script.
 *
 * @example
 * parseShell('echo "oops').errors // [{ line: 1, message: 'unexpected EOF while looking for matching `"\'' }]
 */
export interface ShellParseResult {
  commands: ShellCommand[];
  errors: { line: number; message: string }[];
}
