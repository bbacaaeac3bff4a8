/** loopback (drivers/net/loopback.c): every frame comes back in on lo. */
import type { LinkDriver } from './driver.js';
import { frameLen } from '../dev-stats.js';

export const loopbackDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    // loopback_xmit counts after eth_type_trans took the header off, as sent and as received
    sim.counters.loopback(dev, frameLen(frame) - 14);
    sim.wire(dev, dev, frame);
  },
};
