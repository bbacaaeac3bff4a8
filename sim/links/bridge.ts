/** The bridge device's transmit into the bridge's forwarding (br_dev_xmit), and its ports' rx_handler (br_handle_frame). */
import { bridgeInput, bridgeXmit } from '../bridge.js';
import type { LinkDriver } from './driver.js';

export const bridgeDriver: LinkDriver = {
  plainL2: true,
  xmit(sim, dev, frame) {
    bridgeXmit(sim, dev, frame);
  },
  rx(sim, port, frame) {
    bridgeInput(sim, port, frame);
    return true;
  },
};
