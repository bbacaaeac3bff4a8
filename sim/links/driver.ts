/**
 * The transmit side of each link kind (STYLE: one registry per LinkKind). `xmit` is called once
 * the generic checks passed (device present, up, with carrier) and hands the frame to whatever
 * the device is attached to.
 */
import type { Link, LinkKind } from '../../src/model/link.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { bridgeDriver } from './bridge.js';
import { etherDriver } from './ether.js';
import { loopbackDriver } from './loopback.js';
import { tunnelDriver } from './tunnel.js';
import { vethDriver } from './veth.js';

export interface LinkDriver {
  /** dev_queue_xmit on `dev` */
  xmit(sim: Simulator, dev: Link, frame: Frame): void;
}

export const DRIVERS: Record<LinkKind, LinkDriver> = {
  loopback: loopbackDriver,
  veth: vethDriver,
  ether: etherDriver,
  bridge: bridgeDriver,
  tun: tunnelDriver,
  tap: tunnelDriver,
  vxlan: tunnelDriver,
};
