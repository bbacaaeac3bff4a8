/**
 * socat's address syntax as socat 1.7.4.4 parses it (kernel evidence: test/cases/tunnels/
 * socat-errors.sh, compared with the real socat in test/real/seed.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseSocatAddress, parseSocatArgv } from '../../../../src/programs/socat/address.js';
import { socatUnsupported } from '../../../../src/programs/socat/socat.js';
import { parseIp4 } from '../../../../src/model/ip.js';
import { parseIp6 } from '../../../../src/model/ipv6/ip6.js';

const ip = (s: string) => parseIp4(s)!;

describe('parseSocatAddress', () => {
  it("reads the seed's UDP address, trailing comma and all", () => {
    expect(parseSocatAddress('UDP:192.168.0.26:9000,bind=192.168.0.16:9000,')).toEqual({
      kind: 'ok',
      address: { kind: 'udp', mode: 'connect', keyword: 'UDP', v6: false, peer: ip('192.168.0.26'), port: 9000, bind: ip('192.168.0.16'), bindPort: 9000 },
    });
  });

  it('reads a bracketed IPv6 host, in the host and in bind=, and takes the family from it or from pf (kernel evidence: test/cases/l4-socat6/)', () => {
    expect(parseSocatAddress('UDP:[2001:db8::16]:9000,bind=[2001:db8::26]:9000')).toEqual({
      kind: 'ok',
      address: { kind: 'udp', mode: 'connect', keyword: 'UDP', v6: true, peer: parseIp6('2001:db8::16'), port: 9000, bind: parseIp6('2001:db8::26'), bindPort: 9000 },
    });
    expect(parseSocatAddress('UDP-LISTEN:9101,pf=ip6')).toMatchObject({ kind: 'ok', address: { mode: 'listen', v6: true, port: 9101 } });
    expect(parseSocatAddress('UDP6-LISTEN:9100')).toMatchObject({ kind: 'ok', address: { mode: 'listen', v6: true } });
    expect(parseSocatAddress('UDP-LISTEN:9102')).toMatchObject({ kind: 'ok', address: { mode: 'listen', v6: false } });
    expect(parseSocatAddress('UDP6:2001:db8::26:9000')).toEqual({ kind: 'error', message: 'UDP6: wrong number of parameters (5 instead of 2)' });
    expect(parseSocatAddress('UDP4:[2001:db8::26]:9000')).toEqual({
      kind: 'error',
      message: 'getaddrinfo("2001:db8::26", "NULL", {5,2,2,17}, {}): Address family for hostname not supported',
    });
    expect(parseSocatAddress('UDP:[10.0.0.1]:9000')).toMatchObject({ kind: 'unsupported' });
    expect(parseSocatAddress('UDP:10.0.0.1:9000,bind=[2001:db8::1]')).toMatchObject({ kind: 'unsupported' });
  });

  it("reads the seed's TUN address with its options", () => {
    expect(parseSocatAddress('TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun')).toEqual({
      kind: 'ok',
      address: { kind: 'tun', keyword: 'TUN', network: '1.1.0.100/16', name: 'tundudp', noPi: true, up: false, badType: null },
    });
  });

  it('takes keywords and option names in any case, aliases, and boolean values', () => {
    const a = parseSocatAddress('udp4:10.0.0.2:9000,SP=9001');
    expect(a).toMatchObject({ kind: 'ok', address: { mode: 'connect', bindPort: 9001, bind: null } });
    expect(parseSocatAddress('tun:10.0.0.1/24,up=2,no-pi')).toMatchObject({ kind: 'ok', address: { up: true, noPi: true } });
    expect(parseSocatAddress('TUN:10.0.0.1/24,iff-up=0')).toMatchObject({ kind: 'ok', address: { up: false } });
    expect(parseSocatAddress('UDP-LISTEN:9000,bind=10.0.0.1')).toMatchObject({ kind: 'ok', address: { mode: 'listen', port: 9000, bind: ip('10.0.0.1') } });
    expect(parseSocatAddress('UDP-DATAGRAM:10.0.0.2:9000,bind=:9000')).toMatchObject({ kind: 'ok', address: { mode: 'datagram', bind: null, bindPort: 9000 } });
  });

  it("truncates a tun name to the kernel's 15 bytes and leaves an empty one to the kernel", () => {
    expect(parseSocatAddress('TUN:3.1.0.100/16,tun-name=thisnameistoolong')).toMatchObject({ address: { name: 'thisnameistoolo' } });
    expect(parseSocatAddress('TUN:3.1.0.100/16,tun-name=')).toMatchObject({ address: { name: null } });
    expect(parseSocatAddress('TUN')).toMatchObject({ address: { network: null } });
  });

  it("gives socat's own parse errors", () => {
    const err = (t: string) => (parseSocatAddress(t) as { message?: string }).message;
    expect(err('UDP:192.168.0.26:9000,bindx=192.168.0.16:9000')).toBe('parseopts_table(): unknown option "bindx"');
    expect(err('UPD:192.168.0.26:9000')).toBe('unknown device/address "UPD"');
    expect(err('TUN:1.1.0.100/16,bind=1.2.3.4')).toBe('parseopts_table(): option "bind" not supported with this address type');
    expect(err('UDP:1.2.3.4:9,iff-up')).toBe('parseopts_table(): option "iff-up" not supported with this address type');
    expect(err('TUN:1.1.0.100/16,iff-up=foo,tun-name=x8')).toBe('parseopts(): missing numerical value of option "iff-up=foo,tun-name=x8"');
    expect(err('TUN:1.1.0.100/16,tun-name')).toBe('option "tun-name": value required');
    expect(err('UDP:192.168.0.26,bind=192.168.0.16:9000')).toBe('UDP: wrong number of parameters (1 instead of 2)');
    expect(err('udp4-listen')).toBe('udp4-listen: wrong number of parameters (0 instead of 1)');
  });

  it('leaves what it does not model unsupported, never guessed', () => {
    for (const t of [
      'TCP-LISTEN:80,bind=10.0.0.1:80',
      'TCP:10.0.0.1:80,bind=[2001:db8::1]',
      'UDP:example.com:9000',
      'UDP:1.2.3.4:http',
      'TUN:1.1.0.100/16,tun-type=tap',
      'UDP:1.2.3.4:9,ttl=3',
      'EXEC:"ip a"',
      '/dev/net/tun',
      'UDP:1.2.3.4:9,bind=1.2.3.4:',
    ]) {
      expect(parseSocatAddress(t).kind, t).toBe('unsupported');
    }
  });
});

describe('socat command line', () => {
  it('wants exactly two addresses and no global options', () => {
    expect(parseSocatArgv(['UDP:1.2.3.4:9'])).toEqual({ kind: 'error', message: 'exactly 2 addresses required (there are 1); use option "-h" for help' });
    expect(parseSocatArgv(['-d', '-d', 'UDP:1.2.3.4:9', 'TUN'])).toEqual({ kind: 'unsupported', why: 'socat option -d' });
  });

  it('is modelled when both addresses are (or the first fails to parse)', () => {
    expect(socatUnsupported(['UDP:192.168.0.26:9000,bind=192.168.0.16:9000,', 'TUN:1.1.0.100/16,tun-name=tundudp,iff-no-pi,tun-type=tun'])).toBeNull();
    expect(socatUnsupported(['FOO:x', 'TCP-LISTEN:80'])).toBeNull();
    expect(socatUnsupported(['UDP:1.2.3.4:9', 'TCP-LISTEN:80'])).toBe('socat between UDP and TCP-LISTEN');
    expect(socatUnsupported(['/dev/null', 'TCP4:127.0.0.1:80'])).toBeNull();
    expect(socatUnsupported(['-u', '-', 'TCP6-LISTEN:80,ipv6only'])).toBeNull();
    expect(socatUnsupported(['-', 'TCP6-LISTEN:80'], true)).toBe('socat STDIO in the background');
    expect(socatUnsupported(['/dev/null', '-'])).toBe('socat between /dev/null and -');
  });

  it('reads TCP addresses and their family errors', () => {
    expect(parseSocatAddress('TCP4-LISTEN:8080,bind=10.0.0.1,reuseaddr')).toMatchObject({
      kind: 'ok',
      address: { kind: 'tcp', mode: 'listen', port: 8080, bind: ip('10.0.0.1'), v6: false, backlog: 5 },
    });
    expect(parseSocatAddress('tcp6:[::1]:34568')).toMatchObject({ kind: 'ok', address: { kind: 'tcp', mode: 'connect', peer: 1n, port: 34568, v6: true } });
    expect(parseSocatAddress('TCP4:[::1]:80')).toEqual({ kind: 'error', message: 'getaddrinfo("::1", "NULL", {5,2,1,6}, {}): Address family for hostname not supported' });
    expect(parseSocatAddress('TCP6-LISTEN:80,bind=127.0.0.1')).toEqual({ kind: 'error', message: 'getaddrinfo("127.0.0.1", "NULL", {1,10,1,6}, {}): Address family for hostname not supported' });
    expect(parseSocatAddress('/dev/null')).toEqual({ kind: 'ok', address: { kind: 'null', keyword: '/dev/null' } });
    expect(parseSocatArgv(['-U', '/dev/null', 'TCP:1.2.3.4:5'])).toMatchObject({ kind: 'ok', direction: 'backward' });
  });
});
