/**
 * Reads under speculation on the kernel (speculative-reads.ts): a script's listings wait in the
 * queue and run as one `ip -batch` each, and the steps still carry exactly what the kernel
 * printed — the same as a run one command at a time, the kernel's own random MACs, and, where
 * the shadow predicted wrong, each read's own answer from running it alone.
 */
import { expect, it } from 'vitest';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { diffSteps } from '../../adapters/linux/diff-steps.js';
import { Lab } from '../../src/lab.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const READS = ['ip link show', 'ip -br addr', 'ip -j route show', 'ip -n ns1 -br link', 'ip netns exec ns2 ip -d link show eth0', 'ip -n ns1 route get 10.0.0.1', 'ip neigh show'];

/**
 * Namespaces on a bridge (the first read waits for the bridge's operstate to follow its first
 * port: settle.ts), then rounds of reads (some into pipes, which must not wait) with writes between.
 */
const SCRIPT = `
ip link add br0 type bridge
ip link set br0 up
ip addr add 10.0.0.1/24 dev br0
for i in 1 2 3; do ip netns add ns$i; ip link add v$i type veth peer name eth0 netns ns$i; ip link set v$i master br0 up; ip -n ns$i addr add 10.0.0.1$i/24 dev eth0; ip -n ns$i link set eth0 up; done
${Array.from({ length: 6 }, (_, k) => `${[...READS, ...READS, ...READS].join('\n')}\nip link show | grep -c br0\nip route add 10.${k}.0.0/16 via 10.0.0.11`).join('\n')}
${READS.join('\n')}
`;

/** Counts the processes a sandbox starts for the script's reads: alone, and batches. */
function counting(sb: Sandbox): { alone: number; batches: number } {
  const n = { alone: 0, batches: 0 };
  const exec = sb.exec.bind(sb);
  sb.exec = (host, argv, opts) => {
    if (READS.includes(argv.join(' '))) n.alone++;
    if (argv.includes('-batch') && opts?.input?.includes('show')) n.batches++;
    return exec(host, argv, opts);
  };
  return n;
}

describeReal('reads under speculation', () => {
  it('answer exactly as a run one command at a time, in few processes', async () => {
    await withSandboxSlot(async () => {
      const slow = await runScriptInSandbox(SCRIPT, { file: 'r.sh', host: 'host', speculate: false });
      const sandbox = await Sandbox.open({ hosts: ['host'] });
      try {
        const n = counting(sandbox);
        const lab = new Lab();
        const fast = await runScriptReal(SCRIPT, { file: 'r.sh', host: 'host', sandbox, sandboxHost: 'host', shadow: { host: lab.host('host').host, sim: lab.sim }, speculate: true });
        expect(fast.map((s) => s.command)).toEqual(slow.map((s) => s.command));
        expect(diffSteps(slow, fast)).toEqual([]);
        expect(fast.some((s) => s.stdout.includes('\u0000'))).toBe(false);
        // the kernel's own random MACs, not the simulator's
        const sim = new Lab().host('host').sh(SCRIPT);
        const last = fast.length - READS.length;
        expect(fast[last]!.stdout).not.toEqual(sim[last]!.stdout);
        expect(fast[last]!.stdout).toEqual((await sandbox.exec('host', ['ip', 'link', 'show'])).stdout);
        const reads = fast.filter((s) => READS.includes(s.command)).length;
        expect(reads).toBe(19 * READS.length);
        expect(n.batches).toBeGreaterThan(0);
        expect(n.alone + n.batches).toBeLessThan(reads / 2);
      } finally {
        await sandbox.close();
      }
    });
  }, 120_000);

  it('keep each read’s own answer where the shadow predicted wrong', async () => {
    await withSandboxSlot(async () => {
      const sandbox = await Sandbox.open({ hosts: ['host'] });
      try {
        // a shadow that has a veth pair the kernel does not: every prediction of `ip link show` is wrong
        const lab = new Lab();
        lab.host('host').sh('ip link add ghost0 type veth peer name ghost1');
        const steps = await runScriptReal('ip link show\nip link show\nip -br link\nip link show\n', {
          file: 'x.sh',
          host: 'host',
          sandbox,
          sandboxHost: 'host',
          shadow: { host: lab.host('host').host, sim: lab.sim },
          speculate: true,
        });
        const kernel = (await sandbox.exec('host', ['ip', 'link', 'show'])).stdout;
        expect(steps.map((s) => s.stdout)).toEqual([kernel, kernel, (await sandbox.exec('host', ['ip', '-br', 'link'])).stdout, kernel]);
        expect(kernel).not.toContain('ghost');
      } finally {
        await sandbox.close();
      }
    });
  }, 60_000);
});
