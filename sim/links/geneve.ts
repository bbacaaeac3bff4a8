/** A Geneve device: frames go out as UDP to its remote over the underlay (sim/geneve.ts). */
import { geneveXmit } from '../geneve.js';
import type { LinkDriver } from './driver.js';

export const geneveDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    geneveXmit(sim, dev, frame);
  },
};
