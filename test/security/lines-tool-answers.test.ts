/**
 * Lines a tool refuses from its command line alone: a namespace, device or bridge named with
 * `/`, `.` or `..` (iproute2's "Invalid netns name", "not a valid ifname", "Cannot find
 * device"; iputils' SO_BINDTODEVICE; brctl's ioctl errors), and procps `sysctl` with no
 * variable. The simulator's answer is the tool's, asked of the tools themselves in a throwaway
 * sandbox (each line is harmless there: the tool stops before it touches a file); real mode
 * gives the same answer, and the path-like ones never reach the kernel (kernel-argv.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Lab } from '../../src/lab.js';
import { argvVerdict } from '../../src/exec/kernel-argv.js';
import { describeReal, snapshotMachine } from '../real/require-real.js';

const CANARY = '/run/nettwin-canary';

/** Harmless when run as they are; each split on blanks. */
const LINES = [
  'ip netns add ../../x',
  'ip netns add ..',
  'ip netns add .',
  'ip netns add a/b',
  'ip netns del ../x',
  'ip netns delete /etc',
  'ip netns exec ../x true',
  'ip netns exec .. true',
  'ip link add a/b type veth',
  'ip link add .. type veth',
  'ip link add . type veth',
  'ip link add name a/b type veth',
  'ip link add v0 type veth peer name a/b',
  'ip link add v0 type veth peer name ..',
  'ip addr add 10.0.0.1/24 dev a/b',
  'ip addr add 10.0.0.1/24 dev ..',
  'ip link set a/b up',
  'ip link set dev /etc/passwd up',
  'ip link del a/b',
  'ip link show a/b',
  'ip link show ..',
  'ip route add 10.9.0.0/24 dev a/b',
  'ip link set lo master a/b',
  'ip -br addr show dev ../x',
  'ping -c 1 -W 1 -I /path 10.0.0.1',
  'ping -c 1 -W 1 -I .. 127.0.0.1',
  'ping -c 1 -W 1 -I/etc/passwd 127.0.0.1',
  `ip n e NS1 touch ${CANARY}`,
  `ip neigh e NS1 touch ${CANARY}`,
  'brctl addbr a/b',
  'brctl addbr ..',
  'brctl delbr a/b',
  'brctl addif a/b x',
  'brctl delif a/b x',
  'bridge fdb add 00:11:22:33:44:55 dev a/b',
  'sysctl',
  'sysctl -w',
  'sysctl -n',
  'sysctl -q',
  'sysctl -nw',
  'sysctl -w -q',
  'sysctl --write',
  'sysctl --values',
  'sysctl --quiet',
  'sysctl -wnq',
];

describeReal('a tool’s refusal of a name, and sysctl without a variable, in the tools’ own words', () => {
  let sb: Sandbox;
  let before = '';
  beforeAll(async () => {
    before = snapshotMachine();
    sb = await Sandbox.open({ hosts: ['h'] });
    expect((await sb.exec('h', ['ip', 'netns', 'add', 'NS1'])).exit).toBe(0);
  });
  afterAll(async () => {
    await sb?.close();
    expect(snapshotMachine()).toBe(before);
  });

  it('the simulator answers each line as the tool does', async () => {
    const sim = new Lab({ seed: 1 })
      .host('h')
      .sh(['ip netns add NS1', ...LINES].join('\n'))
      .slice(1);
    expect(sim.map((s) => s.command)).toEqual(LINES);
    for (const [i, line] of LINES.entries()) {
      const r = await sb.exec('h', line.split(' '));
      expect({ line, exit: sim[i].exit, stdout: sim[i].stdout, stderr: sim[i].stderr, supported: sim[i].supported }).toEqual({
        line,
        exit: r.exit,
        stdout: r.stdout,
        stderr: r.stderr,
        supported: true,
      });
      expect(r.exit, line).not.toBe(0);
    }
    expect((await sb.exec('h', ['test', '-e', CANARY])).exit).toBe(1);
  }, 120_000);

  it('real mode gives the same answers, and runs none of the path-like lines', async () => {
    const text = ['ip netns add NS1', ...LINES].join('\n');
    const sim = new Lab({ seed: 1 }).host('h').sh(text);
    const real = await runScriptInSandbox(text, { file: 'names.sh', host: 'h' });
    const view = (s: (typeof sim)[number]) => [s.command, s.exit, s.stdout, s.stderr, s.supported];
    expect(real.map(view)).toEqual(sim.map(view));
    const offKernel = LINES.filter((l) => argvVerdict(l.split(' ')[0], l.split(' ').slice(1))?.kind === 'off-kernel');
    expect(offKernel).toEqual(LINES.filter((l) => !l.startsWith('sysctl')));
  }, 120_000);
});
