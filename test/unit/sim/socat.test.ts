/**
 * socat's tunnel process and the tun it holds (kernel evidence: test/cases/tunnels/socat-*.sh,
 * each compared with the kernel in test/real/seed.test.ts): the device socat makes, its carrier,
 * the kernel's router solicitation when it comes up, death by ICMP port unreachable, datagrams
 * kept while the far tun is down, persistent tuns outliving socat.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { hasCarrier } from '../../../src/model/link.js';
import { processTable } from '../../../sim/processes.js';
import { Tracer } from '../../../sim/trace.js';

const UNDERLAY = `ip netns add a
ip netns add b
ip link add va type veth peer name vb
ip link set va netns a
ip link set vb netns b
ip -n a addr add 192.168.0.16/24 dev va
ip -n a link set va up
ip -n b addr add 192.168.0.26/24 dev vb
ip -n b link set vb up
`;
const A = 'ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=t0,iff-no-pi';
const B = 'ip netns exec b socat UDP:192.168.0.16:9000,bind=192.168.0.26:9000 TUN:10.0.0.2/24,tun-name=t0,iff-no-pi';

function lab(): { lab: Lab; sh: (s: string) => ReturnType<ReturnType<Lab['host']>['sh']> } {
  const l = new Lab();
  const h = l.host('h');
  h.sh(UNDERLAY);
  return { lab: l, sh: (s) => h.sh(s) };
}

describe('the tun socat makes', () => {
  it('is POINTOPOINT, NOARP, down, holds its address, and has carrier once up', () => {
    const { lab: l, sh } = lab();
    expect(sh(`${A} &`)[0]).toMatchObject({ exit: 0, stderr: '' });
    const t0 = l.model.netns('h/a')!.linkByName('t0')!;
    expect(t0).toMatchObject({ kind: 'tun', up: false, pointopoint: true, noarp: true, mtu: 1500, txqlen: 500 });
    expect(t0.tun).toMatchObject({ mode: 'tun', pi: false, attached: true, persist: false });
    expect(t0.addrs.map((a) => a.prefixLen)).toEqual([24]);
    expect(sh('ip -n a link show t0')[0].stdout).toContain('<POINTOPOINT,MULTICAST,NOARP> mtu 1500 qdisc noop state DOWN');
    sh(`${B} &`);
    sh('ip -n a link set t0 up');
    expect(hasCarrier(t0)).toBe(true);
    expect(sh('ip -n a link show t0')[0].stdout).toContain('<POINTOPOINT,MULTICAST,NOARP,UP,LOWER_UP>');
  });

  it('carries pings both ways once both ends are up', () => {
    const { sh } = lab();
    sh(`${A} &\n${B} &\nip -n a link set t0 up\nip -n b link set t0 up`);
    expect(sh('ip netns exec a ping -c 2 -W 1 10.0.0.2')[0].ping).toMatchObject({ transmitted: 2, received: 2 });
    expect(sh('ip netns exec b ping -c 1 -W 1 10.0.0.1')[0].ping).toMatchObject({ received: 1 });
  });
});

describe("the kernel's first packets", () => {
  it('a router solicitation leaves a tun as soon as it is up', () => {
    const { lab: l, sh } = lab();
    sh(`${A} &\n${B} &`);
    const tracer = new Tracer();
    l.sim.tracer = tracer;
    sh('ip -n a link set t0 up');
    l.sim.tracer = null;
    expect(tracer.steps.some((s) => s.ns === 'h/a' && s.detail.includes('router solicitation'))).toBe(true);
    expect(tracer.steps.some((s) => s.detail.includes('socat') && s.detail.includes('48 bytes from t0'))).toBe(true);
  });

  it('end a socat whose peer does not listen: its tun and the routes through it go', () => {
    const { lab: l, sh } = lab();
    sh(`${A} &`);
    const [up] = sh('ip -n a link set t0 up');
    expect(up.exit).toBe(0);
    expect(up.jobs).toHaveLength(1);
    expect(up.jobs![0]).toMatchObject({ host: 'h', exit: 1 });
    expect(up.jobs![0].stderr).toMatch(/socat\[\d+\] E read\(5, 0x[0-9a-f]+, 8192\): Connection refused\n$/);
    expect(up.jobs![0].why).toContain('nothing listens on 192.168.0.26:9000');
    expect(l.model.netns('h/a')!.linkByName('t0')).toBeUndefined();
    expect(sh('ip -n a route add 172.16.1.0/24 via 10.0.0.1 dev t0')[0].stderr).toBe('Cannot find device "t0"\n');
    expect(processTable(l.sim).anyAlive).toBe(false);
  });

  it('do not end a socat whose peer listens with its tun down: the datagram waits for the tun', () => {
    const { lab: l, sh } = lab();
    sh(`${A} &\n${B} &`);
    expect(sh('ip -n a link set t0 up')[0].jobs).toBeUndefined();
    expect(processTable(l.sim).list.filter((p) => p.alive)).toHaveLength(2);
    const tracer = new Tracer();
    l.sim.tracer = tracer;
    sh('ip -n b link set t0 up');
    l.sim.tracer = null;
    expect(tracer.steps.some((s) => s.ns === 'h/b' && s.detail.includes('writes 48 bytes into t0'))).toBe(true);
  });

  it('are not fatal to an unconnected socket (UDP-DATAGRAM)', () => {
    const { lab: l, sh } = lab();
    sh('ip netns exec b socat UDP-DATAGRAM:192.168.0.16:9100,bind=192.168.0.26:9100 TUN:10.1.0.2/24,tun-name=td,iff-no-pi,iff-up &');
    expect(sh('ip netns exec b ping -c 1 -W 1 10.1.0.1')[0].ping!.received).toBe(0);
    expect(l.model.netns('h/b')!.linkByName('td')).toBeDefined();
  });
});

describe('socat at start', () => {
  it("reports a bind to another host's address when the background job is seen to end", () => {
    const { sh } = lab();
    const [s] = sh('ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.26:9000 TUN:10.0.0.1/24 &');
    expect(s).toMatchObject({ exit: 0, stdout: '', stderr: '' });
    expect(s.jobs![0].stderr).toMatch(/E bind\(5, \{AF=2 192\.168\.0\.26:9000\}, 16\): Cannot assign requested address\n$/);
  });

  it('in the foreground, fails with its message, or is ended and reported as not modelled', () => {
    const { lab: l, sh } = lab();
    const [bad] = sh('ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.99:9000 TUN:10.0.0.1/24');
    expect(bad).toMatchObject({ exit: 1, supported: true });
    expect(bad.stderr).toContain('Cannot assign requested address');
    const [fg] = sh('ip netns exec a socat UDP:192.168.0.26:9000 TUN:10.0.0.1/24,tun-name=fg');
    expect(fg.supported).toBe(false);
    expect(l.model.netns('h/a')!.linkByName('fg')).toBeUndefined();
  });

  it('a second socat on the same address and port is refused, and on the same tun name too', () => {
    const { sh } = lab();
    sh(`${A} &`);
    expect(sh('ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.1.1/24,tun-name=t1 &')[0].jobs![0].stderr).toContain('Address already in use');
    expect(sh('ip netns exec a socat UDP:192.168.0.26:9001,bind=192.168.0.16:9001 TUN:10.0.1.1/24,tun-name=t0 &')[0].jobs![0].stderr).toContain('ioctl(6, TUNSETIFF, {"t0"}: Device or resource busy');
  });

  it('a persistent tun outlives the socat that held it, without carrier', () => {
    const { lab: l, sh } = lab();
    sh('ip -n a tuntap add dev pt mode tun\nip -n a link set pt up');
    const pt = l.model.netns('h/a')!.linkByName('pt')!;
    expect(hasCarrier(pt)).toBe(false);
    const [s] = sh('ip netns exec a socat UDP:192.168.0.26:9200,bind=192.168.0.16:9200 TUN:10.2.0.1/24,tun-name=pt,iff-no-pi &');
    // attached: carrier, a link-local, a router solicitation into a closed port, and socat is gone
    expect(s.jobs![0].why).toContain('pt (persistent) stays without carrier');
    expect(l.model.netns('h/a')!.linkByName('pt')).toBe(pt);
    expect(hasCarrier(pt)).toBe(false);
    expect(sh('ip -n a route show dev pt')[0].stdout).toBe('10.2.0.0/24 proto kernel scope link src 10.2.0.1 linkdown \n');
  });

  it('UDP-LISTEN makes its tun when the first datagram comes, and takes its sender as peer', () => {
    const { lab: l, sh } = lab();
    sh('ip netns exec b socat UDP-LISTEN:9000 TUN:10.0.0.2/24,tun-name=tl,iff-no-pi,iff-up &');
    expect(l.model.netns('h/b')!.linkByName('tl')).toBeUndefined();
    sh('ip netns exec a socat UDP:192.168.0.26:9000,bind=192.168.0.16:9000 TUN:10.0.0.1/24,tun-name=tc,iff-no-pi,iff-up &');
    expect(l.model.netns('h/b')!.linkByName('tl')?.up).toBe(true);
    expect(sh('ip netns exec a ping -c 1 -W 1 10.0.0.2')[0].ping!.received).toBe(1);
  });
});
