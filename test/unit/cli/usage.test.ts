/** One line for every usage error, and the integer option parser. */
import { describe, expect, it } from 'vitest';
import { integerIn, usageLine } from '../../../src/cli/usage.js';

describe('usageLine', () => {
  it("folds commander's text into one line with the help to see", () => {
    expect(usageLine('run', "error: unknown option '--foo'\n")).toBe("nettwin run: unknown option '--foo' (see nettwin run --help)\n");
    expect(usageLine('run', "error: unknown option '--jsno'\n(Did you mean --json?)\n")).toBe("nettwin run: unknown option '--jsno' (did you mean --json?) (see nettwin run --help)\n");
    expect(usageLine('', "error: unknown command 'frob'\n")).toBe("nettwin: unknown command 'frob' (see nettwin --help)\n");
    expect(usageLine('gen', 'a\n  b\n')).toBe('nettwin gen: a b (see nettwin gen --help)\n');
  });
});

describe('integerIn', () => {
  it('takes decimal integers in range and nothing else', () => {
    const p = integerIn(0, 100);
    expect(p('0')).toBe(0);
    expect(p('100')).toBe(100);
    for (const bad of ['-1', '101', '1.5', '1e2', '0x10', '', ' 1', 'NaN', 'Infinity', '99999999999999999999']) expect(() => p(bad), bad).toThrow(/It must be an integer from 0 to 100/);
  });
});
