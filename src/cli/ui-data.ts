/**
 * What the web view shows, built from what the CLI already prints: the neutral graph
 * (`graph`), `reach --json` and `explain --json` for one ping. The view (src/ui/) only draws
 * these documents, so a new kind of decision in explain's events appears there unchanged.
 */
import { modelGraph } from '../graph/model-graph.js';
import { parseIp4 } from '../model/ip.js';
import { parseIp6 } from '../model/ipv6/ip6.js';
import { resolveNsName } from '../labfile/ns-names.js';
import type { LoadLabOptions } from '../labfile/load.js';
import type { LabView, ViewSource } from '../ui/view.js';
import { comparePairs, reachPairs } from './reach-compare.js';
import { Lab } from '../lab.js';
import { isLabFile } from '../labfile/path.js';
import type { LabSpec } from '../labfile/spec.js';
import { loadInput } from './load.js';
import { explainJson, explainWithCause } from './explain.js';
import type { Step } from '../exec/step.js';
import { reachJson } from './reach.js';
import { pinsOf } from './ui-pins.js';

/** The lab a run leaves and the steps that made it. */
type Run = { lab: Lab; steps: Step[]; spec: LabSpec | null };

/**
 * Runs FILE in the simulator once; the view of the lab it leaves, its pings on demand, and its
 * scripts to edit (a script file, or a lab file's setup files): an edit runs the lab again from
 * the edited text in memory (the file on disk is not touched) and becomes what the view shows.
 * With `real`, the view is the kernel's instead (ui-real.ts).
 */
export async function labViewSource(file: string, opts: LoadLabOptions & { real?: boolean } = {}): Promise<ViewSource> {
  const lab = isLabFile(file) ? (await import('../labfile/load.js')).loadLabFile(file, opts) : null;
  const runSpec = async (spec: LabSpec): Promise<Run> => {
    const { runLabSim } = await import('../labfile/sim-lab.js');
    const r = runLabSim(spec);
    return { lab: new Lab(r.lab), steps: r.steps, spec };
  };
  const scripts = new Map<string, string>();
  if (lab) for (const h of lab.hosts) if (h.setup && h.setup.file !== file && h.setup.firstLine === 1) scripts.set(h.setup.file, h.setup.text);
  if (!lab) scripts.set(file, loadInput(file).text);
  const runText = async (name: string, text: string): Promise<Run> => {
    if (!lab) {
      const l = new Lab();
      return { lab: l, steps: l.host('host').sh(text, { file: name }), spec: null };
    }
    return runSpec({ ...lab, hosts: lab.hosts.map((h) => (h.setup?.file === name ? { ...h, setup: { ...h.setup, text } } : h)) });
  };
  let run = lab ? await runSpec(lab) : await runText(file, scripts.get(file)!);
  const viewOf = (r: Run): LabView => {
    const reach = r.lab.reach({ track: false });
    return {
      file,
      graph: modelGraph(r.lab.model),
      reach: reachJson(reach, reach.matrix()) as LabView['reach'],
      scripts: [...scripts].map(([name, text]) => ({ file: name, text })),
      pins: pinsOf(r.spec, { model: r.lab.model, steps: r.steps }, r.spec ? null : { file, text: scripts.get(file) ?? '' }),
    };
  };
  const src: ViewSource = {
    view: viewOf(run),
    explain(from: string, to: string) {
      // either family, as explain's --to takes it
      const dst = to.includes(':') ? parseIp6(to) : parseIp4(to);
      if (dst === null) return { error: `${JSON.stringify(to)} is not an IP address` };
      const ns = resolveNsName(
        run.lab.model.namespaces().map((n) => n.path),
        from,
      );
      if (ns.kind === 'error') return { error: ns.message };
      return { result: explainJson(explainWithCause(run.lab, run.steps, ns.path, dst)) };
    },
    async edit(name: string, text: string) {
      if (!scripts.has(name)) return { error: `${JSON.stringify(name)} is not one of this lab's scripts` };
      // the pairs gained and lost are reach --compare's, between the run shown and the edited one
      const before = reachPairs(run.lab);
      scripts.set(name, text);
      run = await runText(name, text);
      src.view = viewOf(run);
      return { view: src.view, change: comparePairs(before, reachPairs(run.lab)) };
    },
  };
  if (!opts.real) return src;
  const { kernelViewSource, scriptSpec } = await import('./ui-real.js');
  return kernelViewSource(src, lab ?? scriptSpec(file, scripts.get(file)!));
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
