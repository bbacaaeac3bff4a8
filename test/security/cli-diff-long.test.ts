/**
 * `nettwin diff` on long scripts gives every step and every disagreement (what it costs as the
 * script grows is bench/diff-linear.bench.ts's: speed is measured there, not here).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSteps, formatDiff } from '../../adapters/linux/diff-steps.js';
import { runFile } from '../../src/cli/run.js';
import type { Step } from '../../src/exec/step.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-linear-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A script of `n` lines of what scripts are made of, in a lab that grows as it goes. */
function script(n: number): string {
  const lines: string[] = [];
  for (let k = 0; lines.length < n; k++) {
    const net = `10.${(k >> 8) & 255}.${k & 255}`;
    lines.push(
      `ip netns add ns${k}`,
      `ip link add v${k} type veth peer name p${k} netns ns${k}`,
      `ip addr add ${net}.1/30 dev v${k}`,
      `ip link set v${k} up`,
      `ip -n ns${k} addr add ${net}.2/30 dev p${k}`,
      `ip -n ns${k} link set p${k} up`,
      `ip -n ns${k} route add default via ${net}.1`,
      `ip netns exec ns${k} sysctl -w net.ipv4.ip_forward=1`,
      `ip link set nope${k} up`,
      `# a comment ${k}`,
      `iptables -A FORWARD -i v${k} -j ACCEPT`,
      `ip -br link show dev v${k}`,
    );
  }
  return `${lines.slice(0, n).join('\n')}\n`;
}

/** `n` steps as the kernel might answer them: every other one differs from the simulator's. */
function steps(n: number, differ: boolean): Step[] {
  return Array.from({ length: n }, (_, i) => ({
    line: i + 1,
    file: 'x.sh',
    host: 'host',
    command: i % 3 ? `ip -br link show dev v${i}` : 'ip neigh show',
    exit: differ && i % 2 ? 1 : 0,
    stdout: `v${i}@if${i + 1} UP 0a:1b:2c:3d:4e:${(i & 255).toString(16).padStart(2, '0')} <BROADCAST,MULTICAST,UP,LOWER_UP>\n10.0.0.${i & 255} dev v${i} lladdr 0a:1b:2c:3d:4e:5f REACHABLE\n`,
    stderr: differ && i % 2 ? `Cannot find device "v${i}"\n` : '',
    supported: true,
  }));
}

describe('diff of long scripts', () => {
  it('the simulator side of 10 000 lines answers every command line (comments are not steps)', async () => {
    const f = path.join(dir, 'long.sh');
    fs.writeFileSync(f, script(10_000));
    expect((await runFile(f, false)).length).toBe(10_000 - Math.floor(10_000 / 12));
  }, 600_000);

  it('comparing 10 000 steps lists every disagreement (exit and stderr of every other step)', () => {
    const d = diffSteps(steps(10_000, false), steps(10_000, true));
    expect(d.length).toBe(10_000);
    expect(formatDiff(d, 10_000)).toMatch(
      /line 9998 \[host\] ip -br link show dev v9997\n {2}stderr:\n {4}kernel: "Cannot find device \\"v9997\\"\\n"\n {4}sim: {4}""\n[\s\S]*10000 disagreement\(s\) in 10000 commands\n$/,
    );
  });
});
