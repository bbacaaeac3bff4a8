/** inet_select_addr and fib_result_prefsrc, checked against `ip route get` on Linux 6.18. */
import { describe, expect, it } from 'vitest';
import { SCOPE } from '../../../src/model/address.js';
import { ip4ToString, parseIp4 } from '../../../src/model/ip.js';
import { inetSelectAddr, routePrefsrc, scanDevices } from '../../../src/model/source-address.js';
import { run, sandbox } from '../iproute2/mini-ip.js';

const ip = (s: string) => parseIp4(s)!;
const str = (a: number) => (a ? ip4ToString(a) : '0');

describe('inetSelectAddr', () => {
  function lab() {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link add w0 type veth peer name w1
       addr add 10.0.0.1/24 dev v0
       addr add 10.0.0.2/24 dev v0
       addr add 172.16.0.1/16 dev v0
       addr add 192.168.7.1/24 dev w0 scope link`,
    );
    return ns;
  }

  it('prefers the primary whose subnet holds dst, else the first that fits; never a secondary', () => {
    const ns = lab();
    const v0 = ns.linkByName('v0')!;
    expect(str(inetSelectAddr(v0, ip('172.16.9.9'), SCOPE.global))).toBe('172.16.0.1');
    expect(str(inetSelectAddr(v0, ip('10.0.0.77'), SCOPE.global))).toBe('10.0.0.1');
    expect(str(inetSelectAddr(v0, 0, SCOPE.link))).toBe('10.0.0.1');
    expect(str(inetSelectAddr(v0, ip('8.8.8.8'), SCOPE.global))).toBe('10.0.0.1');
  });

  it('a link-scope address serves link-scope routes on its device only', () => {
    const ns = lab();
    const w0 = ns.linkByName('w0')!;
    expect(str(inetSelectAddr(w0, 0, SCOPE.link))).toBe('192.168.7.1');
    // universe scope: the device has nothing that fits, so the namespace is scanned (lo first)
    expect(str(inetSelectAddr(w0, ip('192.168.7.9'), SCOPE.global))).toBe('10.0.0.1');
  });

  it('the scan takes lo first, and skips host-scope 127/8', () => {
    const ns = lab();
    expect(str(scanDevices(ns, SCOPE.global))).toBe('10.0.0.1');
    run(ns, 'addr add 10.9.9.9/32 dev lo');
    expect(str(scanDevices(ns, SCOPE.global))).toBe('10.9.9.9');
    const { ns: bare } = sandbox();
    expect(scanDevices(bare, SCOPE.link)).toBe(0);
    expect(str(scanDevices(bare, SCOPE.host))).toBe('127.0.0.1');
  });

  it('route_localnet lets 127/8 act as link scope on the device', () => {
    const { ns } = sandbox();
    const lo = ns.linkByName('lo')!;
    expect(inetSelectAddr(lo, 0, SCOPE.link)).toBe(0);
    lo.conf.route_localnet = 1;
    expect(str(inetSelectAddr(lo, 0, SCOPE.link))).toBe('127.0.0.1');
  });
});

describe('routePrefsrc', () => {
  it('the route src, else the device address matched against the gateway, at the route scope', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v0 up
       link set v1 up
       addr add 10.0.0.1/24 dev v0
       addr add 172.16.0.1/16 dev v0
       route add 172.16.5.0/24 dev v0
       route add 172.20.0.0/16 via 172.16.0.9
       route add 172.29.0.0/16 dev v0 src 172.16.0.1`,
    );
    const main = ns.tables.get(254)!.routes;
    const by = (dst: string, len: number) => main.find((r) => r.dst === ip(dst) && r.dstLen === len)!;
    expect(str(routePrefsrc(by('172.16.5.0', 24)))).toBe('10.0.0.1');
    expect(str(routePrefsrc(by('172.20.0.0', 16)))).toBe('172.16.0.1');
    expect(str(routePrefsrc(by('172.29.0.0', 16)))).toBe('172.16.0.1');
  });
});
