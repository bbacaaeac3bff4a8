import { Lab } from '../../src/lab.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { formatDiff } from '../../adapters/linux/diff-steps.js';
import { compareWith, corpusCases, readRecord } from '../../test/corpus/corpus.js';
for (const c of corpusCases().filter((c) => process.argv.slice(2).some((n) => c.name.includes(n)))) {
  const sim = new Lab({ kernel: KERNEL_PROFILES['ci-6.18'] }).host('host').sh(c.text, { file: c.file });
  const rec = readRecord(c)!;
  console.log('==', c.name);
  console.log(formatDiff(compareWith(sim, rec), rec.length));
  if (process.env.ALL)
    sim.forEach((s, i) => {
      if (!s.supported || s.modelled !== undefined) console.log('  unmodelled', s.line, s.command, '| kernel exit', rec[i]?.exit, JSON.stringify(rec[i]?.stderr));
    });
}
