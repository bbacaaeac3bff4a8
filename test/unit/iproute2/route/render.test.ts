/**
 * `ip route show` against text recorded on Linux 6.18 / iproute2 6.1 (the probe scripts are
 * the `run(...)` blocks; expected output is the kernel's, trailing spaces included).
 */
import { formatIp6, isIp6LinkLocal } from '../../../../src/model/ipv6/ip6.js';
import type { Link } from '../../../../src/model/link.js';
import { describe, expect, it } from 'vitest';
import { emptyRouteFilter, type RouteFilter } from '../../../../src/iproute2/filters.js';
import { renderRoutes } from '../../../../src/iproute2/route/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import { parseIp4 } from '../../../../src/model/ip.js';
import type { Netns } from '../../../../src/model/netns.js';
import { run, sandbox } from '../mini-ip.js';

function show(ns: Netns, f: Partial<RouteFilter> = {}, g: Partial<IpGlobals> = {}) {
  return renderRoutes({ ns }, { ...defaultGlobals(), ...g }, { ...emptyRouteFilter(), ...f });
}
const text = (ns: Netns, f: Partial<RouteFilter> = {}, g: Partial<IpGlobals> = {}) => show(ns, f, g).stdout;
const pfx = (s: string) => {
  const [a, l] = s.split('/');
  return { addr: parseIp4(a)!, len: l === undefined ? 32 : Number(l) };
};

/** An IPv6 address as 32 hex digits, for ordering. */
function hex128(a: string): string {
  const [h, t] = a.split('::');
  const head = h ? h.split(':') : [];
  const tail = t ? t.split(':') : [];
  const words = [...head, ...Array(8 - head.length - tail.length).fill('0'), ...tail];
  return words.map((w) => w.padStart(4, '0')).join('');
}

const LO_LOCAL = `local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo table local proto kernel scope link src 127.0.0.1 
`;

/** The routes of the first probe: every attribute print_route knows about. */
function routesLab(): Netns {
  const { ns } = sandbox();
  run(
    ns,
    `link add v0 type veth peer name v1
     link set v0 up
     link set v1 up
     addr add 10.0.0.1/24 dev v0
     route add default via 10.0.0.2
     route add 10.1.0.0/16 via 10.0.0.3 metric 100
     route add 10.2.0.0/16 dev v0 proto static
     route add 10.3.0.0/16 via 10.0.0.4 onlink dev v0
     route add blackhole 10.4.0.0/16
     route add unreachable 10.5.0.0/16
     route add prohibit 10.6.0.0/16
     route add 10.7.0.0/16 via 10.0.0.2 src 10.0.0.1
     route add 10.8.0.0/16 dev v0 scope global
     route add 10.9.0.0/16 via 10.0.0.2 table 100
     route add 10.10.0.0/16 via 10.0.0.2 proto 99 mtu 1400
     route add throw 10.11.0.0/16`,
  );
  return ns;
}

const MAIN = `default via 10.0.0.2 dev v0 
10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
10.1.0.0/16 via 10.0.0.3 dev v0 metric 100 
10.2.0.0/16 dev v0 proto static scope link 
10.3.0.0/16 via 10.0.0.4 dev v0 onlink 
blackhole 10.4.0.0/16 
unreachable 10.5.0.0/16 
prohibit 10.6.0.0/16 
10.7.0.0/16 via 10.0.0.2 dev v0 src 10.0.0.1 
10.8.0.0/16 dev v0 
10.10.0.0/16 via 10.0.0.2 dev v0 proto openr mtu 1400 
throw 10.11.0.0/16 
`;

describe('ip route show: a fresh sandbox', () => {
  it('main is empty; table all has lo and ::1', () => {
    const { ns } = sandbox();
    expect(show(ns)).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(text(ns, { table: 'all' })).toBe(`${LO_LOCAL}local ::1 dev lo table local proto kernel metric 0 pref medium\n`);
  });

  it('JSON and pretty JSON of table all', () => {
    const { ns } = sandbox();
    expect(text(ns, { table: 'all' }, { json: true })).toBe(
      '[{"type":"local","dst":"127.0.0.0/8","dev":"lo","table":"local","protocol":"kernel","scope":"host","prefsrc":"127.0.0.1","flags":[]},' +
        '{"type":"local","dst":"127.0.0.1","dev":"lo","table":"local","protocol":"kernel","scope":"host","prefsrc":"127.0.0.1","flags":[]},' +
        '{"type":"broadcast","dst":"127.255.255.255","dev":"lo","table":"local","protocol":"kernel","scope":"link","prefsrc":"127.0.0.1","flags":[]},' +
        '{"type":"local","dst":"::1","dev":"lo","table":"local","protocol":"kernel","metric":0,"flags":[],"pref":"medium"}]\n',
    );
    const pretty = text(ns, { table: 'all' }, { json: true, pretty: true });
    expect(pretty.startsWith('[ {\n        "type": "local",\n        "dst": "127.0.0.0/8",\n')).toBe(true);
    expect(pretty).toContain('        "flags": [ ]\n    },{\n');
    expect(pretty.endsWith('        "flags": [ ],\n        "pref": "medium"\n    } ]\n')).toBe(true);
  });

  it('empty JSON lists', () => {
    const { ns } = sandbox();
    expect(text(ns, {}, { json: true })).toBe('[]\n');
    expect(text(ns, {}, { json: true, pretty: true })).toBe('[ ]\n');
  });

  it('lo down keeps its local routes, loses the broadcast one and ::1', () => {
    const { ns } = sandbox();
    run(ns, 'link set lo down');
    expect(text(ns, { table: 'all' })).toBe('local 127.0.0.0/8 dev lo table local proto kernel scope host src 127.0.0.1 \nlocal 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 \n');
  });
});

describe('ip route show: attributes', () => {
  it('main table', () => expect(text(routesLab())).toBe(MAIN));

  it('ip route list, ip -4 route are the same dump', () => {
    const ns = routesLab();
    expect(text(ns, { family: 'inet' })).toBe(MAIN);
    expect(text(ns, {}, { family: 'inet' })).toBe(MAIN);
  });

  it('-d shows unicast, proto boot and scope global', () => {
    expect(text(routesLab(), {}, { details: 1 })).toBe(`unicast default via 10.0.0.2 dev v0 proto boot scope global 
unicast 10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
unicast 10.1.0.0/16 via 10.0.0.3 dev v0 proto boot scope global metric 100 
unicast 10.2.0.0/16 dev v0 proto static scope link 
unicast 10.3.0.0/16 via 10.0.0.4 dev v0 proto boot scope global onlink 
blackhole 10.4.0.0/16 proto boot scope global 
unreachable 10.5.0.0/16 proto boot scope global 
prohibit 10.6.0.0/16 proto boot scope global 
unicast 10.7.0.0/16 via 10.0.0.2 dev v0 proto boot scope global src 10.0.0.1 
unicast 10.8.0.0/16 dev v0 proto boot scope global 
unicast 10.10.0.0/16 via 10.0.0.2 dev v0 proto openr scope global mtu 1400 
throw 10.11.0.0/16 proto boot scope global 
`);
  });

  it('-j field names', () => {
    expect(text(routesLab(), {}, { json: true })).toBe(
      '[{"dst":"default","gateway":"10.0.0.2","dev":"v0","flags":[]},' +
        '{"dst":"10.0.0.0/24","dev":"v0","protocol":"kernel","scope":"link","prefsrc":"10.0.0.1","flags":[]},' +
        '{"dst":"10.1.0.0/16","gateway":"10.0.0.3","dev":"v0","metric":100,"flags":[]},' +
        '{"dst":"10.2.0.0/16","dev":"v0","protocol":"static","scope":"link","flags":[]},' +
        '{"dst":"10.3.0.0/16","gateway":"10.0.0.4","dev":"v0","flags":["onlink"]},' +
        '{"type":"blackhole","dst":"10.4.0.0/16","flags":[]},' +
        '{"type":"unreachable","dst":"10.5.0.0/16","flags":[]},' +
        '{"type":"prohibit","dst":"10.6.0.0/16","flags":[]},' +
        '{"dst":"10.7.0.0/16","gateway":"10.0.0.2","dev":"v0","prefsrc":"10.0.0.1","flags":[]},' +
        '{"dst":"10.8.0.0/16","dev":"v0","flags":[]},' +
        '{"dst":"10.10.0.0/16","gateway":"10.0.0.2","dev":"v0","protocol":"openr","flags":[],"metrics":[{"mtu":1400}]},' +
        '{"type":"throw","dst":"10.11.0.0/16","flags":[]}]\n',
    );
  });

  it('table all: table 100, main, local, then IPv6', () => {
    const out = text(routesLab(), { table: 'all' });
    const lines = out.split('\n');
    expect(lines[0]).toBe('10.9.0.0/16 via 10.0.0.2 dev v0 table 100 ');
    expect(out).toContain(`throw 10.11.0.0/16 
local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 
broadcast 10.0.0.255 dev v0 table local proto kernel scope link src 10.0.0.1 
${LO_LOCAL}`);
    expect(out).toContain('fe80::/64 dev v1 proto kernel metric 256 pref medium\nfe80::/64 dev v0 proto kernel metric 256 pref medium\n');
    expect(out.endsWith('multicast ff00::/8 dev v1 table local proto kernel metric 256 pref medium\nmulticast ff00::/8 dev v0 table local proto kernel metric 256 pref medium\n')).toBe(true);
  });

  it('table N hides the table; table local', () => {
    const ns = routesLab();
    expect(text(ns, { table: 100 })).toBe('10.9.0.0/16 via 10.0.0.2 dev v0 \n');
    expect(text(ns, { table: 100 }, { json: true })).toBe('[{"dst":"10.9.0.0/16","gateway":"10.0.0.2","dev":"v0","flags":[]}]\n');
    expect(text(ns, { table: 255 })).toBe(`local 10.0.0.1 dev v0 proto kernel scope host src 10.0.0.1 
broadcast 10.0.0.255 dev v0 proto kernel scope link src 10.0.0.1 
local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 
local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 dev lo proto kernel scope link src 127.0.0.1 
`);
  });

  it('a table that does not exist is the dump error (the JSON array already opened)', () => {
    const ns = routesLab();
    const err = 'Error: ipv4: FIB table does not exist.\nDump terminated\n';
    expect(show(ns, { table: 253 })).toEqual({ exit: 2, stdout: '', stderr: err });
    expect(show(ns, { table: 5 }, { json: true })).toEqual({ exit: 2, stdout: '[', stderr: err });
    expect(show(ns, { table: 5 }, { json: true, pretty: true })).toEqual({ exit: 2, stdout: '[ ', stderr: err });
    expect(show(ns, { table: 5, family: 'inet6' }).stderr).toBe('Error: ipv6: FIB table does not exist.\nDump terminated\n');
  });

  it('dev X drops the dev; unknown device', () => {
    const ns = routesLab();
    expect(text(ns, { dev: 'v0' })).toBe(`default via 10.0.0.2 
10.0.0.0/24 proto kernel scope link src 10.0.0.1 
10.1.0.0/16 via 10.0.0.3 metric 100 
10.2.0.0/16 proto static scope link 
10.3.0.0/16 via 10.0.0.4 onlink 
10.7.0.0/16 via 10.0.0.2 src 10.0.0.1 
10.8.0.0/16 
10.10.0.0/16 via 10.0.0.2 proto openr mtu 1400 
`);
    expect(text(ns, { dev: 'v0' }, { json: true })).toContain('{"dst":"default","gateway":"10.0.0.2","flags":[]}');
    expect(show(ns, { dev: 'nope' })).toEqual({ exit: 1, stdout: '', stderr: 'Cannot find device "nope"\n' });
    expect(text(ns, { table: 254, dev: 'lo' })).toBe('');
    expect(text(ns, { table: 255, dev: 'lo' })).toBe(`local 127.0.0.0/8 proto kernel scope host src 127.0.0.1 
local 127.0.0.1 proto kernel scope host src 127.0.0.1 
broadcast 127.255.255.255 proto kernel scope link src 127.0.0.1 
`);
  });

  it('selectors hide what they fix: proto, scope, type, via, src, metric', () => {
    const ns = routesLab();
    expect(text(ns, { protocol: 4 })).toBe('10.2.0.0/16 dev v0 scope link \n');
    expect(text(ns, { protocol: 2 })).toBe('10.0.0.0/24 dev v0 scope link src 10.0.0.1 \n');
    expect(text(ns, { scope: 253 })).toBe('10.0.0.0/24 dev v0 proto kernel src 10.0.0.1 \n10.2.0.0/16 dev v0 proto static \n');
    expect(text(ns, { type: 'blackhole' })).toBe('blackhole 10.4.0.0/16 \n');
    expect(text(ns, { type: 'unicast' })).not.toContain('blackhole');
    expect(text(ns, { via: pfx('10.0.0.2') })).toBe('default dev v0 \n10.7.0.0/16 dev v0 src 10.0.0.1 \n10.10.0.0/16 dev v0 proto openr mtu 1400 \n');
    expect(text(ns, { src: pfx('10.0.0.1') })).toBe('10.0.0.0/24 dev v0 proto kernel scope link \n10.7.0.0/16 via 10.0.0.2 dev v0 \n');
    expect(text(ns, { table: 255, src: pfx('127.0.0.0/8') })).toContain('local 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n');
    expect(text(ns, { metric: 100 })).toBe('10.1.0.0/16 via 10.0.0.3 dev v0 \n');
    expect(text(ns, { table: 255, type: 'local', scope: 254, protocol: 2 })).toContain('local 127.0.0.0/8 dev lo src 127.0.0.1 \n');
  });

  it('root, match, exact', () => {
    const ns = routesLab();
    expect(text(ns, { root: pfx('10.0.0.0/8') })).toBe(MAIN.split('\n').slice(1).join('\n'));
    expect(text(ns, { match: pfx('10.1.2.3') })).toBe('default via 10.0.0.2 dev v0 \n10.1.0.0/16 via 10.0.0.3 dev v0 metric 100 \n');
    expect(text(ns, { exact: pfx('10.1.0.0/16') })).toBe('10.1.0.0/16 via 10.0.0.3 dev v0 metric 100 \n');
    expect(text(ns, { table: 255, match: pfx('127.0.0.1') })).toBe('local 127.0.0.0/8 dev lo proto kernel scope host src 127.0.0.1 \nlocal 127.0.0.1 dev lo proto kernel scope host src 127.0.0.1 \n');
    expect(text(ns, { table: 'all', exact: pfx('127.0.0.1') })).toBe('local 127.0.0.1 dev lo table local proto kernel scope host src 127.0.0.1 \n');
  });
});

describe('ip route show: dump order', () => {
  it('one address: longer prefixes first, TOS descending, metric ascending', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v0 up
       link set v1 up
       addr add 10.0.0.1/24 dev v0
       route add 10.0.0.0/8 dev v0
       route add 10.0.0.0/16 dev v0
       route add 10.0.0.0/30 dev v0
       route add 0.0.0.0/8 dev v0
       route add default dev v0
       route add 10.0.0.0/24 dev v0 metric 5
       route add 10.0.0.0/24 dev v0 metric 1
       route add 10.0.0.0/24 dev v0 tos 0x10`,
    );
    expect(text(ns)).toBe(`0.0.0.0/8 dev v0 scope link 
default dev v0 scope link 
10.0.0.0/30 dev v0 scope link 
10.0.0.0/24 tos 0x10 dev v0 scope link 
10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
10.0.0.0/24 dev v0 scope link metric 1 
10.0.0.0/24 dev v0 scope link metric 5 
10.0.0.0/16 dev v0 scope link 
10.0.0.0/8 dev v0 scope link 
`);
  });

  it('tables by id & 255, the newest first in a bucket', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v0 up
       link set v1 up
       addr add 10.0.0.1/24 dev v0
       route add 10.9.0.0/16 via 10.0.0.2 table 1000
       route add 10.9.0.0/16 via 10.0.0.2 table 256
       route add 10.9.0.0/16 via 10.0.0.2 table 1
       route add 10.9.0.0/16 via 10.0.0.2 table 510`,
    );
    const v4 = text(ns, { table: 'all', family: 'inet' }).split('\n');
    expect(v4.slice(0, 5)).toEqual([
      '10.9.0.0/16 via 10.0.0.2 dev v0 table 256 ',
      '10.9.0.0/16 via 10.0.0.2 dev v0 table 1 ',
      '10.9.0.0/16 via 10.0.0.2 dev v0 table 1000 ',
      '10.9.0.0/16 via 10.0.0.2 dev v0 table 510 ',
      '10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 ',
    ]);
  });

  it('append, prepend, replace and del within one prefix', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v1 up
       link set v0 up
       addr add 10.0.0.1/24 dev v0
       link add w0 type veth peer name w1
       link set w1 up
       link set w0 up
       addr add 10.2.0.1/24 dev w0
       route add 10.9.0.0/16 via 10.0.0.2
       route append 10.9.0.0/16 via 10.0.0.3
       route append 10.9.0.0/16 via 10.2.0.3
       route prepend 10.9.0.0/16 via 10.0.0.4
       route replace 10.9.0.0/16 via 10.0.0.5`,
    );
    const head = `10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
10.2.0.0/24 dev w0 proto kernel scope link src 10.2.0.1 
`;
    const four = `10.9.0.0/16 via 10.0.0.5 dev v0 
10.9.0.0/16 via 10.0.0.2 dev v0 
10.9.0.0/16 via 10.0.0.3 dev v0 
10.9.0.0/16 via 10.2.0.3 dev w0 
`;
    expect(text(ns)).toBe(head + four);
    // replace with a route that already exists further down: EEXIST, nothing changes
    expect(() => run(ns, 'route replace 10.9.0.0/16 via 10.2.0.3')).toThrow('RTNETLINK answers: File exists');
    expect(text(ns)).toBe(head + four);
    run(ns, 'route change 10.9.0.0/16 via 10.0.0.6\nroute add 10.9.0.0/16 via 10.0.0.6 metric 5\nroute del 10.9.0.0/16');
    expect(text(ns)).toBe(`${head}10.9.0.0/16 via 10.0.0.2 dev v0 
10.9.0.0/16 via 10.0.0.3 dev v0 
10.9.0.0/16 via 10.2.0.3 dev w0 
10.9.0.0/16 via 10.0.0.6 dev v0 metric 5 
`);
  });
});

describe('ip route show: flags', () => {
  it('linkdown on every route through a device without carrier, after onlink', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v1 up
       link set v0 up
       addr add 10.0.0.1/24 dev v0
       route add 10.11.0.0/16 via 10.0.0.1
       route add 10.14.0.0/16 via 127.0.0.1
       route add 10.20.0.0/16 via 192.168.99.1 dev v0 onlink
       link set v1 down`,
    );
    expect(text(ns)).toBe(`10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 linkdown 
10.11.0.0/16 via 10.0.0.1 dev v0 linkdown 
10.14.0.0/16 via 127.0.0.1 dev lo 
10.20.0.0/16 via 192.168.99.1 dev v0 onlink linkdown 
`);
    expect(text(ns, {}, { json: true })).toContain('{"dst":"10.20.0.0/16","gateway":"192.168.99.1","dev":"v0","flags":["onlink","linkdown"]}');
  });

  it('a device up without carrier: linkdown on the prefix and broadcast routes, not the local one', () => {
    const { ns } = sandbox();
    run(ns, 'link add v0 type veth peer name v1\naddr add 10.0.0.1/24 dev v0\nlink set v0 up');
    expect(text(ns, { table: 'all', family: 'inet' })).toBe(`10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 linkdown 
local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 
broadcast 10.0.0.255 dev v0 table local proto kernel scope link src 10.0.0.1 linkdown 
${LO_LOCAL}`);
  });
});

/** A device's link-local, as printed. */
function ll6(l: Link): string {
  const a = l.inet6.addrs.find((x) => isIp6LinkLocal(x.addr));
  return a ? formatIp6(a.addr) : '';
}

describe('ip route show: IPv6 side of table all', () => {
  it('link-locals give fe80::/64 in main, local and ff00::/8 in local; -6 and table local', () => {
    const { ns } = sandbox();
    run(ns, 'link add v0 type veth peer name v1\nlink set v0 up\nlink set v1 up');
    const v0 = ll6(ns.linkByName('v0')!);
    const v1 = ll6(ns.linkByName('v1')!);
    const [first, second] = [v0, v1].sort((a, b) => (hex128(a) < hex128(b) ? -1 : 1));
    const devOf = (a: string) => (a === v0 ? 'v0' : 'v1');
    expect(text(ns, { family: 'inet6' })).toBe('fe80::/64 dev v1 proto kernel metric 256 pref medium\nfe80::/64 dev v0 proto kernel metric 256 pref medium\n');
    expect(text(ns, { family: 'inet6', table: 255 })).toBe(`local ::1 dev lo proto kernel metric 0 pref medium
local ${first} dev ${devOf(first)} proto kernel metric 0 pref medium
local ${second} dev ${devOf(second)} proto kernel metric 0 pref medium
multicast ff00::/8 dev v1 proto kernel metric 256 pref medium
multicast ff00::/8 dev v0 proto kernel metric 256 pref medium
`);
    expect(text(ns, { table: 'all' }, { json: true })).toContain('{"dst":"fe80::/64","dev":"v1","protocol":"kernel","metric":256,"flags":[],"pref":"medium"},');
    expect(text(ns, { table: 'all' }, { json: true })).toContain('{"type":"multicast","dst":"ff00::/8","dev":"v0","table":"local","protocol":"kernel","metric":256,"flags":[],"pref":"medium"}]\n');
  });

  it('the peer going down flags fe80::/64 and ff00::/8 linkdown (the address stays)', () => {
    const { ns } = sandbox();
    run(ns, 'link add v0 type veth peer name v1\nlink set v0 up\nlink set v1 up\nlink set v1 down');
    expect(text(ns, { family: 'inet6', table: 'all' })).toBe(`fe80::/64 dev v0 proto kernel metric 256 linkdown pref medium
local ::1 dev lo table local proto kernel metric 0 pref medium
local ${ll6(ns.linkByName('v0')!)} dev v0 table local proto kernel metric 0 pref medium
multicast ff00::/8 dev v0 table local proto kernel metric 256 linkdown pref medium
`);
  });
});
