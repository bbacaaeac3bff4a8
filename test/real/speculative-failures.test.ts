/**
 * Predicted failures under speculation on the kernel: writes the shadow predicts to fail with
 * only a message (a missing device, an address or route already there, a gateway not on a
 * link) run in `ip -force -batch` processes once a lone run of the same shape of failure showed
 * its exit status, their messages checked one by one between the batch's marks. The steps are
 * exactly those of a run one command at a time, in far fewer processes.
 */
import { expect, it } from 'vitest';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { diffSteps } from '../../adapters/linux/diff-steps.js';
import { Lab } from '../../src/lab.js';
import { describeReal } from './require-real.js';
import { withSandboxSlot } from './slots.js';

const SCRIPT = `
ip netns add ns1
ip link add v0 type veth peer name eth0 netns ns1
ip addr add 10.0.0.1/24 dev v0
ip link set v0 up
${Array.from(
  { length: 40 },
  (_, k) => `ip link set nope${k} up
ip addr add 10.0.0.1/24 dev v0
ip route add 10.${k}.0.0/16 via 10.0.0.2
ip route add 10.${k}.0.0/16 via 10.0.0.2
ip -n ns1 link set missing${k} down
ip route add 10.200.${k}.0/24 via 10.99.0.1
ip -n ns1 addr add 10.0.0.${k + 2}/24 dev eth0`,
).join('\n')}
ip -n ns1 link set eth0 up
ip route show
ip -n ns1 addr show
`;

/** Counts the processes the sandbox starts for ip commands, and among them -force batches. */
function counting(sb: Sandbox): { procs: number; forced: number } {
  const n = { procs: 0, forced: 0 };
  const exec = sb.exec.bind(sb);
  sb.exec = (host, argv, opts) => {
    if (argv.includes('ip')) n.procs++;
    if (argv.includes('-force')) n.forced++;
    return exec(host, argv, opts);
  };
  return n;
}

describeReal('predicted failures under speculation', () => {
  it('answer exactly as a run one command at a time, in few processes', async () => {
    await withSandboxSlot(async () => {
      const slow = await runScriptInSandbox(SCRIPT, { file: 'f.sh', host: 'host', speculate: false });
      const sandbox = await Sandbox.open({ hosts: ['host'] });
      try {
        const n = counting(sandbox);
        const lab = new Lab();
        const fast = await runScriptReal(SCRIPT, { file: 'f.sh', host: 'host', sandbox, sandboxHost: 'host', shadow: { host: lab.host('host').host, sim: lab.sim }, speculate: true });
        expect(fast.map((s) => s.command)).toEqual(slow.map((s) => s.command));
        expect(diffSteps(slow, fast)).toEqual([]);
        const failed = slow.filter((s) => s.exit !== 0);
        expect(failed.length).toBe(40 * 5);
        // the statuses the kernel gives each kind of failure, as a lone run shows them
        expect(new Set(failed.map((s) => s.exit))).toEqual(new Set([1, 2]));
        expect(n.forced).toBeGreaterThan(0);
        expect(n.procs).toBeLessThan(failed.length / 4);
      } finally {
        await sandbox.close();
      }
    });
  }, 180_000);
});
