/**
 * getopt_long with glibc's own error messages (opterr on), as iptables-save and
 * iptables-restore read their options: `PROG: unrecognized option '--x'`, `PROG: invalid
 * option -- 'z'`, `PROG: option requires an argument -- 'T'`. Options are permuted in front of
 * the other words, as GNU getopt does.
 */
import { Getopt, shortOptions, type LongOpt } from './getopt.js';

export type GetoptAnswer = { options: [string, string | null][]; rest: string[] } | { error: string };

/**
 * `longs` maps a long name to its short letter, with `:` after it when it takes an argument
 * (`'table': 't:'`).
 *
 * @example
 * glibcGetopt('iptables-save', ['-c', '-t', 'nat'], 'ct:', { counters: 'c', table: 't:' });
 * // { options: [['c', null], ['t', 'nat']], rest: [] }
 */
export function glibcGetopt(prog: string, argv: readonly string[], short: string, longs: Record<string, string>): GetoptAnswer {
  const longOpts: LongOpt[] = Object.entries(longs).map(([name, v]) => ({ name, hasArg: v.endsWith('::') ? 2 : v.endsWith(':') ? 1 : 0, val: v[0]! }));
  const options: [string, string | null][] = [];
  const rest: string[] = [];
  const shorts = shortOptions(short);
  const g = new Getopt(argv, shorts, longOpts);
  for (;;) {
    const r = g.next();
    if (r === null) {
      rest.push(...argv.slice(g.optind));
      break;
    }
    if (r.c === 1) {
      rest.push(r.arg);
      continue;
    }
    if ('word' in r && r.c === '?') {
      if (r.word.startsWith('--')) return { error: `${prog}: unrecognized option '${r.word}'\n` };
      const letter =
        r.word
          .slice(1)
          .split('')
          .find((ch: string) => !shorts.has(ch)) ?? r.word[1]!;
      return { error: `${prog}: invalid option -- '${letter}'\n` };
    }
    if ('word' in r) {
      if (r.word.startsWith('--')) return { error: `${prog}: option '${r.word}' requires an argument\n` };
      return { error: `${prog}: option requires an argument -- '${r.word[r.word.length - 1]}'\n` };
    }
    options.push([r.c, 'arg' in r ? r.arg : null]);
  }
  return { options, rest };
}
