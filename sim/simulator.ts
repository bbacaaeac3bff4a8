/**
 * One Simulator per LabModel: the virtual clock and event queue, and the runtime state the kernel
 * keeps beside its configuration (neighbour caches, bridge FDBs, rate-limit buckets), which
 * persists across the commands of a script. Configuration is always read live from the model;
 * state that refers to devices which went away, went down or lost carrier is dropped at the next
 * entry point (`sleep`, `ping`, `explain`), as the kernel flushes it on those events.
 *
 * @example
 * const sim = new Simulator(lab);
 * const r = ping(sim, lab.netns('h/A')!, parseIp4('10.0.0.2')!, { count: 1, timeout: 1 });
 * sim.sleep(30); // neighbour entries age meanwhile
 */
import { frameHeaders } from './frame-headers.js';
import { ipTunnelRcv, TUNNEL_PROTO } from './iptnl.js';
import type { LabModel } from '../src/model/lab-model.js';
import { bridgePorts, hasCarrier, type Link, type LinkKind } from '../src/model/link.js';
import type { Netns } from '../src/model/netns.js';
import type { Route } from '../src/model/route.js';
import type { Route6 } from '../src/model/ipv6/fib6.js';
import { arpRcv, arpSolicit } from './arp.js';
import { icmp6Rcv, icmp6Send, ip6LinkFailure } from './ipv6/icmp6.js';
import { vxlanRcv6 } from './vxlan.js';
import { inet6Protos, udp6Encaps } from './ipv6/ip6-deliver.js';
import { ip6Rcv } from './ipv6/ip6-input.js';
import { ndiscSolicit } from './ipv6/ndisc.js';
import { BridgeState } from './bridge.js';
import { Clock } from './clock.js';
import { EventQueue } from './event-queue.js';
import { SimBus } from './events.js';
import { icmpRcv, linkFailure, nfReject } from './icmp.js';
import type { InetProtos } from './ip-deliver.js';
import { ipRcv } from './ip-input.js';
import { DRIVERS } from './links/driver.js';
import { neighFlushDev, neighForgetDeleted, neighRestore, type NeighOps } from './neighbor.js';
import { NsState } from './ns-state.js';
import { isIp6Packet, type AnyPacket, type Frame, type Ip6Packet, type IpPacket, type PktType } from './packet.js';
import { PARAMS } from './params.js';
import type { DropReason, StepKind, Tracer } from './trace.js';
import { ModelRuntime, PrivateRuntime, type NfRuntime } from './netfilter/runtime.js';
import { tcpRcv, tcpSendReset } from './tcp.js';
import { udp6Rcv, udpRcv } from './udp.js';
import { BROADCAST, ETHERTYPE, isGroupMac } from './wire/ethernet.js';
import { IP_PROTO } from './wire/ipv4.js';
import { untagged, vlanReceive } from './links/vlan.js';
import { netemEnqueue } from './netem.js';
import { shaperEnqueue } from './shaper.js';
import { tcIngress } from './tc-ingress.js';
import { DevCounters } from './dev-stats.js';

export interface SimulatorOptions {
  /** µs per link traversal (default 20) */
  linkLatencyUs?: number;
  /**
   * where netfilter's counters and conntrack tables live: 'model' for the script's own
   * simulator (what iptables -L and conntrack -L read), 'private' (the default) for any other
   */
  netfilter?: 'model' | 'private';
}

/** What netfilter asks of the protocols above it (REJECT's ICMP error), which it does not import. */
export interface NfOps {
  /** an ICMP destination unreachable with `code` about `pkt`; `localDst`: it was addressed to this host */
  reject(sim: Simulator, st: NsState, pkt: IpPacket, code: number, localDst: boolean): void;
  /** REJECT --reject-with tcp-reset: a RST back to the sender of a TCP segment (nf_send_reset) */
  reset(sim: Simulator, st: NsState, pkt: AnyPacket): void;
  /** ip6tables' REJECT: an ICMPv6 destination unreachable with `code` about `pkt`, which came in on `dev` (null: sent here) */
  reject6(sim: Simulator, st: NsState, pkt: Ip6Packet, dev: Link | null, code: number): void;
}

/** What a tunnel implementation plugs in for a link kind (tun, tap, vxlan). */
export type TunnelHook = (sim: Simulator, dev: Link, frame: Frame) => void;
/** Local delivery of UDP (tunnel endpoints); returns true when it consumed the packet. */
export type UdpHook = (sim: Simulator, ns: Netns, dev: Link, pkt: IpPacket) => boolean;

interface DevSeen {
  up: boolean;
  carrier: boolean;
  mac: string;
  flaps: number;
}

export class Simulator {
  readonly clock = new Clock();
  readonly queue = new EventQueue(this.clock);
  readonly events = new SimBus();
  /** set to record every decision (explain does) */
  tracer: Tracer | null = null;
  readonly latency: number;
  /** frames a driver refused on transmit (NET_XMIT_DROP): a sender reads it around its own dev_queue_xmit for sendmsg's ENOBUFS */
  txDropped = 0;
  /**
   * the last multipath route whose hop a packet took by the kernel's flow hash: which hop the
   * kernel takes is not predictable (its seed is random per boot), so what ran is not modelled
   */
  hashedRoute: Route | Route6 | null = null;
  /** per-device packet counters (`ip -s link`, /proc/net/dev) */
  readonly counters = new DevCounters();
  readonly tunnelHooks: Partial<Record<LinkKind, TunnelHook>> = {};
  udpHook: UdpHook | null = null;
  /** inet_protos[]: local delivery hands each packet to its protocol's handler */
  readonly inetProtos: InetProtos = {
    [IP_PROTO.icmp]: icmpRcv,
    [IP_PROTO.udp]: udpRcv,
    [IP_PROTO.tcp]: tcpRcv,
    [TUNNEL_PROTO.ipip]: ipTunnelRcv('ipip'),
    [TUNNEL_PROTO.gre]: ipTunnelRcv('gre'),
    [TUNNEL_PROTO.sit]: ipTunnelRcv('sit'),
  };
  /** the neighbour layer's resolution protocols (ARP, neighbour discovery) and failure reports (ICMP, ICMPv6), by the family of the entry */
  readonly neighOps: NeighOps = {
    solicit: (sim, st, e, hint) => (typeof e.ip === 'bigint' ? ndiscSolicit(sim, st, e, hint) : arpSolicit(sim, st, e, hint && !isIp6Packet(hint) ? hint : null)),
    linkFailure: (sim, st, pkt) => (isIp6Packet(pkt) ? ip6LinkFailure(sim, st, pkt) : linkFailure(sim, st, pkt)),
  };
  /** what netfilter's REJECT answers with (ICMP), reached without importing it */
  readonly nfOps: NfOps = {
    reject: nfReject,
    reset: (sim, st, pkt) => tcpSendReset(sim, st, pkt),
    reject6: (sim, st, pkt, dev, code) => icmp6Send(sim, st, pkt, dev, 1, code, 0),
  };
  /** netfilter's counters, conntrack tables and draws as this simulator keeps them */
  nf: NfRuntime;

  private readonly states = new Map<Netns, NsState>();
  private readonly bridges = new Map<Link, BridgeState>();
  private readonly seen = new Map<Link, DevSeen>();
  private cacheVersion = -1;
  private seenVersion = -1;
  private syncVersion = -1;
  private readonly portCache = new Map<Link, Link[]>();
  private readonly carrierCache = new Map<Link, boolean>();
  private identSeq = 0x3a1c;

  constructor(
    readonly lab: LabModel,
    private readonly opts: SimulatorOptions = {},
  ) {
    this.latency = opts.linkLatencyUs ?? PARAMS.linkLatencyUs;
    this.nf = opts.netfilter === 'model' ? new ModelRuntime() : new PrivateRuntime();
    inet6Protos(this)[58] = icmp6Rcv;
    inet6Protos(this)[IP_PROTO.tcp] = tcpRcv;
    inet6Protos(this)[IP_PROTO.udp] = udp6Rcv;
    udp6Encaps(this).push(vxlanRcv6);
  }

  /** Virtual time, µs. */
  get now(): number {
    return this.clock.now;
  }

  /** Lets `seconds` of virtual time pass (the shell's `sleep`): timers run, entries age. */
  sleep(seconds: number): void {
    if (!(seconds > 0)) return;
    this.sync();
    this.queue.runUntil(this.now + Math.round(seconds * 1e6));
  }

  /** Runs events up to `t` µs, or until `stop()` holds after one; true if stopped early. */
  runUntil(t: number, stop?: () => boolean): boolean {
    return this.queue.runUntil(t, stop);
  }

  /** The runtime state of a namespace. */
  state(ns: Netns): NsState {
    let st = this.states.get(ns);
    if (!st) {
      st = new NsState(ns, this);
      this.states.set(ns, st);
    }
    return st;
  }

  /** The learned FDB of a bridge. */
  bridgeState(br: Link): BridgeState {
    let b = this.bridges.get(br);
    if (!b) {
      b = new BridgeState();
      this.bridges.set(br, b);
    }
    return b;
  }

  /** A deterministic ICMP identifier for a new ping (the kernel draws one at random). */
  nextIdent(): number {
    this.identSeq = (this.identSeq * 1103 + 4229) & 0xffff;
    return this.identSeq;
  }

  // --- the model, as the data path sees it -------------------------------------------------

  nsLive(ns: Netns): boolean {
    const host = ns.host;
    // the lab's machine room (`lab.infra`) is not a host of the lab but its switches are real
    if (this.lab.hosts.get(host.name) !== host && host.name !== '.infra') return false;
    return ns.name === null ? host.root === ns : host.namespaces.get(ns.name) === ns;
  }

  /** The device still exists where it says it is. */
  isLive(l: Link): boolean {
    return l.ns.links.get(l.ifindex) === l && this.nsLive(l.ns);
  }

  private refresh(): void {
    if (this.cacheVersion === this.lab.version) return;
    this.cacheVersion = this.lab.version;
    this.portCache.clear();
    this.carrierCache.clear();
  }

  carrier(l: Link): boolean {
    this.refresh();
    let c = this.carrierCache.get(l);
    if (c === undefined) {
      c = hasCarrier(l);
      this.carrierCache.set(l, c);
    }
    return c;
  }

  /** A bridge's ports, ifindex order. */
  ports(br: Link): Link[] {
    this.refresh();
    let p = this.portCache.get(br);
    if (!p) {
      p = bridgePorts(br);
      this.portCache.set(br, p);
    }
    return p;
  }

  /** A bridge port forwards when the bridge is up and the port is up with carrier (STP off). */
  portForwards(p: Link): boolean {
    const br = p.master;
    return !!br && br.up && p.up && this.carrier(p) && this.isLive(p);
  }

  // --- data path entry points ---------------------------------------------------------------

  /** dev_queue_xmit: generic checks, then the link kind's driver. */
  xmit(dev: Link, frame: Frame): void {
    if (!this.isLive(dev)) {
      this.dropFrame(dev, frame, 'device-gone', `${dev.name} no longer exists`);
      return;
    }
    if (!dev.up) {
      this.dropFrame(dev, frame, dev.kind === 'loopback' ? 'lo-down' : 'link-down', `${dev.name} is down`);
      return;
    }
    if (!this.carrier(dev)) {
      this.dropFrame(dev, frame, 'no-carrier', `${dev.name} has no carrier${dev.kind === 'veth' ? ' (its peer is down)' : ''}`);
      return;
    }
    if (dev.qdisc) {
      // the root qdisc holds it; the driver gets it when its time comes, if the device is still there and up
      const send = (f: Frame) => {
        if (this.isLive(dev) && dev.up) this.transmit(dev, f);
        else this.dropFrame(dev, f, 'link-down', `${dev.name} went down with the packet in its qdisc`);
      };
      if (dev.qdisc.kind === 'netem') netemEnqueue(this, dev, frame, send);
      else shaperEnqueue(this, dev, frame, send);
      return;
    }
    this.transmit(dev, frame);
  }

  /** dev_hard_start_xmit: captures see the frame, then the link kind's driver sends it. */
  private transmit(dev: Link, frame: Frame): void {
    if (this.events.wants('frame:tx')) this.events.emit('frame:tx', { t: this.now, ns: dev.ns.path, dev: dev.name, src: frame.eth.src, dst: frame.eth.dst, ethertype: frame.eth.ethertype, frame });
    DRIVERS[dev.kind].xmit(this, dev, frame);
  }

  /** A frame crossing a wire from `from` to `to`, arriving after the link latency. */
  wire(from: Link, to: Link, frame: Frame): void {
    if (this.tracer)
      this.tracer.step(
        this.now,
        from.ns.path,
        'xmit',
        `${from.name} -> ${to.kind === 'loopback' ? 'lo' : `${to.name}${to.ns !== from.ns ? ` in ${to.ns.path}` : ''}`}: ${frameText(frame)}`,
        undefined,
        undefined,
        frameHeaders(frame),
      );
    this.queue.after(this.latency, () => this.receive(to, frame));
  }

  /**
   * netif_receive_skb on `dev`. `as` is the pkt_type a driver gave the frame (a passthru
   * macvlan takes every unicast frame as its own); otherwise eth_type_trans decides.
   */
  receive(dev: Link, frame: Frame, as?: PktType): void {
    if (!this.isLive(dev) || !dev.up) {
      this.dropFrame(dev, frame, 'link-down', `${dev.name} is down or gone`);
      return;
    }
    if (this.events.wants('frame:rx')) this.events.emit('frame:rx', { t: this.now, ns: dev.ns.path, dev: dev.name, src: frame.eth.src, dst: frame.eth.dst, ethertype: frame.eth.ethertype, frame });
    // a frame off a wire starts without netfilter state (skb_scrub_packet's nf_reset_ct)
    if (frame.pkt?.nf) frame.pkt.nf = undefined;
    // tc's ingress hook (sch_handle_ingress) comes before VLAN devices and rx_handlers; a frame an ifb gave back skips it
    if (dev.ingress && !frame.skipClassify && tcIngress(this, dev, frame)) return;
    // vlan_do_receive comes before the rx_handler: a VLAN on `dev` takes its tagged frames
    if (frame.tags?.length && vlanReceive(this, dev, frame)) return;
    if (this.rxHandler(dev, frame)) return;
    const f = frame.tags?.length ? untagged(this, dev, frame) : frame;
    if (!f) return;
    const dst = f.eth.dst;
    let pktType: PktType;
    if (as) pktType = as;
    else if (dev.kind === 'loopback' || dev.noarp || dst === dev.mac) pktType = 'host';
    else if (dst === BROADCAST) pktType = 'broadcast';
    else if (isGroupMac(dst)) pktType = 'multicast';
    else pktType = 'otherhost';
    this.deliver(dev, f, pktType);
  }

  /**
   * The rx_handler a device above `dev` registered on it (a bridge on its ports, a macvlan on
   * its lower device): true when it took the frame.
   */
  rxHandler(dev: Link, frame: Frame): boolean {
    const above = dev.master ?? dev.uppers?.find((u) => u.macvlan || u.ipvlan);
    const rx = above ? DRIVERS[above.kind].rx : undefined;
    return rx !== undefined && rx(this, dev, frame);
  }

  /** The protocol handlers of `dev`'s stack (ptype_base): ARP and IPv4. */
  deliver(dev: Link, frame: Frame, pktType: PktType): void {
    const st = this.state(dev.ns);
    if (frame.eth.ethertype === ETHERTYPE.arp) arpRcv(this, st, dev, frame, pktType);
    else if (frame.eth.ethertype === ETHERTYPE.ipv4 && frame.pkt) ipRcv(this, st, dev, frame.pkt, pktType, frame.eth.src);
    else if (frame.eth.ethertype === ETHERTYPE.ipv6 && frame.pkt6) ip6Rcv(this, st, dev, frame.pkt6, pktType, frame.eth.src);
  }

  // --- traces and events --------------------------------------------------------------------

  step(ns: Netns, kind: StepKind, detail: string, reason?: DropReason): void {
    if (this.tracer) this.tracer.step(this.now, ns.path, kind, detail, reason);
  }

  stepDrop(ns: Netns, reason: DropReason, detail: string): void {
    if (this.tracer) this.tracer.step(this.now, ns.path, 'drop', detail, reason);
  }

  /** A dropped packet: a trace step and a `packet:drop` event. */
  drop(ns: Netns, reason: DropReason, detail: string, pkt: IpPacket, dev: Link | null): void {
    if (this.tracer) this.tracer.step(this.now, ns.path, 'drop', detail, reason);
    if (this.events.wants('packet:drop')) {
      this.events.emit('packet:drop', { t: this.now, ns: ns.path, src: pkt.ip.src, dst: pkt.ip.dst, ttl: pkt.ip.ttl, protocol: pkt.ip.protocol, dev: dev ? dev.name : null, reason });
    }
  }

  private dropFrame(dev: Link, frame: Frame, reason: DropReason, detail: string): void {
    if (this.tracer) this.tracer.step(this.now, dev.ns.path, 'drop', `${detail}: ${frameText(frame)}`, reason, undefined, frameHeaders(frame));
    if (frame.pkt && this.events.wants('packet:drop')) {
      const pkt = frame.pkt;
      this.events.emit('packet:drop', { t: this.now, ns: dev.ns.path, src: pkt.ip.src, dst: pkt.ip.dst, ttl: pkt.ip.ttl, protocol: pkt.ip.protocol, dev: dev.name, reason });
    }
  }

  // --- keeping runtime state in step with the model -----------------------------------------

  /**
   * Drops state the kernel would have flushed: tables of deleted namespaces and devices,
   * neighbour entries of devices that went down, lost carrier or changed MAC since the last
   * look (neigh_ifdown, neigh_carrier_down, neigh_changeaddr), FDB entries of ports that left
   * their bridge or stopped forwarding (br_fdb_delete_by_port).
   */
  sync(): void {
    // nothing in the model changed since the last look: nothing to flush
    if (this.syncVersion === this.lab.version) return;
    this.syncVersion = this.lab.version;
    for (const [ns, st] of this.states) {
      if (!this.nsLive(ns)) {
        for (const dev of [...st.neigh.keys()]) neighFlushDev(st, dev);
        this.states.delete(ns);
        continue;
      }
      for (const dev of [...st.neigh.keys()]) {
        if (!this.isLive(dev) || dev.ns !== ns) neighFlushDev(st, dev);
      }
      neighForgetDeleted(st);
    }
    for (const [dev, was] of this.seen) {
      if (!this.isLive(dev)) {
        this.seen.delete(dev);
        continue;
      }
      const up = dev.up;
      const carrier = this.carrier(dev);
      if ((was.up && !up) || (was.carrier && !carrier) || was.mac !== dev.mac || was.flaps !== (dev.flaps ?? 0)) {
        const st = this.states.get(dev.ns);
        if (st) neighFlushDev(st, dev);
      }
      was.up = up;
      was.carrier = carrier;
      was.mac = dev.mac;
      was.flaps = dev.flaps ?? 0;
    }
    if (this.seenVersion !== this.lab.version) {
      // new devices appear only when the model changed
      this.seenVersion = this.lab.version;
      for (const ns of this.lab.namespaces()) {
        for (const dev of ns.linkList()) if (!this.seen.has(dev)) this.seen.set(dev, { up: dev.up, carrier: this.carrier(dev), mac: dev.mac, flaps: dev.flaps ?? 0 });
      }
    }
    for (const [br, bs] of this.bridges) {
      if (!this.isLive(br) || br.kind !== 'bridge') {
        this.bridges.delete(br);
        continue;
      }
      for (const [mac, e] of bs.fdb) if (e.port.master !== br || !this.portForwards(e.port)) bs.fdb.delete(mac);
    }
  }

  /**
   * A copy of this simulator at the same time, with settled runtime state (resolved and failed
   * neighbours, FDBs, rate-limit buckets, redirects) and nothing in flight: what explain runs on,
   * so that asking a question does not change the answers of the script.
   */
  fork(): Simulator {
    this.sync();
    const f = new Simulator(this.lab, { ...this.opts, netfilter: 'private' });
    f.nf = this.nf.fork();
    f.clock.advanceTo(this.now);
    f.identSeq = this.identSeq;
    Object.assign(f.tunnelHooks, this.tunnelHooks);
    f.udpHook = this.udpHook;
    for (const [dev, s] of this.seen) f.seen.set(dev, { ...s });
    for (const [br, bs] of this.bridges) f.bridges.set(br, bs.clone());
    for (const [ns, st] of this.states) {
      const c = f.state(ns);
      c.peers = st.peers.clone();
      c.ipId = st.ipId;
      for (const [k, v] of st.redirects) c.redirects.set(k, { ...v });
      for (const t of st.neigh.values()) {
        for (const e of t.values()) neighRestore(f, c, e);
      }
    }
    return f;
  }
}

function frameText(f: Frame): string {
  if (f.arp) {
    const a = f.arp;
    const ip = (x: number) => `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
    return a.op === 1 ? `ARP who-has ${ip(a.tpa)} tell ${ip(a.spa)}` : `ARP ${ip(a.spa)} is-at ${a.sha}`;
  }
  if (f.pkt) {
    const p = f.pkt;
    const ip = (x: number) => `${x >>> 24}.${(x >>> 16) & 255}.${(x >>> 8) & 255}.${x & 255}`;
    const i = p.icmp;
    const what = !i ? `proto ${p.ip.protocol}` : i.type === 8 ? `echo request seq ${i.seq}` : i.type === 0 ? `echo reply seq ${i.seq}` : `ICMP type ${i.type} code ${i.code}`;
    return `${what} ${ip(p.ip.src)} > ${ip(p.ip.dst)} to ${f.eth.dst}`;
  }
  return `frame to ${f.eth.dst}`;
}
