/**
 * The headers a traced step carries (sim/frame-headers.ts) are the frame's on the wire: they
 * match the bytes the pcap writer encodes for the same frame at the same moment (those bytes are
 * held against the kernel's captures in test/real/pcap*.test.ts), TTL drops by one per router,
 * and a tunnel's frame shows its inner frame after the VXLAN header. (frameHeaders itself is what the tracer calls.)
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { parseIp4 } from '../../../src/model/ip.js';
import { explain } from '../../../src/twin/explain.js';
import { Simulator } from '../../../sim/simulator.js';
import { Tracer } from '../../../sim/trace.js';
import { ping } from '../../../sim/ping.js';
import type { HeaderLayer } from '../../../sim/frame-headers.js';
import { frameBytes } from '../../../sim/pcap/frame-bytes.js';
import type { Frame } from '../../../sim/packet.js';

const mac = (b: Uint8Array, o: number) => [...b.subarray(o, o + 6)].map((x) => x.toString(16).padStart(2, '0')).join(':');
const ip = (b: Uint8Array, o: number) => [...b.subarray(o, o + 4)].join('.');
const u16 = (b: Uint8Array, o: number) => (b[o]! << 8) | b[o + 1]!;

/** Ethernet + IPv4 + ICMP echo read back from the encoded bytes, in frameHeaders' shape. */
function decode(b: Uint8Array): HeaderLayer[] {
  const out: HeaderLayer[] = [{ layer: 'Ethernet', fields: { src: mac(b, 6), dst: mac(b, 0), type: `0x${u16(b, 12).toString(16).padStart(4, '0')}` } }];
  if (u16(b, 12) !== 0x0800) return out;
  const ihl = (b[14]! & 15) * 4;
  out.push({
    layer: 'IPv4',
    fields: { src: ip(b, 26), dst: ip(b, 30), ttl: b[22]!, protocol: b[23]!, id: u16(b, 18), tos: b[15]!, df: (b[20]! & 0x40) !== 0, length: u16(b, 16) },
  });
  const l4 = 14 + ihl;
  if (b[23] === 1 && (b[l4] === 8 || b[l4] === 0)) {
    out.push({ layer: 'ICMP', fields: { type: b[l4]!, name: b[l4] === 8 ? 'echo request' : 'echo reply', code: b[l4 + 1]!, id: u16(b, l4 + 4), seq: u16(b, l4 + 6), length: u16(b, 16) - ihl } });
  }
  return out;
}

function routedLab(): Lab {
  const lab = new Lab();
  lab
    .host('h')
    .sh(
      [
        'ip netns add a',
        'ip netns add r',
        'ip netns add b',
        'ip link add a0 netns a type veth peer name r0 netns r',
        'ip link add b0 netns b type veth peer name r1 netns r',
        'ip -n a addr add 10.0.1.2/24 dev a0',
        'ip -n r addr add 10.0.1.1/24 dev r0',
        'ip -n r addr add 10.0.2.1/24 dev r1',
        'ip -n b addr add 10.0.2.2/24 dev b0',
        'for d in a/a0 r/r0 r/r1 b/b0; do ip -n ${d%/*} link set ${d#*/} up; done',
        'ip -n a route add default via 10.0.1.1',
        'ip -n b route add default via 10.0.2.1',
        'ip netns exec r sysctl -qw net.ipv4.ip_forward=1',
      ].join('\n'),
    );
  return lab;
}

describe('frame headers in traces', () => {
  it('are what the pcap writer encodes for the same frame, at every link the ping crosses', () => {
    const lab = routedLab();
    const sim = new Simulator(lab.model);
    sim.tracer = new Tracer();
    // the frames as the bus hands them to captures (dev_hard_start_xmit), encoded at that moment
    const bytes: Uint8Array[] = [];
    sim.events.on('frame:tx', (e: { frame: Frame }) => bytes.push(frameBytes(e.frame)));
    const r = ping(sim, lab.model.netns('h/a')!, parseIp4('10.0.2.2')!, { count: 1 });
    expect(r.received).toBe(1);
    const xmits = sim.tracer.steps.filter((s) => s.kind === 'xmit');
    // veth only: each transmit is one wire crossing, in the same order
    expect(xmits.length).toBe(bytes.length);
    const icmp = xmits.map((s, i) => ({ headers: s.headers!, bytes: bytes[i]! })).filter((s) => s.headers.some((l) => l.layer === 'ICMP'));
    expect(icmp.length).toBe(4);
    for (const s of icmp) expect(s.headers).toEqual(decode(s.bytes));
  });

  it('every frame an explained ping sends over a wire carries them; TTL drops by one at the router', () => {
    const lab = routedLab();
    const x = explain(new Simulator(lab.model), lab.model.netns('h/a')!, parseIp4('10.0.2.2')!);
    const xmits = x.hops.flatMap((h) => h.steps).filter((s) => s.kind === 'xmit');
    expect(xmits.length).toBeGreaterThan(0);
    expect(xmits.every((s) => s.headers?.[0]?.layer === 'Ethernet')).toBe(true);
    const requests = xmits.filter((s) => s.headers!.some((l) => l.layer === 'ICMP' && l.fields.name === 'echo request'));
    const ttl = requests.map((s) => s.headers!.find((l) => l.layer === 'IPv4')!.fields.ttl);
    expect(ttl).toEqual([64, 63]);
    const arp = xmits.find((s) => s.headers!.some((l) => l.layer === 'ARP'))!;
    expect(arp.headers![1]!.fields).toMatchObject({ op: 'request', tpa: '10.0.1.1', spa: '10.0.1.2' });
  });

  it("a VXLAN frame shows the inner frame's layers after the VXLAN header", () => {
    const lab = new Lab();
    lab
      .host('h')
      .sh(
        [
          'ip netns add a',
          'ip netns add b',
          'ip link add u0 netns a type veth peer name u1 netns b',
          'ip -n a addr add 192.168.9.1/24 dev u0',
          'ip -n b addr add 192.168.9.2/24 dev u1',
          'ip -n a link set u0 up',
          'ip -n b link set u1 up',
          'ip -n a link add vx0 type vxlan id 42 remote 192.168.9.2 dstport 4789 dev u0',
          'ip -n b link add vx0 type vxlan id 42 remote 192.168.9.1 dstport 4789 dev u1',
          'ip -n a addr add 10.42.0.1/24 dev vx0',
          'ip -n b addr add 10.42.0.2/24 dev vx0',
          'ip -n a link set vx0 up',
          'ip -n b link set vx0 up',
        ].join('\n'),
      );
    const x = explain(new Simulator(lab.model), lab.model.netns('h/a')!, parseIp4('10.42.0.2')!);
    expect(x.disposition).toBe('reply');
    const outer = x.hops.flatMap((h) => h.steps).find((s) => s.kind === 'xmit' && s.headers?.some((l) => l.layer === 'VXLAN') && s.headers.some((l) => l.layer === 'inner ICMP'))!;
    expect(outer).toBeDefined();
    expect(outer.headers!.map((l) => l.layer)).toEqual(['Ethernet', 'IPv4', 'UDP', 'VXLAN', 'inner Ethernet', 'inner IPv4', 'inner ICMP']);
    expect(outer.headers!.find((l) => l.layer === 'UDP')!.fields.dstPort).toBe(4789);
    expect(outer.headers!.find((l) => l.layer === 'VXLAN')!.fields.vni).toBe(42);
  });
});
