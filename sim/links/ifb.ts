/**
 * An ifb device (drivers/net/ifb.c). ifb_xmit keeps only what a tc mirred action redirected to
 * it (skb->redirected with the device it came from); anything else is dropped (counted as
 * rx_dropped). Its tasklet (ifb_ri_tasklet) then gives each packet back to that device with
 * tc_skip_classify set: received there again when it was taken on the way in, sent out of it
 * when it was taken on the way out. The ifb's own root qdisc (netem, tbf …) has held it by
 * then: that is what the device is for.
 */
import type { LinkDriver } from './driver.js';

export const ifbDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const from = frame.redirected;
    if (!from) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'ifb', `${dev.name} is an ifb device: it keeps only what a tc mirred action redirects to it`);
      return;
    }
    // the tasklet runs soon after, in the device's namespace; the original device may be gone by then
    sim.queue.after(0, () => {
      const back = { ...frame, redirected: undefined, skipClassify: true };
      const iif = from.iif;
      if (!sim.isLive(iif) || iif.ns !== dev.ns) {
        if (sim.tracer) sim.stepDrop(dev.ns, 'ifb', `${dev.name}: the device the packet was redirected from is gone`);
        return;
      }
      if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name} gives the packet back to ${iif.name} (${from.fromIngress ? 'received again' : 'sent'})`);
      if (from.fromIngress) sim.receive(iif, back);
      else sim.xmit(iif, back);
    });
  },
};
