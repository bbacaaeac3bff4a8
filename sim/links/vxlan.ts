/** A VXLAN device: frames go out as UDP over the underlay (sim/vxlan.ts), unless a hook in `sim.tunnelHooks` replaces that. */
import { vxlanXmit } from '../vxlan.js';
import type { LinkDriver } from './driver.js';

export const vxlanDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const hook = sim.tunnelHooks[dev.kind];
    if (hook) {
      hook(sim, dev, frame);
      return;
    }
    vxlanXmit(sim, dev, frame);
  },
};
