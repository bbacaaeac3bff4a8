/**
 * The model's table of link kinds: one entry per LinkKind, each in its own file. The generic
 * rules that dispatch on it (carrier, operstate, defaults at creation) are link.ts's and
 * device.ts's.
 */
import type { Link, LinkKind } from '../link.js';
import { bondKind } from './bond.js';
import { bridgeKind } from './bridge.js';
import { dummyKind } from './dummy.js';
import { etherKind } from './ether.js';
import { ifbKind } from './ifb.js';
import { geneveKind } from './geneve.js';
import type { LinkKindModel } from './kind.js';
import { loopbackKind } from './loopback.js';
import { ipvlanKind } from './ipvlan.js';
import { greKind, ipipKind, sitKind } from './iptnl.js';
import { macvlanKind } from './macvlan.js';
import { tapKind } from './tap.js';
import { tunKind } from './tun.js';
import { vethKind } from './veth.js';
import { vlanKind } from './vlan.js';
import { vrfKind } from './vrf.js';
import { vxlanKind } from './vxlan.js';

export type { LinkKindModel } from './kind.js';

export const KINDS: Record<LinkKind, LinkKindModel> = {
  loopback: loopbackKind,
  veth: vethKind,
  bridge: bridgeKind,
  ether: etherKind,
  tun: tunKind,
  tap: tapKind,
  vxlan: vxlanKind,
  macvlan: macvlanKind,
  dummy: dummyKind,
  ifb: ifbKind,
  vlan: vlanKind,
  ipip: ipipKind,
  gre: greKind,
  sit: sitKind,
  vrf: vrfKind,
  bond: bondKind,
  geneve: geneveKind,
  ipvlan: ipvlanKind,
};

/**
 * br_port_cost of a device as a bridge port: its kind's, or that of the device whose ethtool
 * speed it reports (a vxlan over a veth costs a veth's 2).
 */
export function portCostOf(l: Link, depth = 0): number {
  const k = KINDS[l.kind];
  const from = depth < 4 ? k.speedFrom?.(l) : undefined;
  return from ? portCostOf(from, depth + 1) : k.portCost;
}
