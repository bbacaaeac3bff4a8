/**
 * `nettwin gen --topo`: Mininet's topologies and a k8s-style cluster as lab files. Each is a valid
 * lab whose intents hold in the simulator (every host reaches every other, no loops); the shapes
 * are Mininet's (tree,D,F has F^D hosts). test/real/gen-topo.test.ts runs them on the kernel.
 */
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../src/labfile/load.js';
import { parseTopology, topologyLab } from '../../../src/labfile/topologies.js';
import { verifyLabSim } from '../../../src/verify/verify-file.js';

const lab = (t: string) => parseLab(topologyLab(parseTopology(t)), `${t}.yaml`);
const hosts = (t: string) => lab(t).hosts.filter((h) => /^h\d+$/.test(h.name)).length;
const switches = (t: string) => lab(t).hosts.filter((h) => /^s\d+$/.test(h.name)).length;

describe('gen --topo', () => {
  it("has Mininet's shapes", () => {
    expect([hosts('single,4'), switches('single,4')]).toEqual([4, 1]);
    expect([hosts('linear,4'), switches('linear,4')]).toEqual([4, 4]);
    expect([hosts('tree,2,3'), switches('tree,2,3')]).toEqual([9, 4]);
    expect([hosts('tree,3,2'), switches('tree,3,2')]).toEqual([8, 7]);
    expect(lab('linear,3').links.map((l) => l.map((e) => `${e.host}:${e.ifname}`).join(' '))).toEqual(['h1:eth0 s1:eth1', 'h2:eth0 s2:eth1', 's1:eth2 s2:eth2', 'h3:eth0 s3:eth1', 's2:eth3 s3:eth2']);
    const k = lab('k8s,3,2');
    expect(k.hosts.map((h) => h.name)).toEqual(['node1', 'node2', 'node3']);
    expect(k.links).toHaveLength(1);
    expect(k.links[0]).toHaveLength(3); // three nodes on one switch
    expect(k.name).toBe('k8s');
  });

  for (const t of ['single,1', 'single,3', 'linear,1', 'linear,4', 'tree,1,3', 'tree,2,2', 'tree,3,1', 'k8s,1,1', 'k8s,2,2', 'k8s,3,2']) {
    it(`${t}: every host reaches every other in the simulator`, () => {
      const r = verifyLabSim(lab(t));
      expect(
        r.verdicts.map((v) => `${v.name}: ${v.holds ? 'holds' : v.summary}`),
        topologyLab(parseTopology(t)),
      ).toEqual(r.verdicts.map((v) => `${v.name}: holds`));
    });
  }

  it('refuses what is not a topology, with the forms it takes', () => {
    for (const [t, why] of [
      ['ring,3', /unknown topology \(single,N \| linear,N \| tree,DEPTH,FANOUT \| k8s,NODES,PODS\)/],
      ['single', /single takes N, positive integers/],
      ['single,0', /single takes N/],
      ['linear,2,2', /linear takes N/],
      ['tree,2', /tree takes DEPTH,FANOUT/],
      ['k8s,x,2', /k8s takes NODES,PODS/],
      ['single,-1', /single takes N/],
      ['tree,20,20', /over a billion namespaces, more than 1000/],
      ['single,1000', /1001 namespaces, more than 1000/],
      ['k8s,300,1', /at most 250 nodes/],
    ] as const)
      expect(() => parseTopology(t), t).toThrow(why);
  });
});
