/** A dummy device (dummy_xmit): every frame is counted as sent and freed; nothing is ever received. */
import type { LinkDriver } from './driver.js';

export const dummyDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'dummy', `${dev.name} is a dummy device: what it sends goes nowhere`);
  },
};
