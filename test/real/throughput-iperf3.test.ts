/**
 * Throughput over shaped links, the simulator's prediction (sim/throughput.ts: the rate the root
 * qdisc allows, as TCP payload) against iperf3 3.12 on UML's 6.1 and on this machine's kernel
 * (tbf and htb: it has no netem): a veth between two namespaces,
 * shaped on the sender's end by tbf, netem's rate or an htb class, 10 Mbit/s each; a 3-second
 * TCP run's receiver figure (`end.sum_received`) within 20 % of the prediction. The tolerance
 * is UML's: its clock ticks at 100 Hz and the machine is shared, so the kernel's figure moves
 * by several percent from run to run (measured: htb 9.55, netem 9.54, tbf 8.29 Mbit/s against
 * 9.56 predicted; tbf's 4 KiB bucket drops a few segments, and TCP backs off). Unshaped, the
 * simulator predicts nothing and the kernel's figure is far above any of those.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { predictedGoodput } from '../../sim/throughput.js';
import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { parseIp4 } from '../../src/model/ip.js';
import { describeReal } from './require-real.js';
import { UML_TOOLS } from './uml-tools.js';

const UML = KERNEL_PROFILES.uml!;
const TOLERANCE = 0.2;

const SETUP = `ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
ip -n a link set lo up
ip -n b link set lo up
`;

const SHAPES: Record<string, string> = {
  tbf: 'ip netns exec a tc qdisc add dev va root handle 1: tbf rate 10mbit burst 32kbit latency 50ms\n',
  netem: 'ip netns exec a tc qdisc add dev va root handle 1: netem rate 10mbit\n',
  htb: 'ip netns exec a tc qdisc add dev va root handle 1: htb default 10\nip netns exec a tc class add dev va parent 1: classid 1:10 htb rate 10mbit\n',
};

const lines = (s: string) =>
  s
    .trim()
    .split('\n')
    .map((l) => l.split(' '));

/** The simulator's prediction after `script` (UML's profile), from namespace a to 10.0.0.2. */
function predicted(script: string): number | null {
  const lab = new Lab({ kernel: UML });
  // UML's profile has all three qdiscs; the prediction reads only the qdisc's parameters
  const h = lab.host('h');
  const steps = h.sh(script);
  expect(steps.filter((s) => s.exit !== 0)).toEqual([]);
  return predictedGoodput(lab.sim, h.ns('a').ns, parseIp4('10.0.0.2')!);
}

/** The suite on one kernel: UML's 6.1 (`uml`) or this machine's (which has tbf and htb, not netem). */
function suite(kernel: 'uml' | 'machine', shapes: readonly string[]): void {
  describeReal(
    `throughput over shaped links: the simulator against iperf3 on ${kernel === 'uml' ? 'UML 6.1' : "this machine's kernel"}`,
    () => {
      let sb: Sandbox;
      beforeAll(async () => {
        sb = await Sandbox.open({ hosts: ['h'], commandTimeoutMs: 120_000, ...(kernel === 'uml' ? { kernel: 'uml' as const } : {}) });
        for (const argv of lines(SETUP)) expect((await sb.exec('h', argv)).exit, argv.join(' ')).toBe(0);
      }, 300_000);
      afterAll(() => sb?.close(), 60_000);

      /** One iperf3 TCP run from a to b: the receiver's bits a second. */
      async function iperf(): Promise<number> {
        const s = await sb.exec('h', ['ip', 'netns', 'exec', 'b', 'iperf3', '-s', '-1', '-D']);
        expect(s.exit, s.stderr).toBe(0);
        await sb.exec('h', ['sleep', '0.5']);
        const c = await sb.exec('h', ['ip', 'netns', 'exec', 'a', 'iperf3', '-c', '10.0.0.2', '-t', '3', '-J']);
        expect(c.exit, c.stderr).toBe(0);
        return (JSON.parse(c.stdout) as { end: { sum_received: { bits_per_second: number } } }).end.sum_received.bits_per_second;
      }

      it('unshaped: no prediction, and the kernel carries far more than 10 Mbit/s', async () => {
        expect(predicted(SETUP)).toBeNull();
        expect(await iperf()).toBeGreaterThan(50e6);
      }, 300_000);

      for (const name of shapes) {
        const shape = SHAPES[name]!;
        it(`${name} at 10 Mbit/s: the kernel's figure within ${TOLERANCE * 100} % of the prediction`, async () => {
          const want = predicted(SETUP + shape);
          expect(want).not.toBeNull();
          expect(want!).toBeCloseTo(10e6 * (1448 / 1514), -3);
          await sb.exec('h', ['ip', 'netns', 'exec', 'a', 'tc', 'qdisc', 'del', 'dev', 'va', 'root']);
          for (const argv of lines(shape)) expect((await sb.exec('h', argv)).exit, argv.join(' ')).toBe(0);
          const got = await iperf();
          expect(Math.abs(got - want!) / want!, `kernel ${(got / 1e6).toFixed(2)} Mbit/s, simulator ${(want! / 1e6).toFixed(2)} Mbit/s`).toBeLessThan(TOLERANCE);
        }, 300_000);
      }
    },
    { tools: [...(kernel === 'uml' ? UML_TOOLS : []), ['iperf3', 'iperf3']] },
  );
}

suite('uml', ['tbf', 'netem', 'htb']);
suite('machine', ['tbf', 'htb']);
