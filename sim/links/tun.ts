/**
 * tun and tap devices: the far side is the process holding the device (socat, sim/socat.ts),
 * unless a hook in `sim.tunnelHooks` replaces it for the kind. A tun nobody holds has no
 * carrier, so nothing reaches here; a frame that finds no holder is dropped with a reason,
 * never silently.
 */
import { processTable } from '../processes.js';
import type { LinkDriver } from './driver.js';

export const tunDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const hook = sim.tunnelHooks[dev.kind];
    if (hook) {
      hook(sim, dev, frame);
      return;
    }
    const holder = processTable(sim).holderOf(dev);
    if (holder) {
      holder.fromDevice(sim, dev, frame);
      return;
    }
    if (sim.tracer) sim.stepDrop(dev.ns, 'no-carrier', `${dev.kind} ${dev.name}: no process holds it`);
  },
};
