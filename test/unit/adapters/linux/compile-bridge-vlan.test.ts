/**
 * A model's bridge VLANs as materialize's `bridge -batch` lines: vlan_filtering on the bridge's
 * line, and per bridge and port only what differs from the default PVID the kernel gives.
 */
import { describe, expect, it } from 'vitest';
import { compileModel } from '../../../../adapters/linux/compile-model.js';
import { Lab } from '../../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../../src/model/kernel-profile.js';

describe('compile: bridge VLANs', () => {
  it('adds the VLANs a port or the bridge has beyond the default PVID, and deletes a default PVID it lost', () => {
    const lab = new Lab({ kernel: KERNEL_PROFILES.uml });
    const steps = lab
      .host('h')
      .sh(
        [
          'ip link add br0 type bridge vlan_filtering 1',
          'ip link add pa type veth peer name pb',
          'ip link add pc type veth peer name pd',
          'ip link set pa master br0',
          'ip link set pc master br0',
          'bridge vlan add dev pa vid 10 pvid untagged',
          'bridge vlan del dev pa vid 1',
          'bridge vlan add dev pa vid 20',
          'bridge vlan add dev br0 vid 20 self',
        ].join('\n'),
      );
    expect(steps.map((s) => s.exit)).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    const plan = compileModel(lab.model);
    expect(plan.create.flatMap((b) => b.lines).find((l) => l.includes(' br0 '))).toContain('type bridge vlan_filtering 1');
    expect(plan.finish.flatMap((b) => b.lines)).toEqual(['vlan add vid 20 dev br0 self', 'vlan add vid 10 dev pa pvid untagged', 'vlan add vid 20 dev pa', 'vlan del vid 1 dev pa']);
  });

  it('gives the bridge its default PVID, and its ports then need no line for it', () => {
    const lab = new Lab({ kernel: KERNEL_PROFILES.uml });
    const steps = lab
      .host('h')
      .sh(['ip link add br0 type bridge vlan_default_pvid 0', 'ip link add pa type veth peer name pb', 'ip link set pa master br0', 'bridge vlan add dev pa vid 7 pvid'].join('\n'));
    expect(steps.map((s) => s.exit)).toEqual([0, 0, 0, 0]);
    const plan = compileModel(lab.model);
    expect(plan.create.flatMap((b) => b.lines).find((l) => l.includes(' br0 '))).toContain('type bridge vlan_default_pvid 0');
    expect(plan.finish.flatMap((b) => b.lines)).toEqual(['vlan add vid 7 dev pa pvid']);
  });
});
