/**
 * Bridge VLAN tables read back from the kernel (`bridge -j vlan show` in each namespace, on
 * kernels built with VLAN filtering): each bridge's and port's listed VLANs, their PVID and
 * untagged flags, replace what the model's bridges and ports hold. A port's VLANs give its bridge
 * the context entries the kernel keeps unlisted (bridge-vlan.ts vlanAdd), so the bridge's own
 * entries are read first.
 */
import { vlanAdd } from '../../src/model/bridge-vlan.js';
import type { Netns } from '../../src/model/netns.js';

/** What `bridge -j vlan show` prints per device (`vlanEnd`: the last of a range, with -c). */
interface JBridgeVlans {
  ifname: string;
  vlans?: { vlan: number; vlanEnd?: number; flags?: string[] }[];
}

/** The argv that dumps a namespace's bridge VLANs. */
export const VLAN_ARGV = ['bridge', '-j', 'vlan', 'show'];

/** Replaces the VLAN tables of `ns`'s bridges and ports (their masters already set) with the kernel's. */
export function readBridgeVlans(ns: Netns, dump: string): void {
  const devs = JSON.parse(dump) as JBridgeVlans[];
  const links = ns.linkList();
  for (const l of links) if (l.kind === 'bridge' || l.master?.kind === 'bridge') l.brVlans = undefined;
  const entries = devs.map((d) => ({ d, l: ns.linkByName(d.ifname) })).filter((e) => e.l !== undefined);
  entries.sort((a, b) => Number(b.l!.kind === 'bridge') - Number(a.l!.kind === 'bridge'));
  for (const { d, l } of entries) {
    for (const v of d.vlans ?? []) {
      const flags = v.flags ?? [];
      for (let vid = v.vlan; vid <= (v.vlanEnd ?? v.vlan); vid++) {
        vlanAdd(l!, vid, { pvid: flags.includes('PVID'), untagged: flags.includes('Egress Untagged') });
      }
    }
  }
}
