/**
 * A YAML text parsed with checks made on its concrete syntax tree before any document is
 * composed. The `yaml` package parses to that tree without recursion and in linear time, but
 * composes documents recursively and reports every problem it meets: `[[[[…` thousands deep
 * would end in JavaScript's "Maximum call stack size exceeded", and a flood of broken lines
 * would take minutes to report one by one. So the first syntax error, or a nesting deeper than
 * a lab file ever needs (it needs five levels), is reported here and nothing is composed.
 */
import { Composer, LineCounter, Parser, type CST, type Document } from 'yaml';

/** The deepest nesting of collections a lab file may have (it needs five). */
export const MAX_YAML_DEPTH = 32;

export type YamlProblem = { offset: number; message: string };

/** The first syntax error among the tokens, or a collection nested deeper than `max`. */
function tokensProblem(tokens: CST.Token[], max: number): YamlProblem | null {
  const stack: [CST.Token, number][] = [];
  for (const tok of tokens) {
    if (tok.type === 'error') return { offset: tok.offset, message: tok.message };
    if (tok.type === 'document' && tok.value) stack.push([tok.value, 0]);
  }
  while (stack.length > 0) {
    const [t, depth] = stack.pop()!;
    if (t.type !== 'block-map' && t.type !== 'block-seq' && t.type !== 'flow-collection') continue;
    if (depth + 1 > max) return { offset: t.offset, message: `nesting deeper than ${max} levels` };
    for (const it of t.items) {
      if ('key' in it && it.key) stack.push([it.key, depth + 1]);
      if (it.value) stack.push([it.value, depth + 1]);
    }
  }
  return null;
}

/**
 * The first syntax error the parser finds in `text`, or a collection nested deeper than `max`,
 * with its offset; null when there is neither.
 *
 * @example
 * syntaxProblem('a: [[[1]]]', 2); // { offset: 5, message: 'nesting deeper than 2 levels' }
 */
export function syntaxProblem(text: string, max = MAX_YAML_DEPTH): YamlProblem | null {
  return tokensProblem([...new Parser().parse(text)], max);
}

/**
 * `text` as one YAML document (with its lines counted), or the problem that stopped it before
 * it was composed: a syntax error, too deep a nesting, or a second document. Keys are not
 * checked for uniqueness (the package compares every key with every other): callers do it.
 *
 * @example
 * const r = parseYaml('hosts: { a: {} }');
 * if ('doc' in r) r.doc.toJS(); // { hosts: { a: {} } }
 */
export function parseYaml(text: string, max = MAX_YAML_DEPTH): { doc: Document.Parsed; lines: LineCounter } | YamlProblem {
  const lines = new LineCounter();
  const tokens = [...new Parser(lines.addNewLine).parse(text)];
  const problem = tokensProblem(tokens, max);
  if (problem) return problem;
  const docs = [...new Composer({ uniqueKeys: false, prettyErrors: false }).compose(tokens, true, text.length)];
  if (docs.length > 1) return { offset: docs[1].range[0], message: 'a lab file is one YAML document (found a second one)' };
  return { doc: docs[0], lines };
}
