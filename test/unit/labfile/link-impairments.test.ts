/**
 * Mininet-style link attributes in a lab file: `{ ends: [...], delay, jitter, loss, rate }`
 * become `tc qdisc add dev NIC root netem …` on each end, first in the run list (so both modes
 * run them); bad values and unknown keys are refused with their line. The kernel comparison of
 * such a lab is examples/uml-netem (test/real/uml-safety.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { parseLab } from '../../../src/labfile/load.js';
import { runLabSim } from '../../../src/labfile/sim-lab.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';

const lab = (links: string) =>
  parseLab(`kernel: uml\nhosts:\n  a:\n    nics: { eth0: 10.0.0.1/24 }\n  b:\n    nics: { eth0: 10.0.0.2/24 }\nlinks:\n${links}\nrun:\n  - a: ping -c 1 10.0.0.2\n`, 'lab.yaml');

describe('link impairments', () => {
  it('become netem on both ends, before the run list, with the link’s line', () => {
    const spec = lab('  - { ends: [a:eth0, b:eth0], delay: 10ms, jitter: 2ms, loss: 1%, rate: 10mbit }');
    expect(spec.run.map((r) => [r.host, r.command, r.line])).toEqual([
      ['a', 'tc qdisc add dev eth0 root netem delay 10ms 2ms loss 1% rate 10mbit', 8],
      ['b', 'tc qdisc add dev eth0 root netem delay 10ms 2ms loss 1% rate 10mbit', 8],
      ['a', 'ping -c 1 10.0.0.2', 10],
    ]);
    expect(spec.links).toEqual([
      [
        { host: 'a', ifname: 'eth0' },
        { host: 'b', ifname: 'eth0' },
      ],
    ]);
  });

  it('delay the simulated pings on the virtual clock: two delays a round trip', () => {
    const { steps } = runLabSim(lab('  - { ends: [a:eth0, b:eth0], delay: 30ms }'), { kernel: KERNEL_PROFILES.uml! });
    const ping = steps.find((s) => s.command.startsWith('ping'))!;
    expect(ping.exit).toBe(0);
    const rtt = Number(/time=([\d.]+) ms/.exec(ping.stdout)![1]);
    // the first ping waits for ARP too: one more round trip
    expect(rtt).toBeGreaterThanOrEqual(60);
    expect(rtt).toBeLessThan(125);
  });

  it('a rate alone becomes Mininet’s htb on both ends (a root htb, its default class at the rate)', () => {
    const spec = lab('  - { ends: [a:eth0, b:eth0], rate: 2mbit }');
    expect(spec.run.map((r) => [r.host, r.command])).toEqual([
      ['a', 'tc qdisc add dev eth0 root handle 5: htb default 1'],
      ['a', 'tc class add dev eth0 parent 5: classid 5:1 htb rate 2mbit burst 15k'],
      ['b', 'tc qdisc add dev eth0 root handle 5: htb default 1'],
      ['b', 'tc class add dev eth0 parent 5: classid 5:1 htb rate 2mbit burst 15k'],
      ['a', 'ping -c 1 10.0.0.2'],
    ]);
  });

  it('a rate shapes the simulated pings: large ones sent back to back queue behind each other', () => {
    const shaped = (links: string) => {
      const spec = lab(links);
      spec.run[spec.run.length - 1]!.command = 'ping -c 20 -i 0.01 -s 1400 10.0.0.2';
      const { steps } = runLabSim(spec, { kernel: KERNEL_PROFILES.uml! });
      const ping = steps.find((s) => s.command.startsWith('ping'))!;
      return Number(/rtt min\/avg\/max\/mdev = [\d.]+\/([\d.]+)\//.exec(ping.stdout)![1]);
    };
    // 1442 bytes at 256 kbit/s take 45 ms, sent every 10 ms: once the 15k burst is spent they queue
    expect(shaped('  - { ends: [a:eth0, b:eth0], rate: 256kbit }')).toBeGreaterThan(20);
    expect(shaped('  - [a:eth0, b:eth0]')).toBeLessThan(1);
  });

  it('a plain list of ends is a cable without netem', () => {
    expect(lab('  - [a:eth0, b:eth0]').run).toHaveLength(1);
  });

  it.each([
    ['  - { ends: [a:eth0, b:eth0], delay: 10 }', 'lab.yaml:8: delay is a time (10ms, 1s, 500us), not "10"'],
    ['  - { ends: [a:eth0, b:eth0], loss: 1 }', 'lab.yaml:8: loss is a percentage (1%), not "1"'],
    ['  - { ends: [a:eth0, b:eth0], rate: fast }', 'lab.yaml:8: rate is a rate (10mbit, 512kbit), not "fast"'],
    ['  - { ends: [a:eth0, b:eth0], jitter: 1ms }', 'lab.yaml:8: jitter goes with a delay'],
    ['  - { ends: [a:eth0, b:eth0], bw: 10 }', 'lab.yaml:8: unknown link key "bw" (expected ends, delay, jitter, loss, rate)'],
    ['  - { delay: 10ms }', 'lab.yaml:8: a link names two or more endpoints, e.g. [node1:enp2s0, node2:enp2s0]'],
  ])('refuses %s', (links, message) => {
    expect(() => lab(links)).toThrow(message);
  });
});
