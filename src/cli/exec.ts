/**
 * `nettwin exec LAB HOST[/NS] [--state FILE] -- COMMAND…`: one command in one namespace of a
 * persisted lab, as argv, after the checks a script line passes (adapters/linux/persist-exec.ts).
 * Exit status: the command's own; 2 an unknown lab or namespace, a command exec does not run, a
 * state file that is not nettwin's, or not root.
 */
import { requireRealMode } from '../../adapters/linux/preconditions.js';
import { ExecRefused, execInLab } from '../../adapters/linux/persist-exec.js';
import { StateFileError } from '../../adapters/linux/persist.js';

export async function execCommand(lab: string, target: string, argv: string[], opts: { state?: string }): Promise<number> {
  requireRealMode();
  try {
    return execInLab(lab, target, argv, { statePath: opts.state });
  } catch (e) {
    if (!(e instanceof ExecRefused) && !(e instanceof StateFileError)) throw e;
    process.stderr.write(`nettwin exec: ${e.message}\n`);
    return 2;
  }
}
