/**
 * `nettwin ui FILE --real`: the view of the lab as the kernel has it. The lab runs on the kernel
 * in a throwaway sandbox (adapters/linux/reach-real.ts); the drawing is the state read back from
 * it and every cell of the matrix is a real ping there. The simulator's explanation of a ping
 * is still offered, beside the kernel's own line for it, and says which is which; editing is
 * off (an edit would have to be asked of the kernel again).
 */
import { modelGraph } from '../graph/model-graph.js';
import type { LabSpec } from '../labfile/spec.js';
import type { LabView, ViewSource } from '../ui/view.js';

/** A script file as a lab of one host, `host`, as the simulator runs it. */
export function scriptSpec(file: string, text: string): LabSpec {
  return { file, name: null, profile: null, hosts: [{ name: 'host', nics: [], setup: { file, text, firstLine: 1 } }], links: [], run: [], expect: [] };
}

/** Turns a simulated view source into the kernel's: asks the kernel, then answers from what it said. */
export async function kernelViewSource(sim: ViewSource, spec: LabSpec): Promise<ViewSource> {
  const { requireRealMode } = await import('../../adapters/linux/preconditions.js');
  for (const w of requireRealMode()) process.stderr.write(`nettwin: ${w}\n`);
  const { reachLabReal } = await import('../../adapters/linux/reach-real.js');
  const { sources, destinations } = sim.view.reach;
  const k = await reachLabReal(spec, sources, destinations);
  const answers: Record<string, string> = {};
  const unreachable: { from: string; to: string }[] = [];
  for (const [i, from] of sources.entries()) {
    for (const [j, to] of destinations.entries()) {
      const n = i * destinations.length + j;
      answers[`${from} ${to}`] = k.lines[n]!;
      if (!k.replied[n]) unreachable.push({ from, to });
    }
  }
  const pairs = sources.length * destinations.length;
  const view: LabView = {
    file: sim.view.file,
    graph: modelGraph(k.model),
    reach: { sources, destinations, pairs, reachable: pairs - unreachable.length, unreachable },
    scripts: [],
    // lint reads the scripts; failing intents would be the simulator's verdicts, not the kernel's
    pins: sim.view.pins.filter((p) => p.source === 'lint'),
    real: { kernel: k.kernel, answers },
  };
  return {
    view,
    explain(from, to) {
      const x = sim.explain(from, to);
      const line = answers[`${from} ${to}`];
      if ('error' in x || line === undefined) return x;
      return { result: { ...x.result, kernel: { replied: !unreachable.some((u) => u.from === from && u.to === to), line } } };
    },
    async edit() {
      return { error: "the kernel's view cannot be edited: run nettwin ui without --real to edit and re-run in the simulator" };
    },
  };
}
