/**
 * Bridge VLANs read back from UML's 6.1 (built with VLAN filtering): a bridge and two ports given
 * VLANs, PVIDs and untagged flags on the kernel, then read back into a model (verify-real's
 * readBackModel: `bridge -j vlan show` per namespace); the simulator's `bridge vlan show` of the
 * model read back is the kernel's, text, JSON and compressed, and without the VLAN dump the
 * model would hold only the default PVIDs.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { modelFromDumps } from '../../adapters/linux/read-back.js';
import { readBackModel } from '../../adapters/linux/verify-real.js';
import { runBridge } from '../../src/iproute2/bridge.js';
import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { describeReal } from './require-real.js';
import { UML_TOOLS } from './uml-tools.js';

const UML = KERNEL_PROFILES.uml!;

const SETUP = [
  ['ip', 'link', 'add', 'br0', 'type', 'bridge', 'vlan_filtering', '1'],
  ['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1'],
  ['ip', 'link', 'add', 'w0', 'type', 'veth', 'peer', 'name', 'w1'],
  ['ip', 'link', 'set', 'v0', 'master', 'br0'],
  ['ip', 'link', 'set', 'w0', 'master', 'br0'],
  ['bridge', 'vlan', 'add', 'dev', 'v0', 'vid', '10', 'pvid', 'untagged'],
  ['bridge', 'vlan', 'add', 'dev', 'v0', 'vid', '20-22'],
  ['bridge', 'vlan', 'del', 'dev', 'w0', 'vid', '1'],
  ['bridge', 'vlan', 'add', 'dev', 'w0', 'vid', '30', 'untagged'],
  ['bridge', 'vlan', 'add', 'dev', 'br0', 'vid', '10', 'self'],
  ['bridge', 'vlan', 'add', 'dev', 'br0', 'vid', '40', 'pvid', 'untagged', 'self'],
];

const SHOWS = [
  ['vlan', 'show'],
  ['-j', 'vlan', 'show'],
  ['-c', 'vlan', 'show'],
  ['-j', '-c', 'vlan', 'show'],
  ['vlan', 'show', 'dev', 'w0'],
];

describeReal(
  'bridge VLANs read back from UML 6.1',
  () => {
    let sb: Sandbox;
    beforeAll(async () => {
      sb = await Sandbox.open({ hosts: ['h'], kernel: 'uml' });
      for (const argv of SETUP) {
        const r = await sb.exec('h', argv);
        expect(r.stderr, argv.join(' ')).toBe('');
        expect(r.exit, argv.join(' ')).toBe(0);
      }
    }, 300_000);
    afterAll(() => sb?.close(), 60_000);

    it("the model read back lists the kernel's VLANs as the kernel does", async () => {
      const like = new Lab({ kernel: UML });
      like.host('h');
      const back = await readBackModel(sb, like.model, false);
      const ns = back.hosts.get('h')!.root;
      for (const argv of SHOWS) {
        const k = await sb.exec('h', ['bridge', ...argv]);
        expect(k.exit, argv.join(' ')).toBe(0);
        expect(runBridge({ ns }, argv).stdout, `bridge ${argv.join(' ')}`).toBe(k.stdout);
      }
      // what the data path decides from: w0 lost its PVID, v0's is 10, the bridge's own 40
      expect([ns.linkByName('w0')!.brVlans!.pvid, ns.linkByName('v0')!.brVlans!.pvid, ns.linkByName('br0')!.brVlans!.pvid]).toEqual([0, 10, 40]);
    }, 300_000);

    it('without the VLAN dump the model read back would not know them (the test can fail)', async () => {
      const like = new Lab({ kernel: UML });
      like.host('h');
      const back = await readBackModel(sb, like.model, false);
      const ns = back.hosts.get('h')!.root;
      const k = await sb.exec('h', ['bridge', '-j', 'vlan', 'show']);
      // the same dumps without `bridge -j vlan show`: the ports hold no VLANs at all
      const { DUMP_ARGV, DUMP_BATCH, SYSCTL_ARGV, splitDump } = await import('../../adapters/linux/read-back.js');
      const [j, s] = await Promise.all([sb.exec('h', DUMP_ARGV, { input: DUMP_BATCH }), sb.exec('h', SYSCTL_ARGV)]);
      const bare = modelFromDumps(like.model, [{ path: 'h', dump: splitDump(j.stdout, s.stdout) }]).hosts.get('h')!.root;
      expect(runBridge({ ns: bare }, ['-j', 'vlan', 'show']).stdout).not.toBe(k.stdout);
      expect(runBridge({ ns }, ['-j', 'vlan', 'show']).stdout).toBe(k.stdout);
    }, 300_000);
  },
  { tools: UML_TOOLS },
);
