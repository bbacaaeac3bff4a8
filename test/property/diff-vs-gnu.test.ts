/**
 * diff's hunks against GNU diff's: random pairs of files (few distinct lines, so many ties and
 * repeated lines — where a merely minimal edit script and diff's choice part ways — some long
 * enough for diff's discarding of confusing lines, some without a final newline) give the same
 * normal-format output and exit status from nettwin's diff and the machine's.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { diff } from '../../src/programs/diff/diff.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-diff-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const file = (alphabet: string[], max: number): fc.Arbitrary<string> =>
  fc.tuple(fc.array(fc.constantFrom(...alphabet), { maxLength: max }), fc.boolean()).map(([ls, cut]) => {
    const s = ls.map((l) => `${l}\n`).join('');
    return cut && s ? s.slice(0, -1) : s;
  });

const pair = fc.integer({ min: 2, max: 12 }).chain((k) => {
  const alphabet = 'abcdefghijkl'.slice(0, k).split('');
  return fc.oneof(fc.tuple(file(alphabet, 10), file(alphabet, 10)), fc.tuple(file(alphabet, 120), file(alphabet, 120)));
});

function gnu(x: string, y: string): { stdout: string; status: number } {
  fs.writeFileSync(path.join(dir, 'x'), x);
  fs.writeFileSync(path.join(dir, 'y'), y);
  const r = spawnSync('diff', ['x', 'y'], { cwd: dir, encoding: 'utf8', env: { LC_ALL: 'C', PATH: '/usr/bin:/bin' } });
  return { stdout: r.stdout, status: r.status ?? -1 };
}

describe('diff against GNU diff', () => {
  it('prints the same hunks for random files', () => {
    fc.assert(
      fc.property(pair, ([x, y]) => {
        const mine = diff(['/tmp/x', '/tmp/y'], { stdin: '', files: { read: (p: string) => (p.endsWith('x') ? x : y) } as never });
        const real = gnu(x, y);
        expect(mine.unsupported).toBeUndefined();
        expect(mine.stdout).toBe(real.stdout);
        expect(mine.exit).toBe(real.status);
      }),
      { numRuns: 400 },
    );
  });
});
