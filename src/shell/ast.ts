/**
 * The shell's syntax tree: words (their parts: literal text, parameter, command and arithmetic
 * expansions), redirections, simple commands, pipelines, and-or lists and the compound commands
 * bash has (if, while, until, for, case, functions, groups, subshells, `((…))`, `[[…]]`).
 */
/**
 * One piece of a word.
 *
 * - `lit`: literal text after quote removal; `quoted` when it came from quotes or a backslash escape.
 * - `var`: a parameter expansion (`$A`, `${A}`, `${A:-x}`, `${#A}`, `${A%.*}`, `$1`, `$@`, `$?` …).
 *   An unquoted `~` at the start of a word is `${HOME-~}` (quoted: tilde results are not split).
 * - `cmdsub`: `$(…)` or backquotes, with the source of the command inside.
 * - `arith`: `$((…))`, with the expression's source.
 * - `procsub`: `<(…)`, with the source of the command inside: a file holding what it prints.
 * - `unsupported`: what nettwin does not expand (`>(…)` …), kept as source text.
 *
 * @example
 * parseShell('echo "$A"x').commands[0]!.words[1]!.parts
 * // [{ kind: 'lit', text: '', quoted: true }, { kind: 'var', name: 'A', quoted: true }, { kind: 'lit', text: 'x', quoted: false }]
 */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean; op?: ParamOp; default?: ShellWord; index?: string }
  | { kind: 'cmdsub'; text: string; quoted: boolean; line: number }
  | { kind: 'arith'; text: string; quoted: boolean }
  | { kind: 'procsub'; text: string; line: number }
  | { kind: 'unsupported'; text: string };

/**
 * The operator of `${NAME OP WORD}` (`default` holds WORD): `-`/`:-` a default, `=`/`:=` assign a
 * default, `+`/`:+` an alternative, `?`/`:?` an error; `#`/`##`/`%`/`%%` remove a pattern;
 * `/`/`//`/`/#`/`/%` replace one (WORD is `pattern/replacement` as source); `len` is `${#NAME}`;
 * `:` a substring (`${A:1:2}`, WORD as source); `^^`/`,,` change case; `keys` is `${!A[@]}`.
 */
export type ParamOp = '-' | ':-' | '=' | ':=' | '+' | ':+' | '?' | ':?' | '#' | '##' | '%' | '%%' | '/' | '//' | '/#' | '/%' | 'len' | ':' | '^^' | ',,' | '^' | ',' | 'keys';

/**
 * A shell word: its parts and its source text (continuations removed).
 *
 * @example
 * parseShell("ip addr add $IP/24 dev eth0").commands[0]!.words[3]!.text // '$IP/24'
 */
export interface ShellWord {
  parts: WordPart[];
  text: string;
  /** `NAME=(a b c)`: the words of the array, on the `NAME=` word */
  array?: ShellWord[];
}

/**
 * A redirection. `&>f` becomes `1>f` plus `2>&1`; `N<&M` is reported as `N>&M`
 * (both are dup2(M, N)); `>|` is `>` and `<>` is `<`. A here-document (`<<`) carries its body
 * (`heredoc`; `expand` when its delimiter was unquoted); a here-string is `<<<` with its word.
 *
 * @example
 * parseShell('cmd 2>/dev/null').commands[0]!.redirects[0] // { fd: 2, op: '>', target: { text: '/dev/null', ... } }
 */
export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&' | '<<' | '<<<';
  target: ShellWord;
  heredoc?: { body: string; expand: boolean; line: number };
}

/**
 * One simple command: words and redirections.
 *
 * @example
 * const [a, b] = parseShell('ip link set lo up && echo ok').commands;
 * // a.text === 'ip link set lo up', a.joiner === null; b.joiner === '&&'
 */
export interface ShellCommand {
  /** 1-based line where the command starts. */
  line: number;
  /** 1-based line where it ends (after `\` continuations or here-document bodies). */
  endLine: number;
  /**
   * Source text without the joiner/terminator. Continuations between words become one
   * space; a here-document body is appended after a newline.
   */
  text: string;
  /** Words without redirections, including leading `VAR=value` assignment words. */
  words: ShellWord[];
  redirects: Redirect[];
  /** Ended with a single `&` (set on the last command of a backgrounded and-or list). */
  background: boolean;
  /** Operator linking this command to the previous one in its list (the flat view of parseShell); null for the first. */
  joiner: ';' | '&&' | '||' | '|' | null;
  /** For the flat view: the compound construct this entry stands for ('if', 'for', 'function', '((' …). */
  compound?: string;
}

/** A command of any kind. */
export type Command =
  | { type: 'simple'; cmd: ShellCommand }
  | { type: 'if'; line: number; clauses: { cond: List; body: List }[]; otherwise: List | null; redirects: Redirect[] }
  | { type: 'loop'; line: number; until: boolean; cond: List; body: List; redirects: Redirect[] }
  /** `select` is parsed as a `for` (and reported: it reads a terminal) */
  | { type: 'for'; line: number; name: string; words: ShellWord[] | null; body: List; redirects: Redirect[]; select?: boolean }
  | { type: 'cfor'; line: number; init: string; cond: string; step: string; body: List; redirects: Redirect[] }
  | { type: 'case'; line: number; word: ShellWord; items: { patterns: ShellWord[]; body: List; end: ';;' | ';&' | ';;&' }[]; redirects: Redirect[] }
  | { type: 'group'; line: number; body: List; redirects: Redirect[] }
  | { type: 'subshell'; line: number; body: List; redirects: Redirect[] }
  | { type: 'arith'; line: number; expr: string; text: string; redirects: Redirect[] }
  | { type: 'cond'; line: number; tokens: CondToken[]; text: string; redirects: Redirect[] }
  | { type: 'function'; line: number; name: string; body: Command; text: string };

/** A token of `[[ … ]]`: a word, or one of its operators (`&&`, `||`, `!`, `(`, `)`, `<`, `>`). */
export type CondToken = { word: ShellWord } | { op: string };

/** `[!] cmd | cmd …` */
export interface Pipeline {
  bang: boolean;
  commands: Command[];
  line: number;
}

/** `pipeline && pipeline || …`, possibly run in the background. */
export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
  background: boolean;
}

/** Commands in sequence. */
export type List = AndOr[];

/**
 * Result of {@link parseShell}. `errors` holds at most one entry, since parsing stops
 * at the first syntax error as bash does for a script.
 *
 * @example
 * parseShell('echo "oops').errors // [{ line: 1, message: 'unexpected EOF while looking for matching `"\'' }]
 */
export interface ShellParseResult {
  /** the simple commands in source order (compound commands as one entry each, with `compound`) */
  commands: ShellCommand[];
  /** the parsed lists, one per complete command line */
  lists: List[];
  errors: { line: number; message: string }[];
}
