/**
 * `npm run bench`: every benchmark of bench/ in its own process, one after the other (they
 * are timed, so never side by side), their JSON lines collected into bench/results.json with
 * the machine they ran on, and a table printed.
 *
 *   node --import tsx bench/run.ts [--quick] [--readme] [--only NAME …]   (--only keeps the others' last results)
 *
 * --readme also writes the table into README.md, between its bench:begin and bench:end marks.
 * --quick uses smaller workloads (for a smoke test, not for the README). The real-mode bench
 * runs only as root on Linux, and is reported as skipped otherwise.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const here = dirname(fileURLToPath(import.meta.url));
const quick = process.argv.includes('--quick');
const only = process.argv.includes('--only') ? process.argv.slice(process.argv.indexOf('--only') + 1).filter((a) => !a.startsWith('--')) : null;

interface Bench {
  name: string;
  file: string;
  args: string[];
  needsRoot?: boolean;
}

const BENCHES: Bench[] = [
  { name: 'lpm', file: 'lpm.bench.ts', args: [] },
  { name: 'ping-engine', file: 'ping-engine.bench.ts', args: quick ? ['2000'] : [] },
  { name: 'diff-linear', file: 'diff-linear.bench.ts', args: [] },
  { name: 'reach-bridge', file: 'reach-bridge.bench.ts', args: quick ? ['10', '100', '1000'] : ['10', '100', '1000', '10000'] },
  { name: 'reach-k8s', file: 'reach-k8s.bench.ts', args: quick ? ['20', '20', '3'] : ['100', '100', '3'] },
  { name: 'reach-incremental', file: 'reach-incremental.bench.ts', args: quick ? ['20', '20', '11'] : ['100', '100', '21'] },
  { name: 'reach-k8s-services', file: 'reach-k8s-services.bench.ts', args: quick ? ['10', '10', '50', '500', '10'] : [] },
  { name: 'netfilter-engine', file: 'netfilter-engine.bench.ts', args: quick ? ['1000', '100000'] : [] },
  { name: 'real', file: 'real.bench.ts', args: quick ? ['100'] : [], needsRoot: true },
];

const machine = {
  cpu: os.cpus()[0]?.model ?? 'unknown',
  cores: os.cpus().length,
  memGiB: Math.round(os.totalmem() / 2 ** 30),
  node: process.version,
  os: `${os.type()} ${os.release()}`,
  load1: Math.round(os.loadavg()[0]! * 100) / 100,
  date: new Date().toISOString(),
};

const results: Record<string, unknown>[] = [];
for (const b of BENCHES) {
  if (only && !only.includes(b.name)) continue;
  if (b.needsRoot && (process.platform !== 'linux' || process.getuid?.() !== 0)) {
    results.push({ name: b.name, skipped: 'needs root on Linux' });
    continue;
  }
  process.stderr.write(`bench: ${b.name} ${b.args.join(' ')}\n`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, b.file), ...b.args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 26 });
  if (r.status !== 0) {
    results.push({ name: b.name, failed: `exit ${r.status}` });
    continue;
  }
  for (const line of r.stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    try {
      results.push({ bench: b.name, ...(JSON.parse(line) as Record<string, unknown>) });
    } catch {
      /* not a result line */
    }
  }
}

// with --only, the other benchmarks' last results stay (in their place)
if (only) {
  try {
    const prev = JSON.parse(readFileSync(join(here, 'results.json'), 'utf8')) as { results: Record<string, unknown>[] };
    const fresh = results.splice(0);
    for (const b of BENCHES) {
      if (only.includes(b.name)) results.push(...fresh.filter((r) => (r.bench ?? r.name) === b.name));
      else results.push(...prev.results.filter((r) => (r.bench ?? r.name) === b.name));
    }
  } catch {
    /* no earlier results: these alone */
  }
}
writeFileSync(join(here, 'results.json'), `${JSON.stringify({ machine, quick, results }, null, 2)}\n`);

/** One table row per result: the figure that matters, and its median/min/max when it has them. */
function row(r: Record<string, unknown>): [string, string, string] {
  const mm = (x: unknown, unit: string) => {
    const s = x as { median: number; min: number; max: number } | undefined;
    return s ? `${s.median} ${unit} (min ${s.min}, max ${s.max})` : '';
  };
  if (r.skipped || r.failed) return [String(r.name), '', String(r.skipped ?? r.failed)];
  switch (r.name) {
    case 'reach-bridge':
      return [`reach, single bridge, N=${r.namespaces}`, `${r.pairs} pairs`, `${mm(r.wallMs, 'ms')} wall, whole CLI; peak RSS ${r.peakRssMiB} MiB`];
    case 'reach-k8s':
      return [`reach, k8s ${r.nodes}×${r.podsPerNode}`, `${r.pairs} pairs`, `${mm(r.wallMs, 'ms')} wall; ${r.pairsPerSec} pairs/s; RSS ${r.rssMiB} MiB`];
    case 'reach-k8s-services':
      return [
        `pod → Service (TCP handshake through kube-proxy's rules), k8s ${r.nodes}×${r.podsPerNode}, ${r.services} Services`,
        `${r.pairs} pairs (${r.measured === 'sample' ? `${r.pairsRun} timed, rest extrapolated` : 'all timed'})`,
        `${r.allPairsSeconds} s for all pairs (target ${r.targetSeconds} s); ${r.perPairUs} µs a pair; ${r.engineRuns} engine runs (twin pods share one); the engine alone: ${r.engineUsPerPair} µs a pair`,
      ];
    case 'reach-incremental': {
      // the headline is the change (`ip route …` through the script runner) and the row together
      const med = (x: unknown) => `${(x as { median: number }).median} µs`;
      if (!r.changeAndRowUs) return [`route change + one row, k8s ${r.nodes}×${r.podsPerNode}`, `${r.destinations} destinations`, mm(r.rowUs, 'µs')];
      const rest = `row alone ${med(r.rowUs)}; no matrix pass before: change + row ${med(r.rowOnlyChangeAndRowUs)}, row alone ${med(r.rowOnlyUs)}`;
      return [`route change + one row, k8s ${r.nodes}×${r.podsPerNode}`, `${r.destinations} destinations`, `change + row ${mm(r.changeAndRowUs, 'µs')}; ${rest}`];
    }
    case 'diff-linear':
      return [
        "`nettwin diff` in the script's length: simulator side; comparing and printing half-disagreeing steps",
        '10 000 / 100 000 lines',
        `${JSON.stringify(r.simCpuMs)} ms CPU (×${r.simRatio}); ${JSON.stringify(r.compareCpuMs)} ms CPU (×${r.compareRatio}); whole \`diff\` with the kernel, listings/echo/junk mix: ${JSON.stringify(r.kernelWallMs)} ms wall; 100 000 writes / failures: ${JSON.stringify(r.kernelWallMsByKind)} ms wall`,
      ];
    case 'ping-engine':
      return ['ping through three routers, per probe (forwarding engine)', `${r.probes} probes`, `${r.usPerProbe} µs (min ${r.min}, max ${r.max})`];
    case 'netfilter-engine':
      return [
        `netfilter chain walk, ${r.rules} rules (iptables-restore), per CPU-second`,
        `${r.packets} / ${r.linearPackets} packets`,
        `${r.byAddressPps} packets/s when rules test a destination /32; ${r.linearPps} packets/s when every rule must be tested`,
      ];
    case 'lpm':
      return [`FIB longest-prefix match`, `${r.routes} routes`, `${r.lookupsPerSec} lookups/s (min ${r.min}, max ${r.max})`];
    case 'run-real':
      return [`\`nettwin run --real\`, single bridge${r.ping === false ? '' : ' + one ping'}, N=${r.n}`, `${r.commands} commands`, `${mm(r.wallMs, 'ms')} wall, whole CLI, sandbox opened and closed`];
    case 'run-real-per-command':
      return [`\`nettwin run --real\` + one ping, one process per command (NETTWIN_SPECULATE=0), N=${r.n}`, `${r.commands} commands`, `${mm(r.wallMs, 'ms')} wall`];
    case 'materialize':
      return [
        `materialize (API) + destroy, single bridge, N=${r.n}`,
        `${r.processes} processes`,
        `${r.totalMs} ms (create ${r.createMs}, configure ${r.configureMs}, destroy ${r.destroyMs}; kernel frees the namespaces ${r.kernelCleanupMs ?? '?'} ms later)`,
      ];
    case 'per-command':
      return [`the same lab, one \`ip\` per command, N=${r.n}`, `${r.commands} commands`, `${r.totalMs} ms`];
    case 'env':
      return ['real-mode bench machine', '', `${r.cpus} CPUs, load ${r.load1}, kernel ${r.kernel}`];
    default:
      return [String(r.name ?? r.bench), '', JSON.stringify(r).slice(0, 160)];
  }
}

const rows = results.map(row);
let table = `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memGiB} GiB, Node ${machine.node}, ${machine.os}, load ${machine.load1}, ${machine.date}\n\n`;
table += '| workload | size | result |\n|---|---|---|\n';
for (const [a, b, c] of rows) table += `| ${a} | ${b} | ${c} |\n`;
process.stdout.write(table);
if (process.argv.includes('--readme')) {
  const readme = join(here, '..', 'README.md');
  const text = readFileSync(readme, 'utf8');
  const begin = '<!-- bench:begin -->';
  const end = '<!-- bench:end -->';
  const a = text.indexOf(begin);
  const b = text.indexOf(end);
  if (a >= 0 && b > a) writeFileSync(readme, `${text.slice(0, a + begin.length)}\n${table}${text.slice(b)}`);
}
