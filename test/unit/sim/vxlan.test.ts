/**
 * VXLAN's data path (kernel evidence: test/cases/tunnels/vxlan-*.sh, compared with the kernel in
 * test/real/seed.test.ts): encapsulation to the remotes of the all-zeros entry, learning, the
 * port and VNI a datagram must match, a VTEP that does not relay between its remotes.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { ip4ToString } from '../../../src/model/ip.js';
import { Tracer } from '../../../sim/trace.js';
import { vxlanLearned } from '../../../sim/vxlan.js';

/** Three VTEPs a, b, c on one underlay bridge, each with vx0 (id 100, port 4789) in br0. */
function threeVteps(): { lab: Lab; sh: (s: string) => ReturnType<ReturnType<Lab['host']>['sh']> } {
  const l = new Lab();
  const h = l.host('h');
  const lines = ['ip link add under type bridge', 'ip link set under up'];
  ['a', 'b', 'c'].forEach((n, i) => {
    lines.push(
      `ip netns add ${n}`,
      // the kernel's own IPv6 chatter (router solicitations, MLD) is multicast and goes to every
      // remote: these tests look at the IPv4 exchange alone
      `ip netns exec ${n} sysctl -qw net.ipv6.conf.all.disable_ipv6=1`,
      `ip link add u${n} type veth peer name p${n}`,
      `ip link set p${n} master under`,
      `ip link set p${n} up`,
      `ip link set u${n} netns ${n}`,
      `ip -n ${n} link set u${n} up`,
      `ip -n ${n} addr add 192.168.0.${i + 1}/24 dev u${n}`,
      `ip -n ${n} link add vx0 type vxlan id 100 dstport 4789 dev u${n}`,
      `ip -n ${n} link add br0 type bridge`,
      `ip -n ${n} link set vx0 master br0`,
      `ip -n ${n} link set vx0 up`,
      `ip -n ${n} link set br0 up`,
      `ip -n ${n} addr add 10.100.0.${i + 1}/24 dev br0`,
    );
  });
  const steps = h.sh(lines.join('\n'));
  expect(steps.filter((s) => s.exit !== 0)).toEqual([]);
  return { lab: l, sh: (s) => h.sh(s) };
}

const appendRemote = (n: string, dst: string) => `ip netns exec ${n} bridge fdb append 00:00:00:00:00:00 dev vx0 dst ${dst}`;

describe('VXLAN', () => {
  it('without a remote or an all-zeros entry, broadcasts are dropped: ARP fails', () => {
    const { lab: l, sh } = threeVteps();
    const tracer = new Tracer();
    l.sim.tracer = tracer;
    expect(sh('ip netns exec a ping -c 1 -W 1 10.100.0.2')[0].ping!.received).toBe(0);
    expect(tracer.steps.some((s) => s.reason === 'no-fdb-port' && s.detail.includes('no default remote'))).toBe(true);
  });

  it('sends to each remote of the all-zeros entry, in UDP to dstport, and learns the answer', () => {
    const { lab: l, sh } = threeVteps();
    sh([appendRemote('a', '192.168.0.2'), appendRemote('a', '192.168.0.3'), appendRemote('b', '192.168.0.1'), appendRemote('c', '192.168.0.1')].join('\n'));
    const tracer = new Tracer();
    l.sim.tracer = tracer;
    expect(sh('ip netns exec a ping -c 2 -W 1 10.100.0.2')[0].ping!.received).toBe(2);
    l.sim.tracer = null;
    const sent = tracer.steps.filter((s) => s.ns === 'h/a' && s.detail.startsWith('vx0: VXLAN id 100 to'));
    // the ARP request goes to both remotes; after b answers, b's MAC is learned behind 192.168.0.2
    expect(sent[0]!.detail).toBe('vx0: VXLAN id 100 to 192.168.0.2:4789 from 192.168.0.1');
    expect(sent[1]!.detail).toBe('vx0: VXLAN id 100 to 192.168.0.3:4789 from 192.168.0.1');
    const vxA = l.model.netns('h/a')!.linkByName('vx0')!;
    const brB = l.model.netns('h/b')!.linkByName('br0')!;
    expect(ip4ToString(vxlanLearned(l.sim, vxA).get(brB.mac) as number)).toBe('192.168.0.2');
    expect(sent.slice(2).every((s) => s.detail.includes('to 192.168.0.2:'))).toBe(true);
    expect(sh('ip netns exec a ping -c 1 -W 1 10.100.0.3')[0].ping!.received).toBe(1);
  });

  it('a VTEP does not relay between its remotes', () => {
    const { sh } = threeVteps();
    sh([appendRemote('a', '192.168.0.2'), appendRemote('a', '192.168.0.3'), appendRemote('b', '192.168.0.1'), appendRemote('c', '192.168.0.1')].join('\n'));
    expect(sh('ip netns exec b ping -c 1 -W 1 10.100.0.1')[0].ping!.received).toBe(1);
    expect(sh('ip netns exec b ping -c 1 -W 1 10.100.0.3')[0].ping!.received).toBe(0);
  });

  it('a datagram to a port no VXLAN device is up on gets an ICMP port unreachable; another VNI is dropped', () => {
    const { lab: l, sh } = threeVteps();
    sh([appendRemote('a', '192.168.0.2'), 'ip -n b link set vx0 down'].join('\n'));
    const tracer = new Tracer();
    l.sim.tracer = tracer;
    sh('ip netns exec a ping -c 1 -W 1 10.100.0.2');
    expect(tracer.steps.some((s) => s.ns === 'h/b' && s.detail.includes('send ICMP Destination Port Unreachable'))).toBe(true);
    tracer.steps.length = 0;
    sh(['ip -n b link set vx0 nomaster', 'ip -n b link del vx0', 'ip -n b link add vx9 type vxlan id 9 dstport 4789 dev ub', 'ip -n b link set vx9 up'].join('\n'));
    sh('ip netns exec a ping -c 1 -W 1 10.100.0.2');
    expect(tracer.steps.some((s) => s.ns === 'h/b' && s.reason === 'no-socket' && s.detail.includes('VNI 100'))).toBe(true);
    expect(tracer.steps.some((s) => s.ns === 'h/b' && s.detail.includes('Port Unreachable'))).toBe(false);
  });

  it('takes the MTU of its lower device minus 50, 1500 without one', () => {
    const { lab: l, sh } = threeVteps();
    expect(l.model.netns('h/a')!.linkByName('vx0')!.mtu).toBe(1450);
    sh('ip -n a link add vx1 type vxlan id 101 remote 192.168.0.2 dstport 4789');
    expect(l.model.netns('h/a')!.linkByName('vx1')!.mtu).toBe(1500);
  });
});
