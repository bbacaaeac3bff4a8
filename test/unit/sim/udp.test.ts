/**
 * UDP sockets as tunnels use them: bind rules (a local address, a free port), the lookup that
 * prefers a connected socket, and which ICMP errors reach a socket (hard errors, connected
 * sockets only). Kernel evidence: test/cases/tunnels/socat-errors.sh and
 * socat-listen-datagram-persistent.sh, compared in test/real/seed.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { parseIp4 } from '../../../src/model/ip.js';
import { parseIp6 } from '../../../src/model/ipv6/ip6.js';
import { udpTable, type UdpSocket } from '../../../sim/udp.js';

const ip = (s: string) => parseIp4(s)!;

function setup() {
  const lab = new Lab();
  lab.host('h').sh('ip link add v0 type veth peer name v1\nip addr add 192.168.0.16/24 dev v0\nip link set v0 up\nip link set v1 up');
  const ns = lab.model.netns('h')!;
  const errors: string[] = [];
  const sock = (local: string, port: number, remote: string | null = null, remotePort = 0): UdpSocket => ({
    ns,
    local: ip(local),
    port,
    remote: remote === null ? null : ip(remote),
    remotePort,
    onDatagram() {},
    onError(_s, errno) {
      errors.push(errno);
    },
  });
  return { lab, ns, sock, errors, table: udpTable(lab.sim) };
}

describe('UDP sockets', () => {
  it('bind only to a local address, and once per address and port', () => {
    const { lab, sock, table } = setup();
    expect(table.bind(lab.sim, sock('192.168.0.26', 9000))).toBe('EADDRNOTAVAIL');
    expect(table.bind(lab.sim, sock('192.168.0.16', 9000))).toBeNull();
    expect(table.bind(lab.sim, sock('192.168.0.16', 9000))).toBe('EADDRINUSE');
    expect(table.bind(lab.sim, sock('0.0.0.0', 9000))).toBe('EADDRINUSE');
    expect(table.bind(lab.sim, sock('192.168.0.16', 9001))).toBeNull();
  });

  it('take an ephemeral port for port 0', () => {
    const { lab, sock, table } = setup();
    const s = sock('0.0.0.0', 0);
    expect(table.bind(lab.sim, s)).toBeNull();
    expect(s.port).toBeGreaterThanOrEqual(32768);
    expect(s.port).toBeLessThanOrEqual(60999);
  });

  it('deliver to the most specific socket: connected, then bound, then wildcard', () => {
    const { lab, ns, sock, table } = setup();
    const any = sock('0.0.0.0', 9000);
    const conn = sock('192.168.0.16', 9100, '192.168.0.26', 9000);
    table.bind(lab.sim, any);
    table.bind(lab.sim, conn);
    expect(table.lookup(ns, ip('192.168.0.26'), 9000, ip('192.168.0.16'), 9000)).toBe(any);
    expect(table.lookup(ns, ip('192.168.0.26'), 9000, ip('192.168.0.16'), 9100)).toBe(conn);
    expect(table.lookup(ns, ip('192.168.0.27'), 9000, ip('192.168.0.16'), 9100)).toBeNull();
  });

  it('share one table between the families: `::` takes IPv4 too, an IPv6 address only IPv6 (the lookups: test/cases/l4-v6/udp6-nc.sh on the kernel; the binds: inet_rcv_saddr_equal without SO_REUSEADDR)', () => {
    const { lab, ns, table } = setup();
    lab.host('h').sh('ip addr add 2001:db8::16/64 dev v0 nodad');
    const mk = (local: bigint | number, port: number): UdpSocket => ({ ns, local, port, remote: null, remotePort: 0, onDatagram() {}, onError() {} });
    const v6 = parseIp6('2001:db8::16')!;
    const dual = mk(0n, 5000);
    const only6 = mk(v6, 5005);
    const four = mk(0, 5004);
    expect(table.bind(lab.sim, dual)).toBeNull();
    expect(table.bind(lab.sim, only6)).toBeNull();
    expect(table.bind(lab.sim, four)).toBeNull();
    // `::` without V6ONLY holds the IPv4 port too; an IPv6 address's socket does not
    expect(table.bind(lab.sim, mk(0, 5000))).toBe('EADDRINUSE');
    expect(table.bind(lab.sim, mk(0, 5005))).toBeNull();
    expect(table.bind(lab.sim, mk(parseIp6('2001:db8::99')!, 5006))).toBe('EADDRNOTAVAIL');
    expect(table.lookup(ns, ip('192.168.0.26'), 40000, ip('192.168.0.16'), 5000)).toBe(dual);
    expect(table.lookup(ns, parseIp6('2001:db8::26')!, 40000, v6, 5000)).toBe(dual);
    expect(table.lookup(ns, ip('192.168.0.26'), 40000, ip('192.168.0.16'), 5005)).not.toBe(only6);
    expect(table.lookup(ns, parseIp6('2001:db8::26')!, 40000, v6, 5004)).toBeNull();
    expect(table.lookup(ns, parseIp6('2001:db8::26')!, 40000, v6, 5005)).toBe(only6);
  });
});
