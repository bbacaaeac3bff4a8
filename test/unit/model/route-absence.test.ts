import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { parseIp4 } from '../../../src/model/ip.js';
import { routeAbsence } from '../../../src/model/route-absence.js';

function ns(script: string) {
  const lab = new Lab();
  lab.host('h').sh(script);
  return lab.model.netns('h/r')!;
}

const base = 'ip netns add r\nip netns add s\nip link add r-s netns r type veth peer name s-r netns s\n';

describe('routeAbsence', () => {
  it('a link that is down holds the subnet: set it up', () => {
    const c = routeAbsence(ns(`${base}ip -n r addr add 10.2.0.1/24 dev r-s\n`), parseIp4('10.2.0.2')!);
    expect(c).toMatchObject({ kind: 'link-down', why: 'r-s is down: the connected route 10.2.0.0/24 of its address 10.2.0.1/24 is there only while it is up', fix: 'ip -n r link set r-s up' });
  });

  it('an address added with noprefixroute brings no subnet route', () => {
    const c = routeAbsence(ns(`${base}ip -n r addr add 10.2.0.1/24 dev r-s noprefixroute\nip -n r link set r-s up\n`), parseIp4('10.2.0.2')!);
    expect(c).toMatchObject({ kind: 'noprefixroute', fix: 'ip -n r route add 10.2.0.0/24 dev r-s' });
  });

  it('an address written without its length is a /32: no route to the network meant', () => {
    const c = routeAbsence(ns(`${base}ip -n r addr add 10.2.0.1 dev r-s\nip -n r link set r-s up\n`), parseIp4('10.2.0.2')!);
    expect(c).toMatchObject({ kind: 'host-prefix', fix: 'ip -n r addr del 10.2.0.1/32 dev r-s && ip -n r addr add 10.2.0.1/24 dev r-s' });
  });

  it('nothing to say when no address of the namespace covers the destination', () => {
    expect(routeAbsence(ns(`${base}ip -n r addr add 10.2.0.1/24 dev r-s\n`), parseIp4('10.9.0.2')!)).toBeNull();
    expect(routeAbsence(ns(`${base}ip -n r addr add 10.2.0.1/24 dev r-s\nip -n r link set r-s up\n`), parseIp4('10.2.0.2')!)).toBeNull();
  });
});
