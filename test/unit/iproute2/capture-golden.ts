/**
 * Records what the kernel prints for every line of the link/addr scenarios, into
 * golden/link-addr.json. Needs root and test/tools/sbx (a throwaway net+mount namespace);
 * run it with `npx tsx test/unit/iproute2/capture-golden.ts` after changing a scenario.
 *
 * Before each show that follows a change the script sleeps 1.3 s: the kernel applies carrier
 * and operstate changes through linkwatch, up to a second later, and the model describes the
 * settled state. Bytes are carried through base64 so trailing spaces survive.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADDR_SCENARIOS, LINK_SCENARIOS, scenarioLines, type GoldenResult } from './link-scenarios.js';

function capture(script: string): GoldenResult[] {
  const lines = scenarioLines(script);
  let sh = 'set +x\nT=$(mktemp -d)\n';
  let dirty = false;
  lines.forEach((l, i) => {
    const q = l.text.replace(/'/g, "'\\''");
    if ('show' in l && dirty) sh += 'sleep 1.3\n';
    dirty = !('show' in l);
    sh += `echo '@@LINE ${i}'\n( eval '${q}' ) >$T/o 2>$T/e; echo "@@RC $?"\n`;
    sh += 'echo "@@OUT $(base64 -w0 $T/o)"\necho "@@ERR $(base64 -w0 $T/e)"\n';
  });
  // sbx reads a file (its stdin cannot be a socket, which is what spawnSync would give it)
  const file = join(mkdtempSync(join(tmpdir(), 'golden-')), 'script.sh');
  writeFileSync(file, sh);
  const r = spawnSync('test/tools/sbx', [file], { encoding: 'utf8', maxBuffer: 1 << 26 });
  const out: GoldenResult[] = [];
  let cur: GoldenResult | null = null;
  for (const row of r.stdout.split('\n')) {
    const m = /^@@(LINE|RC|OUT|ERR) ?(.*)$/.exec(row);
    if (!m) continue;
    if (m[1] === 'LINE') {
      cur = { line: lines[Number(m[2])].text, exit: 0, stdout: '', stderr: '' };
      out.push(cur);
    } else if (m[1] === 'RC') cur!.exit = Number(m[2]);
    else if (m[1] === 'OUT') cur!.stdout = Buffer.from(m[2], 'base64').toString('utf8');
    else cur!.stderr = Buffer.from(m[2], 'base64').toString('utf8');
  }
  if (out.length !== lines.length) throw new Error(`sandbox output incomplete:\n${r.stdout}\n${r.stderr}`);
  out.forEach((o, i) => {
    if (!('show' in lines[i]) && o.exit !== 0) throw new Error(`"${o.line}" failed on the kernel: ${o.stderr}`);
  });
  return out;
}

const golden: Record<string, GoldenResult[]> = {};
for (const [name, script] of Object.entries({ ...LINK_SCENARIOS, ...ADDR_SCENARIOS })) {
  process.stderr.write(`${name}\n`);
  golden[name] = capture(script);
}
writeFileSync(new URL('./golden/link-addr.json', import.meta.url), `${JSON.stringify(golden, null, 1)}\n`);
