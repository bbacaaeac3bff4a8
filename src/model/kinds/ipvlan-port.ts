/**
 * What happens to the ipvlans of a port (drivers/net/ipvlan/ipvlan_main.c): the port's mode
 * changing (ipvlan_set_port_mode sets or clears IFF_NOARP on the ipvlans already there), and the
 * lower device's events (ipvlan_device_event): NETDEV_UP and NETDEV_CHANGE copy its carrier,
 * NETDEV_CHANGEMTU its MTU, NETDEV_CHANGEADDR its MAC.
 */
import type { IpvlanMode, Link } from '../link.js';

/** The ipvlans on `lower`, in the order they were made (port->ipvlans). */
export function ipvlansOn(lower: Link): Link[] {
  return (lower.uppers ?? []).filter((u) => u.ipvlan);
}

/** ipvlan_set_port_mode: a new mode sets IFF_NOARP (l3, l3s) or clears it (l2) on the port's ipvlans. */
export function setIpvlanMode(lower: Link, mode: IpvlanMode): void {
  const port = lower.ipvlanPort!;
  if (port.mode === mode) return;
  for (const u of ipvlansOn(lower)) u.noarp = mode !== 'l2';
  port.mode = mode;
}

/** netif_stacked_transfer_operstate from a lower device that is up, to each of its ipvlans. */
export function ipvlanCarrierEvent(lower: Link, carrier: boolean): void {
  if (!lower.up) return;
  for (const u of ipvlansOn(lower)) {
    if (u.ipvlan!.carrier === carrier) continue;
    u.ipvlan!.carrier = carrier;
    u.operPending = true;
  }
}

/** NETDEV_CHANGEMTU (ipvlan_adjust_mtu): every ipvlan takes the lower's new MTU, up or down. */
export function ipvlanLowerMtu(lower: Link): void {
  for (const u of ipvlansOn(lower)) u.mtu = lower.mtu;
}

/** NETDEV_CHANGEADDR: every ipvlan takes the lower's new MAC (its perm_addr stays the first). */
export function ipvlanLowerMac(lower: Link): void {
  for (const u of ipvlansOn(lower)) u.mac = lower.mac;
}

/**
 * ipvlan_link_new's dev_id: the lowest id from the port's dev_id_start up that no ipvlan of the
 * port holds (ida_simple_get below 0xfffe, from 1 again once the start reached it); the start moves past it.
 */
export function allocIpvlanDevId(lower: Link): number {
  const port = lower.ipvlanPort!;
  const taken = new Set(ipvlansOn(lower).map((u) => u.devId));
  if (port.devIdStart >= 0xfffe) port.devIdStart = 1;
  let id = port.devIdStart;
  while (taken.has(id) && id < 0xfffe) id++;
  if (id >= 0xfffe) for (id = 1; taken.has(id); id++);
  port.devIdStart = id + 1;
  return id;
}
