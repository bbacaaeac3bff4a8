/**
 * `npm run corpus`: the public corpus (test/cases/corpus/) in the simulator, held against each
 * script's kernel record. Prints, per script and in total, the commands modelled / partial / not
 * modelled / skipped, and how the modelled ones agree with the kernel on exit codes, error texts,
 * listings and pings; then what is not modelled, by feature and program.
 *
 * --write also writes the totals into README.md (between corpus:begin and corpus:end) and pins
 * today's disagreements in test/cases/corpus/known-disagreements.json (the CI tests hold every
 * run to exactly those).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { projectRoot } from '../real/cases.js';
import { FEATURE_LABEL } from '../../src/exec/catalogue.js';
import { compareWith, corpusCases, gapsOf, GAPS_FILE, readRecord, type Gap } from './corpus.js';
import type { Step } from '../../src/exec/step.js';

interface Row {
  name: string;
  commands: number;
  modelled: number;
  partial: number;
  notModelled: number;
  skipped: number;
  /** per compared field: [agreeing modelled commands, modelled commands compared] */
  exit: [number, number];
  stderr: [number, number];
  stdout: [number, number];
  ping: [number, number];
  agree: number;
  recorded: boolean;
}

/** what a command is, for the list of gaps: its feature and program (after ip netns exec …) */
function gapKey(s: Step): string {
  const words = s.command
    .replace(/^sudo\s+/, '')
    .replace(/^(?:ip\s+netns\s+exec\s+\S+\s+|ip\s+-n\s+\S+\s+|nsenter\s+\S+(?:\s+-\S+)*\s+)/, '')
    .split(/\s+/);
  const prog = words[0] === 'ip' || words[0] === 'tc' || words[0] === 'bridge' ? words.slice(0, words.findIndex((w, i) => i > 0 && !w.startsWith('-')) + 1).join(' ') : words[0];
  return `${FEATURE_LABEL[s.feature ?? 'other']}: ${prog}`;
}

const pct = (a: number, b: number): string => (b ? `${((100 * a) / b).toFixed(1)} %` : '–');
const frac = ([a, b]: [number, number]): string => (b ? `${a}/${b}` : '–');

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  // the kernel the records were made on (test/corpus/record.ts): 6.18 without dummy, vlan, bond …
  const kernel = KERNEL_PROFILES['ci-6.18'];
  const rows: Row[] = [];
  const gaps: Record<string, Gap[]> = {};
  const missing = new Map<string, number>();
  for (const c of corpusCases()) {
    const sim = new Lab({ kernel }).host('host').sh(c.text, { file: c.file });
    const rec = readRecord(c);
    const row: Row = { name: c.name, commands: sim.length, modelled: 0, partial: 0, notModelled: 0, skipped: 0, exit: [0, 0], stderr: [0, 0], stdout: [0, 0], ping: [0, 0], agree: 0, recorded: !!rec };
    for (const s of sim) {
      if (!s.supported && s.modelled === undefined) row.skipped++;
      else if (s.modelled === false) row.notModelled++;
      else if (s.modelled === 'partial') row.partial++;
      else row.modelled++;
      if (!s.supported || s.modelled === false) missing.set(gapKey(s), (missing.get(gapKey(s)) ?? 0) + 1);
    }
    if (rec) {
      const diffs = compareWith(sim, rec);
      if (diffs.length) gaps[c.file] = gapsOf(diffs);
      const bad = new Map<number, Set<string>>();
      for (const d of diffs) (bad.get(d.index) ?? bad.set(d.index, new Set()).get(d.index)!).add(d.field);
      sim.forEach((s, i) => {
        if (!s.supported || s.modelled === false) return;
        const f = bad.get(i) ?? new Set<string>();
        const count = (k: 'exit' | 'stderr' | 'stdout' | 'ping') => {
          row[k][1]++;
          if (!f.has(k) && !f.has('missing') && !f.has('supported') && !f.has('modelled')) row[k][0]++;
        };
        count('exit');
        count('stderr');
        if (s.stdout || rec[i]?.stdout) count('stdout');
        if (s.ping || rec[i]?.ping) count('ping');
        if (!f.size) row.agree++;
      });
    }
    rows.push(row);
  }

  const total: Row = { name: 'TOTAL', commands: 0, modelled: 0, partial: 0, notModelled: 0, skipped: 0, exit: [0, 0], stderr: [0, 0], stdout: [0, 0], ping: [0, 0], agree: 0, recorded: true };
  for (const r of rows) {
    for (const k of ['commands', 'modelled', 'partial', 'notModelled', 'skipped', 'agree'] as const) total[k] += r[k];
    for (const k of ['exit', 'stderr', 'stdout', 'ping'] as const) total[k] = [total[k][0] + r[k][0], total[k][1] + r[k][1]];
  }

  const head = ['script', 'commands', 'modelled', 'partial', 'not modelled', 'skipped', 'exit', 'errors', 'listings', 'pings', 'agree'];
  const line = (r: Row) =>
    [
      r.name,
      r.commands,
      r.modelled,
      r.partial,
      r.notModelled,
      r.skipped,
      frac(r.exit),
      frac(r.stderr),
      frac(r.stdout),
      frac(r.ping),
      r.recorded ? `${r.agree}/${r.modelled + r.partial}` : 'no record',
    ].join('\t');
  let out = `${head.join('\t')}\n${rows.map(line).join('\n')}\n${line(total)}\n\n`;
  const modelledAll = total.modelled + total.partial;
  out += `${rows.length} scripts, ${total.commands} commands: ${pct(total.modelled, total.commands)} modelled, ${pct(total.partial, total.commands)} partial, ${pct(total.notModelled, total.commands)} not modelled, ${pct(total.skipped, total.commands)} skipped\n`;
  out += `modelled commands agreeing with the kernel on everything: ${total.agree}/${modelledAll} (${pct(total.agree, modelledAll)})\n\nnot modelled or skipped, by feature and program:\n`;
  for (const [k, n] of [...missing].sort((a, b) => b[1] - a[1])) out += `  ${String(n).padStart(5)}  ${k}\n`;
  process.stdout.write(out);

  if (write) {
    fs.writeFileSync(GAPS_FILE, `${JSON.stringify(gaps, null, 1)}\n`);
    let table = [
      '| scripts | commands | modelled | partial | not modelled | skipped | exit codes agree | error texts agree | listings agree | pings agree | modelled commands agreeing |',
      '| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |',
      `| ${rows.length} | ${total.commands} | ${total.modelled} (${pct(total.modelled, total.commands)}) | ${total.partial} | ${total.notModelled} | ${total.skipped} | ${frac(total.exit)} | ${frac(total.stderr)} | ${frac(total.stdout)} | ${frac(total.ping)} | ${total.agree}/${modelledAll} (${pct(total.agree, modelledAll)}) |`,
    ].join('\n');
    // what is missing, by feature (the report lists it by program too)
    const byFeature = new Map<string, number>();
    for (const [k, n] of missing) {
      const f = k.slice(0, k.indexOf(': '));
      byFeature.set(f, (byFeature.get(f) ?? 0) + n);
    }
    const gapsLine = [...byFeature]
      .sort((a, b) => b[1] - a[1])
      .map(([f, n]) => `${f} ${n}`)
      .join(', ');
    table += `\n\nNot modelled or skipped, commands by feature: ${gapsLine}.`;
    const readme = path.join(projectRoot, 'README.md');
    const text = fs.readFileSync(readme, 'utf8');
    const re = /(<!-- corpus:begin -->\n)[\s\S]*?(<!-- corpus:end -->)/;
    if (!re.test(text)) throw new Error('README.md has no corpus:begin/corpus:end marks');
    fs.writeFileSync(readme, text.replace(re, `$1${table}\n$2`));
  }
}

await main();
