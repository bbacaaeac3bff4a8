/**
 * Per-device packet counters as the kernel keeps them, for the kinds whose drivers count in a
 * way the simulator reproduces exactly (what `ip -s link` and /proc/net/dev print):
 * - veth (veth_xmit): a frame handed to the peer counts as TX on the sender, whole (Ethernet
 *   header included); a veth's RX is its peer's TX (veth_get_stats64 reads the peer's counters);
 * - loopback (loopback_xmit): counted after eth_type_trans pulled the header, once for TX and
 *   RX alike;
 * - bridge device: br_dev_xmit counts TX whole, br_pass_frame_up counts RX without the header.
 * Other kinds are not counted: a caller asks {@link countsKind} first. Error, drop and multicast
 * counters stay 0 on these paths (none of these drivers counts multicast).
 */
import type { Link } from '../src/model/link.js';
import type { Frame, Ip6Packet } from './packet.js';
import { ipTotalLen } from './ip-fragment.js';
import { packetBytes6 } from './pcap/frame-bytes.js';

export interface LinkStats {
  rxPackets: number;
  rxBytes: number;
  txPackets: number;
  txBytes: number;
  /**
   * why the kernel's counts cannot be foretold, when they cannot: the device carried IPv6, and
   * the kernel sends its own (router solicitations, MLD reports, DAD) after random delays
   */
  unpredictable?: string;
}

const ETH_HLEN = 14;
const ARP_LEN = 28;

/** kinds whose counters the simulator keeps */
export function countsKind(kind: string): boolean {
  return kind === 'veth' || kind === 'loopback' || kind === 'bridge';
}

/**
 * An IPv6 packet's length, serialized once per packet object: the sender's TX and the bridge's
 * RX count the same packet (a bridge of N namespaces passes up each one's chatter). Nothing
 * changes a packet's length in place once it is sent (NAT rewrites addresses and ports only);
 * a packet carrying a tunnel's inner frame is measured each time all the same.
 */
const ip6Lens = new WeakMap<Ip6Packet, number>();
function ip6Len(p: Ip6Packet): number {
  if (p.inner) return packetBytes6(p).length;
  let n = ip6Lens.get(p);
  if (n === undefined) ip6Lens.set(p, (n = packetBytes6(p).length));
  return n;
}

/** a frame's length on the wire, Ethernet header and tags included (no FCS, no padding) */
export function frameLen(f: Frame): number {
  const tags = 4 * (f.tags?.length ?? 0);
  if (f.arp) return ETH_HLEN + tags + ARP_LEN;
  if (f.pkt) return ETH_HLEN + tags + ipTotalLen(f.pkt);
  if (f.pkt6) return ETH_HLEN + tags + ip6Len(f.pkt6);
  return ETH_HLEN + tags;
}

export class DevCounters {
  private readonly m = new WeakMap<Link, LinkStats>();
  /** devices that sent or passed up an IPv6 frame */
  private readonly v6 = new WeakSet<Link>();

  private of(dev: Link): LinkStats {
    let s = this.m.get(dev);
    if (!s) {
      s = { rxPackets: 0, rxBytes: 0, txPackets: 0, txBytes: 0 };
      this.m.set(dev, s);
    }
    return s;
  }

  tx(dev: Link, bytes: number): void {
    const s = this.of(dev);
    s.txPackets++;
    s.txBytes += bytes;
  }

  rx(dev: Link, bytes: number): void {
    const s = this.of(dev);
    s.rxPackets++;
    s.rxBytes += bytes;
  }

  /** `dev` carried an IPv6 frame: its counts depend on the kernel's random timers from then on */
  saw6(dev: Link): void {
    this.v6.add(dev);
  }

  /** loopback_xmit: `bytes` (the header already off) sent and received on lo */
  loopback(lo: Link, bytes: number): void {
    this.tx(lo, bytes);
    this.rx(lo, bytes);
  }

  /** what the kernel reports for `dev` (a veth's RX read off its peer), or null for a kind not counted */
  stats(dev: Link): LinkStats | null {
    if (!countsKind(dev.kind)) return null;
    const own = { ...this.of(dev) };
    if (dev.kind === 'veth') {
      const peer = dev.peer ? this.of(dev.peer) : null;
      own.rxPackets = peer?.txPackets ?? 0;
      own.rxBytes = peer?.txBytes ?? 0;
    }
    // a device with an IPv6 address sends DAD solicitations and MLD reports of its own (and
    // router solicitations), at random delays the simulator does not draw: so does its peer
    // (lo does neither: no DAD on IFF_LOOPBACK, no reports)
    const v6 = (l: Link | null | undefined) => l !== null && l !== undefined && (this.v6.has(l) || (l.kind !== 'loopback' && l.inet6.addrs.length > 0));
    if (v6(dev) || (dev.kind === 'veth' && v6(dev.peer))) own.unpredictable = 'it carried IPv6, and the kernel sends its own (router solicitations, MLD reports) after random delays';
    return own;
  }
}
