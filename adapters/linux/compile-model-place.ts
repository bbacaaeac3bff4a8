/**
 * Placement: where each namespace of a model lives on the kernel, and from where a link between
 * two of them is made. In sandbox mode a place is a sandbox host (each lab host; `''` for the
 * sandbox's own root, where a lab keeps its switches and the far ends of NICs without a cable)
 * and optionally a named namespace inside it; in persist mode it is always one of the run's
 * prefixed namespaces on the machine. Kept apart from the batches so that both the compiler
 * and materialize (which opens the sandbox before compiling) read one answer.
 */
import type { Host } from '../../src/model/host.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Link } from '../../src/model/link.js';
import type { Netns } from '../../src/model/netns.js';
import { checkNetnsName, CompileError } from './compile.js';

/**
 * Where commands for a namespace run.
 *
 * @example
 * const pod: Place = { host: 'node1', netns: 'pod1' }; // named namespace pod1 of sandbox host node1
 */
export interface Place {
  /** sandbox host ('' = the sandbox's own root); in persist mode always '' (the machine) */
  host: string;
  /** a named namespace inside that host's /run/netns, or null for the host's own namespace */
  netns: string | null;
}

/**
 * A namespace of the model and the place it gets on the kernel.
 *
 * @example
 * plan.namespaces.find((p) => p.path === 'node1/pod1')?.place; // { host: 'node1', netns: 'pod1' }
 */
export interface PlannedNs {
  /** the model's path: `host` or `host/NS` (`.infra` for the machine room) */
  path: string;
  ns: Netns;
  place: Place;
}

export type Target =
  | {
      kind: 'sandbox';
      /** the sandbox PID of each host's namespace holder ('' is the sandbox root: 1) */
      pidOf?: (host: string) => number;
    }
  | {
      kind: 'persist';
      /** the machine namespace each model path becomes */
      names: ReadonlyMap<string, string>;
    };

/** A veth peer, a NIC's cable: the far end of a link, if any. */
export function farEnd(l: Link): Link | null {
  return l.peer ?? l.cable ?? null;
}

/** Hosts of the model outside `lab.hosts` reached by a link: the machine room. */
function roomHosts(lab: LabModel): Host[] {
  const out: Host[] = [];
  for (const ns of lab.namespaces()) {
    for (const l of ns.linkList()) {
      for (const x of [farEnd(l), l.master]) {
        const h = x?.ns.host;
        if (h && !lab.hosts.has(h.name) && !out.includes(h)) out.push(h);
      }
    }
  }
  return out;
}

/** Every namespace of the model with its path, lab hosts first, the machine room last. */
export function modelNamespaces(lab: LabModel): { path: string; ns: Netns; host: Host; room: boolean }[] {
  const out: { path: string; ns: Netns; host: Host; room: boolean }[] = [];
  for (const h of lab.hosts.values()) for (const ns of h.allNamespaces()) out.push({ path: ns.path, ns, host: h, room: false });
  for (const h of roomHosts(lab)) for (const ns of h.allNamespaces()) out.push({ path: ns.path, ns, host: h, room: true });
  return out;
}

/** Whether the model needs a machine room (switches, far ends of NICs). */
export function usesRoom(lab: LabModel): boolean {
  return roomHosts(lab).length > 0;
}

/**
 * The sandbox hosts for a model: its hosts; when it also has a machine room, at least two, so
 * that the room (the sandbox root) is not also a host.
 */
export function sandboxHostsFor(lab: LabModel): string[] {
  const names = [...lab.hosts.keys()];
  if (names.length === 0) throw new CompileError('the model has no host');
  if (names.length === 1 && usesRoom(lab)) names.push('.room');
  return names;
}

/** The placement of a whole model: every namespace's place, and a lookup that refuses strangers. */
export interface Placement {
  sandboxHosts: string[];
  /** lab hosts first, the machine room last (the order every wave follows) */
  planned: PlannedNs[];
  where(ns: Netns): Place;
}

/** Places every namespace of the model (names checked before they can reach argv). */
export function placeNamespaces(lab: LabModel, target: Target): Placement {
  const all = modelNamespaces(lab);
  const sandboxHosts = target.kind === 'sandbox' ? sandboxHostsFor(lab) : [];
  const single = target.kind === 'sandbox' && sandboxHosts.length === 1;
  const placeOf = new Map<Netns, Place>();
  const planned: PlannedNs[] = [];
  for (const { path, ns, host, room } of all) {
    let place: Place;
    if (target.kind === 'persist') {
      const name = target.names.get(path);
      if (!name) throw new CompileError(`no machine namespace name for "${path}"`);
      place = { host: '', netns: checkNetnsName(name) };
    } else {
      const sbHost = room ? '' : single ? sandboxHosts[0] : host.name;
      place = { host: sbHost, netns: ns.name === null ? null : checkNetnsName(ns.name) };
    }
    placeOf.set(ns, place);
    planned.push({ path, ns, place });
  }
  const where = (ns: Netns): Place => {
    const p = placeOf.get(ns);
    if (!p) throw new CompileError(`namespace "${ns.path}" is not part of the model`);
    return p;
  };
  return { sandboxHosts, planned, where };
}

/**
 * Where a veth pair (or a cable) between places `a` and `b` is made in sandbox mode: from a
 * host's own namespace that can name both ends (`netns NAME` reaches only the named namespaces
 * of the host it runs in; another host is reached by its holder's pid).
 */
export function pairCreator(a: Place, b: Place, what: string): Place {
  if (a.host === b.host) return { host: a.host, netns: null };
  if (a.netns !== null && b.netns !== null) throw new CompileError(`${what} are in named namespaces of two different hosts`);
  if (a.netns !== null) return { host: a.host, netns: null };
  if (b.netns !== null) return { host: b.host, netns: null };
  return { host: '', netns: null };
}

/** The `netns X` words that put a device made at `from` into `to`. */
export function netnsRef(target: Target, from: Place, to: Place): string[] {
  if (target.kind === 'persist') return ['netns', to.netns!];
  if (from.host === to.host) return to.netns === null ? [] : ['netns', to.netns];
  if (to.netns !== null) throw new CompileError(`cannot reach namespace "${to.netns}" of another sandbox host`);
  const pid = to.host === '' ? 1 : target.pidOf?.(to.host);
  if (!pid) throw new CompileError(`no process id for sandbox host "${to.host}"`);
  return ['netns', String(pid)];
}

export function describePlace(p: Place): string {
  const host = p.host === '' ? 'sandbox root' : `host ${p.host}`;
  return p.netns === null ? host : `${host}, netns ${p.netns}`;
}

/**
 * Human-readable summary of where each model namespace went.
 *
 * @example
 * describeMapping(plan); // 'node1 -> host node1\nnode1/pod1 -> host node1, netns pod1\n…'
 */
export function describeMapping(plan: { mode: Target['kind']; namespaces: PlannedNs[] }): string {
  return plan.namespaces.map((p) => `${p.path} -> ${plan.mode === 'persist' ? p.place.netns : describePlace(p.place)}`).join('\n');
}
