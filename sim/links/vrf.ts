/**
 * A VRF device (vrf_xmit): what is routed to the VRF device itself. The model sends a VRF's
 * traffic out of its ports (their routes are in its table); a frame handed to the VRF device
 * is dropped, and the trace says why.
 */
import type { LinkDriver } from './driver.js';

export const vrfDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev) {
    if (sim.tracer) sim.stepDrop(dev.ns, 'vrf', `${dev.name} is a VRF device: the model does not send through the VRF device itself`);
  },
};
