/** `ip route get` against answers recorded on Linux 6.18 / iproute2 6.1. */
import { describe, expect, it } from 'vitest';
import type { RouteGetArgs } from '../../../../src/iproute2/filters.js';
import { routeGet } from '../../../../src/iproute2/route/get.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import { parseIp4 } from '../../../../src/model/ip.js';
import type { Netns } from '../../../../src/model/netns.js';
import { apply } from '../../../../src/ops/apply.js';
import { run, sandbox } from '../mini-ip.js';

type Opts = { from?: string; iif?: string; oif?: string; uid?: number; mark?: number; connected?: boolean; fibmatch?: boolean };

function get(ns: Netns, dst: string, o: Opts = {}, g: Partial<IpGlobals> = {}) {
  const a: RouteGetArgs & { uid?: number } = {
    dst: parseIp4(dst)!,
    from: o.from ? parseIp4(o.from) : null,
    iif: o.iif ?? null,
    oif: o.oif ?? null,
    tos: 0,
    mark: o.mark ?? 0,
    connected: o.connected ?? false,
    fibmatch: o.fibmatch ?? false,
    uid: o.uid,
  };
  return routeGet({ ns }, { ...defaultGlobals(), ...g }, a);
}
const out = (ns: Netns, dst: string, o: Opts = {}, g: Partial<IpGlobals> = {}) => {
  const r = get(ns, dst, o, g);
  return r.exit === 0 ? r.stdout : r.stderr;
};

/** The probe's namespace: v0 with a primary, a secondary and a second subnet; reject routes. */
function lab(): Netns {
  const { ns } = sandbox();
  run(
    ns,
    `link add v0 type veth peer name v1
     link set v0 up
     link set v1 up
     addr add 10.0.0.1/24 dev v0
     addr add 10.0.0.5/24 dev v0
     addr add 192.168.1.1/24 dev v0
     route add default via 10.0.0.2
     route add 10.4.0.0/16 via 10.0.0.3 src 10.0.0.5
     route add blackhole 10.5.0.0/16
     route add unreachable 10.6.0.0/16
     route add prohibit 10.7.0.0/16
     route add throw 10.8.0.0/16`,
  );
  return ns;
}

describe('ip route get: output routes', () => {
  it('via a gateway: text, JSON, pretty JSON, -o', () => {
    const ns = lab();
    expect(get(ns, '8.8.8.8')).toEqual({ exit: 0, stdout: '8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n', stderr: '' });
    expect(out(ns, '8.8.8.8', {}, { json: true })).toBe('[{"dst":"8.8.8.8","gateway":"10.0.0.2","dev":"v0","prefsrc":"10.0.0.1","flags":[],"uid":0,"cache":[]}]\n');
    expect(out(ns, '8.8.8.8', {}, { json: true, pretty: true })).toBe(`[ {
        "dst": "8.8.8.8",
        "gateway": "10.0.0.2",
        "dev": "v0",
        "prefsrc": "10.0.0.1",
        "flags": [ ],
        "uid": 0,
        "cache": [ ]
    } ]
`);
    expect(out(ns, '8.8.8.8', {}, { oneline: true })).toBe('8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \\    cache \n');
    expect(out(ns, '8.8.8.8', {}, { details: 1 })).toBe('unicast 8.8.8.8 via 10.0.0.2 dev v0 table main src 10.0.0.1 uid 0 \n    cache \n');
  });

  it('on-link, network address, route src, second subnet', () => {
    const ns = lab();
    expect(out(ns, '10.0.0.2')).toBe('10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '10.0.0.0')).toBe('10.0.0.0 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '10.4.1.1')).toBe('10.4.1.1 via 10.0.0.3 dev v0 src 10.0.0.5 uid 0 \n    cache \n');
    expect(out(ns, '192.168.1.7')).toBe('192.168.1.7 dev v0 src 192.168.1.1 uid 0 \n    cache \n');
  });

  it('local, loopback net, broadcast, limited broadcast, multicast', () => {
    const ns = lab();
    expect(out(ns, '10.0.0.1')).toBe('local 10.0.0.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.1', {}, { json: true })).toBe('[{"type":"local","dst":"10.0.0.1","dev":"lo","prefsrc":"10.0.0.1","flags":[],"uid":0,"cache":["local"]}]\n');
    expect(out(ns, '10.0.0.1', {}, { details: 1 })).toBe('local 10.0.0.1 dev lo table main src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '127.1.2.3')).toBe('local 127.1.2.3 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.255')).toBe('broadcast 10.0.0.255 dev v0 src 10.0.0.1 uid 0 \n    cache <local,brd> \n');
    expect(out(ns, '10.0.0.255', {}, { json: true })).toBe('[{"type":"broadcast","dst":"10.0.0.255","dev":"v0","prefsrc":"10.0.0.1","flags":[],"uid":0,"cache":["local","brd"]}]\n');
    expect(out(ns, '255.255.255.255')).toBe('broadcast 255.255.255.255 dev v0 src 10.0.0.1 uid 0 \n    cache <local,brd> \n');
    expect(out(ns, '224.0.0.1')).toBe('multicast 224.0.0.1 dev v0 src 10.0.0.1 rt_offload_failed uid 0 \n    cache <local,mc> \n');
    expect(out(ns, '224.0.0.5')).toBe('multicast 224.0.0.5 dev v0 src 10.0.0.1 rt_offload_failed uid 0 \n    cache <mc> \n');
    expect(out(ns, '0.0.0.0')).toBe('local 0.0.0.0 dev lo src 127.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '0.0.0.0', { oif: 'v0' })).toBe('local 0.0.0.0 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '224.0.0.5', { from: '10.0.0.1' })).toBe('multicast 224.0.0.5 from 10.0.0.1 dev v0 rt_offload_failed uid 0 \n    cache <mc> \n');
    expect(out(ns, '10.0.0.1', { from: '10.0.0.1' })).toBe('local 10.0.0.1 from 10.0.0.1 dev lo uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.2', { from: '10.0.0.1', oif: 'v0' })).toBe('10.0.0.2 from 10.0.0.1 dev v0 uid 0 \n    cache \n');
  });

  it('reject routes and no route: RTNETLINK answers, exit 2', () => {
    const ns = lab();
    expect(get(ns, '10.5.1.1')).toEqual({ exit: 2, stdout: '', stderr: 'RTNETLINK answers: Invalid argument\n' });
    expect(get(ns, '10.5.1.1', {}, { json: true })).toEqual({ exit: 2, stdout: '', stderr: 'RTNETLINK answers: Invalid argument\n' });
    expect(out(ns, '10.6.1.1')).toBe('RTNETLINK answers: No route to host\n');
    expect(out(ns, '10.7.1.1')).toBe('RTNETLINK answers: Permission denied\n');
    expect(out(ns, '10.8.1.1')).toBe('RTNETLINK answers: Network is unreachable\n');
    const { ns: empty } = sandbox();
    expect(out(empty, '8.8.8.8')).toBe('RTNETLINK answers: Network is unreachable\n');
  });

  it('from: a local source is kept and not repeated; a foreign one is refused', () => {
    const ns = lab();
    expect(out(ns, '8.8.8.8', { from: '10.0.0.5' })).toBe('8.8.8.8 from 10.0.0.5 via 10.0.0.2 dev v0 uid 0 \n    cache \n');
    expect(out(ns, '8.8.8.8', { from: '192.168.1.1' })).toBe('8.8.8.8 from 192.168.1.1 via 10.0.0.2 dev v0 uid 0 \n    cache \n');
    expect(out(ns, '8.8.8.8', { from: '1.2.3.4' })).toBe('RTNETLINK answers: Network is unreachable\n');
    expect(out(ns, '10.0.0.1', { from: '127.0.0.1' })).toBe('local 10.0.0.1 from 127.0.0.1 dev lo uid 0 \n    cache <local> \n');
    expect(out(ns, '8.8.8.8', { from: '127.0.0.1' })).toBe('RTNETLINK answers: Invalid argument\n');
  });

  it('oif: the route must use it, else the destination is taken as on-link there', () => {
    const ns = lab();
    expect(out(ns, '8.8.8.8', { oif: 'v0' })).toBe('8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '8.8.8.8', { oif: 'lo' })).toBe('8.8.8.8 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '8.8.8.8', { oif: 'v1' })).toBe('8.8.8.8 dev v1 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '10.0.0.1', { oif: 'v0' })).toBe('local 10.0.0.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.1', { oif: 'v1' })).toBe('10.0.0.1 dev v1 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '127.0.0.1', { oif: 'v0' })).toBe('127.0.0.1 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '224.0.0.1', { oif: 'v0' })).toBe('multicast 224.0.0.1 dev v0 src 10.0.0.1 rt_offload_failed uid 0 \n    cache <local,mc> \n');
    expect(out(ns, '255.255.255.255', { oif: 'v0' })).toBe('broadcast 255.255.255.255 dev v0 src 10.0.0.1 uid 0 \n    cache <local,brd> \n');
    expect(get(ns, '8.8.8.8', { oif: 'nope' })).toEqual({ exit: 1, stdout: '', stderr: 'Cannot find device "nope"\n' });
    run(ns, 'link set v1 down\nlink add w0 type veth peer name w1');
    expect(out(ns, '8.8.8.8', { oif: 'w0' })).toBe('RTNETLINK answers: Network is unreachable\n');
  });

  it('uid and mark', () => {
    const ns = lab();
    expect(out(ns, '8.8.8.8', { uid: 5 })).toBe('8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 5 \n    cache \n');
    expect(out(ns, '8.8.8.8', { mark: 5 })).toBe('8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 mark 5 uid 0 \n    cache \n');
    expect(out(ns, '8.8.8.8', { mark: 20 })).toBe('8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 mark 0x14 uid 0 \n    cache \n');
    expect(out(ns, '8.8.8.8', { mark: 20 }, { json: true })).toBe('[{"dst":"8.8.8.8","gateway":"10.0.0.2","dev":"v0","prefsrc":"10.0.0.1","flags":[],"mark":20,"uid":0,"cache":[]}]\n');
  });

  it('a route metric: mtu after cache', () => {
    const ns = lab();
    run(ns, 'route add 172.18.0.0/16 via 10.0.0.7 mtu 1300');
    expect(out(ns, '172.18.1.1')).toBe('172.18.1.1 via 10.0.0.7 dev v0 src 10.0.0.1 uid 0 \n    cache mtu 1300 \n');
    expect(out(ns, '172.18.1.1', {}, { json: true })).toBe('[{"dst":"172.18.1.1","gateway":"10.0.0.7","dev":"v0","prefsrc":"10.0.0.1","flags":[],"uid":0,"cache":[],"metrics":[{"mtu":1300}]}]\n');
  });

  it('connected prints the answer twice, the second outside the JSON document', () => {
    const ns = lab();
    const one = '8.8.8.8 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n';
    expect(out(ns, '8.8.8.8', { connected: true })).toBe(one + one);
    expect(out(ns, '8.8.8.8', { connected: true }, { json: true })).toBe(`[{"dst":"8.8.8.8","gateway":"10.0.0.2","dev":"v0","prefsrc":"10.0.0.1","flags":[],"uid":0,"cache":[]}]\n${one}`);
  });

  it('fibmatch prints the FIB entry', () => {
    const ns = lab();
    expect(out(ns, '8.8.8.8', { fibmatch: true })).toBe('default via 10.0.0.2 dev v0 \n');
    expect(out(ns, '10.0.0.7', { fibmatch: true })).toBe('10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n');
    expect(out(ns, '8.8.8.8', { fibmatch: true }, { json: true })).toBe('[{"dst":"default","gateway":"10.0.0.2","dev":"v0","flags":[]}]\n');
    expect(out(ns, '10.0.0.1', { fibmatch: true })).toBe('local 10.0.0.1 dev v0 proto kernel scope host src 10.0.0.1 \n');
    expect(out(ns, '10.0.0.255', { fibmatch: true })).toBe('broadcast 10.0.0.255 dev v0 proto kernel scope link src 10.0.0.1 \n');
    expect(out(ns, '10.5.1.1', { fibmatch: true })).toBe('RTNETLINK answers: Invalid argument\n');
  });
});

describe('ip route get: source selection', () => {
  it('the gateway picks the subnet, a direct route the first address, else any global one, lo first', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link add w0 type veth peer name w1
       link set v1 up
       link set v0 up
       link set w0 up
       link set w1 up
       addr add 10.0.0.1/24 dev v0
       addr add 172.16.0.1/16 dev v0
       route add 172.16.5.0/24 dev v0
       route add 172.20.0.0/16 via 172.16.0.9
       addr add 192.168.7.1/24 dev w0 scope link
       addr add 192.168.8.1/24 dev w1
       route add 172.30.0.0/16 via 192.168.7.9
       route add 172.31.0.0/16 dev w0
       route add 172.29.0.0/16 dev w0 src 10.0.0.1`,
    );
    expect(out(ns, '172.16.5.9')).toBe('172.16.5.9 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '172.20.0.9')).toBe('172.20.0.9 via 172.16.0.9 dev v0 src 172.16.0.1 uid 0 \n    cache \n');
    expect(out(ns, '172.30.0.9')).toBe('172.30.0.9 via 192.168.7.9 dev w0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '172.31.0.9')).toBe('172.31.0.9 dev w0 src 192.168.7.1 uid 0 \n    cache \n');
    expect(out(ns, '172.29.0.9')).toBe('172.29.0.9 dev w0 src 10.0.0.1 uid 0 \n    cache \n');
    run(ns, 'addr add 127.0.0.2/8 dev w1\naddr add 10.9.9.9/32 dev lo');
    expect(out(ns, '172.30.0.9')).toBe('172.30.0.9 via 192.168.7.9 dev w0 src 10.9.9.9 uid 0 \n    cache \n');
  });

  it('a gateway that is our own address is not used: the route acts as `dev`', () => {
    const ns = lab();
    run(ns, 'route add 10.11.0.0/16 via 10.0.0.1\nroute add 10.14.0.0/16 via 127.0.0.1');
    expect(out(ns, '10.11.1.1')).toBe('10.11.1.1 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '10.14.1.1')).toBe('10.14.1.1 dev lo src 10.0.0.1 uid 0 \n    cache <local> \n');
  });

  it('onlink gateways are used, with or without carrier', () => {
    const ns = lab();
    run(ns, 'route add 10.20.0.0/16 via 192.168.99.1 dev v0 onlink\nlink set v1 down');
    expect(out(ns, '10.20.1.1')).toBe('10.20.1.1 via 192.168.99.1 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
  });
});

describe('ip route get: tables', () => {
  it('local and main answer as table main until the first custom rule', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v0 up
       link set v1 up
       addr add 10.0.0.1/24 dev v0
       route add 127.1.0.0/16 via 10.0.0.2 dev v0 onlink`,
    );
    // merged tables: the longer main prefix beats local 127.0.0.0/8
    expect(out(ns, '127.1.2.3')).toBe('127.1.2.3 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    run(ns, 'rule add from 1.2.3.4 table 10\nrule del from 1.2.3.4 table 10');
    expect(out(ns, '127.1.2.3')).toBe('local 127.1.2.3 dev lo table local src 127.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.1')).toBe('local 10.0.0.1 dev lo table local src 10.0.0.1 uid 0 \n    cache <local> \n');
    expect(out(ns, '10.0.0.1', { fibmatch: true })).toBe('local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 \n');
  });

  it('rule actions: unreachable is ENETUNREACH', () => {
    const ns = lab();
    run(ns, 'rule add to 10.60.0.0/16 unreachable\nrule add to 10.61.0.0/16 prohibit\nrule add to 10.62.0.0/16 blackhole');
    expect(out(ns, '10.60.0.1')).toBe('RTNETLINK answers: Network is unreachable\n');
    expect(out(ns, '10.61.0.1')).toBe('RTNETLINK answers: Permission denied\n');
    expect(out(ns, '10.62.0.1')).toBe('RTNETLINK answers: Invalid argument\n');
  });
});

describe('ip route get: input routes (iif)', () => {
  function twoNets(): Netns {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link add w0 type veth peer name w1
       link set v1 up
       link set v0 up
       link set w0 up
       link set w1 up
       addr add 10.0.0.1/24 dev v0
       addr add 10.2.0.1/24 dev w0
       route add default via 10.0.0.2`,
    );
    return ns;
  }
  const sysctl = (ns: Netns, key: string, value: string) => apply({ ns }, { op: 'sysctl.set', key, value });

  it('local delivery goes to lo, with iif and no uid', () => {
    const ns = twoNets();
    expect(out(ns, '10.0.0.1', { from: '10.2.0.9', iif: 'v0' })).toBe('local 10.0.0.1 from 10.2.0.9 dev lo \n    cache <local> iif v0 \n');
    expect(out(ns, '10.0.0.1', { from: '10.2.0.9', iif: 'v0' }, { json: true })).toBe('[{"type":"local","dst":"10.0.0.1","from":"10.2.0.9","dev":"lo","flags":[],"cache":["local"],"iif":"v0"}]\n');
    expect(out(ns, '10.0.0.1', { from: '10.2.0.9', iif: 'v0', uid: 3 })).toBe('local 10.0.0.1 from 10.2.0.9 dev lo uid 3 \n    cache <local> iif v0 \n');
    expect(out(ns, '10.0.0.1', { from: '10.0.0.9', iif: 'lo' })).toBe('local 10.0.0.1 from 10.0.0.9 dev lo \n    cache <local> iif lo \n');
    expect(out(ns, '10.0.0.1', { from: '10.0.0.9', iif: 'v0', fibmatch: true })).toBe('local 10.0.0.1 dev v0 proto kernel scope host src 10.0.0.1 \n');
  });

  it('broadcasts are delivered locally', () => {
    const ns = twoNets();
    expect(out(ns, '10.0.0.255', { from: '10.0.0.9', iif: 'v0' })).toBe('broadcast 10.0.0.255 from 10.0.0.9 dev lo \n    cache <local,brd> iif v0 \n');
    expect(out(ns, '255.255.255.255', { from: '10.0.0.9', iif: 'v0' })).toBe('broadcast 255.255.255.255 from 10.0.0.9 dev lo \n    cache <local,brd> iif v0 \n');
  });

  it('multicast: a joined group is delivered to lo, others are refused', () => {
    const ns = twoNets();
    expect(out(ns, '224.0.0.1', { from: '10.0.0.9', iif: 'v0' })).toBe('multicast 224.0.0.1 from 10.0.0.9 dev lo rt_offload_failed \n    cache <local,mc> iif v0 \n');
    expect(out(ns, '224.0.0.5', { from: '10.0.0.9', iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
  });

  it('0/8 is unicast except 0.0.0.0 itself', () => {
    const ns = twoNets();
    expect(out(ns, '0.1.2.3')).toBe('0.1.2.3 via 10.0.0.2 dev v0 src 10.0.0.1 uid 0 \n    cache \n');
    expect(out(ns, '0.1.2.3', { from: '10.0.0.9', iif: 'v0' })).toBe('RTNETLINK answers: No route to host\n');
    expect(out(ns, '10.0.0.1', { from: '0.1.2.3', iif: 'v0' })).toBe('local 10.0.0.1 from 0.1.2.3 dev lo \n    cache <local> iif v0 \n');
    sysctl(ns, 'net.ipv4.ip_forward', '1');
    expect(out(ns, '0.1.2.3', { from: '10.0.0.9', iif: 'v0' })).toBe('0.1.2.3 from 10.0.0.9 via 10.0.0.2 dev v0 \n    cache <redirect> iif v0 \n');
    expect(out(ns, '10.0.0.0', { from: '10.0.0.9', iif: 'v0' })).toBe('10.0.0.0 from 10.0.0.9 dev v0 \n    cache <redirect> iif v0 \n');
  });

  it('martians and forwarding off', () => {
    const ns = twoNets();
    expect(out(ns, '10.0.0.1', { from: '10.0.0.1', iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '8.8.8.8', { from: '224.0.0.5' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '8.8.8.8', { from: '255.255.255.255' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '8.8.8.8', { iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '127.0.0.1', { from: '10.0.0.9', iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '8.8.8.8', { from: '10.0.0.9', iif: 'v0' })).toBe('RTNETLINK answers: No route to host\n');
    expect(out(ns, '10.0.0.9', { from: '10.0.0.1', iif: 'v0' })).toBe('RTNETLINK answers: No route to host\n');
    expect(out(ns, '8.8.8.8', { from: '10.0.0.2' })).toBe('RTNETLINK answers: Network is unreachable\n');
  });

  it('rp_filter 1 drops a source whose route back is elsewhere; 2 keeps it', () => {
    const ns = twoNets();
    sysctl(ns, 'net.ipv4.conf.all.rp_filter', '1');
    expect(out(ns, '10.0.0.1', { from: '10.2.0.9', iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
    expect(out(ns, '10.0.0.1', { from: '10.0.0.9', iif: 'v0' })).toBe('local 10.0.0.1 from 10.0.0.9 dev lo \n    cache <local> iif v0 \n');
    expect(out(ns, '10.0.0.1', { from: '8.8.8.8', iif: 'v0' })).toBe('local 10.0.0.1 from 8.8.8.8 dev lo \n    cache <local> iif v0 \n');
    expect(out(ns, '10.0.0.1', { from: '8.8.8.8', iif: 'w0' })).toBe('RTNETLINK answers: Invalid argument\n');
    sysctl(ns, 'net.ipv4.conf.all.rp_filter', '2');
    expect(out(ns, '10.0.0.1', { from: '10.2.0.9', iif: 'v0' })).toBe('local 10.0.0.1 from 10.2.0.9 dev lo \n    cache <local> iif v0 \n');
  });

  it('forwarding: another interface, or back out the same one (redirect)', () => {
    const ns = twoNets();
    sysctl(ns, 'net.ipv4.ip_forward', '1');
    expect(out(ns, '10.2.0.7', { from: '10.0.0.9', iif: 'v0' })).toBe('10.2.0.7 from 10.0.0.9 dev w0 \n    cache iif v0 \n');
    expect(out(ns, '10.2.0.255', { from: '10.0.0.9', iif: 'v0' })).toBe('broadcast 10.2.0.255 from 10.0.0.9 dev lo \n    cache <local,brd> iif v0 \n');
    expect(out(ns, '8.8.8.8', { from: '10.0.0.2', iif: 'v0' })).toBe('8.8.8.8 from 10.0.0.2 via 10.0.0.2 dev v0 \n    cache <redirect> iif v0 \n');
    expect(out(ns, '8.8.8.8', { from: '10.0.0.2', iif: 'v0' }, { json: true })).toBe(
      '[{"dst":"8.8.8.8","from":"10.0.0.2","gateway":"10.0.0.2","dev":"v0","flags":[],"cache":["redirect"],"iif":"v0"}]\n',
    );
    expect(out(ns, '10.2.0.7', { from: '10.0.0.9', iif: 'v0', fibmatch: true })).toBe('10.2.0.0/24 dev w0 proto kernel scope link src 10.2.0.1 \n');
    run(ns, 'route add blackhole 10.9.0.0/16');
    expect(out(ns, '10.9.0.7', { from: '10.0.0.9', iif: 'v0' })).toBe('RTNETLINK answers: Invalid argument\n');
  });
});
