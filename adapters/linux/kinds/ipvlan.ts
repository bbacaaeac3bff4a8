/**
 * An ipvlan: made from its lower device's namespace (`link LOWER` resolves there) with its index,
 * mode and flag (its MAC is its lower's), and read back by finding its lower device again
 * (`link` beside it; `link_index` with `link_netnsid` in another namespace).
 */
import { stackOn } from '../../../src/model/device.js';
import type { LabModel } from '../../../src/model/lab-model.js';
import type { IpvlanFlag, IpvlanMode, Link } from '../../../src/model/link.js';
import type { Netns } from '../../../src/model/netns.js';
import { batchLine, checkLinkName } from '../compile.js';
import type { KindAdapter } from './kind.js';

const MODES = new Set<string>(['l2', 'l3', 'l3s']);
const FLAGS: readonly IpvlanFlag[] = ['private', 'vepa', 'bridge'];

export const ipvlanAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => [...(op.ipvlan?.mode ? ['mode', op.ipvlan.mode] : []), ...(op.ipvlan?.flag ? [op.ipvlan.flag] : [])],
  insideLines(l, path, warnings) {
    const v = l.ipvlan;
    const port = v?.lower.ipvlanPort;
    if (!v || !port || v.lower.ns !== l.ns) {
      warnings.push(`${path}: ${l.name} is an ipvlan on a device of another namespace; not created`);
      return [];
    }
    return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'link', checkLinkName(v.lower.name), 'type', 'ipvlan', 'mode', port.mode, port.flag])];
  },
  madeMtu: (l) => l.ipvlan?.lower.mtu ?? 1500,
  readsAs: (j) => j.info_kind === 'ipvlan',
};

/** What read-back keeps of an ipvlan's description (`ip -j -d link`). */
interface IpvlanJ {
  ifindex: number;
  flags?: string[];
  link?: string;
  link_index?: number;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown> };
}

/** Each ipvlan read back is stacked on its lower device, whose port takes the mode and flag it shows. */
export function stackIpvlans(like: LabModel, parsed: { ns: Netns; links: IpvlanJ[]; path: string }[]): void {
  for (const p of parsed) {
    for (const j of p.links) {
      if (j.linkinfo?.info_kind !== 'ipvlan') continue;
      const l = p.ns.linkByIndex(j.ifindex)!;
      const d = j.linkinfo.info_data ?? {};
      const mode = String(d.mode ?? 'l3');
      let lower: Link | undefined;
      if (j.link !== undefined && j.link_netnsid === undefined) lower = p.ns.linkByName(j.link);
      else if (j.link_index !== undefined) {
        const cands = parsed.filter((q) => q.ns !== p.ns).flatMap((q) => q.ns.linkByIndex(j.link_index!) ?? []);
        const orig = like.netns(p.path)?.linkByName(l.name)?.ipvlan?.lower;
        lower = cands.find((c) => c.name === orig?.name && c.ns.path === orig?.ns.path) ?? cands[0];
        if (lower) p.ns.nsids.set(lower.ns, j.link_netnsid!);
      }
      if (!lower || !MODES.has(mode)) continue;
      const devIdStart = Math.max(lower.ipvlanPort?.devIdStart ?? 1, l.devId !== undefined ? l.devId + 1 : 1);
      lower.ipvlanPort = { mode: mode as IpvlanMode, flag: FLAGS.find((f) => d[f] === true) ?? 'bridge', devIdStart };
      l.ipvlan = { lower, carrier: j.flags?.includes('LOWER_UP') ?? false };
      stackOn(l, lower);
    }
  }
}
