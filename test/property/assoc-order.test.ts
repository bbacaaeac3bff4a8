/**
 * bash is the specification of an associative array's order: random key sets — ASCII and
 * multibyte keys (bytes ≥ 0x80 hash as signed chars), keys set, reassigned, unset and set again,
 * tables converted from a scalar (128 buckets) or declared new (1024), grown past twice their
 * buckets, reassigned whole with `a=(…)`, copied into a subshell — list `${!a[@]}` and `${a[@]}`
 * in the same order under nettwin's interpreter and /bin/bash. Each program runs in bash as a
 * script file in a temporary folder (test/unit/shell/bash-oracle.ts), never as a shell string.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { viaBash, viaNettwin } from '../unit/shell/bash-oracle.js';

const CHARS = ['a', 'b', 'x', 'Z', '0', '7', '_', '-', '.', ' ', 'é', 'ß', '€', 'ñ'];
const key = fc.array(fc.constantFrom(...CHARS), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(''));
const q = (k: string): string => `'${k}'`;

const op = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(key, fc.nat(99)).map(([k, v]) => `a[${q(k)}]=${v}`) },
  { weight: 2, arbitrary: key.map((k) => `unset ${q(`a[${k}]`)}`) },
  { weight: 1, arbitrary: fc.array(key, { maxLength: 4 }).map((ks) => `a+=(${ks.map((k, i) => `[${q(k)}]=${i}`).join(' ')})`) },
  { weight: 1, arbitrary: fc.array(key, { maxLength: 5 }).map((ks) => `a=(${ks.map((k, i) => `[${q(k)}]=${i}`).join(' ')})`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('k', 'n', 'veth'), fc.integer({ min: 1, max: 400 })).map(([p, n]) => `for i in $(seq 1 ${n}); do a[${p}$i]=$i; done`) },
  { weight: 1, arbitrary: fc.constant('echo "sub: $( printf \'%s|\' "${!a[@]}" )"') },
);

const program = fc.tuple(fc.constantFrom('declare -A a', 'a=init; declare -A a', 'f() { local -A a; body; }'), fc.array(op, { minLength: 1, maxLength: 14 })).map(([start, ops]) => {
  const body = [...ops, 'printf \'%s|\' "${!a[@]}"; echo', 'printf \'%s|\' "${a[@]}"; echo', 'echo "${#a[@]}"'].join('\n');
  return start.startsWith('f()') ? `body() {\n${body}\n}\n${start}\nf` : `${start}\n${body}`;
});

describe('associative arrays list their keys in bash 5.2 order', () => {
  it('random key sets and operations: nettwin and bash print the same', () => {
    fc.assert(
      fc.property(program, (src) => {
        const bash = viaBash(src);
        const nettwin = viaNettwin(src);
        expect(nettwin.unsupported).toEqual([]);
        expect(nettwin.stderr).toBe(bash.stderr);
        expect(nettwin.stdout).toBe(bash.stdout);
      }),
      { numRuns: Number(process.env.NETTWIN_ASSOC_RUNS ?? 120) },
    );
  }, 300_000);

  it('a table grown past 2 × 1024 keys, then thinned, keeps bash order', () => {
    const src = ['declare -A a', 'for i in $(seq 1 2100); do a[h$i]=$i; done', 'for i in $(seq 1 7 2100); do unset "a[h$i]"; done', 'a[new]=1; a[é]=2', 'echo "${!a[@]}"', 'echo "${#a[@]}"'].join(
      '\n',
    );
    const bash = viaBash(src);
    const nettwin = viaNettwin(src);
    expect(nettwin.unsupported).toEqual([]);
    expect(nettwin.stdout).toBe(bash.stdout);
    expect(bash.stdout.split('\n')[1]).toBe('1802');
  }, 120_000);
});
