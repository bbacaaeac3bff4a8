/**
 * `date` against coreutils' own: at a time given with `-d @SECONDS` (the one thing both can be
 * asked to print alike — the time now is the machine's wall clock against the simulator's
 * virtual clock), every format nettwin prints gives the same text as /bin/date in the C locale
 * and UTC. What it does not print (a set clock, a file, other date strings, conversions with
 * flags) is reported, not guessed.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const TIMES = ['0', '86399', '951782400', '1000000000', '1765130221', '4102444799'];
const FORMATS = [
  [],
  ['-u'],
  ['-R'],
  ['-I'],
  ['-Iseconds'],
  ['--iso-8601=minutes'],
  ['--iso-8601=ns'],
  ['--rfc-3339=seconds'],
  ['+%s'],
  ['+%Y-%m-%d %H:%M:%S'],
  ['+%a %A %b %B %h %C %d %D %e %F %H %I %j %k %l %m %M %p %R %S %T %u %w %y %Y %z %Z %%'],
  ['+%c|%n|%t|%N'],
];

function viaCoreutils(argv: string[]): string {
  const r = spawnSync('date', argv, { encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LC_ALL: 'C', TZ: 'UTC' } });
  return r.stdout;
}

function viaNettwin(argv: string[]): { stdout: string; supported: boolean } {
  const quoted = argv.map((a) => `'${a}'`).join(' ');
  const [s] = new Lab().host('h').sh(`date ${quoted}`);
  return { stdout: s!.stdout, supported: s!.supported };
}

describe('date against coreutils', () => {
  for (const f of FORMATS) {
    it(`date ${f.join(' ')}`, () => {
      for (const t of TIMES) {
        const argv = ['-d', `@${t}`, ...f];
        const n = viaNettwin(argv);
        expect(n.supported, argv.join(' ')).toBe(true);
        expect(n.stdout, argv.join(' ')).toBe(viaCoreutils(argv));
      }
    });
  }

  it('prints the virtual clock, which starts at the epoch and moves with sleep', () => {
    const steps = new Lab().host('h').sh('date +%s\nsleep 90\ndate\ndate -u +%T');
    expect(steps.map((s) => s.stdout)).toEqual(['0\n', '', 'Thu Jan  1 00:01:30 UTC 1970\n', '00:01:30\n']);
  });

  it('reports what it does not print', () => {
    for (const line of ['date -s 2020-01-01', 'date -f /etc/passwd', 'date -d tomorrow', 'date +%-d', 'date -r /etc/hosts']) {
      const [s] = new Lab().host('h').sh(line);
      expect(s!.supported, line).toBe(false);
    }
  });
});
