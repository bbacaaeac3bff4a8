/**
 * macvlan (drivers/net/macvlan.c, macvlan_queue_xmit and macvlan_handle_frame): a macvlan
 * sends through its lower device, except that in bridge mode a frame for a sibling in bridge
 * mode goes straight to it and a broadcast is copied to the siblings in bridge mode on the way
 * out. On the lower device's receive side (its rx_handler) a unicast frame goes to the macvlan
 * owning its destination MAC (in passthru mode, to the one macvlan, whatever the MAC); a
 * broadcast or multicast frame is copied to the macvlans the mode of its sender allows and is
 * also left to the lower device's own stack. The lower device's own frames never pass a
 * macvlan on the way out: the host cannot reach its macvlans except through the wire and back.
 * Only macvlans that are up take part (the port's hash holds open devices).
 */
import type { Link, MacvlanMode } from '../../src/model/link.js';
import { copyFrame } from '../bridge.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { BROADCAST, isGroupMac } from '../wire/ethernet.js';
import type { LinkDriver } from './driver.js';

/** macvlan_hash_lookup: the macvlan of the port that is up and has this MAC. */
function owner(lower: Link, mac: string): Link | null {
  for (const u of lower.uppers ?? []) if (u.up && u.mac === mac) return u;
  return null;
}

/** macvlan_broadcast: a copy to each macvlan of the port that is up, in one of `modes`, other than `src`. */
function broadcast(sim: Simulator, lower: Link, src: Link | null, frame: Frame, modes: readonly MacvlanMode[]): void {
  const pktType = frame.eth.dst === BROADCAST ? 'broadcast' : 'multicast';
  for (const u of lower.uppers ?? []) {
    if (u === src || !u.up || !modes.includes(u.macvlan!.mode)) continue;
    if (sim.tracer) sim.step(u.ns, 'xmit', `${lower.name} -> ${u.name}: macvlan ${pktType}`);
    sim.receive(u, copyFrame(frame), pktType);
  }
}

const FROM_OUTSIDE: readonly MacvlanMode[] = ['private', 'vepa', 'bridge', 'passthru'];
const FROM_VEPA: readonly MacvlanMode[] = ['vepa', 'bridge'];
const FROM_BRIDGE: readonly MacvlanMode[] = ['vepa'];

export const macvlanDriver: LinkDriver = {
  plainL2: false,
  xmit(sim, dev, frame) {
    const { mode, lower } = dev.macvlan!;
    if (mode === 'bridge') {
      if (isGroupMac(frame.eth.dst)) {
        broadcast(sim, lower, dev, frame, ['bridge']);
      } else {
        const dest = owner(lower, frame.eth.dst);
        if (dest && dest.macvlan!.mode === 'bridge') {
          sim.wire(dev, dest, frame);
          return;
        }
      }
    }
    // xmit_world: out through the lower device, as if the macvlan were on its wire
    sim.xmit(lower, frame);
  },
  rx(sim, lower, frame) {
    const ups = lower.uppers ?? [];
    if (isGroupMac(frame.eth.dst)) {
      const src = owner(lower, frame.eth.src);
      if (src && src.macvlan!.mode !== 'vepa' && src.macvlan!.mode !== 'bridge') {
        // a private or passthru macvlan's own broadcast, back from the wire: to it alone
        sim.receive(src, copyFrame(frame), frame.eth.dst === BROADCAST ? 'broadcast' : 'multicast');
        return true;
      }
      broadcast(sim, lower, src, frame, !src ? FROM_OUTSIDE : src.macvlan!.mode === 'vepa' ? FROM_VEPA : FROM_BRIDGE);
      return false;
    }
    const passthru = ups[0]?.macvlan?.mode === 'passthru';
    const to = passthru ? ups[0]! : owner(lower, frame.eth.dst);
    if (!to) return false;
    if (!to.up) {
      if (sim.tracer) sim.stepDrop(lower.ns, 'link-down', `${to.name} (macvlan on ${lower.name}) is down`);
      return true;
    }
    sim.receive(to, frame, 'host');
    return true;
  },
};
