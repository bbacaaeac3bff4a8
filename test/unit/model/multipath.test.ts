/**
 * Multipath routes in the simulator alone (the kernel comparison is
 * test/real/routes-multipath.test.ts): which hop a lookup answers with, that the answers the
 * kernel's flow hash would decide are reported rather than guessed, and that the model's scan
 * and the simulator's compiled FIB agree on them.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { fibLookup } from '../../../src/model/fib-lookup.js';
import { parseIp4 } from '../../../src/model/ip.js';
import { hopRoute } from '../../../src/model/route.js';
import { Fib } from '../../../sim/fib.js';

const SETUP = `sysctl -w net.ipv4.ip_forward=1
ip netns add b
ip link add r1 type veth peer name e1 netns b
ip link add r2 type veth peer name e2 netns b
ip link set r1 up
ip link set r2 up
ip -n b link set lo up
ip -n b link set e1 up
ip -n b link set e2 up
ip addr add 10.0.1.1/24 dev r1
ip addr add 10.0.2.1/24 dev r2
ip -n b addr add 10.0.1.2/24 dev e1
ip -n b addr add 10.0.2.2/24 dev e2
ip -n b addr add 10.9.0.1/32 dev lo
ip -n b route add default via 10.0.1.1
ip route add 10.9.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.2.2 weight 3
`;

function lab() {
  const h = new Lab().host('h');
  const steps = h.sh(SETUP);
  expect(steps.filter((s) => s.exit !== 0 || !s.supported)).toEqual([]);
  return h;
}

const HASH = /the kernel's flow hash picks a hop of the multipath route 10\.9\.0\.0\/16/;

describe('multipath routes', () => {
  it('leaves a ping and `ip route get` whose hop the hash picks to the kernel, and answers the FIB entry', () => {
    const h = lab();
    const [ping, get, fibmatch] = h.sh('ping -c 1 -W 1 10.9.0.1\nip route get 10.9.0.1\nip route get 10.9.0.1 fibmatch');
    expect(ping!.supported).toBe(false);
    expect(ping!.modelled).toBe(false);
    expect(ping!.stderr).toMatch(HASH);
    expect(get!.supported).toBe(false);
    expect(get!.stderr).toMatch(HASH);
    expect(fibmatch!.stdout).toBe('10.9.0.0/16 \n\tnexthop via 10.0.1.2 dev r1 weight 1 \n\tnexthop via 10.0.2.2 dev r2 weight 3 \n');
  });

  it('answers when an output device binds the hop, or one live hop is left', () => {
    const h = lab();
    const [ping, get] = h.sh('ping -c 1 -W 1 -I r2 10.9.0.1\nip route get 10.9.0.1 oif r2');
    expect(ping!.supported).toBe(true);
    expect(ping!.exit).toBe(0);
    expect(get!.stdout).toBe('10.9.0.1 via 10.0.2.2 dev r2 src 10.0.2.1 uid 0 \n    cache \n');
    const [, show, get2, ping2] = h.sh('ip link set r1 down\nip route show 10.9.0.0/16\nip route get 10.9.0.1\nping -c 1 -W 1 10.9.0.1');
    expect(show!.stdout).toBe('10.9.0.0/16 \n\tnexthop via 10.0.1.2 dev r1 weight 1 dead linkdown \n\tnexthop via 10.0.2.2 dev r2 weight 3 \n');
    expect(get2!.stdout).toBe('10.9.0.1 via 10.0.2.2 dev r2 src 10.0.2.1 uid 0 \n    cache \n');
    expect(ping2!.supported).toBe(true);
    expect(ping2!.exit).toBe(0);
  });

  it('finds the same hop in the model scan and the compiled FIB, the same object each time', () => {
    const h = lab();
    const ns = h.ns().ns;
    const r1 = ns.linkByName('r1')!;
    const r2 = ns.linkByName('r2')!;
    const dst = parseIp4('10.9.3.4')!;
    const flow = { dst, src: 0, oif: r2, iif: null, scope: 0 };
    const scan = fibLookup(ns, { dst, oif: r2 });
    const compiled = Fib.of(ns, null).lookup(flow);
    expect(scan.kind === 'route' && scan.route.dev).toBe(r2);
    expect(compiled.kind === 'route' && compiled.route).toBe(scan.kind === 'route' && scan.route);
    const route = ns.table(254).routes.find((r) => r.hops)!;
    expect(hopRoute(route, 1)).toBe(hopRoute(route, 1));
    const free = fibLookup(ns, { dst });
    expect(free.kind === 'route' && free.hashed).toBe(route);
    expect(free.kind === 'route' && free.route.dev).toBe(r1);
  });

  it('keeps a plain route of one `nexthop`, and refuses what iproute2 and the kernel refuse', () => {
    const h = lab();
    const out = h.sh(
      [
        'ip route add 10.8.0.0/16 nexthop via 10.0.1.2 weight 5',
        'ip route show 10.8.0.0/16',
        'ip route add 10.7.0.0/16 nexthop via 10.0.1.2 nexthop via 10.0.3.2',
        'ip route add 10.7.0.0/16 nexthop via 10.0.1.2 weight 0',
        'ip route add 10.7.0.0/16 nexthop dev r1 metric 5',
        'ip route add 10.7.0.0/16 dev r2 nexthop via 10.0.1.2 nexthop via 10.0.2.2',
      ].join('\n'),
    );
    expect(out.map((s) => [s.exit, s.stdout, s.stderr])).toEqual([
      [0, '', ''],
      [0, '10.8.0.0/16 via 10.0.1.2 dev r1 \n', ''],
      [2, '', 'Error: Nexthop has invalid gateway.\n'],
      [255, '', 'Error: argument "0" is wrong: "weight" is invalid\n\n'],
      [255, '', 'Error: "nexthop" or end of line is expected instead of "metric"\n'],
      [2, '', 'Error: Nexthop device index does not match RTA_OIF.\n'],
    ]);
  });
});
