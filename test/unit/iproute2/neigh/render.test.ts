/**
 * `ip neigh show` for static entries, against output recorded on Linux 6.18 / iproute2 6.1.
 * The kernel's order is its hash table's, random per boot; the model keeps insertion order,
 * so the expected lines below are the kernel's lines in that order.
 */
import { describe, expect, it } from 'vitest';
import { emptyNeighFilter, type NeighFilter } from '../../../../src/iproute2/filters.js';
import { renderNeigh } from '../../../../src/iproute2/neigh/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import { parseIp4 } from '../../../../src/model/ip.js';
import type { Netns } from '../../../../src/model/netns.js';
import { run, sandbox } from '../mini-ip.js';

const show = (ns: Netns, f: Partial<NeighFilter> = {}, g: Partial<IpGlobals> = {}) => renderNeigh({ ns }, { ...defaultGlobals(), ...g }, { ...emptyNeighFilter(), ...f });

function lab(): Netns {
  const { ns } = sandbox();
  run(
    ns,
    `link add v0 type veth peer name v1
     link set v1 up
     link set v0 up
     addr add 10.0.0.1/24 dev v0
     neigh add 10.0.0.2 lladdr 02:00:00:00:00:02 dev v0
     neigh add 10.0.0.3 lladdr 02:00:00:00:00:03 dev v0 nud noarp
     neigh add 10.0.0.4 lladdr 02:00:00:00:00:04 dev v0 nud reachable
     neigh add 10.0.0.5 lladdr 02:00:00:00:00:05 dev v0 nud stale
     neigh add 10.5.0.7 lladdr 02:00:00:00:00:07 dev v0
     neigh add 10.0.0.8 lladdr 02:00:00:00:00:08 dev v1
     neigh add 10.0.0.9 lladdr 02:00:00:00:00:09 dev lo`,
  );
  return ns;
}

describe('ip neigh show', () => {
  it('empty', () => {
    const { ns } = sandbox();
    expect(show(ns)).toEqual({ exit: 0, stdout: '', stderr: '' });
    expect(show(ns, {}, { json: true }).stdout).toBe('[]\n');
  });

  it('default: every state but NOARP; lo entries are keyed 0.0.0.0', () => {
    expect(show(lab()).stdout).toBe(`10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT 
10.0.0.4 dev v0 lladdr 02:00:00:00:00:04 REACHABLE 
10.0.0.5 dev v0 lladdr 02:00:00:00:00:05 STALE 
10.5.0.7 dev v0 lladdr 02:00:00:00:00:07 PERMANENT 
10.0.0.8 dev v1 lladdr 02:00:00:00:00:08 PERMANENT 
0.0.0.0 dev lo lladdr 02:00:00:00:00:09 PERMANENT 
`);
  });

  it('nud all / nud permanent', () => {
    const ns = lab();
    expect(show(ns, { states: ['all'] }).stdout).toContain('10.0.0.3 dev v0 lladdr 02:00:00:00:00:03 NOARP \n');
    expect(show(ns, { states: ['permanent'] }).stdout).toBe(`10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT 
10.5.0.7 dev v0 lladdr 02:00:00:00:00:07 PERMANENT 
10.0.0.8 dev v1 lladdr 02:00:00:00:00:08 PERMANENT 
0.0.0.0 dev lo lladdr 02:00:00:00:00:09 PERMANENT 
`);
  });

  it('JSON: state is an array', () => {
    expect(show(lab(), {}, { json: true }).stdout).toBe(
      '[{"dst":"10.0.0.2","dev":"v0","lladdr":"02:00:00:00:00:02","state":["PERMANENT"]},' +
        '{"dst":"10.0.0.4","dev":"v0","lladdr":"02:00:00:00:00:04","state":["REACHABLE"]},' +
        '{"dst":"10.0.0.5","dev":"v0","lladdr":"02:00:00:00:00:05","state":["STALE"]},' +
        '{"dst":"10.5.0.7","dev":"v0","lladdr":"02:00:00:00:00:07","state":["PERMANENT"]},' +
        '{"dst":"10.0.0.8","dev":"v1","lladdr":"02:00:00:00:00:08","state":["PERMANENT"]},' +
        '{"dst":"0.0.0.0","dev":"lo","lladdr":"02:00:00:00:00:09","state":["PERMANENT"]}]\n',
    );
  });

  it('dev D drops the dev, in text and JSON', () => {
    const ns = lab();
    expect(show(ns, { dev: 'v0' }).stdout).toBe(`10.0.0.2 lladdr 02:00:00:00:00:02 PERMANENT 
10.0.0.4 lladdr 02:00:00:00:00:04 REACHABLE 
10.0.0.5 lladdr 02:00:00:00:00:05 STALE 
10.5.0.7 lladdr 02:00:00:00:00:07 PERMANENT 
`);
    expect(show(ns, { dev: 'v0' }, { json: true, pretty: true }).stdout).toBe(`[ {
        "dst": "10.0.0.2",
        "lladdr": "02:00:00:00:00:02",
        "state": [ "PERMANENT" ]
    },{
        "dst": "10.0.0.4",
        "lladdr": "02:00:00:00:00:04",
        "state": [ "REACHABLE" ]
    },{
        "dst": "10.0.0.5",
        "lladdr": "02:00:00:00:00:05",
        "state": [ "STALE" ]
    },{
        "dst": "10.5.0.7",
        "lladdr": "02:00:00:00:00:07",
        "state": [ "PERMANENT" ]
    } ]
`);
    expect(show(ns, { dev: 'nope' })).toEqual({ exit: 1, stdout: '', stderr: 'Cannot find device "nope"\n' });
  });

  it('lo holds one entry, keyed 0.0.0.0: the last one added', () => {
    const ns = lab();
    run(ns, 'neigh add 10.0.0.10 lladdr 02:00:00:00:00:0a dev lo');
    expect(show(ns, { dev: 'lo' }).stdout).toBe('0.0.0.0 lladdr 02:00:00:00:00:0a PERMANENT \n');
  });

  it('to ADDR', () => {
    expect(show(lab(), { to: { addr: parseIp4('10.0.0.2')!, len: 32 } }).stdout).toBe('10.0.0.2 dev v0 lladdr 02:00:00:00:00:02 PERMANENT \n');
  });

  it('replace keeps the entry, with the new address', () => {
    const ns = lab();
    run(ns, 'neigh replace 10.0.0.2 lladdr 02:00:00:00:00:22 dev v0');
    expect(show(ns, { to: { addr: parseIp4('10.0.0.2')!, len: 32 } }).stdout).toBe('10.0.0.2 dev v0 lladdr 02:00:00:00:00:22 PERMANENT \n');
  });
});
