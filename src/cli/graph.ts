/** `nettwin graph FILE [--format mermaid|dot|html] [--trace FROM TO]`: a diagram of the lab after FILE ran in the simulator. */
import { toDot } from '../graph/dot.js';
import { toMermaid } from '../graph/mermaid.js';
import { modelGraph, type GraphTrace } from '../graph/model-graph.js';
import { tracePath } from '../graph/trace-path.js';
import { resolveNsName } from '../labfile/ns-names.js';
import { Lab } from '../lab.js';
import { isLabFile, loadLabFile, type LoadLabOptions } from '../labfile/load.js';
import { runLabSim } from '../labfile/sim-lab.js';
import { loadInput } from './load.js';
import { usageFailure } from './usage.js';

export interface GraphOptions {
  /** `mermaid` (default), `dot`, or `html` (the web view as one offline file) */
  format?: string;
  /** highlight the path of one ping: [namespace (`host/NS`), IPv4 address] */
  trace?: [string, string];
  /** a lab file's setup scripts may be outside its folder */
  allowOutside?: boolean;
}

/** Runs FILE (a script on host `host`, or a lab file) in the simulator and draws the result. */
export function labAfter(file: string, opts: LoadLabOptions = {}): Lab {
  if (isLabFile(file)) return new Lab(runLabSim(loadLabFile(file, opts)).lab);
  const input = loadInput(file);
  const lab = new Lab();
  lab.host('host').sh(input.text, { file });
  return lab;
}

/** Prints the diagram on stdout. Exit status: 0 drawn, 2 bad options (or, thrown, a bad file). */
export async function graphCommand(file: string, opts: GraphOptions): Promise<number> {
  const format = opts.format ?? 'mermaid';
  if (format !== 'mermaid' && format !== 'dot' && format !== 'html') return usageFailure('graph', `unknown format ${JSON.stringify(format)}: mermaid, dot or html`);
  if (format === 'html') {
    if (opts.trace) return usageFailure('graph', '--trace goes with mermaid or dot (the HTML view steps any ping of its matrix)');
    const { labViewSource, allExplains } = await import('./ui-data.js');
    const { pageHtml } = await import('../ui/page.js');
    const src = await labViewSource(file, { allowOutside: opts.allowOutside });
    process.stdout.write(pageHtml({ mode: 'static', view: src.view, explains: allExplains(src) }, file));
    return 0;
  }
  if (opts.trace && opts.trace.length !== 2) return usageFailure('graph', '--trace takes two values: FROM (host/NS) and TO (an IPv4 address)');
  const lab = labAfter(file, { allowOutside: opts.allowOutside });
  const g = modelGraph(lab.model);
  let trace: GraphTrace | undefined;
  if (opts.trace) {
    const from = resolveNsName(
      lab.model.namespaces().map((ns) => ns.path),
      opts.trace[0],
    );
    if (from.kind === 'error') return usageFailure('graph', `--trace: ${from.message}`);
    const t = tracePath(lab.twin, g, from.path, opts.trace[1]);
    if (t.kind === 'error') return usageFailure('graph', `--trace: ${t.message}`);
    trace = t.trace;
  }
  process.stdout.write(format === 'dot' ? toDot(g, { trace }) : toMermaid(g, { trace }));
  return 0;
}
