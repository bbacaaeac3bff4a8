/**
 * Classic pcap files (the libpcap format tcpdump -w writes: https://wiki.wireshark.org/Development/LibpcapFileFormat,
 * draft-ietf-opsawg-pcap): a 24-byte global header, then per packet a 16-byte record header
 * (seconds, microseconds, captured length, original length) and the bytes. Little-endian with
 * magic a1b2c3d4, microsecond timestamps. Timestamps are the simulator's virtual clock, so the
 * same simulation gives the same file byte for byte, counted from PCAP_EPOCH_US unless told
 * otherwise (a capture dated 1970 reads as broken in most tools).
 */

/**
 * When a simulated capture's clock starts by default: 2024-01-01 00:00:00 UTC, in µs since 1970.
 *
 * @example new Date(PCAP_EPOCH_US / 1000).toISOString() // '2024-01-01T00:00:00.000Z'
 */
export const PCAP_EPOCH_US = 1_704_067_200_000_000;

/**
 * LINKTYPE_ETHERNET (1) for Ethernet devices and lo; LINKTYPE_RAW (101) for tun (bare IP).
 *
 * @example
 * new PcapWriter(LINKTYPE.raw); // a tun device's capture
 */
export const LINKTYPE = { ethernet: 1, raw: 101 } as const;
export type LinkType = (typeof LINKTYPE)[keyof typeof LINKTYPE];

/** tcpdump's default snapshot length. */
export const SNAPLEN = 262144;
const MAGIC_US = 0xa1b2c3d4;

/**
 * Collects packets of one interface and gives the file's bytes.
 *
 * @example
 * const w = new PcapWriter(LINKTYPE.ethernet);
 * w.add(20, frameBytes(frame)); // at virtual µs 20
 * writeFileSync('veth0.pcap', w.bytes());
 */
export class PcapWriter {
  private readonly chunks: Uint8Array[] = [];
  private size = 24;
  /** packets recorded so far */
  count = 0;

  constructor(
    readonly linktype: LinkType = LINKTYPE.ethernet,
    /** µs added to every virtual timestamp: virtual time 0 is this moment (default PCAP_EPOCH_US) */
    readonly epochUs = PCAP_EPOCH_US,
  ) {}

  /** Records one packet seen at virtual time `tUs` (µs). */
  add(tUs: number, data: Uint8Array): void {
    const t = Math.max(0, Math.round(tUs + this.epochUs));
    const rec = new Uint8Array(16 + Math.min(data.length, SNAPLEN));
    const v = new DataView(rec.buffer);
    v.setUint32(0, Math.floor(t / 1e6), true);
    v.setUint32(4, t % 1e6, true);
    v.setUint32(8, rec.length - 16, true);
    v.setUint32(12, data.length, true);
    rec.set(data.subarray(0, SNAPLEN), 16);
    this.chunks.push(rec);
    this.size += rec.length;
    this.count++;
  }

  /** The whole file: global header and every record so far. */
  bytes(): Uint8Array {
    const out = new Uint8Array(this.size);
    const v = new DataView(out.buffer);
    v.setUint32(0, MAGIC_US, true);
    v.setUint16(4, 2, true);
    v.setUint16(6, 4, true);
    v.setInt32(8, 0, true); // thiszone
    v.setUint32(12, 0, true); // sigfigs
    v.setUint32(16, SNAPLEN, true);
    v.setUint32(20, this.linktype, true);
    let off = 24;
    for (const c of this.chunks) {
      out.set(c, off);
      off += c.length;
    }
    return out;
  }
}
