/**
 * Forwarding through router namespaces: ip_forward per ingress interface, TTL, ICMP errors with
 * the router's source address on its route back, reject routes, rate limits, redirects.
 * Kernel evidence: test/tools/sbx < test/cases/forwarding/{router-forward-off,router-forward-on,
 * router-forwarding-per-iface,two-routers-chain,missing-return-route,reject-routes,
 * icmp-rate-limit,redirect}.sh.
 */
import { describe, expect, it } from 'vitest';
import { TestLab } from './helpers.js';

describe('a router namespace', () => {
  // kernel: router-forward-off.sh
  it('with ip_forward=0 answers on both its addresses but forwards nothing, silently', () => {
    const t = new TestLab().router(false);
    expect(t.ping('A', '10.0.1.254').received).toBe(1);
    expect(t.ping('A', '10.0.2.254').received).toBe(1);
    expect(t.ping('A', '10.0.2.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
  });

  // kernel: router-forward-on.sh — reply ttl=63
  it('with ip_forward=1 forwards, decrementing TTL', () => {
    const t = new TestLab().router(true);
    const r = t.ping('A', '10.0.2.1');
    expect(r).toMatchObject({ received: 1, exit: 0 });
    expect(r.replies[0]!.ttl).toBe(63);
  });

  // kernel: router-forward-on.sh — `ping -t 1` → From 10.0.1.254 icmp_seq=1 Time to live exceeded; -t 2 passes
  it('TTL 1 dies at the router: time exceeded from its address toward the sender', () => {
    const t = new TestLab().router(true);
    expect(t.ping('A', '10.0.2.1', { ttl: 1 }).errorLines).toEqual(['From 10.0.1.254 icmp_seq=1 Time to live exceeded']);
    expect(t.ping('A', '10.0.2.1', { ttl: 2 }).received).toBe(1);
    // kernel: `ping -c 3 -t 1` → three errors, one per second
    expect(t.ping('A', '10.0.2.1', { ttl: 1, count: 3, timeout: 10 })).toMatchObject({ transmitted: 3, errors: 3, exit: 1 });
  });

  // kernel: router-forward-on.sh — `ping 10.0.9.9` → From 10.0.1.254 icmp_seq=1 Destination Net Unreachable
  it('no route at the router: net unreachable', () => {
    const t = new TestLab().router(true);
    expect(t.ping('A', '10.0.9.9').errorLines).toEqual(['From 10.0.1.254 icmp_seq=1 Destination Net Unreachable']);
  });

  // kernel: router-forward-on.sh — `-W 1 10.0.2.7` silence; `-W 5 10.0.2.8` → From 10.0.1.254 ... Destination Host Unreachable
  it("the router's ARP failure: host unreachable after ~3 s", () => {
    const t = new TestLab().router(true);
    expect(t.ping('A', '10.0.2.7')).toMatchObject({ received: 0, errors: 0 });
    expect(t.ping('A', '10.0.2.8', { timeout: 5 }).errorLines).toEqual(['From 10.0.1.254 icmp_seq=1 Destination Host Unreachable']);
  });

  // kernel: router-forwarding-per-iface.sh — forwarding on rb only: both directions fail; on ra too: works
  it('forwarding is the ingress interface’s setting', () => {
    const t = new TestLab().router(false);
    t.sysctl('R', 'net.ipv4.conf.rb.forwarding', 1);
    expect(t.ping('A', '10.0.2.1').received).toBe(0);
    expect(t.ping('B', '10.0.1.1').received).toBe(0); // the reply comes back in on ra
    t.sysctl('R', 'net.ipv4.conf.ra.forwarding', 1);
    expect(t.ping('A', '10.0.2.1').received).toBe(1);
  });
});

function chain(returnRoute: boolean): TestLab {
  const t = new TestLab().netns('A', 'R1', 'R2', 'B');
  t.veth('va', 'A', 'r1a', 'R1').veth('r1b', 'R1', 'r2a', 'R2').veth('r2b', 'R2', 'vb', 'B');
  t.up('A', 'lo').up('R1', 'lo').up('R2', 'lo').up('B', 'lo');
  t.addr('A', 'va', '192.0.2.1/24').addr('R1', 'r1a', '192.0.2.254/24').addr('R1', 'r1b', '203.0.113.1/24');
  t.addr('R2', 'r2a', '203.0.113.2/24').addr('R2', 'r2b', '198.51.100.254/24').addr('B', 'vb', '198.51.100.1/24');
  t.up('A', 'va').up('R1', 'r1a', 'r1b').up('R2', 'r2a', 'r2b').up('B', 'vb');
  t.route('A', 'default', { via: '192.0.2.254' }).route('B', 'default', { via: '198.51.100.254' });
  t.sysctl('R1', 'net.ipv4.ip_forward', 1).sysctl('R2', 'net.ipv4.ip_forward', 1);
  t.route('R1', '198.51.100.0/24', { via: '203.0.113.2', dev: 'r1b' });
  if (returnRoute) t.route('R2', '192.0.2.0/24', { via: '203.0.113.1', dev: 'r2a' });
  return t;
}

describe('two routers in a chain', () => {
  // kernel: two-routers-chain.sh — ttl=62 both ways; 203.0.113.2 ttl=63; -t 2 → From 203.0.113.2 ... Time to live exceeded
  it('static routes both ways', () => {
    const t = chain(true);
    expect(t.ping('A', '198.51.100.1').replies[0]!.ttl).toBe(62);
    expect(t.ping('B', '192.0.2.1').replies[0]!.ttl).toBe(62);
    expect(t.ping('A', '203.0.113.2').replies[0]!.ttl).toBe(63);
    // the error comes from R2's address on its route back (via 203.0.113.1 dev r2a, no src)
    expect(t.ping('A', '198.51.100.1', { ttl: 2 }).errorLines).toEqual(['From 203.0.113.2 icmp_seq=1 Time to live exceeded']);
    expect(t.ping('A', '198.51.100.1', { ttl: 3 }).received).toBe(1);
  });

  // kernel: missing-return-route.sh — all silent, even R2's near address; forward route gone → Net Unreachable from R1
  it('a missing return route is silence', () => {
    const t = chain(false);
    expect(t.ping('A', '198.51.100.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    expect(t.ping('A', '203.0.113.2')).toMatchObject({ received: 0, errors: 0 });
    expect(t.ping('A', '198.51.100.254')).toMatchObject({ received: 0, errors: 0 });
    t.do('R1', {
      op: 'route.del',
      route: {
        type: null,
        typeGiven: false,
        dst: 0xc6336400,
        dstLen: 24,
        table: null,
        dev: null,
        gateway: null,
        prefsrc: null,
        metric: null,
        protocol: null,
        scope: null,
        onlink: false,
        tos: 0,
        mtu: null,
      },
    });
    expect(t.ping('A', '198.51.100.1').errorLines).toEqual(['From 192.0.2.254 icmp_seq=1 Destination Net Unreachable']);
  });
});

describe('reject routes', () => {
  // kernel: reject-routes.sh
  it('at the sender connect() fails; at a router blackhole is silent, unreachable and prohibit answer', () => {
    const t = new TestLab().router(true);
    t.reject('A', 'blackhole', '10.0.7.0/24').reject('A', 'unreachable', '10.0.8.0/24').reject('A', 'prohibit', '10.0.9.0/24');
    t.reject('R', 'blackhole', '10.0.17.0/24').reject('R', 'unreachable', '10.0.18.0/24').reject('R', 'prohibit', '10.0.19.0/24');
    expect(t.ping('A', '10.0.7.1').fatal).toBe('connect: Invalid argument');
    expect(t.ping('A', '10.0.8.1').fatal).toBe('connect: No route to host');
    expect(t.ping('A', '10.0.9.1').fatal).toBe('Do you want to ping broadcast? Then -b. If not, check your local firewall rules');
    expect(t.ping('A', '10.0.17.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    expect(t.ping('A', '10.0.18.1').errorLines).toEqual(['From 10.0.1.254 icmp_seq=1 Destination Host Unreachable']);
    expect(t.ping('A', '10.0.19.1').errorLines).toEqual(['From 10.0.1.254 icmp_seq=1 Packet filtered']);
  });
});

describe('ICMP rate limits (per destination, at the router)', () => {
  // kernel: icmp-rate-limit.sh — 10 probes 200 ms apart: 7 time exceeded; 2 net unreachable (ip_error and
  // icmp_send share the tokens); `ping -c 25 -i 0.2 -t 1` → seq 1–7, 11, 16, 21
  it('time exceeded: a burst of 6 plus one per second', () => {
    const t = new TestLab().router(true);
    const r = t.ping('A', '10.0.2.1', { ttl: 1, count: 25, interval: 0.2, timeout: 10 });
    expect(r.events.map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 11, 16, 21]);
  });

  it('net unreachable: ip_error takes a token too', () => {
    const t = new TestLab().router(true);
    expect(t.ping('B', '10.0.9.9', { count: 10, interval: 0.2, timeout: 10 }).errors).toBe(2);
  });

  it('errors toward the host itself are not limited', () => {
    const t = new TestLab().pair().up('A', 'lo');
    expect(t.ping('A', '10.0.0.9', { count: 4, timeout: 10 }).errors).toBe(4);
  });
});

describe('ICMP redirect', () => {
  // kernel: redirect.sh — `ping -c 3 10.9.9.9`: a redirect before replies 1 and 2, none before 3
  it('is printed, not counted, and taken once the new gateway is resolved', () => {
    const t = new TestLab().netns('A', 'R', 'C').bridge(null, 'br0');
    t.veth('va', 'A', 'va-br', null).veth('vr', 'R', 'vr-br', null).veth('vc', 'C', 'vc-br', null);
    t.master(null, 'va-br', 'br0').master(null, 'vr-br', 'br0').master(null, 'vc-br', 'br0').up(null, 'va-br', 'vr-br', 'vc-br');
    t.up('A', 'lo').up('R', 'lo').up('C', 'lo');
    t.addr('A', 'va', '10.0.1.1/24').addr('R', 'vr', '10.0.1.254/24').addr('C', 'vc', '10.0.1.2/24').addr('C', 'lo', '10.9.9.9/32');
    t.up('A', 'va').up('R', 'vr').up('C', 'vc').sysctl('R', 'net.ipv4.ip_forward', 1);
    t.route('A', '10.9.9.9/32', { via: '10.0.1.254' }).route('R', '10.9.9.9/32', { via: '10.0.1.2' });
    const r = t.ping('A', '10.9.9.9', { count: 3, timeout: 10 });
    expect(r).toMatchObject({ transmitted: 3, received: 3, errors: 0, exit: 0 });
    expect(r.events.map((e) => `${e.kind} ${e.seq}`)).toEqual(['redirect 1', 'reply 1', 'redirect 2', 'reply 2', 'reply 3']);
    expect(r.errorLines[0]).toBe('From 10.0.1.254: icmp_seq=1 Redirect Host(New nexthop: 10.0.1.2)');
    expect(r.replies.map((x) => x.ttl)).toEqual([64, 64, 64]);
  });
});
