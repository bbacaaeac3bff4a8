/** A lab file run in the simulator: wiring, NICs, each host's setup in file order, then `run`. */
import { Twin } from '../twin/twin.js';
import { createLink, linkUp, setMaster } from '../model/device.js';
import type { Host } from '../model/host.js';
import { PROFILES } from '../model/sysctl.js';
import { runIp } from '../iproute2/ip.js';
import type { Step } from '../exec/step.js';
import { nicCommands, wiringPlan } from './plan.js';
import type { LabSpec, ScriptSource } from './spec.js';
import type { KernelProfile } from '../model/kernel-profile.js';

/** Builds the lab's hosts and wiring (no scripts yet), its machines running `kernel` (default: the stock profile). */
export function buildLab(spec: LabSpec, kernel?: KernelProfile): Twin {
  const lab = new Twin({ profile: spec.profile ? PROFILES[spec.profile] : undefined, kernel });
  const hosts = new Map<string, Host>();
  for (const h of spec.hosts) hosts.set(h.name, lab.model.addHost(h.name));
  const room = lab.model.infra.root;
  for (const w of wiringPlan(spec)) {
    if (w.kind === 'cable') {
      const nb = hosts.get(w.b.host)!.root;
      const na = hosts.get(w.a.host)!.root;
      // veth_newlink registers the peer first
      const b = createLink(nb, w.b.ifname, 'veth');
      const a = createLink(na, w.a.ifname, 'veth');
      a.peer = b;
      b.peer = a;
      na.nsidOf(nb, true);
      nb.nsidOf(na, true);
    } else if (w.kind === 'switch') {
      const br = createLink(room, w.bridge, 'bridge');
      for (const p of w.ports) {
        const nh = hosts.get(p.end.host)!.root;
        const far = createLink(room, p.port, 'veth');
        const nic = createLink(nh, p.end.ifname, 'veth');
        nic.peer = far;
        far.peer = nic;
        nh.nsidOf(room, true);
        room.nsidOf(nh, true);
        setMaster(far, br);
        linkUp(far);
      }
      linkUp(br);
    } else {
      const nh = hosts.get(w.end.host)!.root;
      const far = createLink(room, w.far, 'veth');
      const nic = createLink(nh, w.end.ifname, 'veth');
      nic.peer = far;
      far.peer = nic;
      nh.nsidOf(room, true);
      room.nsidOf(nh, true);
      linkUp(far);
    }
  }
  for (const h of spec.hosts) {
    for (const argv of nicCommands(spec, h.name)) {
      const r = runIp({ ns: hosts.get(h.name)!.root }, argv.slice(1));
      if (r.exit !== 0) throw new Error(`lab ${spec.file}: host ${h.name}: ${argv.join(' ')}: ${r.stderr.trim()}`);
    }
  }
  return lab;
}

/** Lines of a setup script are numbered as lines of the file they are in. */
export function shiftLines(steps: Step[], src: ScriptSource): Step[] {
  for (const s of steps) s.line += src.firstLine - 1;
  return steps;
}

/** `attach` sees the lab once it is wired and before any script runs (captures start there). */
export function runLabSim(spec: LabSpec, opts: { attach?: (lab: Twin) => void; kernel?: KernelProfile } = {}): { lab: Twin; steps: Step[] } {
  const lab = buildLab(spec, opts.kernel);
  opts.attach?.(lab);
  const steps: Step[] = [];
  for (const h of spec.hosts) {
    if (!h.setup) continue;
    const host = lab.model.hosts.get(h.name)!;
    steps.push(...shiftLines(lab.run(host, h.setup.text, { file: h.setup.file, lineOf: (l) => l + h.setup!.firstLine - 1 }), h.setup));
  }
  for (const r of spec.run) {
    const host = lab.model.hosts.get(r.host)!;
    const s = lab.run(host, r.command, { file: spec.file, lineOf: () => r.line });
    for (const x of s) x.line = r.line;
    steps.push(...s);
  }
  return { lab, steps };
}
