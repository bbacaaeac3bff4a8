import { describe, expect, it } from 'vitest';
import { stepToCommand, toScript } from '../../../src/testing/to-script.js';
import type { LabStep } from '../../../src/testing/lab-description.js';

describe('stepToCommand', () => {
  const cases: Array<[LabStep, string, string]> = [
    [{ kind: 'netns-add', name: 'red' }, 'ip netns add red', 'ip netns add red'],
    [{ kind: 'veth-add', in: null, name: 'v0', peer: 'v1' }, 'ip link add v0 type veth peer name v1', 'ip link add v0 type veth peer name v1'],
    [
      { kind: 'veth-add', in: 'red', name: 'v0', peer: 'eth0', peerIn: 'blue' },
      'ip -n red link add v0 type veth peer name eth0 netns blue',
      'ip netns exec red ip link add v0 type veth peer name eth0 netns blue',
    ],
    [{ kind: 'bridge-add', in: 'r', name: 'br0' }, 'ip -n r link add br0 type bridge', 'ip netns exec r ip link add br0 type bridge'],
    [{ kind: 'link-move', in: null, dev: 'v0', to: 'red' }, 'ip link set v0 netns red', 'ip link set v0 netns red'],
    [{ kind: 'link-master', in: 'r', dev: 'p0', master: 'br0' }, 'ip -n r link set p0 master br0', 'ip netns exec r ip link set p0 master br0'],
    [{ kind: 'link-state', in: 'red', dev: 'lo', up: true }, 'ip -n red link set lo up', 'ip netns exec red ip link set lo up'],
    [{ kind: 'link-state', in: null, dev: 'v0', up: false }, 'ip link set v0 down', 'ip link set v0 down'],
    [{ kind: 'addr-add', in: 'red', dev: 'v0', address: '10.0.0.1/24' }, 'ip -n red addr add 10.0.0.1/24 dev v0', 'ip netns exec red ip addr add 10.0.0.1/24 dev v0'],
    [
      { kind: 'route-add', in: 'red', dst: 'default', via: '10.0.0.254', dev: 'v0', metric: 100, onlink: true },
      'ip -n red route add default via 10.0.0.254 dev v0 metric 100 onlink',
      'ip netns exec red ip route add default via 10.0.0.254 dev v0 metric 100 onlink',
    ],
    [{ kind: 'route-add', in: null, dst: '10.1.0.0/16', dev: 'v0' }, 'ip route add 10.1.0.0/16 dev v0', 'ip route add 10.1.0.0/16 dev v0'],
    [{ kind: 'sysctl', in: 'r', key: 'net.ipv4.ip_forward', value: '1' }, 'ip netns exec r sysctl -w net.ipv4.ip_forward=1', 'ip netns exec r sysctl -w net.ipv4.ip_forward=1'],
    [{ kind: 'ping', in: 'red', to: '10.0.0.2' }, 'ip netns exec red ping -c 1 -W 1 10.0.0.2', 'ip netns exec red ping -c 1 -W 1 10.0.0.2'],
    [{ kind: 'ping', in: null, to: '10.0.0.2' }, 'ping -c 1 -W 1 10.0.0.2', 'ping -c 1 -W 1 10.0.0.2'],
    [{ kind: 'show', in: 'red', object: 'route', json: true }, 'ip -n red -j route show', 'ip netns exec red ip -j route show'],
  ];
  for (const [step, dashN, exec] of cases) {
    it(`${step.kind}: ${dashN}`, () => {
      expect(stepToCommand(step)).toBe(dashN);
      expect(stepToCommand(step, 'netns-exec')).toBe(exec);
    });
  }

  it('quotes words bash would split or expand', () => {
    expect(stepToCommand({ kind: 'addr-add', in: null, dev: 'v 0', address: "10.0.0.1/24'$x" })).toBe(`ip addr add '10.0.0.1/24'\\''$x' dev 'v 0'`);
  });

  it('keeps the seed-style typo as the word it is', () => {
    expect(stepToCommand({ kind: 'addr-add', in: 'n', dev: 'v0', address: '172.16.1..2/24' })).toBe('ip -n n addr add 172.16.1..2/24 dev v0');
  });
});

describe('toScript', () => {
  it('is a bash script: a short header, then one command per step', () => {
    const text = toScript({
      title: 'two namespaces',
      steps: [
        { kind: 'netns-add', name: 'a' },
        { kind: 'ping', in: 'a', to: '127.0.0.1' },
      ],
    });
    expect(text).toBe(
      '#!/bin/bash\n# two namespaces\n# Run it with `nettwin run FILE`, or with `sudo bash FILE` in a throwaway VM or network sandbox.\n' +
        'ip netns add a\nip netns exec a ping -c 1 -W 1 127.0.0.1\n',
    );
  });

  it('keeps a title on one line', () => {
    expect(toScript({ title: 'a\nb', steps: [] }).split('\n')[1]).toBe('# a b');
  });
});
