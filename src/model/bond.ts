/**
 * What a bond does to its slaves and itself (drivers/net/bonding/bond_main.c): bond_enslave
 * (the first slave lends the bond its MAC, every slave takes the bond's MAC and MTU, the slave
 * is opened), __bond_release_one (the slave's own MAC and MTU back, closed; the last one gone, the bond gets a new
 * random MAC), and the link monitor (bond_mii_monitor, taken as instantaneous here: the kernel
 * looks every `miimon` ms) with the active-backup reselection (bond_select_active_slave: the
 * active slave stays while its link is up; else the first slave whose link is up).
 */
import { hasCarrier, type Link } from './link.js';

/** bond_enslave's part after the slave became the bond's (link.master set). */
export function bondEnslaved(bond: Link, slave: Link): void {
  const b = bond.bond!;
  if (!b.slaves.length && !b.macSet) bond.mac = slave.mac;
  slave.bondSlave = { permMac: slave.mac, origMtu: slave.mtu, mii: false, linkFailures: 0 };
  slave.mac = bond.mac;
  slave.mtu = bond.mtu;
  b.slaves.push(slave);
  b.featuresComputed = true;
}

/** __bond_release_one's part, before the slave is closed (link.master still the bond). */
export function bondReleased(bond: Link, slave: Link): void {
  const b = bond.bond!;
  b.slaves = b.slaves.filter((s) => s !== slave);
  if (b.active === slave) b.active = null;
  if (slave.bondSlave) {
    slave.mac = slave.bondSlave.permMac;
    slave.mtu = slave.bondSlave.origMtu;
  }
  slave.bondSlave = undefined;
  if (!b.slaves.length && !b.macSet) bond.mac = bond.ns.host.lab.macs.allocate();
  bondMonitor(bond);
}

/** bond_mii_monitor and bond_select_active_slave: each slave's link as it is now, then the active one. */
export function bondMonitor(bond: Link): void {
  const b = bond.bond;
  if (!b) return;
  for (const s of b.slaves) {
    const info = s.bondSlave!;
    const up = s.up && hasCarrier(s);
    // BOND_LINK_FAIL → BOND_LINK_DOWN: a link that was up and went counts as a failure
    if (info.mii && !up) info.linkFailures++;
    info.mii = up;
  }
  if (b.mode !== 'active-backup') return;
  if (b.active?.bondSlave?.mii) return;
  b.active = b.slaves.find((s) => s.bondSlave!.mii) ?? null;
}

/** The slaves a bond may send by now: the active one (active-backup), or every one whose link is up (balance-rr). */
export function bondTxSlaves(bond: Link): Link[] {
  const b = bond.bond!;
  if (b.mode === 'active-backup') return b.active ? [b.active] : [];
  return b.slaves.filter((s) => s.bondSlave?.mii);
}

/** bond_set_mac_address: the bond's new MAC is every slave's (fail_over_mac none), and no slave's is taken any more. */
export function bondMacChanged(bond: Link): void {
  const b = bond.bond!;
  b.macSet = true;
  for (const s of b.slaves) s.mac = bond.mac;
}

/** bond_change_mtu: every slave takes the bond's MTU. */
export function bondMtuChanged(bond: Link): void {
  for (const s of bond.bond!.slaves) s.mtu = bond.mtu;
}
