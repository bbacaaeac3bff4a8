/** Classic pcap: the global header and record layout libpcap expects, read back by our reader. */
import { describe, expect, it } from 'vitest';
import { LINKTYPE, PCAP_EPOCH_US, PcapWriter, SNAPLEN } from '../../../../sim/pcap/writer.js';
import { readPcap } from '../../../../sim/pcap/reader.js';

describe('PcapWriter', () => {
  it('writes the libpcap global header (µs magic, 2.4, snaplen, link type)', () => {
    const b = new PcapWriter(LINKTYPE.ethernet).bytes();
    expect(b.length).toBe(24);
    expect([...b]).toEqual([0xd4, 0xc3, 0xb2, 0xa1, 2, 0, 4, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x00, 0x00, 0x04, 0x00, 1, 0, 0, 0]);
    expect(new DataView(b.buffer).getUint32(16, true)).toBe(SNAPLEN);
    expect(new PcapWriter(LINKTYPE.raw).bytes()[20]).toBe(101);
  });

  it('writes each record with virtual seconds and microseconds, lengths, bytes', () => {
    const w = new PcapWriter(LINKTYPE.ethernet, 0);
    w.add(1_018_020, new Uint8Array([1, 2, 3]));
    w.add(5, new Uint8Array(60));
    const b = w.bytes();
    const v = new DataView(b.buffer);
    expect(v.getUint32(24, true)).toBe(1);
    expect(v.getUint32(28, true)).toBe(18_020);
    expect(v.getUint32(32, true)).toBe(3);
    expect(v.getUint32(36, true)).toBe(3);
    expect([...b.subarray(40, 43)]).toEqual([1, 2, 3]);
    const f = readPcap(b)!;
    expect(f.linktype).toBe(1);
    expect(f.records.map((r) => [r.tUs, r.data.length, r.origLen])).toEqual([
      [1_018_020, 3, 3],
      [5, 60, 60],
    ]);
    expect(w.count).toBe(2);
  });

  it('starts its clock at 2024-01-01 00:00:00 UTC by default', () => {
    const w = new PcapWriter();
    w.add(20, new Uint8Array(1));
    expect(readPcap(w.bytes())!.records[0]!.tUs).toBe(PCAP_EPOCH_US + 20);
    expect(new Date(PCAP_EPOCH_US / 1000).toISOString()).toBe('2024-01-01T00:00:00.000Z');
  });

  it('can start its clock at an epoch', () => {
    const w = new PcapWriter(LINKTYPE.ethernet, 1_700_000_000_000_000);
    w.add(20, new Uint8Array(1));
    expect(readPcap(w.bytes())!.records[0]!.tUs).toBe(1_700_000_000_000_020);
  });

  it('reader: null for what is not a pcap, truncated records left out', () => {
    expect(readPcap(new Uint8Array(10))).toBeNull();
    expect(readPcap(new Uint8Array(24))).toBeNull();
    const w = new PcapWriter();
    w.add(1, new Uint8Array(10));
    w.add(2, new Uint8Array(10));
    expect(readPcap(w.bytes().subarray(0, 24 + 26 + 20))!.records).toHaveLength(1);
  });
});
