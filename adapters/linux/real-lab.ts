/**
 * A lab file run on the kernel: one sandbox, each host a network + mount namespace of it (so
 * every host has its own /run/netns), the wiring built from the sandbox's root namespace in
 * the same order as the simulator builds it, then setups and `run` entries.
 */
import { nicCommands, wiringPlan } from '../../src/labfile/plan.js';
import type { LabSpec } from '../../src/labfile/spec.js';
import { buildLab } from '../../src/labfile/sim-lab.js';
import type { Step } from '../../src/exec/step.js';
import { runScriptReal } from './real-driver.js';
import { batchLine } from './compile.js';
import { Sandbox, sandboxKernelFor, type ExecResult } from './sandbox.js';
import { withSpeculation } from './run-real.js';
import type { KernelProfile } from '../../src/model/kernel-profile.js';
import { KernelCapture, type KernelPcap } from './real-pcap.js';

function check(r: ExecResult, what: string): void {
  if (r.exit !== 0) throw new Error(`${what}: ${r.stderr.trim() || `exit ${r.exit}`}`);
}

/**
 * Builds the wiring of a lab inside an open sandbox whose hosts are the lab's hosts: the
 * machine room's part (switches, their ports, stub ends) as `ip -batch` in the sandbox's root,
 * cables one by one (they name two hosts' namespaces), all in the plan's order; then each
 * host's NIC addresses and links up as one `ip -batch` in that host.
 */
export async function wireLab(sb: Sandbox, spec: LabSpec): Promise<void> {
  const pid = (h: string) => String(sb.hostPids[h]);
  let room: string[][] = [];
  // in the plan's order (ifindexes are handed out in it): the room's batch so far before a cable
  const flushRoom = async () => {
    if (room.length) check(await sb.execRoot(['ip', '-batch', '-'], { input: `${room.map(batchLine).join('\n')}\n` }), 'wiring the machine room');
    room = [];
  };
  for (const w of wiringPlan(spec)) {
    if (w.kind === 'cable') {
      await flushRoom();
      check(await sb.cable({ host: w.a.host, ifname: w.a.ifname }, { host: w.b.host, ifname: w.b.ifname }), `cable ${w.a.host}:${w.a.ifname}`);
    } else if (w.kind === 'switch') {
      room.push(['link', 'add', w.bridge, 'type', 'bridge']);
      for (const p of w.ports) {
        room.push(['link', 'add', p.end.ifname, 'netns', pid(p.end.host), 'type', 'veth', 'peer', 'name', p.port]);
        room.push(['link', 'set', p.port, 'master', w.bridge]);
        room.push(['link', 'set', p.port, 'up']);
      }
      room.push(['link', 'set', w.bridge, 'up']);
    } else {
      room.push(['link', 'add', w.end.ifname, 'netns', pid(w.end.host), 'type', 'veth', 'peer', 'name', w.far]);
      room.push(['link', 'set', w.far, 'up']);
    }
  }
  await flushRoom();
  await Promise.all(
    spec.hosts.map(async (h) => {
      const cmds = nicCommands(spec, h.name);
      if (cmds.length) check(await sb.exec(h.name, ['ip', '-batch', '-'], { input: `${cmds.map((argv) => batchLine(argv.slice(1))).join('\n')}\n` }), `host ${h.name}: NIC addresses`);
    }),
  );
}

/**
 * Runs a lab on the kernel; write-only commands run in checked batches, and a missed
 * prediction runs the whole lab again command by command (see run-real.ts).
 */
export async function runLabReal(
  spec: LabSpec,
  opts: {
    speculate?: boolean;
    /** lines done of all the lab's scripts */
    onProgress?: (done: number, total: number) => void;
    /** the kernel the shadow simulation models (default: this machine's, kernel-detect.ts) */
    kernel?: KernelProfile;
    /** capture every device of the hosts (`run --real --pcap`): the files, once the lab ran */
    pcap?: (files: KernelPcap[]) => void;
  } = {},
): Promise<Step[]> {
  const kernel = opts.kernel ?? (await (await import('./kernel-detect.js')).resolveKernelProfile('auto')).profile;
  return withSpeculation(opts.speculate ?? true, (speculate) => runLabOnce(spec, speculate, kernel, opts.onProgress, opts.pcap));
}

async function runLabOnce(spec: LabSpec, speculate: boolean, kernel: KernelProfile, onProgress?: (done: number, total: number) => void, pcap?: (files: KernelPcap[]) => void): Promise<Step[]> {
  // One host alone still gets its own namespace, so its root differs from the machine room.
  const names = spec.hosts.map((h) => h.name);
  const sb = await Sandbox.open({ hosts: names.length === 1 ? [...names, '.infra'] : names, kernel: sandboxKernelFor(kernel) });
  try {
    await wireLab(sb, spec);
    // the simulator beside the kernel decides which lines are modelled, as in a simulated run
    const shadowLab = buildLab(spec, kernel);
    const shadowOf = (host: string) => ({ host: shadowLab.model.hosts.get(host)!, sim: shadowLab.sim });
    const cap = pcap ? new KernelCapture(names) : null;
    const beforeTraffic = cap ? (s: Sandbox) => cap.beforeTraffic(s) : undefined;
    const steps: Step[] = [];
    const total = spec.hosts.reduce((n, h) => n + (h.setup ? h.setup.text.split('\n').length : 0), 0) + spec.run.length;
    let before = 0;
    for (const h of spec.hosts) {
      if (!h.setup) continue;
      const progress = onProgress && ((line: number) => onProgress(before + line, total));
      const s = await runScriptReal(h.setup.text, {
        file: h.setup.file,
        host: h.name,
        sandbox: sb,
        sandboxHost: h.name,
        lineOf: (l) => l + h.setup!.firstLine - 1,
        shadow: shadowOf(h.name),
        speculate,
        onProgress: progress,
        beforeTraffic,
      });
      before += h.setup.text.split('\n').length;
      for (const x of s) x.line += h.setup.firstLine - 1;
      steps.push(...s);
    }
    for (const r of spec.run) {
      onProgress?.(++before, total);
      const s = await runScriptReal(r.command, { file: spec.file, host: r.host, sandbox: sb, sandboxHost: r.host, lineOf: () => r.line, shadow: shadowOf(r.host), speculate, beforeTraffic });
      for (const x of s) x.line = r.line;
      steps.push(...s);
    }
    if (cap) pcap!(await cap.collect(sb));
    return steps;
  } finally {
    await sb.close();
  }
}
