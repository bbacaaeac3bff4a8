/** `nettwin explain`: the verdict and what decided it first, with the cause the script's history shows. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { explainCommand } from '../../../src/cli/explain.js';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('nettwin explain', () => {
  it('the seed: no route in NS1, because its default route was refused (a cause only the history shows)', async () => {
    const c = capture();
    expect(await explainCommand('examples/seed/lab.yaml', { from: 'node1/NS1', to: '172.16.1.2' })).toBe(1);
    expect(c.out()).toBe(
      'ping 172.16.1.2 from node1/NS1 fails at once: connect: Network is unreachable\n' +
        'reason: no-route\n' +
        '  because its route "sudo ip netns exec NS1 ip route add default via 172.16.1.1 dev veth11" (line 222) was refused: Error: Nexthop has invalid gateway. (examples/seed/node1.sh:222)\n' +
        '  fix: correct the route on line 222\n',
    );
  });

  it('the router whose link was never set up: decided at the router, because the link is down; --json says the same', async () => {
    const text = readFileSync('test/cases/forwarding/router-link-down.sh', 'utf8');
    // the case sets the link up at the end: ask about the state its first pings met
    const dir = mkdtempSync(join(tmpdir(), 'nettwin-explain-'));
    try {
      const file = join(dir, 'router.sh');
      writeFileSync(file, text.slice(0, text.indexOf('ip -n r link set r-s up')));
      let c = capture();
      expect(await explainCommand(file, { from: 'c', to: '10.2.0.2' })).toBe(1);
      expect(c.out()).toMatch(
        /^ping 10\.2\.0\.2 from host\/c: From 10\.1\.0\.1 icmp_seq=1 Destination Net Unreachable \(host\/r: no route to 10\.2\.0\.2\)\ndecided at host\/r, \+0\.\d+ s: \[no-route\] no route to 10\.2\.0\.2\n {2}because r-s is down: the connected route 10\.2\.0\.0\/24 of its address 10\.2\.0\.1\/24 is there only while it is up\n {2}fix: ip -n r link set r-s up\npath: host\/c -> host\/r\n\(\d+ events: --verbose shows them all, --step one at a time\)\n$/,
      );
      vi.restoreAllMocks();
      c = capture();
      expect(await explainCommand(file, { from: 'c', to: '10.2.0.2', json: true })).toBe(1);
      const j = JSON.parse(c.out());
      expect(j).toMatchObject({
        disposition: 'icmp-error',
        reason: 'no-route',
        decisive: { ns: 'host/r', reason: 'no-route' },
        noRoute: { ns: 'host/r', dst: '10.2.0.2' },
        cause: { fix: 'ip -n r link set r-s up' },
        path: ['host/c', 'host/r'],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
