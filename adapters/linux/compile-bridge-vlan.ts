/**
 * A model's bridge VLAN tables as `bridge -batch` lines (materialize's finish wave, after the
 * ports joined): what each bridge and port holds beyond what the kernel gives it by itself (the
 * default PVID, untagged), as `bridge vlan add` lines with the flags, and a `bridge vlan del`
 * for a default PVID it no longer has.
 */
import { BRIDGE_VLAN_DEFAULTS, listedVlans } from '../../src/model/bridge-vlan.js';
import type { Netns } from '../../src/model/netns.js';
import { batchLine, compileOp } from './compile.js';

/** The lines that make `ns`'s bridges' and ports' VLANs what the model holds. */
export function bridgeVlanLines(ns: Netns): string[] {
  const out: string[] = [];
  for (const l of ns.linkList()) {
    if (!l.brVlans) continue;
    const self = l.kind === 'bridge';
    const br = self ? l : l.master;
    const dflt = br?.bridge?.defaultPvid ?? BRIDGE_VLAN_DEFAULTS.defaultPvid;
    const listed = listedVlans(l);
    const line = (mode: 'add' | 'del', vid: number, pvid: boolean, untagged: boolean) =>
      batchLine(compileOp({ op: 'bridge.vlan', mode, dev: l.name, vid, vidEnd: null, pvid, untagged, self, master: false }).argv);
    for (const v of listed) {
      if (v.vid === dflt && v.pvid && v.untagged) continue;
      out.push(line('add', v.vid, v.pvid, v.untagged));
    }
    if (dflt && !listed.some((v) => v.vid === dflt)) out.push(line('del', dflt, false, false));
  }
  return out;
}
