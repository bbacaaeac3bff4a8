/**
 * Speculative real runs on the kernel: the same steps as a run one command at a time, a wrong
 * prediction caught by the kernel's own answer, and the run done again without speculating.
 */
import { expect, it } from 'vitest';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { SpeculationMiss } from '../../adapters/linux/speculation.js';
import { diffSteps } from '../../adapters/linux/diff-steps.js';
import { Lab } from '../../src/lab.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

/** Namespaces on a bridge, a router namespace between two of them, mistakes and reads between writes. */
const SCRIPT = `
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.0.0.1/24 dev br0
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do ip netns add ns$i; ip link add v$i type veth peer name eth0 netns ns$i; ip link set v$i master br0 up; ip -n ns$i addr add 10.0.0.1$i/24 dev eth0; ip -n ns$i link set eth0 up; ip -n ns$i link set lo up; ip -n ns$i route add default via 10.0.0.1; done
ip -n ns1 route add default via 10.0.0.1
ip netns exec ns2 ip addr add 10.0.0.99/24 dev eth0
ip -n ns3 link add dummy0 type veth peer name d1
ip -n ns3 link set d1 netns ns4
ip -n ns4 link set d1 name peer3
ip -n ns4 addr add 192.168.7.1/24 dev peer3
ip netns exec ns4 sysctl -w net.ipv4.ip_forward=1
ip link del v6
ip -n ns6 link show
ip -n ns12 -br link
ip -n ns4 -br addr
ip netns exec ns1 ping -c 1 -W 1 10.0.0.12
ip route add 10.9.0.0/16 via 10.0.0.14
ip route add 10.9.0.0/16 via 10.0.0.14
`;

describeReal('speculative real runs', () => {
  it('answer exactly as a run one command at a time', async () => {
    const [fast, slow] = await withSandboxSlot(() =>
      Promise.all([runScriptInSandbox(SCRIPT, { file: 'spec.sh', host: 'host' }), runScriptInSandbox(SCRIPT, { file: 'spec.sh', host: 'host', speculate: false })]),
    );
    expect(fast.length).toBeGreaterThan(40);
    expect(fast.some((s) => s.exit !== 0)).toBe(true);
    expect(fast.map((s) => s.command)).toEqual(slow.map((s) => s.command));
    expect(diffSteps(slow, fast)).toEqual([]);
  }, 60_000);

  it("run many namespaces' batches through one xargs, clean or not", async () => {
    await withSandboxSlot(async () => {
      const sandbox = await Sandbox.open({ hosts: ['host'] });
      try {
        const names = Array.from({ length: 10 }, (_, i) => `u${i}`);
        for (const n of names) expect((await sandbox.exec('host', ['ip', 'netns', 'add', n])).exit).toBe(0);
        const clean = await sandbox.execUnits(
          'host',
          names.map((ns) => ({ ns, lines: 'link set lo up\nlink add d0 type veth peer name d1\n' })),
          4,
        );
        expect(clean).toEqual({ exit: 0, stdout: '', stderr: '' });
        expect((await sandbox.exec('host', ['ip', '-n', 'u7', '-br', 'link', 'show', 'd1'])).stdout).toMatch(/^d1@d0 +DOWN/);
        const dirty = await sandbox.execUnits(
          'host',
          names.map((ns) => ({ ns, lines: 'link add d0 type veth peer name d1\n' })),
          4,
        );
        expect(dirty.exit).not.toBe(0);
        expect(dirty.stderr).toContain('File exists');
      } finally {
        await sandbox.close();
      }
    });
  }, 60_000);

  it('catch a prediction the kernel does not confirm', async () => {
    await withSandboxSlot(async () => {
      const sandbox = await Sandbox.open({ hosts: ['host'] });
      try {
        // a shadow that already has veth0 predicts "File exists"; the kernel creates it
        const lab = new Lab();
        lab.host('host').sh('ip link add veth0 type veth peer name veth1');
        const shadow = { host: lab.host('host').host, sim: lab.sim };
        const run = runScriptReal('ip link add veth0 type veth peer name veth1\nip link set veth0 up\n', { file: 'x.sh', host: 'host', sandbox, sandboxHost: 'host', shadow, speculate: true });
        await expect(run).rejects.toBeInstanceOf(SpeculationMiss);
      } finally {
        await sandbox.close();
      }
    });
  }, 60_000);
});
