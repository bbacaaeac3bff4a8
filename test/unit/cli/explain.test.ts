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

  it('--json names the rule that decided (table, chain, number, its iptables -S text), never the whole table', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'explain-nf-'));
    try {
      const file = join(dir, 'nf.sh');
      const rules = Array.from({ length: 2000 }, (_, i) => `ip netns exec b iptables -A INPUT -s 192.0.${i >> 8}.${i & 255} -j ACCEPT`);
      writeFileSync(
        file,
        [
          'ip netns add a',
          'ip netns add b',
          'ip link add e0 netns a type veth peer name e1 netns b',
          'ip -n a addr add 10.0.0.1/24 dev e0',
          'ip -n b addr add 10.0.0.2/24 dev e1',
          'ip -n a link set e0 up',
          'ip -n b link set e1 up',
          ...rules,
          'ip netns exec b iptables -A INPUT -p icmp -j DROP',
          '',
        ].join('\n'),
      );
      const c = capture();
      expect(await explainCommand(file, { from: 'a', to: '10.0.0.2', json: true })).toBe(1);
      const x = JSON.parse(c.out());
      const nf = x.hops.flatMap((h: { steps: { nf?: unknown }[] }) => h.steps).filter((s: { nf?: unknown }) => s.nf);
      expect(nf.length).toBeGreaterThan(0);
      expect(nf.find((s: { nf: { rulenum: number } }) => s.nf.rulenum === 2001).nf).toEqual({
        hook: 'input',
        what: 'rule',
        family: 'ip',
        table: 'filter',
        chain: 'INPUT',
        rulenum: 2001,
        rule: '-A INPUT -p icmp -j DROP',
        policy: null,
      });
      // a few kilobytes, not the 2 001 rules at every netfilter step
      expect(c.out().length).toBeLessThan(40_000);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
