/**
 * The data path of each link kind (STYLE: one registry per LinkKind). `xmit` is called once
 * the generic checks passed (device present, up, with carrier) and hands the frame to whatever
 * the device is attached to; `rx` is the rx_handler a kind registers on the devices below it
 * (a bridge on its ports), which takes a frame received there before the stack sees it.
 */
import type { Link, LinkKind } from '../../src/model/link.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { bondDriver } from './bond.js';
import { bridgeDriver } from './bridge.js';
import { dummyDriver } from './dummy.js';
import { etherDriver } from './ether.js';
import { geneveDriver } from './geneve.js';
import { ifbDriver } from './ifb.js';
import { ipvlanDriver } from './ipvlan.js';
import { ipTunnelDriver } from './iptnl.js';
import { loopbackDriver } from './loopback.js';
import { macvlanDriver } from './macvlan.js';
import { tunDriver } from './tun.js';
import { vethDriver } from './veth.js';
import { vlanDriver } from './vlan.js';
import { vrfDriver } from './vrf.js';
import { vxlanDriver } from './vxlan.js';

export interface LinkDriver {
  /** dev_queue_xmit on `dev` */
  xmit(sim: Simulator, dev: Link, frame: Frame): void;
  /**
   * the rx_handler on `dev`, a device below one of this kind (netif_receive_skb's rx_handler):
   * true when it took the frame (RX_HANDLER_CONSUMED), false to let `dev`'s own stack have it
   * too (RX_HANDLER_PASS)
   */
  rx?(sim: Simulator, dev: Link, frame: Frame): boolean;
  /**
   * reach's fast path knows its frames (sim/reach/l2.ts): a plain Ethernet segment, a veth
   * end, a NIC or a bridge; any other kind makes its domain complex (the event engine decides)
   */
  plainL2: boolean;
}

export const DRIVERS: Record<LinkKind, LinkDriver> = {
  loopback: loopbackDriver,
  veth: vethDriver,
  ether: etherDriver,
  bridge: bridgeDriver,
  tun: tunDriver,
  tap: tunDriver,
  vxlan: vxlanDriver,
  macvlan: macvlanDriver,
  dummy: dummyDriver,
  ifb: ifbDriver,
  vlan: vlanDriver,
  ipip: ipTunnelDriver,
  gre: ipTunnelDriver,
  sit: ipTunnelDriver,
  vrf: vrfDriver,
  bond: bondDriver,
  geneve: geneveDriver,
  ipvlan: ipvlanDriver,
};
