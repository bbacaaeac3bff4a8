/** loopback (drivers/net/loopback.c): every frame comes back in on lo. */
import type { LinkDriver } from './driver.js';

export const loopbackDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    sim.wire(dev, dev, frame);
  },
};
