/**
 * `nettwin reach FILE --family 6 --json` on the dual-stack single-bridge lab (bench/labs.ts) at
 * N = 10, 100, 1 000 namespaces: every IPv6 pair (issue #17's target: 1 000 namespaces within
 * 2 s), timed as a whole process as reach-bridge.bench.ts does for IPv4 — start, reading and
 * running the script (DAD settled), all pairs, JSON out. Prints one JSON line per N.
 *
 *   node --import tsx bench/reach-bridge6.bench.ts [N …]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleCli, dualStackBridgeScript, stats } from './labs.js';

const dir = join(tmpdir(), 'nettwin-bench');
mkdirSync(dir, { recursive: true });
const cli = await bundleCli(dir);

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((x) => x > 0);
for (const n of sizes.length ? sizes : [10, 100, 1000]) {
  const file = join(dir, `bridge6-${n}.sh`);
  writeFileSync(file, dualStackBridgeScript(n));
  const runs = n >= 10000 ? 1 : n >= 1000 ? 5 : 7;
  const wall: number[] = [];
  let rss = 0;
  let pairs = 0;
  let reachable = 0;
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    // /usr/bin/time is not everywhere: the child reports its own peak RSS on stderr
    const r = spawnSync(
      process.execPath,
      [
        '--max-old-space-size=4096',
        '--import',
        `data:text/javascript,process.on('exit',()=>process.stderr.write('maxrss '+process.resourceUsage().maxRSS+'\\n'))`,
        cli,
        'reach',
        file,
        '--family',
        '6',
        '--json',
      ],
      { encoding: 'utf8', maxBuffer: 1 << 30 },
    );
    wall.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`reach failed: ${r.stderr}`);
    const out = JSON.parse(r.stdout) as { pairs: number; reachable: number };
    pairs = out.pairs;
    reachable = out.reachable;
    rss = Math.max(rss, Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0));
  }
  console.log(JSON.stringify({ name: 'reach-bridge6', namespaces: n, pairs, reachable, wallMs: stats(wall), peakRssMiB: Math.round(rss / 1024) }));
}
