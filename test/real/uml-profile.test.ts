/**
 * UML's recorded profile (src/model/kernel-profiles/uml.ts, from its config) against UML itself,
 * in one boot: the sysctl defaults a fresh namespace has, the link kinds it makes, the nftables
 * families it lacks (and the plain note real mode prints for them), and the command that would
 * panic it (`ip route … nhid` for IPv4), refused plainly while the kernel lives on.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { kernelNotes, umlHazard } from '../../adapters/linux/kernel-notes.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { describeReal } from './require-real.js';
import { UML_TOOLS } from './uml-tools.js';

const UML = KERNEL_PROFILES.uml!;

it('knows which commands would crash UML, without a kernel', () => {
  expect(umlHazard(['ip', 'route', 'add', '10.0.0.0/24', 'nhid', '1'])).toMatch(/panics its 6\.1 kernel/);
  expect(umlHazard(['ip', '-n', 'x', 'r', 'replace', '10.0.0.0/24', 'nhid', '1'])).toMatch(/panics/);
  expect(umlHazard(['ip', '-6', 'route', 'add', '2001:db8::/64', 'nhid', '1'])).toBeNull();
  expect(umlHazard(['ip', 'route', 'show', 'nhid', '1'])).toBeNull();
  expect(umlHazard(['ip', '-batch', '-'], 'link add d0 type dummy\nroute add 10.1.0.0/16 nhid 7\n')).toMatch(/panics/);
  expect(umlHazard(['ip', 'nexthop', 'add', 'id', '1', 'dev', 'lo'])).toBeNull();
});

describeReal(
  "UML's profile is UML's kernel",
  () => {
    let sb: Sandbox;
    beforeAll(async () => {
      sb = await Sandbox.open({ hosts: ['h'], kernel: 'uml' });
    }, 300_000);
    afterAll(() => sb?.close(), 60_000);

    it('a new namespace has the recorded sysctl defaults', async () => {
      const keys = Object.keys(UML.sysctl);
      const r = await sb.exec('h', ['sysctl', '-n', ...keys]);
      expect(r.exit).toBe(0);
      const got = Object.fromEntries(
        r.stdout
          .trim()
          .split('\n')
          .map((v, i) => [keys[i], Number(v)]),
      );
      expect(got).toEqual(UML.sysctl);
    });

    it('makes the link kinds it lists that real mode tests, and refuses one it lacks', async () => {
      for (const kind of ['dummy', 'vlan', 'bond', 'vrf', 'gre', 'ipip', 'ipvlan', 'geneve']) expect(UML.linkKinds).toContain(kind);
      const lines = [
        'link add d0 type dummy',
        'link add link d0 name d0.10 type vlan id 10',
        'link add bond0 type bond mode active-backup',
        'link add vrf1 type vrf table 10',
        'link add gre1 type gre remote 192.0.2.1 local 192.0.2.2',
        'link add ipip1 type ipip remote 192.0.2.1 local 192.0.2.2',
        'link add link d0 name ipv1 type ipvlan mode l2',
        'link add gnv0 type geneve id 5 remote 192.0.2.1',
      ];
      const r = await sb.exec('h', ['ip', '-batch', '-'], { input: `${lines.join('\n')}\n` });
      expect(r.stderr).toBe('');
      expect(r.exit).toBe(0);
      expect(UML.linkKinds).not.toContain('wireguard');
      expect((await sb.exec('h', ['ip', 'link', 'add', 'wg0', 'type', 'wireguard'])).stderr).toMatch(/Unknown device type/);
    });

    it('has nf_tables but none of its ip/ip6/inet families: nft says "Operation not supported", and real mode says why', async () => {
      expect(UML.netfilter).toContain('nf_tables');
      expect(UML.netfilter).not.toContain('nf_tables_inet');
      const steps = await runScriptInSandbox('nft add table ip t\nnft add table inet t\n', { file: 'nft.sh', host: 'host', kernel: UML });
      expect(steps[0]!.exit).not.toBe(0);
      expect(steps[0]!.stderr).toMatch(/Operation not supported/);
      const notes = kernelNotes(steps, UML);
      expect(notes).toHaveLength(2);
      expect(notes[0]).toMatch(/^line 1: nft: the kernel \(uml 6\.1\.176\) has no nftables families ip, ip6, inet.*"Operation not supported"$/);
    }, 300_000);

    it('is not given an IPv4 route through a nexthop object (it would panic); it says so and lives on', async () => {
      expect((await sb.exec('h', ['ip', 'nexthop', 'add', 'id', '1', 'dev', 'lo'])).exit).toBe(0);
      const r = await sb.exec('h', ['ip', 'route', 'add', '10.9.0.0/24', 'nhid', '1']);
      expect(r.exit).toBe(2);
      expect(r.stderr).toMatch(/^nettwin: not run on user-mode Linux: `ip route … nhid` for IPv4 panics its 6\.1 kernel/);
      expect((await sb.exec('h', ['uname', '-r'])).stdout).toBe(`${UML.release}\n`);
    });
  },
  { tools: UML_TOOLS },
);
