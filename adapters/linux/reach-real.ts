/**
 * Reachability asked of the kernel (`nettwin ui FILE --real`): the lab built in a throwaway
 * sandbox as `verify --real` builds it (wiring, setups, `run` list), then one real
 * `ping -c 1 -W 1` per pair (source namespace, destination address) and the kernel's state read
 * back. The pairs are the simulator's (`reach`), so the two matrices are over the same cells;
 * every answer in the result is the kernel's.
 */
import { parseIp4 } from '../../src/model/ip.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import type { LabModel } from '../../src/model/lab-model.js';
import { runLabSim } from '../../src/labfile/sim-lab.js';
import { wiringPlan } from '../../src/labfile/plan.js';
import type { LabSpec } from '../../src/labfile/spec.js';
import { execIn, pingLine, readBackModel } from './verify-real.js';

export interface KernelReach {
  /** the kernel's state after the lab ran, read back (`ip -j`, `sysctl`) */
  model: LabModel;
  /** per pair, in sources × destinations order: whether the kernel's ping got a reply, and its line */
  replied: boolean[];
  lines: string[];
  /** the kernel that answered (`uname -r` in the sandbox) */
  kernel: string;
}

/** At most `n` at a time, results in order. */
async function limited<T, R>(items: readonly T[], n: number, f: (t: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const k = next++;
      out[k] = await f(items[k]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(n, items.length) }, worker));
  return out;
}

/**
 * Builds the lab on the kernel and pings every pair there.
 *
 * @example
 * const r = await reachLabReal(loadLabFile('examples/seed/lab.yaml'), ['node1/NS1'], ['172.16.0.3']);
 * r.replied; // [true]
 */
export async function reachLabReal(spec: LabSpec, sources: readonly string[], destinations: readonly string[], concurrency = 8): Promise<KernelReach> {
  for (const d of destinations) if (parseIp4(d) === null) throw new Error(`${JSON.stringify(d)} is not an IPv4 address`);
  const kernel = spec.kernel ? KERNEL_PROFILES[spec.kernel] : undefined;
  const { lab } = runLabSim(spec, { kernel });
  const known = new Set(lab.model.namespaces().map((n) => n.path));
  for (const s of sources) if (!known.has(s)) throw new Error(`${JSON.stringify(s)} is not a namespace of the lab`);
  const { Sandbox, sandboxKernelFor } = await import('./sandbox.js');
  const { wireLab } = await import('./real-lab.js');
  const { runScriptReal } = await import('./real-driver.js');
  const names = spec.hosts.map((h) => h.name);
  // one host alone still gets its own namespace, so its root differs from the machine room
  const sb = await Sandbox.open({ hosts: names.length === 1 ? [...names, '.infra'] : names, kernel: sandboxKernelFor(kernel) });
  try {
    await wireLab(sb, spec);
    for (const h of spec.hosts) {
      if (h.setup) await runScriptReal(h.setup.text, { file: h.setup.file, host: h.name, sandbox: sb, sandboxHost: h.name, lineOf: (l) => l + h.setup!.firstLine - 1 });
    }
    for (const r of spec.run) await runScriptReal(r.command, { file: spec.file, host: r.host, sandbox: sb, sandboxHost: r.host });
    const room = wiringPlan(spec).some((w) => w.kind !== 'cable');
    const model = await readBackModel(sb, lab.model, room);
    const pairs = sources.flatMap((from) => destinations.map((to) => [from, to] as const));
    const answers = await limited(pairs, concurrency, ([from, to]) => execIn(sb, from, ['ping', '-c', '1', '-W', '1', to], { timeoutMs: 15_000 }));
    const uname = await execIn(sb, names[0]!, ['uname', '-r']);
    return { model, replied: answers.map((a) => a.exit === 0), lines: answers.map(pingLine), kernel: uname.stdout.trim() };
  } finally {
    await sb.close();
  }
}
