/**
 * A bridge's VLAN table (net/bridge/br_vlan.c, CONFIG_BRIDGE_VLAN_FILTERING): each port, and
 * the bridge device itself, has a set of VLANs, each sent tagged or untagged, and at most one
 * PVID (the VLAN an untagged frame arriving there belongs to). The tables exist whenever the
 * kernel is built with VLAN filtering — a new bridge and every new port start with the default
 * PVID 1, untagged — but only decide forwarding once the bridge has `vlan_filtering 1`.
 *
 * The bridge's own entries are of two sorts: the ones added to it (`bridge vlan add … self`,
 * BRIDGE_VLAN_INFO_BRENTRY: they admit frames to and from its own stack and are listed), and
 * the "context" entries a VLAN added to a port creates on its bridge (not listed).
 */
import type { Link } from './link.js';

export interface BridgeVlan {
  /** BRIDGE_VLAN_INFO_UNTAGGED: sent without a tag */
  untagged: boolean;
  /** a bridge's own entry (BRIDGE_VLAN_INFO_BRENTRY); ports' entries always are */
  brentry: boolean;
  /** the lab version it was made at: its local FDB entry for the device's MAC dates from then */
  seq: number;
}

/** One device's VLAN group (struct net_bridge_vlan_group). */
export interface BridgeVlans {
  vids: Map<number, BridgeVlan>;
  /** 0: none */
  pvid: number;
}

/** BRIDGE_VLAN_INFO_*: what `bridge vlan add` asks for. */
export interface VlanFlags {
  pvid: boolean;
  untagged: boolean;
}

/** The VLAN settings of a bridge (IFLA_BR_VLAN_*), as a new bridge has them. */
export const BRIDGE_VLAN_DEFAULTS = { proto: '802.1Q', defaultPvid: 1 } as const;

/** The kernel the namespace's lab models is built with VLAN filtering. */
export function kernelHasBridgeVlans(l: Link): boolean {
  return l.ns.host.lab.kernel.bridgeVlanFiltering === true;
}

function group(l: Link): BridgeVlans {
  return (l.brVlans ??= { vids: new Map(), pvid: 0 });
}

/**
 * __vlan_add / __vlan_add_flags: the VLAN is added or its flags replaced; `pvid` makes it the
 * PVID, and re-adding the PVID without `pvid` leaves the device with none.
 */
export function vlanAdd(l: Link, vid: number, f: VlanFlags, brentry = true): void {
  const g = group(l);
  const had = g.vids.get(vid);
  if (!brentry) {
    // a port's VLAN gives its bridge a context entry, and leaves one the bridge has as it is
    if (!had) g.vids.set(vid, { untagged: false, brentry: false, seq: l.ns.host.lab.version });
    return;
  }
  g.vids.set(vid, { untagged: f.untagged, brentry: true, seq: had?.brentry ? had.seq : l.ns.host.lab.version });
  if (f.pvid) g.pvid = vid;
  else if (g.pvid === vid) g.pvid = 0;
  if (l.master?.kind === 'bridge' && l.kind !== 'bridge') vlanAdd(l.master, vid, { pvid: false, untagged: false }, false);
}

/** br_vlan_delete / nbp_vlan_delete: nothing happens for a VLAN the device does not have. */
export function vlanDel(l: Link, vid: number): void {
  const g = l.brVlans;
  if (!g) return;
  const v = g.vids.get(vid);
  if (!v) return;
  if (l.kind === 'bridge' && portUses(l, vid)) {
    // the ports still need the bridge's context entry: only the brentry goes
    v.brentry = false;
    v.untagged = false;
  } else {
    g.vids.delete(vid);
  }
  if (g.pvid === vid) g.pvid = 0;
}

function portUses(br: Link, vid: number): boolean {
  for (const p of br.ns.links.values()) if (p.master === br && p.brVlans?.vids.has(vid)) return true;
  return false;
}

/** vlan_default_pvid: `vid` is `l`'s PVID, untagged, a listed entry — as the default PVID left it. */
function holdsDefault(l: Link, vid: number): boolean {
  const g = l.brVlans;
  const v = g?.vids.get(vid);
  return g !== undefined && g.pvid === vid && v !== undefined && v.brentry && v.untagged;
}

/**
 * br_vlan_set_default_pvid (IFLA_BR_VLAN_DEFAULT_PVID): the bridge and each port that still has
 * the old default PVID as it was given (PVID, untagged) move to the new one — unless they
 * already have that VLAN; 0 takes the default PVID away from those that hold it.
 */
export function setDefaultPvid(br: Link, pvid: number): void {
  const b = br.bridge!;
  const old = b.defaultPvid ?? BRIDGE_VLAN_DEFAULTS.defaultPvid;
  if (pvid === old) return;
  const ports = [...br.ns.links.values()].filter((p) => p.master === br);
  if (pvid === 0) {
    for (const l of [br, ...ports]) if (holdsDefault(l, old)) vlanDel(l, old);
  } else {
    const moved: Link[] = [];
    if ((!old || holdsDefault(br, old)) && br.brVlans?.vids.get(pvid)?.brentry !== true) moved.push(br);
    for (const p of ports) if (!((old && !holdsDefault(p, old)) || p.brVlans?.vids.has(pvid))) moved.push(p);
    for (const l of moved) {
      vlanAdd(l, pvid, { pvid: true, untagged: true });
      if (old) vlanDel(l, old);
    }
  }
  b.defaultPvid = pvid;
}

/** br_vlan_init at bridge creation: the default PVID, untagged, on the bridge itself. */
export function bridgeVlansInit(br: Link): void {
  if (!kernelHasBridgeVlans(br)) return;
  vlanAdd(br, BRIDGE_VLAN_DEFAULTS.defaultPvid, { pvid: true, untagged: true });
}

/** nbp_vlan_init when a device joins a bridge (the default PVID, untagged); nbp_vlan_flush when it leaves. */
export function portVlansChanged(port: Link): void {
  port.brVlans = undefined;
  const br = port.master;
  if (br?.kind !== 'bridge' || !kernelHasBridgeVlans(br)) return;
  const pvid = br.bridge!.defaultPvid ?? BRIDGE_VLAN_DEFAULTS.defaultPvid;
  if (pvid) vlanAdd(port, pvid, { pvid: true, untagged: true });
}

/** The VLANs a device has a local FDB entry in (br_fdb_add_local per VLAN), by id, with when it was made. */
export function localFdbVlans(l: Link): Array<{ vid: number; seq: number }> {
  return [...(l.brVlans?.vids ?? [])].filter(([, v]) => v.brentry).map(([vid, v]) => ({ vid, seq: v.seq }));
}

/** The VLANs a device lists (`bridge vlan show`), by id: a bridge's own entries only. */
export function listedVlans(l: Link): Array<{ vid: number; pvid: boolean; untagged: boolean }> {
  const g = l.brVlans;
  if (!g) return [];
  return [...g.vids]
    .filter(([, v]) => v.brentry)
    .sort(([a], [b]) => a - b)
    .map(([vid, v]) => ({ vid, pvid: g.pvid === vid, untagged: v.untagged }));
}

/**
 * br_allowed_ingress: the VLAN a frame arriving with outer tag `tag` (null: untagged or priority
 * tagged) belongs to on `dev` — its tag's, or the PVID — or null when `dev` does not have it.
 */
export function ingressVid(dev: Link, tag: number | null): number | null {
  const g = dev.brVlans;
  if (!g) return null;
  const vid = tag || g.pvid;
  if (!vid) return null;
  const v = g.vids.get(vid);
  // a bridge's context entries do not admit frames from its own stack
  return v && v.brentry ? vid : null;
}

/** br_allowed_egress and br_handle_vlan: whether `dev` sends VLAN `vid`, and untagged or not (null: it does not). */
export function egressUntagged(dev: Link, vid: number): boolean | null {
  const v = dev.brVlans?.vids.get(vid);
  return v && v.brentry ? v.untagged : null;
}
