/**
 * Checks on a YAML text's concrete syntax tree, made before any document is composed. The
 * `yaml` package parses to that tree without recursion and in linear time, but composes
 * documents recursively and reports every problem it meets: `[[[[…` thousands deep would end
 * in JavaScript's "Maximum call stack size exceeded", and a flood of broken lines would take
 * minutes to report one by one. So the first syntax error, or a nesting deeper than a lab file
 * ever needs (it needs five levels), is reported here and nothing is composed.
 */
import { Parser, type CST } from 'yaml';

/** The deepest nesting of collections a lab file may have (it needs five). */
export const MAX_YAML_DEPTH = 32;

/**
 * The first syntax error the parser found, or a collection nested deeper than `max`, with its
 * offset in `text`; null when there is neither.
 *
 * @example
 * syntaxProblem('a: [[[1]]]', 2); // { offset: 5, message: 'nesting deeper than 2 levels' }
 */
export function syntaxProblem(text: string, max = MAX_YAML_DEPTH): { offset: number; message: string } | null {
  const stack: [CST.Token, number][] = [];
  for (const tok of new Parser().parse(text)) {
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
