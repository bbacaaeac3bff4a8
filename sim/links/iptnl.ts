/** An IPv4 tunnel (ipip, gre, sit): what it is given goes out encapsulated over the underlay (sim/iptnl.ts). */
import { ipTunnelXmit } from '../iptnl.js';
import type { LinkDriver } from './driver.js';

export const ipTunnelDriver: LinkDriver = {
  plainL2: false,
  xmit: ipTunnelXmit,
};
