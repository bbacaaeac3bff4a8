/**
 * `nettwin ls [--state FILE] [--json]`: the labs `run --persist` left on this machine, each with
 * its namespaces (the lab's path, the machine's name) and whether each is still the one the lab
 * made. Exit status: 0 listed (none is fine), 2 a state file that is not nettwin's, or not root.
 */
import { requireRealMode } from '../../adapters/linux/preconditions.js';
import { persistedLabs, type PersistedLab } from '../../adapters/linux/persist-exec.js';
import { defaultStatePath, StateFileError } from '../../adapters/linux/persist.js';

export function formatLabs(labs: readonly PersistedLab[], statePath: string): string {
  if (labs.length === 0) return `no persisted lab (none recorded in ${statePath})\n`;
  let out = '';
  for (const { run, namespaces } of labs) {
    const gone = namespaces.filter((n) => n.state !== 'present').length;
    out += `${run.id}  ${namespaces.length} namespace(s)${gone ? `, ${gone} not as made` : ''}, since ${run.created}${run.source ? `, from ${run.source}` : ''}\n`;
    const width = Math.max(...namespaces.map((n) => n.path.length));
    for (const n of namespaces) out += `  ${n.path.padEnd(width)}  ${n.name}${n.state === 'present' ? '' : `  (${n.state})`}\n`;
  }
  return out;
}

export async function lsCommand(opts: { state?: string; json?: boolean }): Promise<number> {
  requireRealMode();
  const statePath = opts.state ?? defaultStatePath();
  let labs: PersistedLab[];
  try {
    labs = persistedLabs(statePath);
  } catch (e) {
    if (!(e instanceof StateFileError)) throw e;
    process.stderr.write(`nettwin ls: ${e.message}\n`);
    return 2;
  }
  if (opts.json) {
    const json = labs.map(({ run, namespaces }) => ({ lab: run.id, prefix: run.prefix, created: run.created, source: run.source ?? null, namespaces }));
    process.stdout.write(`${JSON.stringify({ statePath, labs: json }, null, 2)}\n`);
  } else process.stdout.write(formatLabs(labs, statePath));
  return 0;
}
