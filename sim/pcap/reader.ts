/**
 * Reads classic pcap files (either byte order, µs or ns timestamps), for tests and for comparing
 * a simulated capture with one tcpdump took on the kernel. Never throws: a file it cannot read
 * gives null, a truncated last record is left out.
 */

export interface PcapRecord {
  /** timestamp, µs since the epoch */
  tUs: number;
  /** the captured bytes */
  data: Uint8Array;
  /** the packet's length on the wire */
  origLen: number;
}

/**
 * A pcap file, read.
 *
 * @example
 * const f: PcapFile | null = readPcap(readFileSync('veth0.pcap'));
 * f?.records.map((r) => r.data.length);
 */
export interface PcapFile {
  linktype: number;
  snaplen: number;
  records: PcapRecord[];
}

/**
 * @example
 * const f = readPcap(readFileSync('veth0.pcap'));
 * f?.records.length; // 4
 */
export function readPcap(bytes: Uint8Array): PcapFile | null {
  if (bytes.length < 24) return null;
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const m = v.getUint32(0, true);
  let le: boolean;
  let nano: boolean;
  if (m === 0xa1b2c3d4 || m === 0xa1b23c4d) [le, nano] = [true, m === 0xa1b23c4d];
  else if (m === 0xd4c3b2a1 || m === 0x4d3cb2a1) [le, nano] = [false, m === 0x4d3cb2a1];
  else return null;
  const snaplen = v.getUint32(16, le);
  const linktype = v.getUint32(20, le) & 0x0fffffff;
  const records: PcapRecord[] = [];
  let off = 24;
  while (off + 16 <= bytes.length) {
    const sec = v.getUint32(off, le);
    const frac = v.getUint32(off + 4, le);
    const incl = v.getUint32(off + 8, le);
    const orig = v.getUint32(off + 12, le);
    if (off + 16 + incl > bytes.length) break;
    records.push({ tUs: sec * 1e6 + (nano ? Math.floor(frac / 1000) : frac), data: bytes.slice(off + 16, off + 16 + incl), origLen: orig });
    off += 16 + incl;
  }
  return { linktype, snaplen, records };
}
