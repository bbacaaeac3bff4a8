/** The bridge device's transmit: into the bridge's forwarding (br_dev_xmit). */
import { bridgeXmit } from '../bridge.js';
import type { LinkDriver } from './driver.js';

export const bridgeDriver: LinkDriver = {
  xmit(sim, dev, frame) {
    bridgeXmit(sim, dev, frame);
  },
};
