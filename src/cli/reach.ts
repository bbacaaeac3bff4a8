/**
 * `nettwin reach FILE [--json]`: after FILE ran in the simulator, whether `ping -c 1` from
 * every namespace to every configured address (not 127/8) would get a reply, from a fresh
 * state. Small labs print a matrix; large ones a summary and the unreachable pairs.
 */
import { hashedRoutes, multipathHashText } from '../model/route.js';
import { hashedRoutes6 } from '../model/ipv6/fib6.js';
import { addrText, familyReach, type Family, type ReachTable } from './reach-family.js';
import { colorsFor, useColor } from './colors.js';
import { simulatedLab } from './lab-after.js';
import { progressBar } from './progress.js';

export interface ReachCliOptions {
  json?: boolean;
  /** most unreachable pairs listed in text (default 200) */
  limit?: number;
  /** a lab file's setup scripts may be outside its folder */
  allowOutside?: boolean;
  /** destinations of IPv4, IPv6 or both (default) */
  family?: Family;
}

const MATRIX_MAX = 40;

function destLabel(r: ReachTable, j: number): string {
  const d = r.destinations[j]!;
  return `${addrText(d.addr)} (${d.ns.path} ${d.dev.name})`;
}

export function formatReach(r: ReachTable, matrix: Uint8Array, limit: number, color = false): string {
  const c = colorsFor({ isTTY: color });
  const ns = r.sources.length;
  const nd = r.destinations.length;
  const pairs = ns * nd;
  let out = `reachability: ${ns} source namespace${ns === 1 ? '' : 's'} × ${nd} destination${nd === 1 ? '' : 's'}: ${r.reachableCount} of ${pairs} pairs reachable\n`;
  if (ns <= MATRIX_MAX && nd <= MATRIX_MAX && pairs > 0) {
    out += '\ndestinations:\n';
    for (let j = 0; j < nd; j++) out += `  ${String(j + 1).padStart(2)}  ${destLabel(r, j)}\n`;
    const w = Math.max(...r.sources.map((s) => s.path.length));
    out += `\n${''.padEnd(w)}  ${Array.from({ length: nd }, (_, j) => String(j + 1).padStart(2)).join(' ')}\n`;
    for (let i = 0; i < ns; i++) {
      const cells = Array.from({ length: nd }, (_, j) => (matrix[i * nd + j] ? c.green(' +') : c.red(' .')));
      out += `${r.sources[i]!.path.padEnd(w)}  ${cells.join(' ')}\n`;
    }
    out += `\n+ a reply, . no reply (ping -c 1 -W 1 from a fresh state)\n`;
    return out;
  }
  const bad = pairs - r.reachableCount;
  if (bad === 0) return out;
  out += `\nunreachable (${bad}):\n`;
  let n = 0;
  // indexOf finds the next unreachable pair natively: the matrix has sources × destinations cells
  for (let k = matrix.indexOf(0); k !== -1 && n < limit; k = matrix.indexOf(0, k + 1)) {
    const i = Math.floor(k / nd);
    const j = k % nd;
    out += `  ${r.sources[i]!.path} -> ${destLabel(r, j)}\n`;
    n++;
  }
  if (bad > n) out += `  … and ${bad - n} more (--json lists them all)\n`;
  return out;
}

export function reachJson(r: ReachTable, matrix: Uint8Array): object {
  const nd = r.destinations.length;
  const unreachable: { from: string; to: string }[] = [];
  for (let k = matrix.indexOf(0); k !== -1; k = matrix.indexOf(0, k + 1)) unreachable.push({ from: r.sources[Math.floor(k / nd)]!.path, to: addrText(r.destinations[k % nd]!.addr) });
  return {
    sources: r.sources.map((s) => s.path),
    destinations: r.destinations.map((d) => addrText(d.addr)),
    pairs: r.sources.length * nd,
    reachable: r.reachableCount,
    unreachable,
  };
}

/** Exit status: 0 printed (whatever the answers), 2 the file cannot be read or used (thrown). */
export async function reachCommand(file: string, opts: ReachCliOptions): Promise<number> {
  const lab = await simulatedLab(file, { allowOutside: opts.allowOutside });
  const bar = await progressBar('reach');
  const r = familyReach(lab, opts.family ?? 'all', { track: false, onProgress: (done, total) => (total >= 1_000_000 ? bar.update(done, total) : undefined) });
  let matrix: Uint8Array;
  try {
    matrix = r.matrix();
  } finally {
    bar.stop();
  }
  if (opts.json) process.stdout.write(`${JSON.stringify(reachJson(r, matrix))}\n`);
  else process.stdout.write(formatReach(r, matrix, opts.limit ?? 200, useColor(process.stdout)));
  // the pairs through a multipath route are answered by its first live hop: say so
  for (const ns of lab.model.namespaces()) {
    for (const route of hashedRoutes(ns.tables.values())) process.stderr.write(`nettwin: not modelled: ${multipathHashText(route)} in ${ns.path}; reach follows its first live hop\n`);
    for (const route of hashedRoutes6(ns.inet6.tables.values())) process.stderr.write(`nettwin: not modelled: ${multipathHashText(route)} in ${ns.path}; reach follows its first live sibling\n`);
  }
  return 0;
}
