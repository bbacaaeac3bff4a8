/** What the parsers hand the model: the Ops of a command line, before anything is applied. */
import { describe, expect, it } from 'vitest';
import { parseIp } from '../../../src/iproute2/ip.js';
import { parseBridge } from '../../../src/iproute2/bridge.js';
import { freshLab, runLine, words } from './replay.js';

function opsOf(setup: string[], line: string): unknown[] {
  const { ctx } = freshLab();
  for (const s of setup) expect(runLine(ctx, s).exit, s).toBe(0);
  const [prog, ...argv] = words(line);
  const { plan } = prog === 'bridge' ? parseBridge(ctx, argv) : parseIp(ctx, argv);
  if (plan.kind !== 'ops') throw new Error(`${line}: ${plan.kind} ${JSON.stringify(plan)}`);
  return plan.ops;
}

describe('command lines to Ops', () => {
  it('ip link add … type veth peer name … netns …', () => {
    expect(opsOf(['ip netns add NS1'], 'ip link add v0 type veth peer name v1 netns NS1')).toEqual([
      {
        op: 'link.add',
        name: 'v0',
        kind: 'veth',
        netns: null,
        mtu: null,
        address: null,
        up: false,
        master: null,
        txqlen: null,
        peer: { name: 'v1', netns: 'NS1', mtu: null, address: null },
        vxlan: null,
        bridge: null,
      },
    ]);
  });

  it('ip link set dev X up master br0 (names resolved, iproute2 order)', () => {
    const [op] = opsOf(['ip link add br0 type bridge', 'ip link add v0 type veth peer name v1'], 'ip link set dev v0 up master br0');
    expect(op).toMatchObject({ op: 'link.set', dev: 'v0', up: true, master: 'br0', netns: null, name: null });
  });

  it('ip route add with every modelled field; defaults stay null', () => {
    const [op] = opsOf(['ip link add v0 type veth peer name v1'], 'ip ro a 10.0.0.0/24 via 1.2.3.4 dev v0 src 10.0.0.1 metric 5 table 100 proto static scope link onlink mtu 1400');
    expect(op).toEqual({
      op: 'route.add',
      mode: 'add',
      route: {
        type: 'unicast',
        dst: 0x0a000000,
        dstLen: 24,
        table: 100,
        dev: 'v0',
        gateway: 0x01020304,
        prefsrc: 0x0a000001,
        metric: 5,
        protocol: 4,
        scope: 253,
        onlink: true,
        tos: 0,
        mtu: 1400,
      },
    });
  });

  it('ip route del matches any scope and protocol unless given; local types go to table local', () => {
    const [del] = opsOf([], 'ip route del local 127.0.0.1');
    expect(del).toMatchObject({ op: 'route.del', route: { type: 'local', typeGiven: true, table: 255, scope: 254, protocol: null } });
  });

  it('ip addr add A/P brd + computes the broadcast as iproute2 does', () => {
    const [op] = opsOf(['ip link add v0 type veth peer name v1'], 'ip a add 10.1.2.3/16 brd + dev v0 label v0:1');
    expect(op).toMatchObject({ op: 'addr.add', local: 0x0a010203, prefixLen: 16, broadcast: 0x0a01ffff, label: 'v0:1', scope: null });
  });

  it('ip addr del without a length is the kernel wildcard delete', () => {
    const [op] = opsOf(['ip link add v0 type veth peer name v1'], 'ip addr del 10.1.2.3 dev v0');
    expect(op).toMatchObject({ op: 'addr.del', prefixLen: null, peer: null });
  });

  it('ip tuntap add without a name takes the kernel tun%d name', () => {
    expect(opsOf([], 'ip tuntap add mode tun')).toEqual([{ op: 'tuntap.add', name: 'tun0', mode: 'tun', pi: false }]);
  });

  it('vxlan options', () => {
    const [op] = opsOf([], 'ip link add vx0 type vxlan id 42 dstport 4789 local 10.0.0.1 remote 10.0.0.2 nolearning ttl 10');
    expect(op).toMatchObject({ kind: 'vxlan', vxlan: { id: 42, dstport: 4789, local: 0x0a000001, remote: 0x0a000002, group: null, learning: false, ttl: 10 } });
  });

  it('bridge fdb append', () => {
    expect(opsOf(['ip link add vx0 type vxlan id 1 dstport 4789'], 'bridge fdb append 00:00:00:00:00:00 dev vx0 dst 10.0.0.2')).toEqual([
      { op: 'fdb.add', mode: 'append', mac: '00:00:00:00:00:00', dev: 'vx0', dst: 0x0a000002, master: false, self: true, permanent: true },
    ]);
  });
});
