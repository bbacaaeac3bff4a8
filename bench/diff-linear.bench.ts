/**
 * `nettwin diff` in the script's length (issue #13: 100 000 lines in ≤ 30 s): the simulator's
 * side of a script of N lines (what `diff` runs first, through the same runFile) and the
 * comparison and printing of N steps of which half disagree, in CPU milliseconds (user +
 * system), for N = 10 000 and 100 000. A quadratic step shows as a ratio near 100.
 *
 *   npx tsx bench/diff-linear.bench.ts
 *
 * As root, also the whole CLI's `nettwin diff` (simulator and kernel, wall clock) of a script of
 * what hostile and copied scripts repeat most: listings (queued and batched on the kernel under
 * speculation: speculative-reads.ts), echo, an unknown command, a refused path and comments;
 * and of 100 000 lines of writes (batched), and of 100 000 lines of which three in four fail
 * (batched with -force once a lone run showed each failure's status).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { diffSteps, formatDiff } from '../adapters/linux/diff-steps.js';
import { runFile } from '../src/cli/run.js';
import { kernelSteps as steps, longScript as script } from '../test/tools/long-script.js';

/** CPU milliseconds (user + system) that `fn` takes. */
async function cpuMs(fn: () => unknown): Promise<number> {
  const t0 = process.cpuUsage();
  await fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/** `n` lines of writes: routes added and deleted on one device (batched on the kernel). */
function writesScript(n: number): string {
  const lines = ['ip link add v0 type veth peer name v1', 'ip link set v0 up', 'ip link set v1 up'];
  for (let i = 0; lines.length + 1 < n; i++) lines.push(`ip route add 10.${i >> 8}.${i & 255}.0/24 dev v0`, `ip route del 10.${i >> 8}.${i & 255}.0/24 dev v0`);
  return `${lines.join('\n')}\n`;
}

/** `n` lines of which three in four fail (no such device, address or route): each failure's words checked on the kernel. */
function failuresScript(n: number): string {
  const lines = ['ip link add v0 type veth peer name v1'];
  for (let i = 0; lines.length < n; i++)
    lines.push([`ip link set v0 up`, `ip link set nope${i} up`, `ip addr del 10.9.${(i >> 8) & 255}.${i & 255}/24 dev v0`, `ip route del 10.${(i >> 8) & 255}.${i & 255}.0/24`][i % 4]!);
  return `${lines.join('\n')}\n`;
}

/** `n` lines cycling through listings, echo, an unknown command, a refused path and a comment. */
function mixScript(n: number): string {
  const kinds = ['ip link show', 'echo line', 'ip -br addr', 'frobnicate --now', 'ip route', 'cat /proc/sys/net/ipv4/../../../etc/shadow', '# a comment', 'ip -j link show lo'];
  return `${Array.from({ length: n }, (_, i) => kinds[i % kinds.length]).join('\n')}\n`;
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
    const kernel: Record<string, number> = {};
    const kernelKinds: Record<string, number> = {};
    const wholeDiff = (name: string, text: string): number => {
      const f = path.join(dir, `${name}.sh`);
      fs.writeFileSync(f, text);
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [path.join(import.meta.dirname, '../dist/cli/main.js'), 'diff', f], { encoding: 'utf8', maxBuffer: 1 << 30 });
      if (r.status !== 0) throw new Error(`diff of ${name}: exit ${r.status}: ${r.stderr.slice(0, 500)}${r.stdout.slice(-500)}`);
      return Math.round(performance.now() - t0);
    };
    if (process.getuid?.() === 0) {
      for (const n of [10_000, 100_000]) kernel[n] = wholeDiff(`mix-${n}`, mixScript(n));
      kernelKinds.writes100k = wholeDiff('writes', writesScript(100_000));
      kernelKinds.failures100k = wholeDiff('failures', failuresScript(100_000));
    }
    process.stdout.write(
      `${JSON.stringify({ name: 'diff-linear', simCpuMs: sim, compareCpuMs: cmp, simRatio: Math.round((sim[100000]! / sim[10000]!) * 10) / 10, compareRatio: Math.round((cmp[100000]! / cmp[10000]!) * 10) / 10, kernelWallMs: process.getuid?.() === 0 ? kernel : 'needs root', kernelWallMsByKind: process.getuid?.() === 0 ? kernelKinds : 'needs root' })}\n`,
    );
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

await main();
