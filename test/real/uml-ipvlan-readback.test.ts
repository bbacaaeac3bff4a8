/**
 * ipvlans read back from UML's 6.1 (verify-real's readBackModel): l3 ipvlans on a veth, one in
 * another namespace, then the port switched to l2 private; the model read back shows them as the
 * kernel does (`ip -d link`, text and JSON: lower device, mode and flag, NOARP, MAC), its lower
 * device's port holding the mode and flag, the moved one stacked on the lower of the root.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { readBackModel } from '../../adapters/linux/verify-real.js';
import { runIp } from '../../src/iproute2/ip.js';
import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { describeReal } from './require-real.js';
import { UML_TOOLS } from './uml-tools.js';

const UML = KERNEL_PROFILES.uml!;

const SETUP = [
  ['ip', 'netns', 'add', 'a'],
  ['ip', 'link', 'add', 'eth0', 'type', 'veth', 'peer', 'name', 'eth0p'],
  ['ip', 'link', 'add', 'ipv0', 'link', 'eth0', 'type', 'ipvlan', 'mode', 'l3'],
  ['ip', 'link', 'add', 'ipv1', 'link', 'eth0', 'type', 'ipvlan', 'mode', 'l3', 'vepa'],
  ['ip', 'link', 'add', 'ipv2', 'link', 'eth0', 'type', 'ipvlan', 'mode', 'l2', 'private'],
  ['ip', 'link', 'set', 'ipv1', 'netns', 'a'],
];

describeReal(
  'ipvlans read back from UML 6.1',
  () => {
    let sb: Sandbox;
    beforeAll(async () => {
      sb = await Sandbox.open({ hosts: ['h'], kernel: 'uml' });
      for (const argv of SETUP) {
        const r = await sb.exec('h', argv);
        expect(r.stderr, argv.join(' ')).toBe('');
      }
    }, 300_000);
    afterAll(() => sb?.close(), 60_000);

    it("the model read back describes them as the kernel does, the lower's port's mode and flag included", async () => {
      const like = new Lab({ kernel: UML });
      like.host('h').sh('ip netns add a');
      const back = await readBackModel(sb, like.model, false);
      const root = back.hosts.get('h')!.root;
      const a = back.hosts.get('h')!.namespaces.get('a')!;
      for (const [ns, dev, prefix] of [
        [root, 'ipv0', []],
        [root, 'ipv2', []],
        [a, 'ipv1', ['ip', 'netns', 'exec', 'a']],
      ] as const) {
        for (const argv of [
          ['-d', 'link', 'show', dev],
          ['-d', '-j', 'link', 'show', dev],
        ]) {
          const k = await sb.exec('h', [...prefix, 'ip', ...argv]);
          expect(k.exit).toBe(0);
          expect(runIp({ ns }, argv).stdout, `ip ${argv.join(' ')}`).toBe(k.stdout);
        }
      }
      expect(root.linkByName('eth0')!.ipvlanPort).toMatchObject({ mode: 'l2', flag: 'private' });
      expect(a.linkByName('ipv1')!.ipvlan!.lower).toBe(root.linkByName('eth0'));
    }, 300_000);
  },
  { tools: UML_TOOLS },
);
