/**
 * Usage errors: an unknown option or command, a missing argument, a bad value, flags that do
 * not go together. Every one exits 2 with one line on stderr that names the problem and where
 * the help is (`nettwin run: unknown option '--foo' (see nettwin run --help)`), never the
 * whole usage text, so that exit 1 keeps meaning "found problems" for lint, diff and verify.
 */
import { InvalidArgumentError } from 'commander';

/**
 * A usage error found by a subcommand's own checks; the CLI prints it as one line with a hint.
 *
 * @example throw new UsageError('--state goes with --persist');
 */
export class UsageError extends Error {}

/** The exit status of every usage error. */
export const USAGE_EXIT = 2;

/**
 * The one line printed for a usage error of `command` (`''` for nettwin itself). Commander's
 * own text ("error: unknown option '--jsno'\n(Did you mean --json?)") is folded into one line.
 *
 * @example usageLine('run', "error: unknown option '--foo'\n") // "nettwin run: unknown option '--foo' (see nettwin run --help)\n"
 */
export function usageLine(command: string, message: string): string {
  const text = message
    .replace(/^error: /, '')
    .trim()
    .replace(/\s*\n\s*\(Did you mean (.*)\?\)$/s, (_, s: string) => ` (did you mean ${s}?)`)
    .replace(/\s*\n\s*/g, ' ');
  const who = command ? `nettwin ${command}` : 'nettwin';
  return `${who}: ${text} (see ${who} --help)\n`;
}

/**
 * Prints a usage error of `command` on stderr and returns its exit status, for subcommands
 * that check their own options.
 *
 * @example return usageFailure('graph', 'unknown format "svg": mermaid or dot');
 */
export function usageFailure(command: string, message: string): number {
  process.stderr.write(usageLine(command, message));
  return USAGE_EXIT;
}

/**
 * A commander option parser for an integer from `min` to `max` (decimal digits only: `1.5`,
 * `1e3`, `0x10` and `-1` below a `min` of 0 are refused).
 *
 * @example new Option('--seed <n>').argParser(integerIn(0, 2 ** 31 - 1))
 */
export function integerIn(min: number, max: number): (value: string) => number {
  return (value: string) => {
    const n = /^-?\d{1,16}$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new InvalidArgumentError(`It must be an integer from ${min} to ${max}.`);
    return n;
  };
}
