/** The simulator's throughput prediction (sim/throughput.ts) from the qdiscs' own parameters; the kernel's figures are test/real/throughput-iperf3.test.ts's. */
import { describe, expect, it } from 'vitest';
import { predictedGoodput } from '../../../sim/throughput.js';
import { Lab } from '../../../src/lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';
import { parseIp4 } from '../../../src/model/ip.js';

function goodputAfter(shape: string): number | null {
  const lab = new Lab({ kernel: KERNEL_PROFILES.uml! });
  const h = lab.host('h');
  const steps = h.sh(`ip netns add a
ip netns add b
ip link add va netns a type veth peer name vb netns b
ip -n a addr add 10.0.0.1/24 dev va
ip -n b addr add 10.0.0.2/24 dev vb
ip -n a link set va up
ip -n b link set vb up
${shape}`);
  expect(steps.filter((s) => s.exit !== 0).map((s) => `${s.command}: ${s.stderr}`)).toEqual([]);
  return predictedGoodput(lab.sim, h.ns('a').ns, parseIp4('10.0.0.2')!);
}

const PAYLOAD = 1448 / 1514;

describe('predicted TCP goodput over a shaped first hop', () => {
  it('is none unshaped, and none through htb without a default class (the direct queue)', () => {
    expect(goodputAfter('')).toBeNull();
    expect(goodputAfter('ip netns exec a tc qdisc add dev va root handle 1: htb\nip netns exec a tc class add dev va parent 1: classid 1:10 htb rate 5mbit')).toBeNull();
  });

  it("is tbf's rate, netem's rate (kept in bits), and an htb class's ceiling within its parent's, as payload", () => {
    expect(goodputAfter('ip netns exec a tc qdisc add dev va root tbf rate 8mbit burst 32kbit latency 50ms')).toBeCloseTo(8e6 * PAYLOAD, 0);
    expect(goodputAfter('ip netns exec a tc qdisc add dev va root netem rate 2mbit')).toBeCloseTo(2e6 * PAYLOAD, 0);
    expect(goodputAfter('ip netns exec a tc qdisc add dev va root netem delay 10ms')).toBeNull();
    const htb = `ip netns exec a tc qdisc add dev va root handle 1: htb default 20
ip netns exec a tc class add dev va parent 1: classid 1:1 htb rate 6mbit
ip netns exec a tc class add dev va parent 1:1 classid 1:20 htb rate 1mbit ceil 20mbit`;
    expect(goodputAfter(htb)).toBeCloseTo(6e6 * PAYLOAD, 0);
  });

  it('scales the payload share with the MTU', () => {
    expect(goodputAfter('ip -n a link set va mtu 9000\nip netns exec a tc qdisc add dev va root tbf rate 8mbit burst 32kbit latency 50ms')).toBeCloseTo(8e6 * (8948 / 9014), 0);
  });
});
