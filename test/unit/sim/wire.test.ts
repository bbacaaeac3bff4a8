/** Header codecs: emit/parse round trips, checksums, and parsers that never throw. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emitArp, parseArp, type ArpRepr } from '../../../sim/wire/arp.js';
import { internetChecksum } from '../../../sim/wire/bytes.js';
import { emitEthernet, parseEthernet } from '../../../sim/wire/ethernet.js';
import { emitIcmp, parseIcmp, type IcmpEchoRepr, type IcmpErrorRepr } from '../../../sim/wire/icmp.js';
import { emitIpv4, parseIpv4, type Ipv4Repr } from '../../../sim/wire/ipv4.js';
import { emitUdp, parseUdp } from '../../../sim/wire/udp.js';

const mac = fc.uint8Array({ minLength: 6, maxLength: 6 }).map((b) => [...b].map((x) => x.toString(16).padStart(2, '0')).join(':'));
const ip4 = fc.integer({ min: 0, max: 0xffffffff });

describe('wire codecs', () => {
  it('RFC 1071 checksum of a known header', () => {
    // the example header of RFC 1071 §3 style: checksum over a header including its checksum is 0
    const h = emitIpv4({ src: 0xc0a80001, dst: 0xc0a800c7, ttl: 64, protocol: 17, id: 0x1c46, tos: 0, df: true, payloadLen: 0 }, new Uint8Array(0));
    expect(internetChecksum(h, 0, 20)).toBe(0);
  });

  it('ethernet round trip', () => {
    fc.assert(
      fc.property(mac, mac, fc.integer({ min: 0, max: 0xffff }), (dst, src, ethertype) => {
        const p = parseEthernet(emitEthernet({ dst, src, ethertype }, new Uint8Array([1, 2, 3])));
        expect(p?.eth).toEqual({ dst, src, ethertype });
        expect([...p!.payload]).toEqual([1, 2, 3]);
      }),
    );
  });

  it('ARP round trip', () => {
    fc.assert(
      fc.property(fc.constantFrom<1 | 2>(1, 2), mac, ip4, mac, ip4, (op, sha, spa, tha, tpa) => {
        const a: ArpRepr = { op, sha, spa, tha, tpa };
        expect(parseArp(emitArp(a))).toEqual(a);
      }),
    );
  });

  it('IPv4 round trip', () => {
    fc.assert(
      fc.property(ip4, ip4, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 0xffff }), fc.boolean(), (src, dst, ttl, id, df) => {
        const h: Ipv4Repr = { src, dst, ttl, protocol: 1, id, tos: 0, df, payloadLen: 4 };
        const p = parseIpv4(emitIpv4(h, new Uint8Array(4)));
        expect(p?.ip).toEqual(h);
      }),
    );
  });

  it('ICMP echo and error round trips', () => {
    const echo: IcmpEchoRepr = { type: 8, code: 0, ident: 0x3a1c, seq: 7, dataLen: 56, sentAt: 1_234_567 };
    expect(parseIcmp(emitIcmp(echo))).toEqual(echo);
    const err: IcmpErrorRepr = {
      type: 11,
      code: 0,
      info: 0,
      original: { ip: { src: 0x0a000101, dst: 0x0a000201, ttl: 1, protocol: 1, id: 9, tos: 0, df: false, payloadLen: 64 }, echo: { ...echo, sentAt: 0, dataLen: 56 } },
    };
    expect(parseIcmp(emitIcmp(err))).toEqual(err);
    const redirect: IcmpErrorRepr = { ...err, type: 5, code: 1, info: 0x0a000102 };
    expect((parseIcmp(emitIcmp(redirect)) as IcmpErrorRepr).info).toBe(0x0a000102);
  });

  it('UDP round trip', () => {
    const p = parseUdp(emitUdp({ srcPort: 40000, dstPort: 4789, payloadLen: 2 }, new Uint8Array([9, 9])));
    expect(p?.udp).toEqual({ srcPort: 40000, dstPort: 4789, payloadLen: 2 });
  });

  it('parsers never throw on any input', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (b) => {
        parseEthernet(b);
        parseArp(b);
        parseIpv4(b);
        parseIcmp(b);
        parseUdp(b);
      }),
    );
  });
});
