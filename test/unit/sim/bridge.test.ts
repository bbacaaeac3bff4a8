/**
 * Bridges: learning, flooding, ports that forward only with carrier, the bridge's own address as
 * a gateway, addresses on enslaved ports. Kernel evidence: test/tools/sbx < test/cases/forwarding/
 * bridge-two-ns.sh, bridge-gateway.sh, enslaved-port-address.sh.
 */
import { describe, expect, it } from 'vitest';
import { TestLab } from './helpers.js';

function bridged(): TestLab {
  const t = new TestLab().netns('A', 'B').bridge(null, 'br0');
  t.veth('va', 'A', 'va-br', null).veth('vb', 'B', 'vb-br', null);
  t.master(null, 'va-br', 'br0').master(null, 'vb-br', 'br0').up(null, 'va-br', 'vb-br');
  t.addr('A', 'va', '10.0.0.1/24').addr('B', 'vb', '10.0.0.2/24').up('A', 'va').up('B', 'vb');
  return t;
}

describe('bridge between namespaces', () => {
  // kernel: bridge-two-ns.sh — `ip netns exec A ping -c 1 -W 1 10.0.0.2` → reply ttl 64, no ip_forward needed
  it('bridges without forwarding and learns both MACs', () => {
    const t = bridged();
    expect(t.ns(null).all.forwarding).toBe(0);
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 1, exit: 0 });
    expect(t.ping('A', '10.0.0.2').replies[0]!.ttl).toBe(64);
    const br = t.ns(null).linkByName('br0')!;
    const fdb = t.sim.bridgeState(br).fdb;
    expect(fdb.get(t.ns('A').linkByName('va')!.mac)?.port.name).toBe('va-br');
    expect(fdb.get(t.ns('B').linkByName('vb')!.mac)?.port.name).toBe('vb-br');
  });

  it('emits fdb:learn once per MAC and floods the first ARP request', () => {
    const t = bridged();
    const learned: string[] = [];
    t.sim.events.on('fdb:learn', (e) => learned.push(e.port));
    t.ping('A', '10.0.0.2', { count: 3, interval: 0.2 });
    expect(learned.sort()).toEqual(['va-br', 'vb-br']);
  });

  // kernel: bridge-two-ns.sh — `ip link set vb-br down` then ping → 100% loss
  it('a port that is down does not forward', () => {
    const t = bridged();
    t.ping('A', '10.0.0.2');
    t.down(null, 'vb-br');
    expect(t.ping('A', '10.0.0.2')).toMatchObject({ received: 0, errors: 0, exit: 1 });
  });

  it('a bridge that is down forwards nothing', () => {
    const t = bridged();
    t.down(null, 'br0');
    expect(t.ping('A', '10.0.0.2').received).toBe(0);
  });

  it('learned entries age out after ageing_time (300 s)', () => {
    const t = bridged();
    t.ping('A', '10.0.0.2');
    const br = t.ns(null).linkByName('br0')!;
    const mac = t.ns('B').linkByName('vb')!.mac;
    t.sim.sleep(299);
    expect(t.sim.bridgeState(br).fdb.has(mac)).toBe(true);
    t.sim.sleep(2);
    expect(t.ping('A', '10.0.0.2').received).toBe(1); // the unknown unicast is flooded, relearned
  });

  it('a bridging loop without STP is cut with a reason', () => {
    const t = new TestLab().netns('A').bridge(null, 'br0').bridge(null, 'br1');
    t.veth('x0', null, 'x1', null).veth('y0', null, 'y1', null).veth('va', 'A', 'va-br', null);
    t.master(null, 'x0', 'br0').master(null, 'x1', 'br1').master(null, 'y0', 'br0').master(null, 'y1', 'br1').master(null, 'va-br', 'br0');
    t.up(null, 'x0', 'x1', 'y0', 'y1', 'va-br').addr('A', 'va', '10.0.0.1/24').up('A', 'va');
    const reasons: string[] = [];
    t.sim.tracer = { steps: [], step: (_t: number, _ns: string, _k: string, _d: string, r?: string) => r && reasons.push(r) } as never;
    expect(t.ping('A', '10.0.0.9').received).toBe(0);
    expect(reasons).toContain('loop');
  });
});

describe('the bridge address as gateway', () => {
  function gw(): TestLab {
    const t = new TestLab().netns('A', 'B').bridge(null, 'br0').bridge(null, 'br1');
    t.addr(null, 'br0', '10.0.0.254/24').addr(null, 'br1', '10.0.1.254/24');
    t.veth('va', 'A', 'va-br', null).veth('vb', 'B', 'vb-br', null);
    t.master(null, 'va-br', 'br0').master(null, 'vb-br', 'br1').up(null, 'va-br', 'vb-br');
    t.addr('A', 'va', '10.0.0.1/24').addr('B', 'vb', '10.0.1.1/24').up('A', 'va').up('B', 'vb');
    t.route('A', 'default', { via: '10.0.0.254' }).route('B', 'default', { via: '10.0.1.254' });
    return t;
  }

  // kernel: bridge-gateway.sh
  it('reaches the gateway and its other address; across needs ip_forward in the bridges namespace', () => {
    const t = gw();
    expect(t.ping('A', '10.0.0.254').received).toBe(1);
    expect(t.ping('A', '10.0.1.254').received).toBe(1);
    expect(t.ping('A', '10.0.1.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    t.sysctl(null, 'net.ipv4.ip_forward', 1);
    const r = t.ping('A', '10.0.1.1');
    expect(r.received).toBe(1);
    expect(r.replies[0]!.ttl).toBe(63);
    expect(t.ping('B', '10.0.0.1').replies[0]!.ttl).toBe(63);
  });
});

describe('an address on an enslaved port', () => {
  function enslaved(): TestLab {
    const t = new TestLab().netns('A', 'B', 'R');
    t.veth('va', 'A', 'p1', 'R').veth('vb', 'B', 'p2', 'R');
    t.do('R', { op: 'link.add', name: 'br0', kind: 'bridge', netns: null, mtu: null, address: null, up: false, master: null, txqlen: null, peer: null, vxlan: null, bridge: null });
    t.master('R', 'p1', 'br0').master('R', 'p2', 'br0').up('R', 'lo', 'br0', 'p1', 'p2');
    t.addr('R', 'p1', '10.0.0.100/24');
    t.addr('A', 'va', '10.0.0.1/24').addr('B', 'vb', '10.0.0.2/24').up('A', 'va').up('B', 'vb');
    return t;
  }

  // kernel: enslaved-port-address.sh — 10.0.0.2 answers; 10.0.0.100 and `R ping 10.0.0.1` get nothing
  it('is local (ARP answered by the bridge) but its own connected route fails', () => {
    const t = enslaved();
    expect(t.ping('A', '10.0.0.2').received).toBe(1);
    expect(t.ping('A', '10.0.0.100')).toMatchObject({ received: 0, errors: 0, exit: 1 });
    expect(t.ping('R', '10.0.0.1')).toMatchObject({ received: 0, errors: 0, exit: 1 });
  });

  // kernel: enslaved-port-address.sh — an address on br0 added later still fails: p1's route comes first
  it("a later address on the bridge loses to the port's route of the same prefix", () => {
    const t = enslaved();
    t.addr('R', 'br0', '10.0.0.200/24');
    expect(t.ping('A', '10.0.0.200').received).toBe(0);
    expect(t.ping('B', '10.0.0.200').received).toBe(0);
  });
});
