/**
 * tun, tap and VXLAN devices: their far side is a process or a UDP socket, which the tunnel
 * support attaches as a hook per kind (`sim.tunnelHooks`). Without one the frame is dropped
 * with a reason, never silently.
 */
import type { LinkDriver } from './driver.js';

export const tunnelDriver: LinkDriver = {
  xmit(sim, dev, frame) {
    const hook = sim.tunnelHooks[dev.kind];
    if (hook) {
      hook(sim, dev, frame);
      return;
    }
    if (sim.tracer) sim.stepDrop(dev.ns, 'tunnel-unsupported', `${dev.kind} ${dev.name}: tunnels are not simulated yet`);
  },
};
