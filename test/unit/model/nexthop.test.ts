/**
 * Nexthop objects in the simulator alone (held against the kernel by
 * test/real/routes-multipath.test.ts's nexthop-*.sh): ids the kernel would pick, a group that
 * loses its members and then goes, routes that follow their object, and a flush's count.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const SETUP = `ip link add v1 type veth peer name p1
ip link add v2 type veth peer name p2
ip link set v1 up
ip link set v2 up
ip link set p1 up
ip link set p2 up
ip addr add 10.0.1.1/24 dev v1
ip addr add 10.0.2.1/24 dev v2
`;

function lab() {
  const h = new Lab().host('h');
  expect(h.sh(SETUP).filter((s) => s.exit !== 0)).toEqual([]);
  return h;
}

const out = (h: ReturnType<typeof lab>, script: string) => h.sh(script).map((s) => `${s.exit} ${s.stdout}${s.stderr}`);

describe('nexthop objects', () => {
  it('picks the next free id after the last one it gave, skipping those taken', () => {
    const h = lab();
    out(h, 'ip nexthop add id 2 via 10.0.1.2 dev v1\nip nexthop add via 10.0.1.3 dev v1\nip nexthop add id 0 via 10.0.1.4 dev v1\nip nexthop add via 10.0.1.5 dev v1');
    expect(out(h, 'ip nexthop show')).toEqual([
      '0 id 1 via 10.0.1.3 dev v1 scope link \nid 2 via 10.0.1.2 dev v1 scope link \nid 3 via 10.0.1.4 dev v1 scope link \nid 4 via 10.0.1.5 dev v1 scope link \n',
    ]);
  });

  it('shrinks a group whose member goes, and takes the group and its routes with the last one', () => {
    const h = lab();
    out(h, 'ip nexthop add id 1 via 10.0.1.2 dev v1\nip nexthop add id 2 via 10.0.2.2 dev v2\nip nexthop add id 10 group 1/2,4\nip route add 10.9.0.0/16 nhid 10');
    expect(out(h, 'ip route show 10.9.0.0/16')).toEqual(['0 10.9.0.0/16 nhid 10 \n\tnexthop via 10.0.1.2 dev v1 weight 1 \n\tnexthop via 10.0.2.2 dev v2 weight 4 \n']);
    // the far end going down takes v2's carrier, and so nexthop 2
    out(h, 'ip link set p2 down');
    expect(out(h, 'ip nexthop show\nip route show 10.9.0.0/16')).toEqual(['0 id 1 via 10.0.1.2 dev v1 scope link \nid 10 group 1 \n', '0 10.9.0.0/16 nhid 10 via 10.0.1.2 dev v1 \n']);
    out(h, 'ip link set v1 down');
    expect(out(h, 'ip nexthop show\nip route show 10.9.0.0/16')).toEqual(['0 ', '0 ']);
  });

  it('moves the routes of a replaced nexthop, and counts a flush as iproute2 does', () => {
    const h = lab();
    out(h, 'ip nexthop add id 1 via 10.0.1.2 dev v1\nip nexthop add id 2 via 10.0.2.2 dev v2\nip nexthop add id 3 group 1\nip route add 10.9.0.0/16 nhid 3');
    out(h, 'ip nexthop replace id 1 via 10.0.1.7 dev v1');
    expect(out(h, 'ip route show 10.9.0.0/16\nip route get 10.9.1.1')).toEqual(['0 10.9.0.0/16 nhid 3 via 10.0.1.7 dev v1 \n', '0 10.9.1.1 via 10.0.1.7 dev v1 src 10.0.1.1 uid 0 \n    cache \n']);
    // by device: nexthop 1 goes, and group 3 with it (not counted: it was not on v1)
    expect(out(h, 'ip nexthop flush dev v1\nip nexthop show\nip nexthop flush\nip nexthop flush')).toEqual([
      '0 Flushed 1 nexthops\n',
      '0 id 2 via 10.0.2.2 dev v2 scope link \n',
      '0 Flushed 1 nexthops\n',
      '0 Nothing to flush\n',
    ]);
    expect(out(h, 'ip route show 10.9.0.0/16')).toEqual(['0 ']);
  });
});
