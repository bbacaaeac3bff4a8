/**
 * A VLAN: made from inside its namespace on its lower device (`link LOWER`, beside it) with
 * its index, MAC, protocol, id and flags; read back by finding its lower device again.
 */
import { stackOn } from '../../../src/model/device.js';
import type { Link, VlanFlags } from '../../../src/model/link.js';
import type { Netns } from '../../../src/model/netns.js';
import type { VlanSpec } from '../../../src/ops/op.js';
import { batchLine, checkLinkName } from '../compile.js';
import type { KindAdapter } from './kind.js';

const FLAG_WORDS: ReadonlyArray<[keyof VlanFlags, string, string]> = [
  ['reorderHdr', 'reorder_hdr', 'REORDER_HDR'],
  ['gvrp', 'gvrp', 'GVRP'],
  ['mvrp', 'mvrp', 'MVRP'],
  ['looseBinding', 'loose_binding', 'LOOSE_BINDING'],
  ['bridgeBinding', 'bridge_binding', 'BRIDGE_BINDING'],
];

/** The words after `type vlan` for a spec (its id, protocol and flags). */
export function vlanArgs(s: VlanSpec): string[] {
  const out: string[] = [];
  if (s.proto) out.push('protocol', s.proto);
  if (s.id !== null) out.push('id', String(Math.trunc(s.id)));
  for (const [k, word] of FLAG_WORDS) if (s.flags[k] !== undefined) out.push(word, s.flags[k] ? 'on' : 'off');
  return out;
}

export const vlanAdapter: KindAdapter = {
  made: 'inside',
  opArgs: (op) => (op.vlan ? vlanArgs(op.vlan) : []),
  insideLines(l, path, warnings) {
    const v = l.vlan;
    if (!v || v.lower.ns !== l.ns) {
      warnings.push(`${path}: ${l.name} is a VLAN on a device of another namespace; not created`);
      return [];
    }
    const args = vlanArgs({ proto: v.proto, id: v.id, flags: v.flags });
    return [batchLine(['link', 'add', l.name, 'index', String(l.ifindex), 'address', l.mac, 'link', checkLinkName(v.lower.name), 'type', 'vlan', ...args])];
  },
  madeMtu: (l) => l.vlan?.lower.mtu ?? 1500,
  readsAs: (j) => j.info_kind === 'vlan',
};

interface VlanJ {
  ifindex: number;
  link?: string;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string; info_data?: Record<string, unknown> };
}

/** Each VLAN read back is stacked on the lower device `link` names beside it. */
export function stackVlans(parsed: { ns: Netns; links: VlanJ[] }[]): void {
  for (const p of parsed) {
    for (const j of p.links) {
      if (j.linkinfo?.info_kind !== 'vlan' || j.link === undefined || j.link_netnsid !== undefined) continue;
      const d = j.linkinfo.info_data ?? {};
      const lower: Link | undefined = p.ns.linkByName(j.link);
      if (!lower) continue;
      const l = p.ns.linkByIndex(j.ifindex)!;
      const names = Array.isArray(d.flags) ? (d.flags as string[]) : [];
      const flags = Object.fromEntries(FLAG_WORDS.map(([k, , n]) => [k, names.includes(n)])) as unknown as VlanFlags;
      l.vlan = { proto: d.protocol === '802.1ad' ? '802.1ad' : '802.1Q', id: Number(d.id ?? 0), lower, flags };
      stackOn(l, lower);
    }
  }
}
