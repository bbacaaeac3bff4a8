/**
 * Random shell programs drawn from the grammar nettwin interprets — variables, arithmetic,
 * if/while/for/case, functions, `&&`/`||`/`!`, pipelines of text tools, $(…), redirections to
 * /dev/null — print and exit the same under nettwin's interpreter and bash. A failure shrinks
 * to a short program, printed as the script itself.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { viaBash, viaNettwin } from '../unit/shell/bash-oracle.js';

const VARS = ['a', 'b', 'c'];
const WORDS = ['x', 'yy', 'veth0', 'br0', 'ab c', ''];

const word = fc.constantFrom(...WORDS);
const int = fc.integer({ min: -3, max: 12 });
const varName = fc.constantFrom(...VARS);

/** an expression that expands to one value */
const value: fc.Arbitrary<string> = fc.oneof(
  int.map(String),
  word.map((w) => `'${w}'`),
  varName.map((v) => `"$${v}"`),
  int.map((n) => `$(( \${n:-0} + ${n} ))`),
  fc.tuple(word, fc.constantFrom('tr a-z A-Z', 'wc -c', 'cut -c1-2', 'sed s/y/Y/')).map(([w, t]) => `"$(printf '%s' '${w}' | ${t})"`),
);

const cond: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(varName, fc.constantFrom('-gt', '-le', '-eq', '-ne'), int).map(([v, op, n]) => `[ "\${${v}:-0}" ${op} ${n} ] 2>/dev/null`),
  fc.tuple(varName, word).map(([v, w]) => `[ "$${v}" = '${w}' ]`),
  fc.tuple(varName, fc.constantFrom('x', 'y', 'e', '0')).map(([v, p]) => `printf '%s\\n' "$${v}" | grep -q ${p}`),
  fc.constantFrom('true', 'false', '! false'),
  int.map((n) => `(( \${n:-0} > ${n} ))`),
  fc.tuple(varName, fc.constantFrom('x*', '*y*', '[a-v]*', '?')).map(([v, p]) => `[[ $${v} == ${p} ]]`),
);

const pipeline: fc.Arbitrary<string> = fc
  .tuple(
    fc.array(
      fc.oneof(
        word,
        varName.map((v) => `$${v}`),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    fc.array(fc.constantFrom('sort', 'sort -r', 'uniq -c', 'head -n 2', 'tail -n 1', 'grep -v x', 'grep -c y', 'wc -l', 'tr a-z A-Z', 'awk \'{print NR": "$1}\'', 'cut -c1', 'sed s/x/X/'), {
      maxLength: 3,
    }),
  )
  .map(([args, tools]) => [`printf '%s\\n' ${args.map((a) => (a.startsWith('$') ? `"${a}"` : `'${a}'`)).join(' ')}`, ...tools].join(' | '));

let counter = 0;

const stmt: fc.Memo<string> = fc.memo((depth) => {
  const leaf = fc.oneof(
    fc.tuple(varName, value).map(([v, x]) => `${v}=${x}`),
    fc.tuple(fc.constantFrom('+', '-', '*', '%'), fc.integer({ min: 1, max: 5 })).map(([op, k]) => `n=$(( \${n:-0} ${op} ${k} ))`),
    fc.constantFrom('((n++)) || true', 'let "n += 2"', 'echo "n=$n"'),
    fc.array(value, { minLength: 1, maxLength: 3 }).map((xs) => `echo ${xs.join(' ')}`),
    pipeline,
    cond,
    fc.tuple(cond, fc.constantFrom('&&', '||'), value).map(([c, op, x]) => `${c} ${op} echo ${x}`),
    fc.constantFrom('echo gone > /dev/null', 'false 2>/dev/null || echo handled', 'false || echo f', 'echo "rc=$?"', 'f1 x y', 'f2'),
  );
  if (depth <= 1) return leaf;
  const body = fc.array(stmt(depth - 1), { minLength: 1, maxLength: 3 }).map((xs) => xs.join('\n'));
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    fc.tuple(cond, body, fc.option(body)).map(([c, t, e]) => `if ${c}; then\n${t}\n${e ? `else\n${e}\n` : ''}fi`),
    fc.tuple(fc.array(word, { minLength: 1, maxLength: 3 }), body).map(([ws, b]) => `for w in ${ws.map((w) => `'${w}'`).join(' ')}; do\n${b}\necho "w=$w"\ndone`),
    fc.tuple(fc.integer({ min: 0, max: 3 }), body).map(([n, b]) => {
      const i = `i${counter++ % 5}`;
      return `${i}=0\nwhile [ $${i} -lt ${n} ]; do\n${b}\n${i}=$((${i} + 1))\ndone`;
    }),
    fc.tuple(varName, body, body).map(([v, x, y]) => `case "$${v}" in\n  x|yy)\n${x}\n  ;;\n  *)\n${y}\n  ;;\nesac`),
    fc.tuple(body, fc.constantFrom('', ' > /dev/null', ' 2>/dev/null')).map(([b, r]) => `{\n${b}\n}${r}`),
  );
});

const program = fc
  .tuple(fc.array(stmt(3), { minLength: 1, maxLength: 6 }), fc.boolean(), fc.boolean())
  .map(([xs, errexit, pipefail]) =>
    ['f1() { local a="$1"; echo "f1 $# $a ${2:-none}"; return 2; }', 'f2() { echo f2 | tr f F; false; }', ...(errexit ? ['set -e'] : []), ...(pipefail ? ['set -o pipefail'] : []), ...xs].join('\n'),
  );

describe('random shell programs: nettwin and bash agree', () => {
  it('prints and exits the same', () => {
    fc.assert(
      fc.property(program, (src) => {
        const bash = viaBash(src);
        const nettwin = viaNettwin(src);
        expect(nettwin.unsupported).toEqual([]);
        expect(nettwin.stdout).toBe(bash.stdout);
        expect(nettwin.stderr).toBe(bash.stderr);
      }),
      { numRuns: Number(process.env.NETTWIN_SHELL_RUNS ?? 150) },
    );
  }, 300_000);
});
