import { describe, expect, it } from 'vitest';
import { ipFragment, Reassembly } from '../../../sim/ip-fragment.js';
import { icmpPacket } from '../../../sim/packet.js';
import { packetBytes } from '../../../sim/pcap/frame-bytes.js';
import { parseIpv4 } from '../../../sim/wire/ipv4.js';

const echo = (size: number) => icmpPacket(0x0a000001, 0x0a000002, 64, 7, { type: 8, code: 0, ident: 1, seq: 1, dataLen: size, sentAt: 0 });

describe('IPv4 fragmentation', () => {
  it('cuts at multiples of 8 below the MTU, the last piece without MF, DF cleared', () => {
    const p = echo(3000);
    p.ip.df = true;
    const f = ipFragment(p, 1400);
    expect(f.map((x) => [x.ip.fragOffset, x.ip.payloadLen, x.ip.mf, x.ip.df])).toEqual([
      [0, 1376, true, false],
      [1376, 1376, true, false],
      [2752, 256, false, false],
    ]);
    // a middle piece cut again keeps MF on its last part
    const g = ipFragment(f[1]!, 600);
    expect(g.map((x) => [x.ip.fragOffset, x.ip.payloadLen, x.ip.mf])).toEqual([
      [1376, 576, true],
      [1952, 576, true],
      [2528, 224, true],
    ]);
  });

  it('the bytes of the pieces are the whole payload, in order, with offsets on the wire', () => {
    const p = echo(2000);
    const whole = packetBytes(p).subarray(20);
    const parts = ipFragment(p, 1000).map((x) => parseIpv4(packetBytes(x))!);
    expect(parts.map((x) => [x.ip.fragOffset ?? 0, x.ip.mf ?? false])).toEqual([
      [0, true],
      [976, true],
      [1952, false],
    ]);
    expect(Buffer.concat(parts.map((x) => x.payload))).toEqual(Buffer.from(whole));
  });

  it('reassembles out of order and only once every byte is there', () => {
    const p = echo(3000);
    const f = ipFragment(p, 1400);
    const r = new Reassembly();
    expect(r.add(f[2]!, 0)).toBeNull();
    expect(r.add(f[0]!, 1)).toBeNull();
    f[1]!.ip.ttl = 60;
    const w = r.add(f[1]!, 2);
    expect(w?.ip.payloadLen).toBe(3008);
    expect(w?.icmp).toBe(p.icmp);
    expect(w?.ip.fragOffset).toBeUndefined();
    // a queue older than ipfrag_time is forgotten
    expect(r.add(f[0]!, 3)).toBeNull();
    expect(r.add(f[1]!, 40_000_000)).toBeNull();
  });
});
