/**
 * Packet capture on simulated devices, the way tcpdump -i DEV sees them. STYLE: capture wraps a
 * small port (`FrameTap`: every frame a device sends or receives), here fed by the simulator's
 * event bus (`frame:tx` at dev_queue_xmit, `frame:rx` at netif_receive_skb and when a bridge
 * passes a frame up to its own device), not hooks inside the forwarding code.
 *
 * What a capture on a device holds, as on the kernel: frames it transmits and frames it
 * receives, a bridge port both the frames arriving from its cable and those the bridge sends out
 * of it, a bridge device what it sends and what is passed up to it. On `lo` libpcap keeps only
 * the received copy of each packet (it drops the outgoing one); a tun device carries bare IP
 * packets (LINKTYPE_RAW).
 *
 * @example
 * const cap = new Capture(busTap(sim), (ns, dev) => ns === 'h/A' && dev === 'veth0');
 * ping(sim, nsA, dst, { count: 1 });
 * cap.stop();
 * writeFileSync('veth0.pcap', cap.files()[0].bytes);
 */
import type { LinkKind } from '../../src/model/link.js';
import type { FrameEvent } from '../events.js';
import type { Frame } from '../packet.js';
import type { Simulator } from '../simulator.js';
import { frameBytes, packetBytes } from './frame-bytes.js';
import { LINKTYPE, PCAP_EPOCH_US, PcapWriter } from './writer.js';

/** One frame seen on one device. */
export interface TappedFrame {
  /** virtual time, µs */
  t: number;
  /** namespace path (`host` or `host/NS`) */
  ns: string;
  dev: string;
  /** the device's kind, when the device still exists */
  kind: LinkKind | null;
  dir: 'tx' | 'rx';
  frame: Frame;
}

/**
 * The port a capture plugs into: every frame a device sends or receives.
 *
 * @example
 * const stop = busTap(sim).tap((f) => console.log(f.t, f.ns, f.dev, f.dir));
 * stop();
 */
export interface FrameTap {
  /** Calls `fn` for each frame; returns a function that stops it. */
  tap(fn: (f: TappedFrame) => void): () => void;
}

/**
 * A FrameTap on a simulator's event bus.
 *
 * @example
 * const cap = new Capture(busTap(lab.sim));
 */
export function busTap(sim: Simulator): FrameTap {
  return {
    tap(fn) {
      const kindOf = (e: FrameEvent): LinkKind | null => sim.lab.netns(e.ns)?.linkByName(e.dev)?.kind ?? null;
      const tx = (e: FrameEvent) => fn({ t: e.t, ns: e.ns, dev: e.dev, kind: kindOf(e), dir: 'tx', frame: e.frame });
      const rx = (e: FrameEvent) => fn({ t: e.t, ns: e.ns, dev: e.dev, kind: kindOf(e), dir: 'rx', frame: e.frame });
      sim.events.on('frame:tx', tx);
      sim.events.on('frame:rx', rx);
      return () => {
        sim.events.off('frame:tx', tx);
        sim.events.off('frame:rx', rx);
      };
    },
  };
}

/** The capture of one device: where it is, and its pcap file. */
export interface InterfaceCapture {
  ns: string;
  dev: string;
  writer: PcapWriter;
}

export interface CaptureOptions {
  /** µs since 1970 that virtual time 0 stands for (default PCAP_EPOCH_US, 2024-01-01 00:00:00 UTC) */
  epochUs?: number;
}

/**
 * Captures the devices `select` accepts, one pcap per device, created on its first frame.
 *
 * @example
 * const cap = new Capture(busTap(lab.sim), (ns) => ns.startsWith('node1'));
 * lab.host('node1').sh('ip netns exec NS1 ping -c 1 172.16.0.3');
 * for (const f of cap.files()) writeFileSync(f.path.replaceAll('/', '_'), f.bytes);
 */
export class Capture {
  private readonly byDev = new Map<string, InterfaceCapture>();
  private untap: (() => void) | null;

  constructor(
    tap: FrameTap,
    /** which devices are captured (every one by default) */
    readonly select: (ns: string, dev: string) => boolean = () => true,
    private readonly opts: CaptureOptions = {},
  ) {
    this.untap = tap.tap((f) => this.seen(f));
  }

  private seen(f: TappedFrame): void {
    if (!this.select(f.ns, f.dev)) return;
    if (f.kind === 'loopback' && f.dir === 'tx') return;
    const raw = f.kind === 'tun';
    if (raw && !f.frame.pkt) return;
    const key = `${f.ns}\0${f.dev}`;
    let c = this.byDev.get(key);
    if (!c) {
      c = { ns: f.ns, dev: f.dev, writer: new PcapWriter(raw ? LINKTYPE.raw : LINKTYPE.ethernet, this.opts.epochUs ?? PCAP_EPOCH_US) };
      this.byDev.set(key, c);
    }
    c.writer.add(f.t, raw ? packetBytes(f.frame.pkt!) : frameBytes(f.frame));
  }

  /** Stops capturing; what was captured stays. */
  stop(): void {
    this.untap?.();
    this.untap = null;
  }

  /** The devices that saw traffic, in the order they first did. */
  interfaces(): InterfaceCapture[] {
    return [...this.byDev.values()];
  }

  /** One pcap file per captured device, with a relative path `NS-PATH/DEV.pcap`. */
  files(): { ns: string; dev: string; path: string; packets: number; bytes: Uint8Array }[] {
    return this.interfaces().map((c) => ({ ns: c.ns, dev: c.dev, path: `${c.ns}/${c.dev}.pcap`, packets: c.writer.count, bytes: c.writer.bytes() }));
  }
}

/**
 * The capture of one device named `NS:DEV` (`node1/NS1:veth11`, `node1:enp2s0`), as
 * `ip netns exec NS tcpdump -i DEV -w FILE` would take it. The device may appear later.
 *
 * @example
 * const cap = captureDevice(lab.sim, 'node1/NS1:veth11');
 * // … pings …
 * writeFileSync('veth11.pcap', cap.pcap());
 */
export class DeviceCapture {
  private readonly capture: Capture;
  readonly ns: string;
  readonly dev: string;
  private readonly epochUs: number;

  constructor(tap: FrameTap, iface: string, opts: CaptureOptions = {}) {
    this.epochUs = opts.epochUs ?? PCAP_EPOCH_US;
    const i = iface.lastIndexOf(':');
    if (i <= 0 || i === iface.length - 1) throw new Error(`capture: "${iface}" is not NS:DEV (like node1/NS1:veth11 or node1:enp2s0)`);
    this.ns = iface.slice(0, i);
    this.dev = iface.slice(i + 1);
    this.capture = new Capture(tap, (ns, dev) => ns === this.ns && dev === this.dev, opts);
  }

  /** Packets captured so far. */
  get packets(): number {
    return this.capture.interfaces()[0]?.writer.count ?? 0;
  }

  /** The pcap file so far (a header alone when nothing was seen). */
  pcap(): Uint8Array {
    const c = this.capture.interfaces()[0];
    return c ? c.writer.bytes() : new PcapWriter(LINKTYPE.ethernet, this.epochUs).bytes();
  }

  /** Stops capturing; what was captured stays. */
  stop(): void {
    this.capture.stop();
  }
}

/** Shorthand for `new DeviceCapture(busTap(sim), iface)`. */
export function captureDevice(sim: Simulator, iface: string, opts: CaptureOptions = {}): DeviceCapture {
  return new DeviceCapture(busTap(sim), iface, opts);
}
