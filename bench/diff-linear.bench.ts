/**
 * `nettwin diff` in the script's length (issue #13: 100 000 lines in ≤ 30 s): the simulator's
 * side of a script of N lines (what `diff` runs first, through the same runFile) and the
 * comparison and printing of N steps of which half disagree, in CPU milliseconds (user +
 * system), for N = 10 000 and 100 000. A quadratic step shows as a ratio near 100.
 *
 *   npx tsx bench/diff-linear.bench.ts
 *
 * The kernel's side needs root and is the real-mode rows' business.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { diffSteps, formatDiff } from '../adapters/linux/diff-steps.js';
import { runFile } from '../src/cli/run.js';
import type { Step } from '../src/exec/step.js';

/** CPU milliseconds (user + system) that `fn` takes. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const t0 = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

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

async function main(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bench-diff-'));
  try {
    const sim: Record<string, number> = {};
    const cmp: Record<string, number> = {};
    for (const n of [10_000, 100_000]) {
      const f = path.join(dir, `${n}.sh`);
      fs.writeFileSync(f, script(n));
      sim[n] = Math.round(await cpuMs(() => runFile(f, false)));
      cmp[n] = Math.round(await cpuMs(() => formatDiff(diffSteps(steps(n, false), steps(n, true)), n)));
    }
    process.stdout.write(
      `${JSON.stringify({ name: 'diff-linear', simCpuMs: sim, compareCpuMs: cmp, simRatio: Math.round((sim[100000]! / sim[10000]!) * 10) / 10, compareRatio: Math.round((cmp[100000]! / cmp[10000]!) * 10) / 10 })}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
