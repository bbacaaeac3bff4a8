/**
 * A macvlan: made from its lower device's namespace (`link LOWER` resolves there) with its
 * index, MAC and mode, and read back by finding its lower device again (`link` names one
 * beside it; `link_index` with `link_netnsid` one in another namespace).
 */
import { stackOn } from '../../../src/model/device.js';
import type { LabModel } from '../../../src/model/lab-model.js';
import type { Link, MacvlanMode } from '../../../src/model/link.js';
import type { Netns } from '../../../src/model/netns.js';
import { batchLine, checkLinkName } from '../compile.js';
import type { KindAdapter } from './kind.js';

const MODES = new Set<string>(['private', 'vepa', 'bridge', 'passthru']);

export const macvlanAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.macvlan?.mode ? ['mode', op.macvlan.mode] : []),
  insideLines(l, path, warnings) {
    const m = l.macvlan;
    if (!m || m.lower.ns !== l.ns) {
      warnings.push(`${path}: ${l.name} is a macvlan on a device of another namespace; not created`);
      return [];
    }
    const mac = m.mode === 'passthru' ? [] : ['address', l.mac];
    return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), ...mac, 'link', checkLinkName(m.lower.name), 'type', 'macvlan', 'mode', m.mode])];
  },
  madeMtu: (l) => l.macvlan?.lower.mtu ?? 1500,
  readsAs: (j) => j.info_kind === 'macvlan',
};

/** What read-back keeps of a macvlan's description (`ip -j -d link`). */
interface MacvlanJ {
  ifindex: number;
  link?: string;
  link_index?: number;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown> };
}

/**
 * Each macvlan read back is stacked on its lower device: the one `link` names beside it, or the
 * device with index `link_index` in another namespace (the materialized model's choice first
 * when several have it).
 */
export function stackMacvlans(like: LabModel, parsed: { ns: Netns; links: MacvlanJ[]; path: string }[]): void {
  for (const p of parsed) {
    for (const j of p.links) {
      if (j.linkinfo?.info_kind !== 'macvlan') continue;
      const l = p.ns.linkByIndex(j.ifindex)!;
      const mode = String(j.linkinfo.info_data?.mode ?? 'vepa');
      let lower: Link | undefined;
      if (j.link !== undefined && j.link_netnsid === undefined) lower = p.ns.linkByName(j.link);
      else if (j.link_index !== undefined) {
        const cands = parsed.filter((q) => q.ns !== p.ns).flatMap((q) => q.ns.linkByIndex(j.link_index!) ?? []);
        const orig = like.netns(p.path)?.linkByName(l.name)?.macvlan?.lower;
        lower = cands.find((c) => c.name === orig?.name && c.ns.path === orig?.ns.path) ?? cands[0];
        if (lower) p.ns.nsids.set(lower.ns, j.link_netnsid!);
      }
      if (!lower || !MODES.has(mode)) continue;
      l.macvlan = { mode: mode as MacvlanMode, lower };
      stackOn(l, lower);
    }
  }
}
