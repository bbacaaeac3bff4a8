/**
 * `nettwin gen --topo single,N | linear,N | tree,D,F | k8s,NODES,PODS [--out FILE]`: one of
 * Mininet's topologies (or a k8s-style cluster) as a lab file, printed or written to FILE.
 */
import { OutputRefused, outputPathProblem, writeOutputFile } from '../files/output-path.js';
import { parseTopology, topologyLab } from '../labfile/topologies.js';
import { UsageError } from './usage.js';

/**
 * Exit status: 0 written, 2 a bad topology (a usage error, thrown) or a file that cannot be
 * written (the reason on stderr).
 *
 * @example await genTopoCommand('tree,2,2', 'tree.yaml') // tree.yaml: 4 hosts, 3 switches
 */
export async function genTopoCommand(topo: string, out: string | undefined): Promise<number> {
  let text: string;
  try {
    text = topologyLab(parseTopology(topo));
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
  if (out === undefined) {
    process.stdout.write(text);
    return 0;
  }
  const bad = outputPathProblem(out);
  try {
    if (bad) throw new OutputRefused(out, bad);
    writeOutputFile(out, text);
  } catch (e) {
    process.stderr.write(`nettwin gen: cannot write to ${out}: ${e instanceof OutputRefused ? e.reason : e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  process.stdout.write(`nettwin gen: wrote ${out} (--topo ${topo}); run it with: nettwin run ${out}\n`);
  return 0;
}
