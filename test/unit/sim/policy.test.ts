/**
 * Source checks and address rules on input: rp_filter (max of all and the interface),
 * accept_local, the weak host model with arp_ignore=0, a gateway that is the namespace's own
 * address, broadcast and special destinations, and ping's source binding.
 * Kernel evidence: test/tools/sbx < test/cases/forwarding/{rp-filter-asymmetric,accept-local,
 * default-via-own-address,special-destinations,ping-bind}.sh.
 */
import { describe, expect, it } from 'vitest';
import { explain } from '../../../src/twin/explain.js';
import { ip, TestLab } from './helpers.js';

function asym(): TestLab {
  const t = new TestLab().netns('H', 'R', 'B');
  t.veth('h1', 'H', 'r1', 'R').veth('h2', 'H', 'r2', 'R').veth('vb', 'B', 'r3', 'R');
  t.addr('H', 'h1', '10.0.1.1/24').addr('H', 'h2', '10.0.2.1/24');
  t.addr('R', 'r1', '10.0.1.254/24').addr('R', 'r2', '10.0.2.254/24').addr('R', 'r3', '10.0.3.254/24').addr('B', 'vb', '10.0.3.1/24');
  t.up('H', 'h1', 'h2').up('R', 'r1', 'r2', 'r3').up('B', 'vb').sysctl('R', 'net.ipv4.ip_forward', 1);
  t.route('H', '10.0.3.0/24', { via: '10.0.1.254' }).route('B', 'default', { via: '10.0.3.254' });
  return t;
}

describe('rp_filter with an asymmetric path', () => {
  // kernel: rp-filter-asymmetric.sh
  it('strict mode drops a reply arriving where the route back does not lead; loose and off accept it', () => {
    const t = asym();
    const src = ip('10.0.2.1');
    expect(t.ping('H', '10.0.3.1').received).toBe(1);
    expect(t.ping('H', '10.0.3.1', { source: src }).received).toBe(1);
    t.sysctl('H', 'net.ipv4.conf.h2.rp_filter', 1);
    expect(t.ping('H', '10.0.3.1', { source: src })).toMatchObject({ received: 0, errors: 0, exit: 1 });
    expect(t.ping('H', '10.0.3.1').received).toBe(1); // symmetric traffic is fine
    t.sysctl('H', 'net.ipv4.conf.all.rp_filter', 2); // max(2, 1) = loose
    expect(t.ping('H', '10.0.3.1', { source: src }).received).toBe(1);
    t.sysctl('H', 'net.ipv4.conf.all.rp_filter', 0).sysctl('H', 'net.ipv4.conf.h2.rp_filter', 0).sysctl('H', 'net.ipv4.conf.all.rp_filter', 1);
    expect(t.ping('H', '10.0.3.1', { source: src }).received).toBe(0);
    const x = explain(t.sim, t.ns('H'), ip('10.0.3.1'), { source: src, timeout: 1 });
    expect(x).toMatchObject({ disposition: 'no-answer', reason: 'rp-filter' });
  });
});

describe('accept_local', () => {
  // kernel: accept-local.sh — B also holds 10.0.0.1: no answer, with accept_local=0 or 1
  it('a source that is local to the receiver is a martian; accepting it sends the reply to itself', () => {
    const t = new TestLab().pair().addr('B', 'lo', '10.0.0.1/32').up('B', 'lo');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    expect(explain(t.sim, t.ns('A'), ip('10.0.0.2'), { timeout: 1 }).reason).toBe('accept-local');
    t.sysctl('B', 'net.ipv4.conf.vb.accept_local', 1);
    expect(t.ping('A', '10.0.0.2').received).toBe(0);
  });
});

describe('a default route via the namespace’s own address', () => {
  // kernel: default-via-own-address.sh — behaves like `dev va`; B answers ARP for its lo address
  it('makes every destination on-link; arp_ignore=0 answers for any local address', () => {
    const t = new TestLab().pair().addr('B', 'lo', '172.16.5.5/32').up('B', 'lo');
    t.route('B', 'default', { via: '10.0.0.2' }).route('A', 'default', { via: '10.0.0.1' });
    expect(t.ping('A', '172.16.5.5').received).toBe(1);
    expect(t.ping('A', '172.16.6.6')).toMatchObject({ received: 0, errors: 0 });
  });

  it('with arp_ignore=1 the receiver answers only for addresses of the receiving interface', () => {
    const t = new TestLab().pair().addr('B', 'lo', '172.16.5.5/32').up('B', 'lo');
    t.route('B', 'default', { via: '10.0.0.2' }).route('A', 'default', { via: '10.0.0.1' });
    t.sysctl('B', 'net.ipv4.conf.all.arp_ignore', 1);
    expect(t.ping('A', '172.16.5.5').received).toBe(0);
    expect(explain(t.sim, t.ns('A'), ip('172.16.5.5')).reason).toBe('arp-ignored');
    expect(t.ping('A', '10.0.0.2').received).toBe(1);
  });
});

describe('special destinations', () => {
  // kernel: special-destinations.sh
  it('broadcasts need -b and get no answer', () => {
    const t = new TestLab().router(false);
    const q = 'Do you want to ping broadcast? Then -b. If not, check your local firewall rules';
    expect(t.ping('A', '10.0.1.255').fatal).toBe(q);
    expect(t.ping('A', '255.255.255.255').fatal).toBe(q);
    const b = t.ping('A', '10.0.1.255', { broadcast: true });
    expect(b).toMatchObject({ fatal: null, warnings: ['WARNING: pinging broadcast address'], received: 0, exit: 1 });
  });

  it('the network address is unicast; 224.0.0.1 gets no answer', () => {
    const t = new TestLab().router(false);
    expect(t.ping('A', '10.0.1.0')).toMatchObject({ fatal: null, received: 0, exit: 1 });
    expect(t.ping('A', '224.0.0.1')).toMatchObject({ fatal: null, received: 0, exit: 1 });
  });
});

describe('0.0.0.0/8 and TTL 0', () => {
  // kernel (sbx, two namespaces on a veth): `ip route add 0.1.0.0/16 dev va` in A, `ip addr add
  // 0.1.2.3/16 dev vb` in B, `ping -c 1 -W 1 0.1.2.3` → 1 received: only 0.0.0.0 itself is special
  it('0.0.0.0/8 addresses are ordinary unicast since Linux 5.18', () => {
    const t = new TestLab().pair();
    t.do('A', {
      op: 'route.add',
      mode: 'add',
      route: { type: 'unicast', dst: 0x00010000, dstLen: 16, table: null, dev: 'va', gateway: null, prefsrc: null, metric: null, protocol: null, scope: null, onlink: false, tos: 0, mtu: null },
    });
    t.addr('B', 'vb', '0.1.2.3/16');
    expect(t.ping('A', '0.1.2.3').received).toBe(1);
  });

  // kernel: `ping -c 1 -W 1 -t 0 10.0.0.2` → ping: cannot set unicast time-to-live: Invalid argument, exit 2
  it('-t 0 is refused by the kernel after connect', () => {
    const t = new TestLab().pair();
    expect(t.ping('A', '10.0.0.2', { ttl: 0 }).fatal).toBe('cannot set unicast time-to-live: Invalid argument');
    expect(t.ping('A', '10.9.9.9', { ttl: 0 }).fatal).toBe('connect: Network is unreachable');
  });
});

describe('ping -I', () => {
  // kernel: ping-bind.sh
  it('binds to a device or an address', () => {
    const t = new TestLab().router(true);
    expect(t.ping('A', '10.0.2.1', { iface: 'va' })).toMatchObject({ received: 1, device: 'va', bound: true });
    expect(t.ping('A', '10.0.2.1', { source: ip('10.0.1.1') })).toMatchObject({ received: 1, device: null, bound: true });
    const lo = t.ping('A', '10.0.2.1', { iface: 'lo' });
    expect(lo).toMatchObject({ received: 0, warnings: ['ping: Warning: source address might be selected on device other than: lo'] });
    expect(t.ping('A', '10.0.2.1', { iface: 'nosuchdev' }).fatal).toBe('SO_BINDTODEVICE nosuchdev: No such device');
    expect(t.ping('A', '10.0.2.1', { source: ip('10.9.9.9') }).fatal).toBe('bind: Cannot assign requested address');
  });

  it('without a route: a bound address fails silently; a bound device ARPs and its local error is not reported', () => {
    const t = new TestLab().router(true);
    t.do('B', {
      op: 'route.del',
      route: { type: null, typeGiven: false, dst: 0, dstLen: 0, table: null, dev: null, gateway: null, prefsrc: null, metric: null, protocol: null, scope: null, onlink: false, tos: 0, mtu: null },
    });
    expect(t.ping('B', '10.5.5.5', { count: 2, timeout: 10, source: ip('10.0.2.1') })).toMatchObject({ transmitted: 2, received: 0, errors: 0, pipe: -1 });
    expect(t.ping('B', '10.5.5.5', { count: 2, timeout: 10, iface: 'vb' })).toMatchObject({ transmitted: 2, received: 0, errors: 0, pipe: 2 });
    expect(t.ping('B', '10.0.2.9', { count: 2, timeout: 10 })).toMatchObject({ transmitted: 2, errors: 2, pipe: 2 });
  });
});
