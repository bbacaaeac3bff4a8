/**
 * What the web view shows, built from what the CLI already prints: the neutral graph
 * (`graph`), `reach --json` and `explain --json` for one ping. The view (src/ui/) only draws
 * these documents, so a new kind of decision in explain's events appears there unchanged.
 */
import { modelGraph } from '../graph/model-graph.js';
import { parseIp4 } from '../model/ip.js';
import { resolveNsName } from '../labfile/ns-names.js';
import type { LoadLabOptions } from '../labfile/load.js';
import type { LabView, ViewSource } from '../ui/view.js';
import { explainJson, explainWithCause } from './explain.js';
import { simulatedRun } from './lab-after.js';
import { reachJson } from './reach.js';

/** Runs FILE in the simulator once; the view of the lab it leaves and its pings on demand. */
export async function labViewSource(file: string, opts: LoadLabOptions = {}): Promise<ViewSource> {
  const { lab, steps } = await simulatedRun(file, opts);
  const r = lab.reach({ track: false });
  const view: LabView = {
    file,
    graph: modelGraph(lab.model),
    reach: reachJson(r, r.matrix()) as LabView['reach'],
  };
  const paths = lab.model.namespaces().map((ns) => ns.path);
  return {
    view,
    explain(from: string, to: string) {
      const dst = parseIp4(to);
      if (dst === null) return { error: `${JSON.stringify(to)} is not an IPv4 address` };
      const ns = resolveNsName(paths, from);
      if (ns.kind === 'error') return { error: ns.message };
      return { result: explainJson(explainWithCause(lab, steps, ns.path, dst)) };
    },
  };
}

/** Every ping of the matrix explained, for a static page that has no server to ask (small labs only). */
export function allExplains(src: ViewSource, maxPairs = 400): Record<string, object> | null {
  const { sources, destinations } = src.view.reach;
  if (sources.length * destinations.length > maxPairs) return null;
  const out: Record<string, object> = {};
  for (const from of sources) {
    for (const to of destinations) {
      const x = src.explain(from, to);
      if ('result' in x) out[`${from} ${to}`] = x.result;
    }
  }
  return out;
}
