/**
 * A bond (bond_start_xmit, bond_handle_frame): a frame the bond sends leaves by its active
 * slave (active-backup) or by its slaves in turn (balance-rr, bond_xmit_roundrobin); a frame
 * a slave receives is the bond's, except on an active-backup bond's backup slave, where it is
 * dropped (bond_should_deliver_exact_match: only the slave itself would take it).
 */
import { bondTxSlaves } from '../../src/model/bond.js';
import type { LinkDriver } from './driver.js';

export const bondDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const b = dev.bond!;
    const slaves = bondTxSlaves(dev);
    if (!slaves.length) {
      if (sim.tracer) sim.stepDrop(dev.ns, 'no-carrier', `${dev.name} has no slave to send by`);
      return;
    }
    const out = slaves[b.rrNext++ % slaves.length]!;
    if (sim.tracer) sim.step(dev.ns, 'xmit', `${dev.name} (${b.mode}): out through ${out.name}`);
    sim.xmit(out, frame);
  },
  rx(sim, slave, frame) {
    const bond = slave.master!;
    const b = bond.bond!;
    if (b.mode === 'active-backup' && b.active !== slave) {
      if (sim.tracer) sim.stepDrop(slave.ns, 'bond-backup', `${slave.name} is a backup slave of ${bond.name}: the frame is dropped`);
      return true;
    }
    if (sim.tracer) sim.step(slave.ns, 'xmit', `${slave.name} -> ${bond.name}: received by its bond`);
    sim.receive(bond, frame);
    return true;
  },
};
