/** The filters of jq's language that nettwin models, as the parser reads them. */
import type { JV } from './value.js';

export type Node =
  | { t: 'identity' }
  | { t: 'recurse' }
  | { t: 'literal'; value: JV }
  /** a string with `\(…)` parts, formatted by `@name` when one precedes it */
  | { t: 'string'; parts: (string | Node)[]; format: string | null }
  | { t: 'format'; name: string }
  /** `T[key]`, `T.name`: the key is evaluated against the input of the whole term */
  | { t: 'index'; target: Node; key: Node }
  | { t: 'slice'; target: Node; from: Node | null; to: Node | null }
  | { t: 'iterate'; target: Node }
  | { t: 'try'; body: Node; handler: Node | null }
  | { t: 'array'; body: Node | null }
  | { t: 'object'; entries: { key: Node; value: Node }[] }
  | { t: 'pipe' | 'comma' | 'alt' | 'and' | 'or'; l: Node; r: Node }
  | { t: 'binop'; op: BinOp; l: Node; r: Node }
  | { t: 'neg'; e: Node }
  | { t: 'var'; name: string }
  | { t: 'as'; source: Node; name: string; body: Node }
  | { t: 'call'; name: string; args: Node[] }
  | { t: 'if'; cond: Node; then: Node; otherwise: Node | null }
  | { t: 'reduce'; source: Node; name: string; init: Node; update: Node }
  | { t: 'foreach'; source: Node; name: string; init: Node; update: Node; extract: Node | null };

export type BinOp = '+' | '-' | '*' | '/' | '%' | '==' | '!=' | '<' | '<=' | '>' | '>=';
