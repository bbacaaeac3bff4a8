/**
 * iproute2's link_util table for the model's link kinds: one entry per LinkKind, each in its
 * own file. `ip link add … type WORD` finds its kind by the entry's `type`.
 */
import type { LinkKind } from '../../../model/link.js';
import { bondUtil } from './bond.js';
import { bridgeUtil } from './bridge.js';
import { dummyUtil } from './dummy.js';
import { etherUtil } from './ether.js';
import { geneveUtil } from './geneve.js';
import { ifbUtil } from './ifb.js';
import { ipvlanUtil } from './ipvlan.js';
import { loopbackUtil } from './loopback.js';
import { greUtil, ipipUtil, sitUtil } from './iptnl.js';
import { macvlanUtil } from './macvlan.js';
import { tapUtil } from './tap.js';
import { tunUtil } from './tun.js';
import type { LinkUtil } from './util.js';
import { vethUtil } from './veth.js';
import { vlanUtil } from './vlan.js';
import { vrfUtil } from './vrf.js';
import { vxlanUtil } from './vxlan.js';

export type { LinkUtil } from './util.js';

export const LINK_UTILS: Record<LinkKind, LinkUtil> = {
  loopback: loopbackUtil,
  veth: vethUtil,
  bridge: bridgeUtil,
  ether: etherUtil,
  tun: tunUtil,
  tap: tapUtil,
  vxlan: vxlanUtil,
  macvlan: macvlanUtil,
  dummy: dummyUtil,
  ifb: ifbUtil,
  vlan: vlanUtil,
  ipip: ipipUtil,
  gre: greUtil,
  sit: sitUtil,
  vrf: vrfUtil,
  bond: bondUtil,
  geneve: geneveUtil,
  ipvlan: ipvlanUtil,
};

/** The model's link_util for `type WORD` of `ip link add`, if the model makes that kind. */
export function linkUtilOfType(type: string): LinkUtil | null {
  for (const u of Object.values(LINK_UTILS)) if (u.type === type) return u;
  return null;
}
