/** veth (drivers/net/veth.c): what one end sends, the other end receives, if it is up. */
import type { LinkDriver } from './driver.js';

export const vethDriver: LinkDriver = {
  plainL2: true,
  xmit(sim, dev, frame) {
    const peer = dev.peer;
    if (!peer) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'device-gone', `${dev.name} has no peer`);
      return;
    }
    sim.wire(dev, peer, frame);
  },
};
