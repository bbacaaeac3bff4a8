/**
 * Same-subnet veth pairs, own addresses and loopback, carrier, moved links.
 * Expected outcomes are the kernel's (6.18, iputils 20221126), from running the scripts named in
 * each test with `test/tools/sbx < test/cases/forwarding/NAME.sh`.
 */
import { describe, expect, it } from 'vitest';
import { TestLab } from './helpers.js';

describe('veth between two namespaces', () => {
  // kernel: veth-same-subnet.sh — `ip netns exec A ping -c 1 -W 1 10.0.0.2` → 1 received, ttl=64
  it('answers across the pair with ttl 64', () => {
    const t = new TestLab().pair();
    const r = t.ping('A', '10.0.0.2');
    expect(r).toMatchObject({ transmitted: 1, received: 1, errors: 0, exit: 0 });
    expect(r.replies[0]).toMatchObject({ seq: 1, ttl: 64, from: '10.0.0.2' });
  });

  // kernel: veth-same-subnet.sh — `ping -c 1 -W 1 10.0.0.3` → 100% loss, no error line, exit 1
  it('an absent neighbour is silence within -W 1 (ARP needs ~3 s to fail)', () => {
    const t = new TestLab().pair();
    const r = t.ping('A', '10.0.0.3');
    expect(r).toMatchObject({ transmitted: 1, received: 0, errors: 0, exit: 1 });
    expect(r.endUs - r.startUs).toBe(1_000_000);
  });

  // kernel: veth-same-subnet.sh — `ping -c 1 -W 1 10.0.0.1` (own address, lo never up) → no reply, no error
  it('own address with lo down: no reply and no error', () => {
    const t = new TestLab().pair();
    expect(t.ping('A', '10.0.0.1')).toMatchObject({ fatal: null, transmitted: 1, received: 0, errors: 0, exit: 1 });
  });

  // kernel: veth-same-subnet.sh — `ping 127.0.0.1` and `ping 10.0.1.1` → ping: connect: Network is unreachable, exit 2
  it('no route at the sender is a connect() error', () => {
    const t = new TestLab().pair();
    expect(t.ping('A', '127.0.0.1')).toMatchObject({ fatal: 'connect: Network is unreachable', exit: 2, transmitted: 0 });
    expect(t.ping('A', '10.0.1.1')).toMatchObject({ fatal: 'connect: Network is unreachable', exit: 2 });
  });

  // kernel: veth-end-down.sh — vb down: `-W 1` silence; `-W 5` → From 10.0.0.1 icmp_seq=1 Destination Host Unreachable
  it('one end down: no carrier, ARP fails after ~3 s, reported from the own address', () => {
    const t = new TestLab().netns('A', 'B').veth('va', 'A', 'vb', 'B').up('A', 'lo');
    t.addr('A', 'va', '10.0.0.1/24').addr('B', 'vb', '10.0.0.2/24').up('A', 'va');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    const r = t.ping('A', '10.0.0.2', { timeout: 5 });
    expect(r).toMatchObject({ received: 0, errors: 1, exit: 1 });
    expect(r.errorLines).toEqual(['From 10.0.0.1 icmp_seq=1 Destination Host Unreachable']);
    t.up('B', 'vb');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 1, exit: 0 });
    // kernel: `ip link set va down` removes the routes: connect fails
    t.down('A', 'va');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ fatal: 'connect: Network is unreachable', exit: 2 });
  });

  // kernel: link-moved.sh — after `ip link set vb netns C`: no reply; re-addressed in C: reply again
  it('a moved end loses its address; re-addressed in its new namespace it answers again', () => {
    const t = new TestLab().pair().netns('C');
    expect(t.ping('A', '10.0.0.2').received).toBe(1);
    t.move('B', 'vb', 'C');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    t.addr('C', 'vb', '10.0.0.2/24').up('C', 'vb');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 1, exit: 0 });
  });

  it('state of deleted namespaces and devices is dropped', () => {
    const t = new TestLab().pair();
    t.ping('A', '10.0.0.2');
    expect(t.sim.state(t.ns('A')).neigh.size).toBe(1);
    t.do(null, { op: 'netns.del', name: 'B' });
    t.sim.sync();
    expect(t.sim.state(t.ns('A')).neigh.size).toBe(0);
  });
});

describe('loopback and own addresses', () => {
  // kernel: lo-down.sh
  it('lo up: 127.0.0.1, any 127/8 address and own addresses answer; lo down again: silence', () => {
    const t = new TestLab().pair();
    t.up('A', 'lo');
    expect(t.ping('A', '127.0.0.1')).toMatchObject({ received: 1, exit: 0 });
    expect(t.ping('A', '127.1.2.3')).toMatchObject({ received: 1, exit: 0 });
    expect(t.ping('A', '10.0.0.1')).toMatchObject({ received: 1, exit: 0 });
    t.down('A', 'lo');
    // the local routes stay, so connect() works, but nothing comes back and nothing is reported
    expect(t.ping('A', '127.0.0.1')).toMatchObject({ fatal: null, transmitted: 1, received: 0, errors: 0, exit: 1 });
    expect(t.ping('A', '10.0.0.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    // other namespaces still reach the address over the veth
    expect(t.ping('B', '10.0.0.1')).toMatchObject({ received: 1, exit: 0 });
  });

  // kernel: special-destinations.sh — `ping 0.0.0.0` → PING 0.0.0.0 (127.0.0.1), reply from 127.0.0.1
  it('0.0.0.0 means this host', () => {
    const t = new TestLab().pair();
    t.up('A', 'lo');
    const r = t.ping('A', '0.0.0.0');
    expect(ipStr(r.dst)).toBe('127.0.0.1');
    expect(r.received).toBe(1);
  });
});

function ipStr(a: number): string {
  return `${a >>> 24}.${(a >>> 16) & 255}.${(a >>> 8) & 255}.${a & 255}`;
}
