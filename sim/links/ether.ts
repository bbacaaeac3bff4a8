/** A physical NIC of a lab host: frames cross its cable to the NIC at the far end. */
import type { LinkDriver } from './driver.js';

export const etherDriver: LinkDriver = {
  plainL2: true,
  xmit(sim, dev, frame) {
    const far = dev.cable;
    if (!far) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'no-carrier', `${dev.name} has no cable`);
      return;
    }
    sim.wire(dev, far, frame);
  },
};
