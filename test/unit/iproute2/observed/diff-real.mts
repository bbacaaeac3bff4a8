/**
 * Developer tool (needs root and test/tools/sbx; not a unit test): replays a case file on the
 * real kernel in the sandbox (a fresh `unshare --net` per sequence) and on the model, prints
 * every disagreement, and writes the observations as JSON for gen-tests.py, which turns them
 * into the observed-*.test.ts files.
 *   mkdir -p /tmp/dt && npx tsx test/unit/iproute2/observed/diff-real.mts test/unit/iproute2/observed/c1.txt /tmp/dt/c1.json
 * Case files: one command per line, sequences separated by lines of `---`, `#` comments.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { LabModel } from '../../../../src/model/lab-model.js';
import { runIp, parseIp } from '../../../../src/iproute2/ip.js';
import { parseBridge, runBridge } from '../../../../src/iproute2/bridge.js';
import { runBrctl } from '../../../../src/iproute2/brctl.js';

const text = readFileSync(process.argv[2], 'utf8');
const groups = text.split(/^---$/m).map((g) => g.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('#')));
const split = (l: string): string[] => (l.match(/"[^"]*"|\S+/g) ?? []).map((w) => (w.startsWith('"') ? w.slice(1, -1) : w));

// real
let script = '';
groups.forEach((g, gi) => {
  let body = 'ip link set lo up\n';
  g.forEach((l, li) => {
    const q = split(l).map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
    body += `o=$(${q} 2>/tmp/e); r=$?; echo "R ${gi} ${li} $r $(printf '%s' "$o" | base64 -w0) $(base64 -w0 </tmp/e)"\n`;
  });
  body += 'ip -all netns del >/dev/null 2>&1\n';
  writeFileSync(`/tmp/dt/g${gi}.sh`, body);
  script += `unshare --net bash /tmp/dt/g${gi}.sh\n`;
});
writeFileSync('/tmp/dt/real.sh', script);
const raw = execFileSync('test/tools/sbx', ['/tmp/dt/real.sh'], { encoding: 'utf8', maxBuffer: 1 << 26 });
const real = new Map<string, { exit: number; stdout: string; stderr: string }>();
for (const line of raw.split('\n')) {
  const m = /^R (\d+) (\d+) (\d+) (\S*) ?(\S*)$/.exec(line);
  if (!m) continue;
  const dec = (s: string) => Buffer.from(s, 'base64').toString('utf8');
  const so = dec(m[4]);
  real.set(`${m[1]}:${m[2]}`, { exit: Number(m[3]), stdout: so ? so + '\n' : '', stderr: dec(m[5]) });
}
const mask = (s: string) => s.replace(/\b(?!00:00:00:00:00:00|ff:ff:ff:ff:ff:ff)([0-9a-f]{2}:){5}[0-9a-f]{2}\b/g, 'MAC');
let bad = 0, total = 0, unsup = 0;
const json: any[] = [];
groups.forEach((g, gi) => {
  const lab = new LabModel();
  const h = lab.addHost('h');
  const ctx = { ns: h.root };
  g.forEach((l, li) => {
    const argv = split(l);
    let r: any;
    const kind = argv[0] === 'ip' ? parseIp(ctx, argv.slice(1)).plan.kind : argv[0] === 'bridge' ? parseBridge(ctx, argv.slice(1)).plan.kind : 'other';
    if (argv[0] === 'ip') r = runIp(ctx, argv.slice(1));
    else if (argv[0] === 'bridge') r = runBridge(ctx, argv.slice(1));
    else if (argv[0] === 'brctl') r = runBrctl(ctx, argv.slice(1));
    else r = { exit: -1, stdout: '', stderr: '?' };
    // $(...) strips trailing newlines: compare modulo trailing newlines of stdout
    const e = real.get(`${gi}:${li}`)!;
    total++;
    const simOut = r.stdout.replace(/\n+$/, '');
    const realOut = e.stdout.replace(/\n+$/, '');
    const rec: any = { g: gi, cmd: l, real: e, unsup: !!r.unsupported, kind };
    json.push(rec);
    if (r.unsupported) { unsup++; rec.status = 'unsup'; console.log(`UNSUP [${gi}] ${l}\n   sim: ${r.stderr.trim()}\n   real: rc=${e.exit} ${JSON.stringify(e.stderr)} ${JSON.stringify(e.stdout.slice(0, 200))}`); return; }
    if (r.exit !== e.exit || r.stderr !== e.stderr || mask(simOut) !== mask(realOut)) {
      bad++; rec.status = 'diff';
      const rl = mask(realOut).split('\n'), sl = mask(simOut).split('\n');
      let k = 0; while (k < rl.length && rl[k] === sl[k]) k++;
      const od = mask(simOut) === mask(realOut) ? '' : `\n   out@${k}: real=${JSON.stringify(rl[k] ?? null)} sim=${JSON.stringify(sl[k] ?? null)}`;
      console.log(`DIFF [${gi}] ${l}\n   real: rc=${e.exit} err=${JSON.stringify(e.stderr)}\n   sim:  rc=${r.exit} err=${JSON.stringify(r.stderr)}${od}`);
    }
  });
});
writeFileSync(process.argv[3] ?? '/tmp/dt/observed.json', JSON.stringify(json, null, 1));
console.log(`total ${total}, diffs ${bad}, unsupported ${unsup}`);
