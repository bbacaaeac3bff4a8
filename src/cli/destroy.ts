/**
 * `nettwin destroy [--state FILE] [--run ID] [--json]`: removes what `run --real --persist`
 * created, exactly the namespaces its state file records, and forgets them. Running it again
 * is harmless: it says there is nothing to destroy.
 */
import { destroyRecorded, formatDestroy } from '../../adapters/linux/persist.js';
import { requireRealMode } from '../../adapters/linux/preconditions.js';

export interface DestroyOptions {
  state?: string;
  run?: string;
  json?: boolean;
}

/** Exit status: 0 removed (or nothing to remove), 1 some namespace could not be removed, 2 not possible here. */
export async function destroyCommand(opts: DestroyOptions): Promise<number> {
  requireRealMode();
  const report = destroyRecorded({ statePath: opts.state, id: opts.run });
  if (opts.json) process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatDestroy(report));
  return report.failed.length > 0 ? 1 : 0;
}
