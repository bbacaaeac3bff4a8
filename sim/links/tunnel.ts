/**
 * tun, tap and VXLAN devices: a tun's far side is the process holding it (socat, sim/socat.ts),
 * a VXLAN device's is UDP over the underlay (sim/vxlan.ts). A hook in `sim.tunnelHooks`
 * replaces either for a kind. A tun nobody holds has no carrier, so nothing reaches here; a
 * frame that finds no holder is dropped with a reason, never silently.
 */
import { processTable } from '../processes.js';
import { vxlanXmit } from '../vxlan.js';
import type { LinkDriver } from './driver.js';

export const tunnelDriver: LinkDriver = {
  xmit(sim, dev, frame) {
    const hook = sim.tunnelHooks[dev.kind];
    if (hook) {
      hook(sim, dev, frame);
      return;
    }
    if (dev.kind === 'vxlan') {
      vxlanXmit(sim, dev, frame);
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
