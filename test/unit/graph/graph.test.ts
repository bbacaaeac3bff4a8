/**
 * Diagrams of labs: golden Mermaid and DOT for the seed lab and small fixtures, determinism, a
 * structural check of every diagram, and names that would break either format.
 */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';
import { labAfter } from '../../../src/cli/graph.js';
import { toDot } from '../../../src/graph/dot.js';
import { toMermaid } from '../../../src/graph/mermaid.js';
import { modelGraph, type GraphTrace } from '../../../src/graph/model-graph.js';
import { tracePath } from '../../../src/graph/trace-path.js';
import { checkDot, checkMermaid } from './mermaid-check.js';

const here = import.meta.dirname;
const SEED = join(here, '../../../examples/seed/lab.yaml');
const SMALL = join(here, 'fixtures/small.sh');
const LAB = join(here, 'fixtures/lab.yaml');

/** Compares with golden/NAME; `UPDATE_GOLDEN=1 npx vitest run test/unit/graph` rewrites them. */
function golden(name: string, actual: string): void {
  const path = join(here, 'golden', name);
  if (process.env.UPDATE_GOLDEN) writeFileSync(path, actual);
  expect(existsSync(path), `missing golden ${name}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(actual).toBe(readFileSync(path, 'utf8'));
}

function draw(file: string, trace?: [string, string]): { mermaid: string; dot: string } {
  const lab = labAfter(file);
  const g = modelGraph(lab.model);
  let t: GraphTrace | undefined;
  if (trace) {
    const r = tracePath(lab.twin, g, trace[0], trace[1]);
    if (r.kind === 'error') throw new Error(r.message);
    t = r.trace;
  }
  return { mermaid: toMermaid(g, { trace: t }), dot: toDot(g, { trace: t }) };
}

const CASES: [string, string, [string, string]?][] = [
  ['seed-lab', SEED],
  ['small', SMALL],
  ['switch-vxlan-lab', LAB],
  ['small-trace', SMALL, ['A', '10.0.0.3']],
  ['seed-lab-trace', SEED, ['node1/NS1', '172.16.0.3']],
];

describe('nettwin graph: golden diagrams', () => {
  for (const [name, file, trace] of CASES) {
    it(`${name} (mermaid, dot)`, () => {
      const d = draw(file, trace);
      expect(checkMermaid(d.mermaid)).toEqual([]);
      expect(checkDot(d.dot)).toEqual([]);
      golden(`${name}.mmd`, d.mermaid);
      golden(`${name}.dot`, d.dot);
    });
  }

  it('draws the same text every time', () => {
    for (const [, file, trace] of CASES) expect(draw(file, trace)).toEqual(draw(file, trace));
  });
});

describe('modelGraph', () => {
  it('groups interfaces by namespace and host, with addresses, and joins veth peers and bridge ports', () => {
    const g = modelGraph(labAfter(SMALL).model);
    expect(g.hosts.map((h) => [h.name, h.namespaces.map((n) => n.path)])).toEqual([['host', ['host', 'host/A', 'host/B']]]);
    const root = g.hosts[0].namespaces[0];
    expect(root.forwarding).toBe(true);
    expect(root.ifaces.map((i) => i.name)).toEqual(['br0', 'va', 'vb', 'vx0', 'tun0']);
    expect(root.ifaces.find((i) => i.name === 'br0')!.addrs).toEqual(['10.0.0.1/24']);
    expect(root.ifaces.find((i) => i.name === 'vx0')!.detail).toBe('vxlan id 42 remote 192.0.2.2 dstport 4789');
    expect(g.edges.map((e) => `${e.kind} ${e.from} ${e.to}`)).toEqual(['veth I_host_va I_host_A_va_ns', 'port I_host_va I_host_br0', 'veth I_host_vb I_host_B_vb_ns', 'port I_host_vb I_host_br0']);
    // lo only when it holds more than 127.0.0.1/8
    expect(g.hosts[0].namespaces[1].ifaces.map((i) => i.name)).toEqual(['va-ns']);
    expect(g.hosts[0].namespaces[2].ifaces.map((i) => i.name)).toEqual(['lo', 'vb-ns']);
  });

  it('lists IPv6 addresses after the IPv4 ones, leaving out the link-locals and ::1 every device has', () => {
    const lab = new Lab();
    lab
      .host('h')
      .sh(
        'ip netns add A\nip link add va netns A type veth peer name vb\nip -n A link set lo up\nip -n A link set va up\nip link set vb up\nip -n A addr add 10.0.0.1/24 dev va\nip -n A addr add 2001:db8::1/64 dev va\nip -n A addr add fd00::1/128 dev lo\nip addr add 2001:db8::2/64 dev vb\n',
      );
    const g = modelGraph(lab.model);
    const a = g.hosts[0].namespaces.find((n) => n.path === 'h/A')!;
    expect(a.ifaces.map((i) => [i.name, i.addrs])).toEqual([
      ['lo', ['127.0.0.1/8', 'fd00::1/128']],
      ['va', ['10.0.0.1/24', '2001:db8::1/64']],
    ]);
    expect(g.hosts[0].namespaces[0].ifaces.find((i) => i.name === 'vb')!.addrs).toEqual(['2001:db8::2/64']);
  });

  it("draws a lab's switch in the machine room, cables to it, and a VXLAN pair as one tunnel", () => {
    const g = modelGraph(labAfter(LAB).model);
    expect(g.hosts.map((h) => [h.name, h.infra])).toEqual([
      ['a', false],
      ['b', false],
      ['c', false],
      ['.infra', true],
    ]);
    const sw = g.hosts[3].namespaces[0].ifaces;
    expect(sw.map((i) => [i.name, i.aliases])).toEqual([['sw0', ['sw0p0', 'sw0p1', 'sw0p2']]]);
    expect(g.edges.map((e) => `${e.kind} ${e.from} ${e.to} ${e.label}`)).toEqual([
      'cable I_a_eth0 I_b_eth0 cable',
      'cable I_a_eth1 I__infra_sw0 cable',
      'cable I_b_eth1 I__infra_sw0 cable',
      'cable I_c_eth1 I__infra_sw0 cable',
      'tunnel I_a_vx42 I_b_vx42 vni 42',
    ]);
    // a.eth2 has no cable: a node, no edge
    expect(g.hosts[0].namespaces[0].ifaces.find((i) => i.name === 'eth2')!.nic).toBe(true);
  });

  it('leaves the machine room out of a lab without switches', () => {
    const g = modelGraph(labAfter(SEED).model);
    expect(g.hosts.map((h) => h.name)).toEqual(['node1', 'node2']);
  });

  it('makes safe, unique ids and encodes any name the kernel allows', () => {
    const lab = new Lab();
    const steps = lab
      .host('h-1')
      .sh(
        [
          `ip link add 'a"b<c>#d;{e}' type bridge`,
          `ip addr add 10.0.0.1/24 dev 'a"b<c>#d;{e}'`,
          'ip link add a-b type veth peer name a_b',
          "ip link add end type veth peer name 'o--x|y'",
          'ip netns add end',
        ].join('\n'),
      );
    expect(steps.map((s) => s.exit)).toEqual([0, 0, 0, 0, 0]);
    const g = modelGraph(lab.model);
    const ids = g.hosts.flatMap((h) => [h.id, ...h.namespaces.flatMap((n) => [n.id, ...n.ifaces.map((i) => i.id)])]);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Z][A-Za-z0-9_]*$/);
    const m = toMermaid(g);
    expect(checkMermaid(m)).toEqual([]);
    expect(m).toContain('"a#34;b#60;c#62;#35;d#59;#123;e#125; (bridge)<br/>10.0.0.1/24<br/>state DOWN"');
    expect(m).toContain('o--x#124;y (veth)');
    const d = toDot(g);
    expect(checkDot(d)).toEqual([]);
    expect(d).toContain('label="a\\"b<c>#d;{e} (bridge)\\n10.0.0.1/24\\nstate DOWN"');
  });
});

describe('tracePath', () => {
  it('lights the interfaces and edges a ping crossed, in drawing order', () => {
    const lab = labAfter(SMALL);
    const g = modelGraph(lab.model);
    const t = tracePath(lab.twin, g, 'host/A', '10.0.0.3');
    expect(t).toEqual({
      kind: 'ok',
      trace: {
        title: 'ping 10.0.0.3 from host/A: reply from 10.0.0.3 ttl 64',
        nodes: ['I_host_br0', 'I_host_va', 'I_host_vb', 'I_host_A_va_ns', 'I_host_B_vb_ns'],
        edges: [0, 1, 2, 3],
        drop: null,
      },
    });
  });

  it('does not change the lab it traces', () => {
    const lab = labAfter(SMALL);
    const g = modelGraph(lab.model);
    const before = lab.host('host').ns('A').render('ip neigh').stdout;
    tracePath(lab.twin, g, 'A', '10.0.0.3');
    expect(lab.host('host').ns('A').render('ip neigh').stdout).toBe(before);
  });

  it('says what is wrong with FROM or TO', () => {
    const lab = labAfter(SEED);
    const g = modelGraph(lab.model);
    expect(tracePath(lab.twin, g, 'NS1', '172.16.0.3')).toEqual({ kind: 'error', message: 'namespace "NS1" is on several hosts: say which (node1/NS1, node2/NS1)' });
    expect(tracePath(lab.twin, g, 'nope', '172.16.0.3')).toEqual({ kind: 'error', message: 'no namespace "nope" (give host/NS or host)' });
    expect(tracePath(lab.twin, g, 'node1', '172.16.0.')).toEqual({ kind: 'error', message: '"172.16.0." is not an IPv4 address' });
  });

  it('marks where the packet was dropped', () => {
    const lab = labAfter(SMALL);
    const g = modelGraph(lab.model);
    const t = tracePath(lab.twin, g, 'A', '10.255.0.1');
    expect(t.kind === 'ok' && t.trace).toEqual({
      title: 'ping 10.255.0.1 from host/A: From 10.0.0.1 icmp_seq=1 Destination Net Unreachable (host: no route to 10.255.0.1) [no-route]',
      nodes: ['I_host_br0', 'I_host_va', 'I_host_A_va_ns'],
      edges: [0, 1],
      drop: 'I_host_br0',
    });
    const m = toMermaid(g, { trace: (t as { trace: GraphTrace }).trace });
    expect(checkMermaid(m)).toEqual([]);
    expect(m).toContain('  class I_host_br0 drop\n');
  });

  it("tells why nothing was lit when ping cannot even send (the seed's NS1 has no route)", () => {
    const lab = labAfter(SEED);
    const t = tracePath(lab.twin, modelGraph(lab.model), 'node1/NS1', '172.16.1.1');
    expect(t.kind === 'ok' && t.trace).toEqual({ title: 'ping 172.16.1.1 from node1/NS1 fails at once: connect: Network is unreachable [no-route]', nodes: [], edges: [], drop: null });
  });
});

describe('link kinds of the other kernel in the drawing', () => {
  it('a VLAN hangs off its lower device, a bond slave off its bond, a device in a VRF off the VRF, each edge named', () => {
    const lab = new Lab({ kernel: KERNEL_PROFILES.uml! });
    lab
      .host('h')
      .sh(
        [
          'ip netns add a',
          'ip link add e0 netns a type veth peer name p0',
          'ip -n a link add link e0 name e0.10 type vlan id 10',
          'ip -n a link add bond0 type bond mode active-backup',
          'ip -n a link add s1 type veth peer name s2',
          'ip -n a link set s1 master bond0',
          'ip -n a link add blue type vrf table 10',
          'ip -n a link set e0.10 master blue',
        ].join('\n'),
      );
    const g = modelGraph(lab.model);
    const ifaces = g.hosts.flatMap((h) => h.namespaces.flatMap((n) => n.ifaces));
    const id = (name: string) => ifaces.find((i) => i.ns === 'h/a' && i.name === name)!.id;
    const edge = (from: string, to: string) => g.edges.find((e) => e.from === id(from) && e.to === id(to));
    expect(edge('e0.10', 'e0')).toEqual({ kind: 'port', from: id('e0.10'), to: id('e0'), label: 'vlan 10' });
    expect(edge('s1', 'bond0')?.label).toBe('bond');
    expect(edge('e0.10', 'blue')?.label).toBe('vrf');
    expect(ifaces.find((i) => i.name === 'e0.10')!.detail).toBe('vlan id 10');
    expect(ifaces.find((i) => i.name === 'bond0')!.detail).toBe('bond mode active-backup');
    expect(ifaces.find((i) => i.name === 'blue')!.detail).toBe('vrf table 10');
  });
});
