/** Real mode's table of link kinds: one entry per LinkKind, each in its own file. */
import type { LinkKind } from '../../../src/model/link.js';
import { bondAdapter } from './bond.js';
import { bridgeAdapter } from './bridge.js';
import { dummyAdapter } from './dummy.js';
import { etherAdapter } from './ether.js';
import { geneveAdapter } from './geneve.js';
import { ifbAdapter } from './ifb.js';
import type { KernelKind, KindAdapter } from './kind.js';
import { loopbackAdapter } from './loopback.js';
import { greAdapter, ipipAdapter, sitAdapter } from './iptnl.js';
import { ipvlanAdapter } from './ipvlan.js';
import { macvlanAdapter } from './macvlan.js';
import { tapAdapter } from './tap.js';
import { tunAdapter } from './tun.js';
import { vethAdapter } from './veth.js';
import { vlanAdapter } from './vlan.js';
import { vrfAdapter } from './vrf.js';
import { vxlanAdapter } from './vxlan.js';

export type { KernelKind, KindAdapter } from './kind.js';

export const KIND_ADAPTERS: Record<LinkKind, KindAdapter> = {
  loopback: loopbackAdapter,
  veth: vethAdapter,
  bridge: bridgeAdapter,
  ether: etherAdapter,
  tun: tunAdapter,
  tap: tapAdapter,
  vxlan: vxlanAdapter,
  macvlan: macvlanAdapter,
  ipvlan: ipvlanAdapter,
  dummy: dummyAdapter,
  ifb: ifbAdapter,
  vlan: vlanAdapter,
  ipip: ipipAdapter,
  gre: greAdapter,
  sit: sitAdapter,
  vrf: vrfAdapter,
  bond: bondAdapter,
  geneve: geneveAdapter,
};

/** The model's kind of a device the kernel describes: a lab NIC (a veth end) when no other kind claims it. */
export function kindOfKernel(j: KernelKind): LinkKind {
  for (const [k, a] of Object.entries(KIND_ADAPTERS) as [LinkKind, KindAdapter][]) if (a.readsAs(j)) return k;
  return 'ether';
}
