/**
 * `via 0.0.0.0` is no gateway (rtm_to_fib_config gives RTA_GATEWAY 0 no family): the route is a
 * device route with the scope iproute2 picks when a gateway was named (global). Observed on
 * kernel 6.18 / iproute2 6.1; test/cases/models/via-zero-no-gateway.sh compares it live.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const SETUP = 'ip link add v0 type veth peer name v1\nip link set v0 up\nip addr add 10.0.0.1/24 dev v0\n';

function run(script: string) {
  return new Lab({ seed: 1 })
    .host('h')
    .sh(SETUP + script)
    .slice(3);
}

describe('via 0.0.0.0 (rtm_to_fib_config)', () => {
  it('makes a route without a gateway, scope global', () => {
    const s = run('ip route add 10.9.0.0/24 via 10.0.0.2 dev v0\nip route change 10.9.0.0/24 via 0.0.0.0 dev v0\nip route add 10.8.0.0/24 via 0 dev v0\nip route show');
    expect(s.map((x) => x.exit)).toEqual([0, 0, 0, 0]);
    expect(s[3].stdout).toBe('10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 linkdown \n10.8.0.0/24 dev v0 linkdown \n10.9.0.0/24 dev v0 linkdown \n');
  });

  it('needs a device, refuses onlink, and deletes whatever the gateway', () => {
    const s = run(
      'ip route add 10.7.0.0/24 via 0.0.0.0\nip route add 10.6.0.0/24 via 0.0.0.0 dev v0 onlink\nip route add 10.1.0.0/24 via 10.0.0.2\nip route del 10.1.0.0/24 via 0.0.0.0\nip route show 10.1.0.0/24',
    );
    expect(s[0]).toMatchObject({ exit: 2, stderr: 'RTNETLINK answers: No such device\n' });
    expect(s[1]).toMatchObject({ exit: 2, stderr: 'Error: Invalid flags for nexthop - PERVASIVE and ONLINK can not be set.\n' });
    expect(s.slice(2).map((x) => [x.exit, x.stdout])).toEqual([
      [0, ''],
      [0, ''],
      [0, ''],
    ]);
  });
});
