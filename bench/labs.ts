/**
 * The benchmarks' fixed workloads. The single-bridge lab: a host whose root namespace has a
 * bridge br0 (10.0.0.1/16) and N namespaces, each on a veth port of br0 with 10.0.x.y/16 and
 * lo up: N+1 sources, N+1 destinations, every pair reachable.
 */
export function singleBridgeScript(n: number): string {
  const lines = ['ip link add br0 type bridge', 'ip link set br0 up', 'ip addr add 10.0.0.1/16 dev br0'];
  for (let i = 1; i <= n; i++) {
    const host = i + 1;
    const ip = `10.0.${host >> 8}.${host & 255}`;
    lines.push(
      `ip netns add ns${i}`,
      `ip link add v${i} type veth peer name eth0 netns ns${i}`,
      `ip link set v${i} master br0 up`,
      `ip -n ns${i} addr add ${ip}/16 dev eth0`,
      `ip -n ns${i} link set eth0 up`,
      `ip -n ns${i} link set lo up`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The single-bridge lab in dual stack: the same lab, and each namespace (and br0) also holds
 * fd00::x:y/64 (the IPv4 host part in the last groups), added with `nodad` as container
 * runtimes do. N+1 sources, N+1 IPv6 destinations, every pair reachable.
 */
export function dualStackBridgeScript(n: number): string {
  const lines = singleBridgeScript(n).trimEnd().split('\n');
  const out: string[] = [];
  for (const l of lines) {
    out.push(l);
    const m = /^ip (?:-n (ns\d+) )?addr add 10\.0\.(\d+)\.(\d+)\/16 dev (\S+)$/.exec(l);
    if (m) out.push(`ip ${m[1] ? `-n ${m[1]} ` : ''}-6 addr add fd00::${Number(m[2]).toString(16)}:${Number(m[3]).toString(16)}/64 dev ${m[4]} nodad`);
  }
  return `${out.join('\n')}\n`;
}

/** median, min, max of a sample */
export function stats(xs: number[]): { median: number; min: number; max: number; runs: number } {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const median = s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
  return { median: round(median), min: round(s[0]!), max: round(s[s.length - 1]!), runs: s.length };
}

export function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * The CLI bundled into one file with esbuild (as `npm run build` ships it), so a benchmark
 * times the process a user runs. Returns the bundle's path.
 */
export async function bundleCli(dir: string): Promise<string> {
  const { build } = await import('esbuild');
  const cli = `${dir}/main.mjs`;
  await build({
    entryPoints: [new URL('../src/cli/main.ts', import.meta.url).pathname],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outfile: cli,
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    logLevel: 'error',
  });
  return cli;
}
