/** `ip netns list` against output recorded on Linux 6.18 / iproute2 6.1 (tmpfs /run/netns). */
import { describe, expect, it } from 'vitest';
import { renderNetnsList } from '../../../../src/iproute2/netns/render.js';
import { defaultGlobals, type IpGlobals } from '../../../../src/iproute2/types.js';
import type { Netns } from '../../../../src/model/netns.js';
import { run, sandbox } from '../mini-ip.js';

const list = (ns: Netns, g: Partial<IpGlobals> = {}) => renderNetnsList({ ns }, { ...defaultGlobals(), ...g }).stdout;

describe('ip netns list', () => {
  it('no namespaces: nothing, or an empty JSON list', () => {
    const { ns } = sandbox();
    expect(list(ns)).toBe('');
    expect(list(ns, { json: true })).toBe('[]\n');
  });

  it('newest first; a re-added name moves to the top', () => {
    const { ns } = sandbox();
    run(ns, 'netns add A\nnetns add B\nnetns add C');
    expect(list(ns)).toBe('C\nB\nA\n');
    expect(list(ns, { json: true })).toBe('[{"name":"C"},{"name":"B"},{"name":"A"}]\n');
    expect(list(ns, { json: true, pretty: true })).toBe(`[ {
        "name": "C"
    },{
        "name": "B"
    },{
        "name": "A"
    } ]
`);
    run(ns, 'netns del B\nnetns add B');
    expect(list(ns)).toBe('B\nC\nA\n');
    run(ns, 'netns add D\nnetns del C\nnetns add C');
    expect(list(ns)).toBe('C\nD\nB\nA\n');
  });

  it('ids: a veth peer created in B; a link moved to A; seen from each namespace', () => {
    const { ns } = sandbox();
    run(ns, 'netns add A\nnetns add B\nnetns add C\nlink add v0 type veth peer name v1 netns B');
    expect(list(ns)).toBe('C\nB (id: 0)\nA\n');
    const B = ns.host.namespaces.get('B')!;
    expect(list(B)).toBe('C\nB\nA\n');
    run(ns, 'link set v0 netns A');
    // the namespace a link leaves gives the new one an id; the new one gives the peer's one
    expect(list(ns)).toBe('C\nB (id: 0)\nA (id: 1)\n');
    expect(list(ns.host.namespaces.get('A')!)).toBe('C\nB (id: 0)\nA\n');
    // the peer's namespace hears nothing: v0 was down, so v1 had no carrier to lose
    expect(list(B)).toBe('C\nB\nA\n');
    expect(list(ns, { json: true })).toBe('[{"name":"C"},{"name":"B","id":0},{"name":"A","id":1}]\n');
  });

  it('moving an end with carrier: the peer namespace learns an id for the new home', () => {
    const { ns } = sandbox();
    run(ns, 'netns add A\nnetns add B\nlink add v0 type veth peer name v1 netns B\n-n B link set v1 up\nlink set v0 up\nlink set v0 netns A');
    expect(list(ns)).toBe('B (id: 0)\nA (id: 1)\n');
    expect(list(ns.host.namespaces.get('B')!)).toMatch(/^B\nA \(id: \d+\)\n$/);
  });

  it('a deleted namespace gives its ids back', () => {
    const { ns } = sandbox();
    run(ns, 'netns add A\nnetns add B\nlink add v0 type veth peer name v1 netns B\nnetns del B\nnetns add B');
    expect(list(ns)).toBe('B\nA\n');
  });
});
