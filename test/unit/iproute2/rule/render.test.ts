/** `ip rule show` against output recorded on Linux 6.18 / iproute2 6.1. */
import { describe, expect, it } from 'vitest';
import { renderRules } from '../../../../src/iproute2/rule/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import type { Netns } from '../../../../src/model/netns.js';
import { run, sandbox } from '../mini-ip.js';

const show = (ns: Netns, g: Partial<IpGlobals> = {}) => renderRules({ ns }, { ...defaultGlobals(), ...g }).stdout;

function lab(): Netns {
  const { ns } = sandbox();
  run(
    ns,
    `link add v0 type veth peer name v1
     rule add from 10.0.0.0/24 table 100
     rule add to 10.1.0.0/16 lookup main priority 100
     rule add from 10.2.0.1 iif v0 table 5
     rule add oif v1 blackhole
     rule add from all prohibit pref 200
     rule add unreachable to 10.3.0.0/16
     rule add from 10.4.0.0/16 to 10.5.0.0/16 table local
     rule add iif nope table 7`,
  );
  return ns;
}

describe('ip rule show', () => {
  it('the default rules: a tab after the priority, no trailing space', () => {
    const { ns } = sandbox();
    expect(show(ns)).toBe('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n32767:\tfrom all lookup default\n');
    expect(show(ns, { json: true })).toBe('[{"priority":0,"src":"all","table":"local"},{"priority":32766,"src":"all","table":"main"},{"priority":32767,"src":"all","table":"default"}]\n');
    expect(show(ns, { json: true, pretty: true })).toBe(`[ {
        "priority": 0,
        "src": "all",
        "table": "local"
    },{
        "priority": 32766,
        "src": "all",
        "table": "main"
    },{
        "priority": 32767,
        "src": "all",
        "table": "default"
    } ]
`);
    expect(show(ns, { family: 'inet6' })).toBe('0:\tfrom all lookup local\n32766:\tfrom all lookup main\n');
  });

  it('selectors, actions, detached devices, automatic priorities', () => {
    expect(show(lab())).toBe(`0:\tfrom all lookup local
95:\tfrom all iif nope [detached] lookup 7
96:\tfrom 10.4.0.0/16 to 10.5.0.0/16 lookup local
97:\tfrom all to 10.3.0.0/16 unreachable
98:\tfrom all oif v1 blackhole
99:\tfrom 10.2.0.1 iif v0 lookup 5
100:\tfrom all to 10.1.0.0/16 lookup main
200:\tfrom all prohibit
32765:\tfrom 10.0.0.0/24 lookup 100
32766:\tfrom all lookup main
32767:\tfrom all lookup default
`);
  });

  it('JSON: tables as strings, srclen/dstlen, null flags, action', () => {
    expect(show(lab(), { json: true })).toBe(
      '[{"priority":0,"src":"all","table":"local"},' +
        '{"priority":95,"src":"all","iif":"nope","iif_detached":null,"table":"7"},' +
        '{"priority":96,"src":"10.4.0.0","srclen":16,"dst":"10.5.0.0","dstlen":16,"table":"local"},' +
        '{"priority":97,"src":"all","dst":"10.3.0.0","dstlen":16,"action":"unreachable"},' +
        '{"priority":98,"src":"all","oif":"v1","action":"blackhole"},' +
        '{"priority":99,"src":"10.2.0.1","iif":"v0","table":"5"},' +
        '{"priority":100,"src":"all","dst":"10.1.0.0","dstlen":16,"table":"main"},' +
        '{"priority":200,"src":"all","action":"prohibit"},' +
        '{"priority":32765,"src":"10.0.0.0","srclen":24,"table":"100"},' +
        '{"priority":32766,"src":"all","table":"main"},' +
        '{"priority":32767,"src":"all","table":"default"}]\n',
    );
  });

  it('-d adds proto kernel / proto unspec', () => {
    const lines = show(lab(), { details: 1 }).split('\n');
    expect(lines[0]).toBe('0:\tfrom all lookup local proto kernel');
    expect(lines[1]).toBe('95:\tfrom all iif nope [detached] lookup 7 proto unspec');
    expect(lines[4]).toBe('98:\tfrom all oif v1 blackhole proto unspec');
    expect(lines[10]).toBe('32767:\tfrom all lookup default proto kernel');
    expect(show(lab(), { details: 1, json: true })).toContain('{"priority":200,"src":"all","action":"prohibit","protocol":"unspec"}');
  });

  it('a filter by table', () => {
    expect(renderRules({ ns: lab() }, defaultGlobals(), { table: 100 }).stdout).toBe('32765:\tfrom 10.0.0.0/24 lookup 100\n');
  });
});
