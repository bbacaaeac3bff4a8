/**
 * A lab file run on the kernel: one sandbox, each host a network + mount namespace of it (so
 * every host has its own /run/netns), the wiring built from the sandbox's root namespace in
 * the same order as the simulator builds it, then setups and `run` entries.
 */
import { nicCommands, wiringPlan } from '../../src/labfile/plan.js';
import type { LabSpec } from '../../src/labfile/spec.js';
import { buildLab } from '../../src/labfile/sim-lab.js';
import type { Step } from '../../src/script/step.js';
import { runScriptReal } from './real-driver.js';
import { Sandbox, type ExecResult } from './sandbox.js';
import { withSpeculation } from './run-real.js';

function check(r: ExecResult, what: string): void {
  if (r.exit !== 0) throw new Error(`${what}: ${r.stderr.trim() || `exit ${r.exit}`}`);
}

/** Builds the wiring of a lab inside an open sandbox whose hosts are the lab's hosts. */
export async function wireLab(sb: Sandbox, spec: LabSpec): Promise<void> {
  const pid = (h: string) => String(sb.hostPids[h]);
  for (const w of wiringPlan(spec)) {
    if (w.kind === 'cable') {
      check(await sb.cable({ host: w.a.host, ifname: w.a.ifname }, { host: w.b.host, ifname: w.b.ifname }), `cable ${w.a.host}:${w.a.ifname}`);
    } else if (w.kind === 'switch') {
      check(await sb.execRoot(['ip', 'link', 'add', w.bridge, 'type', 'bridge']), `switch ${w.bridge}`);
      for (const p of w.ports) {
        check(await sb.execRoot(['ip', 'link', 'add', p.end.ifname, 'netns', pid(p.end.host), 'type', 'veth', 'peer', 'name', p.port]), `switch port ${p.port}`);
        check(await sb.execRoot(['ip', 'link', 'set', p.port, 'master', w.bridge]), `switch port ${p.port}`);
        check(await sb.execRoot(['ip', 'link', 'set', p.port, 'up']), `switch port ${p.port}`);
      }
      check(await sb.execRoot(['ip', 'link', 'set', w.bridge, 'up']), `switch ${w.bridge}`);
    } else {
      check(await sb.execRoot(['ip', 'link', 'add', w.end.ifname, 'netns', pid(w.end.host), 'type', 'veth', 'peer', 'name', w.far]), `nic ${w.end.host}:${w.end.ifname}`);
      check(await sb.execRoot(['ip', 'link', 'set', w.far, 'up']), `nic ${w.end.host}:${w.end.ifname}`);
    }
  }
  for (const h of spec.hosts) {
    for (const argv of nicCommands(spec, h.name)) check(await sb.exec(h.name, argv), `host ${h.name}: ${argv.join(' ')}`);
  }
}

/**
 * Runs a lab on the kernel; write-only commands run in checked batches, and a missed
 * prediction runs the whole lab again command by command (see run-real.ts).
 */
export async function runLabReal(spec: LabSpec, opts: { speculate?: boolean } = {}): Promise<Step[]> {
  return withSpeculation(opts.speculate ?? true, (speculate) => runLabOnce(spec, speculate));
}

async function runLabOnce(spec: LabSpec, speculate: boolean): Promise<Step[]> {
  // One host alone still gets its own namespace, so its root differs from the machine room.
  const names = spec.hosts.map((h) => h.name);
  const sb = await Sandbox.open({ hosts: names.length === 1 ? [...names, '.infra'] : names });
  try {
    await wireLab(sb, spec);
    // the simulator beside the kernel decides which lines are modelled, as in a simulated run
    const shadowLab = buildLab(spec);
    const shadowOf = (host: string) => ({ host: shadowLab.model.hosts.get(host)!, sim: shadowLab.sim });
    const steps: Step[] = [];
    for (const h of spec.hosts) {
      if (!h.setup) continue;
      const s = await runScriptReal(h.setup.text, { file: h.setup.file, host: h.name, sandbox: sb, sandboxHost: h.name, lineOf: (l) => l + h.setup!.firstLine - 1, shadow: shadowOf(h.name), speculate });
      for (const x of s) x.line += h.setup.firstLine - 1;
      steps.push(...s);
    }
    for (const r of spec.run) {
      const s = await runScriptReal(r.command, { file: spec.file, host: r.host, sandbox: sb, sandboxHost: r.host, lineOf: () => r.line, shadow: shadowOf(r.host), speculate });
      for (const x of s) x.line = r.line;
      steps.push(...s);
    }
    return steps;
  } finally {
    await sb.close();
  }
}
