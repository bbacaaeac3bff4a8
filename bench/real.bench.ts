/**
 * Real-mode benchmark (needs root on Linux): N namespaces on one bridge, materialized,
 * configured and torn down in a sandbox, against one process per command for the same lab.
 *
 *   sudo node --import tsx bench/real.bench.ts [N…]        (default: 100 1000)
 *
 * The lab: host `h` with bridge br0 (10.0.0.1/16, up); per namespace nsI a veth (vI in br0, up;
 * eth0 in nsI), lo up, eth0 10.0.x.y/16 up, a default route via 10.0.0.1. One ping checks it.
 * Also `nettwin run --real` on the same lab as a script (cliRunReal), the way a user runs it.
 * Prints one JSON line per workload:
 *   { name, n, materializeMs, createMs, configureMs, finishMs, openMs, destroyMs, totalMs, … }
 * and for the per-command run { name: 'per-command', n, commands, totalMs }.
 * `totalMs` is materialize + destroy; destroy returns once the sandbox's processes are gone, and
 * the kernel frees the namespaces afterwards in its own worker: `kernelCleanupMs` is how long
 * that took (the net_namespace slab back to where it was), when /proc/slabinfo can tell and no
 * other run on the machine makes or frees namespaces meanwhile.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Lab } from '../src/lab.js';
import { ip4ToString } from '../src/model/ip.js';
import { apply } from '../src/ops/apply.js';
import * as build from '../src/ops/build.js';
import { materialize } from '../adapters/linux/materialize.js';
import { compileModel } from '../adapters/linux/compile-model.js';
import { sandboxHostsFor } from '../adapters/linux/compile-model-place.js';
import { Sandbox } from '../adapters/linux/sandbox.js';
import { bundleCli, singleBridgeScript, stats } from './labs.js';

/** The benchmark lab, built with the typed API. */
export function bridgeLab(n: number): Lab {
  const lab = new Lab();
  const h = lab.host('h');
  const root = { ns: h.host.root };
  apply(root, build.bridge('br0'));
  apply(root, build.addr('br0', '10.0.0.1/16'));
  apply(root, build.linkSet('br0', { up: true }));
  for (let i = 0; i < n; i++) {
    const name = `ns${i}`;
    apply(root, { op: 'netns.add', name });
    apply(root, build.veth(`v${i}`, 'eth0', name));
    apply(root, build.linkSet(`v${i}`, { master: 'br0', up: true }));
    const ctx = { ns: h.host.namespaces.get(name)! };
    apply(ctx, build.linkSet('lo', { up: true }));
    apply(ctx, build.addr('eth0', `${ip4ToString((0x0a000000 + 2 + i) >>> 0)}/16`));
    apply(ctx, build.linkSet('eth0', { up: true }));
    apply(ctx, build.route('0.0.0.0/0', { via: '10.0.0.1' }));
  }
  return lab;
}

function netnsObjects(): number | null {
  try {
    const line = fs
      .readFileSync('/proc/slabinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('net_namespace '));
    return line ? Number(line.split(/\s+/)[1]) : null;
  } catch {
    return null;
  }
}

async function waitCleanup(before: number | null): Promise<number | null> {
  if (before === null) return null;
  const t0 = performance.now();
  while (performance.now() - t0 < 60_000) {
    const now = netnsObjects();
    if (now === null) return null;
    if (now <= before) return Math.round(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 20));
  }
  return null;
}

const r1 = (x: number) => Math.round(x * 10) / 10;

/** `concurrency`: processes at once in the configure wave (default: materialize's own). */
export async function materialized(n: number, concurrency?: number): Promise<Record<string, unknown>> {
  const lab = bridgeLab(n);
  const slab = netnsObjects();
  const t0 = performance.now();
  const real = await materialize(lab, { concurrency });
  const tMat = performance.now();
  // 5 s: with 1000 ports the bridge is still flooding IPv6 multicast (MLD, RS) for a while
  const ping = await real.ping(`h/ns${n - 1}`, '10.0.0.1', { timeoutSec: 5 });
  const tPing = performance.now();
  await real.destroy();
  const tEnd = performance.now();
  const cleanup = await waitCleanup(slab);
  const t = real.timings;
  return {
    name: 'materialize',
    n,
    concurrency: concurrency ?? 'default',
    materializeMs: r1(tMat - t0),
    openMs: r1(t.open),
    createMs: r1(t.create),
    configureMs: r1(t.configure),
    finishMs: r1(t.finish),
    destroyMs: r1(tEnd - tPing),
    totalMs: r1(tMat - t0 + (tEnd - tPing)),
    pingReceived: ping.received,
    pingMs: r1(tPing - tMat),
    kernelCleanupMs: cleanup,
    processes: 1 + real.plan.create.length + real.plan.configure.length,
  };
}

/** The same lab, one `ip` process per command (what running the script line by line costs). */
async function perCommand(n: number): Promise<Record<string, unknown>> {
  const lab = bridgeLab(n);
  const t0 = performance.now();
  const sb = await Sandbox.open({ hosts: sandboxHostsFor(lab.model) });
  const plan = compileModel(lab.model, { target: { kind: 'sandbox', pidOf: (h) => sb.hostPids[h] } });
  let commands = 0;
  try {
    for (const b of [...plan.create, ...plan.configure]) {
      for (const line of b.lines) {
        const argv = ['ip', ...line.split(' ')];
        const full = b.place.netns === null ? argv : ['nsenter', `--net=/run/netns/${b.place.netns}`, '--', ...argv];
        const r = b.place.host === '' ? await sb.execRoot(full) : await sb.exec(b.place.host, full);
        if (r.exit !== 0) throw new Error(`${line}: ${r.stderr}`);
        commands++;
      }
    }
    const ping = await sb.exec('h', ['nsenter', `--net=/run/netns/ns${n - 1}`, '--', 'ping', '-c1', '-W1', '10.0.0.1']);
    if (ping.exit !== 0) throw new Error(`per-command lab does not ping: ${ping.stdout}`);
  } finally {
    await sb.close();
  }
  return { name: 'per-command', n, commands, totalMs: r1(performance.now() - t0) };
}

/**
 * `nettwin run --real --json` on the single-bridge script (bench/labs.ts), with or without one
 * ping at the end (before a read, real mode waits for the kernel to settle), as a user runs it: the whole process, sandbox opened and closed included. `perCommand` runs it
 * with NETTWIN_SPECULATE=0 (each command its own process, in order).
 */
function cliRunReal(cli: string, n: number, runs: number, perCommand = false, ping = true): Record<string, unknown> {
  const file = path.join(path.dirname(cli), `bridge-real-${n}${ping ? '-ping' : ''}.sh`);
  fs.writeFileSync(file, singleBridgeScript(n) + (ping ? `ip netns exec ns${n} ping -c 1 -W 5 10.0.0.1\n` : ''));
  const wall: number[] = [];
  let commands = 0;
  let failed = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [cli, 'run', '--real', '--json', file], { encoding: 'utf8', maxBuffer: 1 << 28, env: perCommand ? { ...process.env, NETTWIN_SPECULATE: '0' } : process.env });
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`run --real failed: ${r.stderr}`);
    const steps = (JSON.parse(r.stdout) as { steps: { exit: number }[] }).steps;
    commands = steps.length;
    failed = steps.filter((s) => s.exit !== 0).length;
  }
  return { name: perCommand ? 'run-real-per-command' : 'run-real', n, ping, commands, failed, wallMs: stats(wall) };
}

async function main(): Promise<void> {
  const ns = process.argv
    .slice(2)
    .map(Number)
    .filter((x) => x > 0);
  const sizes = ns.length ? ns : [100, 1000];
  const env = { cpus: os.cpus().length, load1: r1(os.loadavg()[0]), kernel: os.release() };
  console.log(JSON.stringify({ name: 'env', ...env }));
  const dir = path.join(os.tmpdir(), 'nettwin-bench');
  fs.mkdirSync(dir, { recursive: true });
  const cli = await bundleCli(dir);
  for (const n of sizes) console.log(JSON.stringify(cliRunReal(cli, n, n >= 1000 ? 3 : 7, false, false)));
  for (const n of sizes) console.log(JSON.stringify(cliRunReal(cli, n, n >= 1000 ? 3 : 7)));
  console.log(JSON.stringify(cliRunReal(cli, Math.min(100, sizes[0]), 1, true)));
  for (const n of sizes) console.log(JSON.stringify(await materialized(n)));
  console.log(JSON.stringify(await perCommand(Math.min(100, sizes[0]))));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((e: unknown) => {
    console.error(e instanceof Error ? e.message : e);
    process.exitCode = 1;
  });
}
