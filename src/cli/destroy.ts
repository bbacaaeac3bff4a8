/**
 * `nettwin destroy [LAB] [--state FILE] [--json]`: removes what `run --persist` created (lab LAB,
 * or every recorded lab), exactly the namespaces its state file records and that are still the
 * ones the run made, and forgets them. Running it again is harmless: it says there is nothing to
 * destroy. A state file that is not a nettwin state file is refused before anything is deleted.
 */
import { destroyRecorded, formatDestroy, StateFileError } from '../../adapters/linux/persist.js';
import { requireRealMode } from '../../adapters/linux/preconditions.js';

export interface DestroyOptions {
  state?: string;
  /** one lab (its name, or its prefix `nt-NAME-`), else every recorded one */
  run?: string;
  json?: boolean;
}

/**
 * Exit status: 0 removed (or nothing to remove), 1 some namespace could not be removed or could
 * not be proven to be the run's, 2 a state file that is not nettwin's, or not possible here.
 */
export async function destroyCommand(opts: DestroyOptions): Promise<number> {
  requireRealMode();
  let report: ReturnType<typeof destroyRecorded>;
  try {
    report = destroyRecorded({ statePath: opts.state, id: opts.run });
  } catch (e) {
    if (!(e instanceof StateFileError)) throw e;
    process.stderr.write(`nettwin destroy: ${e.message}; nothing was removed\n`);
    return 2;
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  else process.stdout.write(formatDestroy(report));
  return report.failed.length > 0 ? 1 : 0;
}
