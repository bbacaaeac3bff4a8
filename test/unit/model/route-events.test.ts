/**
 * What addresses, link state and route requests do to the FIB (fib-events.ts, apply-route.ts),
 * as `ip -4 route show table all` shows it on Linux 6.18; every expectation was recorded there.
 */
import { describe, expect, it } from 'vitest';
import { emptyRouteFilter } from '../../../src/iproute2/filters.js';
import { renderRoutes } from '../../../src/iproute2/route/render.js';
import { defaultGlobals } from '../../../src/iproute2/types.js';
import type { Netns } from '../../../src/model/netns.js';
import { OpError } from '../../../src/ops/errors.js';
import { run, sandbox } from '../iproute2/mini-ip.js';

/** `ip -4 route show table all | grep -v 127.` */
function all(ns: Netns): string {
  const out = renderRoutes({ ns }, { ...defaultGlobals(), family: 'inet' }, { ...emptyRouteFilter(), table: 'all' }).stdout;
  return out
    .split('\n')
    .filter((l) => l && !l.includes('127.'))
    .map((l) => `${l}\n`)
    .join('');
}

function refusal(ns: Netns, line: string): string {
  try {
    run(ns, line);
  } catch (e) {
    if (e instanceof OpError) return e.stderr;
    throw e;
  }
  return '';
}

describe('route side effects of addresses and links', () => {
  function lab(): Netns {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v1 up
       addr add 10.0.0.1/24 dev v0
       addr add 10.0.0.2/24 dev v0
       addr add 10.0.0.3/16 dev v0
       addr add 10.1.0.1/24 dev v0`,
    );
    return ns;
  }

  it('a down device: local routes only, secondaries sourced from their primary', () => {
    expect(all(lab())).toBe(`local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.2 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.3 dev v0 table local proto kernel scope host src 10.0.0.3 
local 10.1.0.1 dev v0 table local proto kernel scope host src 10.1.0.1 
`);
  });

  it('up: prefix and broadcast routes; the longer prefix dumps first', () => {
    const ns = lab();
    run(ns, 'link set v0 up');
    expect(all(ns)).toBe(`10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 
10.0.0.0/16 dev v0 proto kernel scope link src 10.0.0.3 
10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 
local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.2 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.3 dev v0 table local proto kernel scope host src 10.0.0.3 
broadcast 10.0.0.255 dev v0 table local proto kernel scope link src 10.0.0.1 
broadcast 10.0.255.255 dev v0 table local proto kernel scope link src 10.0.0.3 
local 10.1.0.1 dev v0 table local proto kernel scope host src 10.1.0.1 
broadcast 10.1.0.255 dev v0 table local proto kernel scope link src 10.1.0.1 
`);
  });

  it('deleting a secondary takes the routes using it as src; deleting the primary takes its secondaries', () => {
    const ns = lab();
    run(ns, 'link set v0 up\nroute add 10.9.0.0/16 via 10.0.0.7 src 10.0.0.2\nroute add 10.8.0.0/16 via 10.1.0.7\naddr del 10.0.0.2/24 dev v0');
    expect(all(ns)).toContain('10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 \n10.8.0.0/16 via 10.1.0.7 dev v0 \nlocal 10.0.0.1 ');
    expect(all(ns)).not.toContain('10.9.0.0');
    run(ns, 'addr add 10.0.0.2/24 dev v0\naddr del 10.0.0.1/24 dev v0');
    expect(all(ns)).toBe(`10.0.0.0/16 dev v0 proto kernel scope link src 10.0.0.3 
10.1.0.0/24 dev v0 proto kernel scope link src 10.1.0.1 
10.8.0.0/16 via 10.1.0.7 dev v0 
local 10.0.0.3 dev v0 table local proto kernel scope host src 10.0.0.3 
broadcast 10.0.255.255 dev v0 table local proto kernel scope link src 10.0.0.3 
local 10.1.0.1 dev v0 table local proto kernel scope host src 10.1.0.1 
broadcast 10.1.0.255 dev v0 table local proto kernel scope link src 10.1.0.1 
`);
  });

  it('down removes every route through the device but the local ones; up restores only kernel routes', () => {
    const ns = lab();
    run(ns, 'link set v0 up\nroute add 10.7.0.0/16 via 10.1.0.7\nroute add 10.6.0.0/16 dev v0\nlink set v0 down');
    expect(all(ns)).toBe(`local 10.0.0.1 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.2 dev v0 table local proto kernel scope host src 10.0.0.1 
local 10.0.0.3 dev v0 table local proto kernel scope host src 10.0.0.3 
local 10.1.0.1 dev v0 table local proto kernel scope host src 10.1.0.1 
`);
    run(ns, 'link set v0 up');
    expect(all(ns)).not.toContain('10.7.0.0');
    expect(all(ns)).not.toContain('10.6.0.0');
    expect(all(ns)).toContain('10.0.0.0/24 dev v0 proto kernel scope link src 10.0.0.1 \n');
  });

  it('/31, /32, peer, brd, metric, noprefixroute, scope link', () => {
    const { ns } = sandbox();
    run(
      ns,
      `link add v0 type veth peer name v1
       link set v1 up
       link set v0 up
       addr add 10.1.0.0/31 dev v0
       addr add 10.2.0.1/32 dev v0
       addr add 10.3.0.1 peer 10.3.0.2 dev v0
       addr add 10.4.0.1/24 brd + dev v0
       addr add 10.6.0.1/24 dev v0 metric 50
       addr add 10.7.0.1/24 dev v0 noprefixroute
       addr add 10.8.0.1/24 dev v0 scope link
       addr add 10.9.0.1/24 brd 10.9.0.77 dev v0`,
    );
    expect(all(ns)).toBe(`10.1.0.0/31 dev v0 proto kernel scope link src 10.1.0.0 
10.3.0.2 dev v0 proto kernel scope link src 10.3.0.1 
10.4.0.0/24 dev v0 proto kernel scope link src 10.4.0.1 
10.6.0.0/24 dev v0 proto kernel scope link src 10.6.0.1 metric 50 
10.8.0.0/24 dev v0 proto kernel scope link src 10.8.0.1 
10.9.0.0/24 dev v0 proto kernel scope link src 10.9.0.1 
local 10.1.0.0 dev v0 table local proto kernel scope host src 10.1.0.0 
local 10.2.0.1 dev v0 table local proto kernel scope host src 10.2.0.1 
local 10.3.0.1 dev v0 table local proto kernel scope host src 10.3.0.1 
local 10.4.0.1 dev v0 table local proto kernel scope host src 10.4.0.1 
broadcast 10.4.0.255 dev v0 table local proto kernel scope link src 10.4.0.1 
local 10.6.0.1 dev v0 table local proto kernel scope host src 10.6.0.1 
broadcast 10.6.0.255 dev v0 table local proto kernel scope link src 10.6.0.1 
local 10.7.0.1 dev v0 table local proto kernel scope host src 10.7.0.1 
broadcast 10.7.0.255 dev v0 table local proto kernel scope link src 10.7.0.1 
local 10.8.0.1 dev v0 table local proto kernel scope host src 10.8.0.1 
broadcast 10.8.0.255 dev v0 table local proto kernel scope link src 10.8.0.1 
local 10.9.0.1 dev v0 table local proto kernel scope host src 10.9.0.1 
broadcast 10.9.0.77 dev v0 table local proto kernel scope link src 10.9.0.1 
broadcast 10.9.0.255 dev v0 table local proto kernel scope link src 10.9.0.1 
`);
  });

  it('one subnet or one address on two devices: each keeps its own routes', () => {
    const { ns } = sandbox();
    run(ns, 'link add v0 type veth peer name v1\nlink add w0 type veth peer name w1\nlink set v1 up\nlink set v0 up\nlink set w1 up\nlink set w0 up');
    run(ns, 'addr add 10.5.0.1/24 dev w0\naddr add 10.5.0.1/24 dev v0');
    expect(all(ns)).toBe(`10.5.0.0/24 dev w0 proto kernel scope link src 10.5.0.1 
10.5.0.0/24 dev v0 proto kernel scope link src 10.5.0.1 
local 10.5.0.1 dev w0 table local proto kernel scope host src 10.5.0.1 
local 10.5.0.1 dev v0 table local proto kernel scope host src 10.5.0.1 
broadcast 10.5.0.255 dev w0 table local proto kernel scope link src 10.5.0.1 
broadcast 10.5.0.255 dev v0 table local proto kernel scope link src 10.5.0.1 
`);
    run(ns, 'addr del 10.5.0.1/24 dev w0');
    expect(all(ns)).toBe(`10.5.0.0/24 dev v0 proto kernel scope link src 10.5.0.1 
local 10.5.0.1 dev v0 table local proto kernel scope host src 10.5.0.1 
broadcast 10.5.0.255 dev v0 table local proto kernel scope link src 10.5.0.1 
`);
  });

  it('the last address of a device takes every route through it', () => {
    const { ns } = sandbox();
    run(ns, 'link add w0 type veth peer name w1\nlink set w1 up\nlink set w0 up\naddr add 10.5.0.1/24 dev w0\nroute add 172.16.0.0/16 via 10.5.0.9\nroute add 172.17.0.0/16 dev w0');
    run(ns, 'addr flush dev w0');
    expect(all(ns)).toBe('');
  });
});

describe('route requests', () => {
  function lab(): Netns {
    const { ns } = sandbox();
    run(
      ns,
      'link add v0 type veth peer name v1\nlink set v1 up\nlink set v0 up\naddr add 10.0.0.1/24 dev v0\nlink add w0 type veth peer name w1\nlink set w1 up\nlink set w0 up\naddr add 10.2.0.1/24 dev w0',
    );
    return ns;
  }

  it('add of an existing prefix and metric: EEXIST; append of an identical route: EEXIST; change of none: ENOENT', () => {
    const ns = lab();
    run(ns, 'route add 10.9.0.0/16 via 10.0.0.2');
    expect(refusal(ns, 'route add 10.9.0.0/16 via 10.0.0.3')).toBe('RTNETLINK answers: File exists\n');
    run(ns, 'route append 10.9.0.0/16 via 10.0.0.3');
    expect(refusal(ns, 'route append 10.9.0.0/16 via 10.0.0.3')).toBe('RTNETLINK answers: File exists\n');
    expect(refusal(ns, 'route change 10.10.0.0/16 via 10.0.0.6')).toBe('RTNETLINK answers: No such file or directory\n');
  });

  it('gateways: own addresses are accepted (the route works as `dev`), but only on their device', () => {
    const ns = lab();
    run(ns, 'route add 10.11.0.0/16 via 10.0.0.1\nroute add 10.12.0.0/16 via 10.2.0.1\nroute add 10.14.0.0/16 via 127.0.0.1');
    expect(refusal(ns, 'route add 10.13.0.0/16 via 10.2.0.1 dev v0')).toBe('Error: Nexthop has invalid gateway.\n');
    expect(all(ns)).toContain('10.11.0.0/16 via 10.0.0.1 dev v0 \n10.12.0.0/16 via 10.2.0.1 dev w0 \n');
    const r = renderRoutes({ ns }, defaultGlobals(), emptyRouteFilter()).stdout;
    expect(r).toContain('10.14.0.0/16 via 127.0.0.1 dev lo \n');
  });

  it('onlink: needs a dev, refuses local and broadcast gateways', () => {
    const ns = lab();
    run(ns, 'route add 10.20.0.0/16 via 192.168.99.1 dev v0 onlink');
    expect(refusal(ns, 'route add 10.21.0.0/16 via 192.168.99.1 dev v0')).toBe('Error: Nexthop has invalid gateway.\n');
    expect(refusal(ns, 'route add 10.22.0.0/16 via 192.168.99.1 onlink')).toBe('Error: Nexthop device required for onlink.\n');
    expect(refusal(ns, 'route add 10.23.0.0/16 via 10.0.0.1 dev v0 onlink')).toBe('Error: Nexthop has invalid gateway.\n');
    expect(refusal(ns, 'route add 10.24.0.0/16 via 10.0.0.255 dev v0 onlink')).toBe('Error: Nexthop has invalid gateway.\n');
  });

  it('a refused route still creates its table; a bad prefix does not', () => {
    const { ns } = sandbox();
    expect(refusal(ns, 'route add 1.2.3.0/24 via 9.9.9.9 table 7')).toBe('Error: Nexthop has invalid gateway.\n');
    expect(renderRoutes({ ns }, defaultGlobals(), { ...emptyRouteFilter(), table: 7 })).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(refusal(ns, 'route add 1.2.3.1/24 dev lo table 8')).toBe('Error: Invalid prefix for given prefix length.\n');
    expect(renderRoutes({ ns }, defaultGlobals(), { ...emptyRouteFilter(), table: 8 }).exit).toBe(2);
  });

  it('del in a table that does not exist; a table emptied by del stays', () => {
    const { ns } = sandbox();
    expect(refusal(ns, 'route del 1.2.3.0/24 table 10')).toBe('Error: FIB table does not exist.\n');
    run(ns, 'route add 1.2.3.0/24 dev lo table 11\nroute del 1.2.3.0/24 dev lo table 11');
    expect(renderRoutes({ ns }, defaultGlobals(), { ...emptyRouteFilter(), table: 11 })).toEqual({ exit: 0, stdout: '', stderr: '' });
  });
});

describe('0/8', () => {
  it('a 0/8 address other than 0.0.0.0 is a valid onlink gateway (unicast since Linux 5.18)', () => {
    const { ns } = sandbox();
    run(ns, 'link add v0 type veth peer name v1\nlink set v0 up\nlink set v1 up\naddr add 10.0.0.1/24 dev v0\nroute add 10.1.0.0/16 via 0.1.2.3 dev v0 onlink');
    expect(renderRoutes({ ns }, defaultGlobals(), emptyRouteFilter()).stdout).toContain('10.1.0.0/16 via 0.1.2.3 dev v0 onlink \n');
  });
});
