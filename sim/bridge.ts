/**
 * The Linux bridge's data path (net/bridge/br_input.c, br_forward.c, br_fdb.c; IEEE 802.1D
 * learning and flooding without STP): a frame arriving on a port is learned (source MAC → port),
 * then delivered up to the bridge device when it is for the bridge or one of its ports (their
 * MACs are the bridge's local FDB entries) or is broadcast/multicast, forwarded to the learned
 * port, or flooded to every other forwarding port. A port forwards only while the bridge is up
 * and the port is up with carrier. Learned entries age out after ageing_time (300 s).
 */
import { frameLen } from './dev-stats.js';
import type { FdbEntry as ModelFdbEntry, Link } from '../src/model/link.js';
import type { Frame } from './packet.js';
import { PARAMS } from './params.js';
import type { PktType } from './packet.js';
import type { Simulator } from './simulator.js';
import { brNfForward, brNfPreRouting } from './netfilter/bridge.js';
import { isGroupMac } from './wire/ethernet.js';
import { untagged, vlanReceive } from './links/vlan.js';
import { batchableFlood6, floodAllPlain, forwardingPorts, GroupFlood6 } from './ipv6/group-flood.js';
import { vlanEgress, vlanIngress } from './bridge-vlan.js';
import { isLocalMac, staticEntry } from './bridge-macs.js';

export interface FdbEntry {
  port: Link;
  /** µs of the last frame seen from this MAC */
  updated: number;
  /** when it was made, in lab versions plus a half (after the model's entries of that version) */
  seq: number;
  /** order of making among entries of the same version */
  serial: number;
}

/** The learned forwarding database of one bridge. */
export class BridgeState {
  readonly fdb = new Map<string, FdbEntry>();
  /** `master static` entries a frame from their MAC moved to another port (br_fdb_update: not sticky) */
  readonly moved = new Map<ModelFdbEntry, Link>();
  serial = 0;

  clone(): BridgeState {
    const c = new BridgeState();
    c.serial = this.serial;
    for (const [k, v] of this.fdb) c.fdb.set(k, { ...v });
    for (const [k, v] of this.moved) c.moved.set(k, v);
    return c;
  }
}

/** A learned entry as `bridge fdb show` lists it. */
export interface LearnedFdb {
  mac: string;
  port: Link;
  seq: number;
  serial: number;
  /** a `master static` entry that learning moved to this port */
  moved?: ModelFdbEntry;
}

/** The bridge's learned entries still alive now (br_fdb_cleanup deletes them at expiry). */
export function learnedFdb(sim: Simulator, br: Link): LearnedFdb[] {
  sim.sync();
  const bs = sim.bridgeState(br);
  const out: LearnedFdb[] = [];
  for (const [mac, e] of bs.fdb) {
    if (sim.now - e.updated > ageingUs(br) || superseded(sim, br, mac, e)) {
      bs.fdb.delete(mac);
      continue;
    }
    out.push({ mac, port: e.port, seq: e.seq, serial: e.serial });
  }
  for (const [entry, port] of bs.moved) {
    if (port.master !== br || !sim.ports(br).some((p) => p.fdb.includes(entry))) bs.moved.delete(entry);
    else out.push({ mac: entry.mac, port, seq: entry.seq ?? 0, serial: 0, moved: entry });
  }
  return out;
}

function ageingUs(br: Link): number {
  // ageing_time is kept in centiseconds
  return br.bridge!.ageingTime * 10_000;
}

/** The port a unicast MAC was learned on (static entries first), or null. */
export function fdbLookup(sim: Simulator, br: Link, mac: string): Link | null {
  const moved = sim.bridgeState(br).moved;
  for (const p of sim.ports(br)) {
    for (const f of p.fdb) {
      if (!f.master || f.mac !== mac) continue;
      const to = moved.get(f);
      return to && to.master === br ? to : p;
    }
  }
  const e = sim.bridgeState(br).fdb.get(mac);
  if (!e) return null;
  if (sim.now - e.updated > ageingUs(br) || superseded(sim, br, mac, e)) {
    sim.bridgeState(br).fdb.delete(mac);
    return null;
  }
  return e.port;
}

/** The learned entry was deleted by hand, or turned into one added with `master` (the model's now). */
function superseded(sim: Simulator, br: Link, mac: string, e: FdbEntry): boolean {
  const gone = br.bridge!.forgotten?.get(mac);
  if (gone !== undefined && gone > e.seq) return true;
  return hasStatic(sim, br, mac);
}

/** An entry added with `master` holds the MAC: learning does not make another. */
function hasStatic(sim: Simulator, br: Link, mac: string): boolean {
  return staticEntry(sim, br, mac) !== null;
}

export function copyFrame(f: Frame): Frame {
  // each copy gets its own IP header (a router downstream decrements TTL in place) and its own netfilter state
  const p = f.pkt;
  const c: Frame = { eth: f.eth, arp: f.arp, pkt: p ? { ...p, ip: { ...p.ip }, ...(p.nf ? { nf: { ...p.nf } } : {}) } : null, bridgeHops: f.bridgeHops };
  if (f.pkt6) c.pkt6 = { ...f.pkt6, ip6: { ...f.pkt6.ip6 } };
  if (f.tags) c.tags = f.tags;
  return c;
}

function flood(sim: Simulator, br: Link, except: Link | null, frame: Frame): void {
  // IPv6 group packets to plain veth ports: one queue entry for all (sim/ipv6/group-flood.ts) —
  // unless br_netfilter took the frame in: then each copy crosses FORWARD and POSTROUTING (a
  // neighbour solicitation flooded to a port is counted by an accept rule there)
  const filtering = br.bridge!.vlanFiltering !== 0;
  if (!filtering && batchableFlood6(sim, frame) && !frame.pkt6!.nf?.bridgedPre) {
    const list = forwardingPorts(sim, br);
    if (list.allPlain) {
      floodAllPlain(sim, list, except, frame, copyFrame);
      return;
    }
    const group = new GroupFlood6(sim, frame, copyFrame);
    const { ports, plain } = list;
    for (let i = 0; i < ports.length; i++) {
      const p = ports[i]!;
      if (p === except && !p.hairpin) continue;
      if (plain[i]) {
        group.add(p.peer!);
        continue;
      }
      group.flush();
      const c = copyFrame(frame);
      if (brNfForward(sim, br, p, c)) sim.xmit(p, c);
    }
    group.flush();
    return;
  }
  const ports = sim.ports(br);
  let n = 0;
  for (const p of ports) {
    // br_flood's should_deliver: not back out the port it came in by, unless that port is in hairpin mode
    if ((p === except && !p.hairpin) || !sim.portForwards(p)) continue;
    const out = filtering ? vlanEgress(sim, br, p, frame) : frame;
    if (!out) continue;
    const c = copyFrame(out);
    if (!brNfForward(sim, br, p, c)) continue;
    sim.xmit(p, c);
    n++;
  }
  if (sim.tracer) sim.step(br.ns, 'bridge', `${br.name}: flood ${frame.eth.dst} to ${n} port(s)`);
}

function forward(sim: Simulator, br: Link, to: Link, f: Frame): void {
  if (!sim.portForwards(to)) {
    if (sim.tracer) sim.stepDrop(br.ns, 'port-down', `${br.name}: ${f.eth.dst} is behind ${to.name}, which does not forward`);
    return;
  }
  const frame = br.bridge!.vlanFiltering ? vlanEgress(sim, br, to, f) : f;
  if (!frame) return;
  if (sim.tracer) sim.step(br.ns, 'bridge', `${br.name}: ${frame.eth.dst} -> ${to.name}`);
  if (!brNfForward(sim, br, to, frame)) return;
  sim.xmit(to, frame);
}

/** Delivery to the bridge device's own stack (br_pass_frame_up). */
function passUp(sim: Simulator, br: Link, bridged: Frame, pktType: PktType): void {
  const frame = br.bridge!.vlanFiltering ? vlanEgress(sim, br, br, bridged) : bridged;
  if (!frame) return;
  // br_pass_frame_up counts what is left after the Ethernet header (and its tags) came off
  sim.counters.rx(br, frameLen(frame) - 14 - 4 * (frame.tags?.length ?? 0));
  if (frame.pkt6) sim.counters.saw6(br);
  // the bridge device receives it (a capture on the bridge sees it here)
  if (sim.events.wants('frame:rx')) sim.events.emit('frame:rx', { t: sim.now, ns: br.ns.path, dev: br.name, src: frame.eth.src, dst: frame.eth.dst, ethertype: frame.eth.ethertype, frame });
  // netif_receive_skb on the bridge device: its VLANs take their tagged frames, macvlans on it see the frame first
  if (frame.tags?.length && vlanReceive(sim, br, frame)) return;
  if (br.uppers && sim.rxHandler(br, frame)) return;
  const f = frame.tags?.length ? untagged(sim, br, frame) : frame;
  if (f) sim.deliver(br, f, pktType);
}

/** br_handle_frame: a frame received on bridge port `port`. */
export function bridgeInput(sim: Simulator, port: Link, f: Frame): void {
  const br = port.master!;
  const ns = br.ns;
  if (!br.up) {
    if (sim.tracer) sim.stepDrop(ns, 'bridge-down', `${port.name} is a port of ${br.name}, which is down`);
    return;
  }
  if (!sim.portForwards(port)) {
    if (sim.tracer) sim.stepDrop(ns, 'port-down', `${port.name} (port of ${br.name}) is not forwarding`);
    return;
  }
  const frame = br.bridge!.vlanFiltering ? vlanIngress(sim, br, port, f) : f;
  if (!frame) return;
  const src = frame.eth.src;
  const held = isGroupMac(src) ? null : staticEntry(sim, br, src);
  if (held && !held.permanent) {
    // br_fdb_update: a static entry that is not sticky follows its MAC to the port it now comes from
    const bs = sim.bridgeState(br);
    if (!port.fdb.includes(held)) bs.moved.set(held, port);
    else bs.moved.delete(held);
  }
  if (!isGroupMac(src) && !isLocalMac(sim, br, src) && !held) {
    const fdb = sim.bridgeState(br).fdb;
    let old = fdb.get(src);
    if (old && superseded(sim, br, src, old)) {
      fdb.delete(src);
      old = undefined;
    }
    if (!old || old.port !== port) {
      if (sim.tracer) sim.step(ns, 'fdb', `${br.name}: learned ${src} on ${port.name}`);
      if (sim.events.wants('fdb:learn')) sim.events.emit('fdb:learn', { t: sim.now, ns: ns.path, bridge: br.name, port: port.name, mac: src });
    }
    if (old) {
      old.port = port;
      old.updated = sim.now;
    } else {
      fdb.set(src, { port, updated: sim.now, seq: sim.lab.version + 0.5, serial: ++sim.bridgeState(br).serial });
    }
  }
  if (++frame.bridgeHops > PARAMS.maxBridgeHops) {
    if (sim.tracer) sim.stepDrop(ns, 'loop', `frame crossed ${PARAMS.maxBridgeHops} bridges: a bridging loop (no STP)`);
    return;
  }
  const nf = brNfPreRouting(sim, br, port, frame);
  if (nf === 'drop' || nf === 'consumed') return;
  const dst = frame.eth.dst;
  if (nf === 'up') {
    passUp(sim, br, frame, 'host');
    return;
  }
  if (isGroupMac(dst)) {
    flood(sim, br, port, frame);
    passUp(sim, br, frame, dst === 'ff:ff:ff:ff:ff:ff' ? 'broadcast' : 'multicast');
    return;
  }
  if (isLocalMac(sim, br, dst)) {
    if (sim.tracer) sim.step(ns, 'bridge', `${br.name}: ${dst} is local, up to ${br.name}`);
    passUp(sim, br, frame, 'host');
    return;
  }
  const to = fdbLookup(sim, br, dst);
  if (to === port && !port.hairpin) {
    if (sim.tracer) sim.stepDrop(ns, 'not-for-us', `${br.name}: ${dst} is behind the port it came from`);
    return;
  }
  if (to) forward(sim, br, to, frame);
  else flood(sim, br, port, frame);
}

/** br_dev_xmit: the bridge device's own stack sends a frame. */
export function bridgeXmit(sim: Simulator, br: Link, f: Frame): void {
  sim.counters.tx(br, frameLen(f));
  if (f.pkt6) sim.counters.saw6(br);
  const frame = br.bridge!.vlanFiltering ? vlanIngress(sim, br, br, f) : f;
  if (!frame) return;
  const dst = frame.eth.dst;
  if (isGroupMac(dst)) {
    flood(sim, br, null, frame);
    return;
  }
  const to = fdbLookup(sim, br, dst);
  if (to) forward(sim, br, to, frame);
  else flood(sim, br, null, frame);
}
