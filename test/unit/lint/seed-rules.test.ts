/**
 * Lint on the seed: every mistake of the blog's script is found (the bridge address outside
 * the pods' subnet, the typo, the subnet given as an address, the route that collides with the
 * bridge's subnet, the tunnel block copied without swapping its ends, the tunnel brought up
 * before its far end listens, the pings to the blog's old addresses), and nothing in the
 * corrected labs.
 */
import { describe, expect, it } from 'vitest';
import { lintFile } from '../../../src/cli/lint.js';

describe('lint on the seed', () => {
  it('finds every mistake of the seed as written', () => {
    const findings = lintFile('examples/seed/lab.yaml');
    const at = (rule: string) => findings.filter((f) => f.rule === rule).map((f) => `${f.file.replace(/^.*examples\/seed\//, '')}:${f.line}`);
    expect(at('gateway-not-onlink')).toEqual(['node1.sh:222', 'node1.sh:223']);
    expect(at('bad-address')).toEqual(['node2.sh:79', 'node2.sh:156', 'node2.sh:226', 'node2.sh:227']);
    expect(at('route-exists')).toEqual(['node1.sh:243']);
    expect(at('copied-tunnel-block')).toEqual(['node1.sh:268', 'node2.sh:272']);
    expect(at('tunnel-far-end-not-listening')).toEqual(['node1.sh:262', 'node1.sh:268', 'node2.sh:266', 'node2.sh:272']);
    expect(at('ping-target-unknown')).toContain('node1.sh:276');
    expect(findings.find((f) => f.rule === 'route-exists')!.message).toContain('jk-br0 holds 172.16.1.1/24');
  });

  it("finds the copied block in node 1's script alone: the same bind twice", () => {
    const findings = lintFile('examples/seed/node1.sh').filter((f) => f.rule === 'copied-tunnel-block');
    expect(findings.map((f) => f.message)).toContain(
      'this socat binds 192.168.0.16:9000 again, as the one on line 262 does: the tunnel block was copied for the other end without swapping NODE_IP and TO_NODE_IP',
    );
  });

  it('finds nothing in the corrected labs', () => {
    expect(lintFile('examples/seed/lab-fixed-routes.yaml')).toEqual([]);
    expect(lintFile('examples/seed/lab-fixed-tunnel.yaml')).toEqual([]);
  });
});
