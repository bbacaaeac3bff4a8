/**
 * Process substitution `<(…)`: the command runs to its end first (nettwin has no concurrent
 * pipe; what it prints is the same), and its output is kept in the run's scratch area as the
 * file /dev/fd/N the command line names — 63, then 62, … for the substitutions of one command,
 * as bash numbers them.
 */
import type { Run } from './expand.js';
import type { Shell } from './shell.js';
import { LimitSignal } from './signals.js';

/** the next descriptor of each shell */
const nextFd = new WeakMap<Shell, number>();

/** A new command: its substitutions are numbered from 63 again. */
export function restartProcsubs(sh: Shell): void {
  nextFd.set(sh, 63);
}

export function* processSubstitution(sh: Shell, text: string, line: number): Run<string> {
  const at = nextFd.get(sh) ?? 63;
  const fd = at;
  const next = Math.max(3, at - 1);
  // the status of a substitution is not the line's $? (cmdsub keeps it for `x=$(…)`)
  const lastSub = sh.lastSub;
  const out = yield* sh.cmdsub(text, line, `<(${text.trim()})`);
  sh.lastSub = lastSub;
  // the commands inside numbered their own substitutions from 63 again
  nextFd.set(sh, next);
  const why = sh.scratch.write(`/dev/fd/${fd}`, out, false);
  if (why) throw new LimitSignal(why);
  return `/dev/fd/${fd}`;
}
