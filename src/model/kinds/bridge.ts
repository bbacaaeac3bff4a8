/**
 * The bridge device (net/bridge/br_device.c): UNKNOWN with carrier until br_port_state_selection
 * first runs — a port joins, or the bridge id changes because a MAC is given to it (at creation
 * or later: NO-CARRIER, state DOWN with no ports, measured on 6.18) —, then its carrier follows
 * whether any port forwards. It never leaves its namespace and is
 * never a port of another bridge.
 */
import type { Link } from '../link.js';
import { portsOf, somePort } from '../bridge-ports.js';
import { BRIDGE_GROUP_ADDRESS, defaultTunables } from '../bridge-options.js';
import { bridgeVlansInit } from '../bridge-vlan.js';
import { GSO_LEGACY_MAX_SIZE, GSO_MAX_SIZE, ETHER_SETUP, type LinkKindModel } from './kind.js';

/** br_port_state_selection has run: the bridge's carrier is its ports' from then on. */
function followsPorts(l: Link): boolean {
  return l.bridge!.hadPorts || l.bridge!.macSet;
}

export const bridgeKind: LinkKindModel = {
  ...ETHER_SETUP,
  infoKind: 'bridge',
  netnsLocal: true,
  portRefusal: 'bridge',
  carrier: (l: Link, s) => !followsPorts(l) || somePort(l, s.portForwards),
  operState: (l: Link, s) => (!followsPorts(l) ? 'UNKNOWN' : s.hasCarrier(l) ? 'UP' : 'DOWN'),
  operUpWhileDown: (l: Link) => !followsPorts(l),
  linkwatch: false,
  // br_set_gso_limits: the smallest of its ports' (GSO_MAX_SIZE with none left); a fresh bridge the legacy 64 KiB
  tsoMaxSize(l, depth, s) {
    if (!l.bridge!.hadPorts) return GSO_LEGACY_MAX_SIZE;
    return Math.min(GSO_MAX_SIZE, ...portsOf(l).map((p) => s.tsoMaxSize(p, depth + 1)));
  },
  init(l) {
    l.bridge = { stp: 0, ageingTime: 30000, vlanFiltering: 0, forwardDelay: 1500, hadPorts: false, macSet: false, opts: defaultTunables(), groupAddr: BRIDGE_GROUP_ADDRESS };
    bridgeVlansInit(l);
  },
};
