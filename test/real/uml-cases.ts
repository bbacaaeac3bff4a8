/**
 * Kernel-comparison cases on user-mode Linux, many cases to one boot: a UML sandbox holds one
 * host per case (each its own network and mount namespace, as a lab's hosts are), and each case
 * runs in the simulator (UML's profile) and on its host, speculating as real mode does. A case
 * whose speculation missed runs again, command by command, on a spare host of the same boot.
 */
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { SpeculationMiss } from '../../adapters/linux/speculation.js';
import { diffSteps, formatDiff, type Disagreement } from '../../adapters/linux/diff-steps.js';
import { Lab } from '../../src/lab.js';
import { Twin } from '../../src/twin/twin.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import type { Step } from '../../src/exec/step.js';
import type { Case } from './cases.js';

export const UML_PROFILE = KERNEL_PROFILES.uml!;

export interface CaseRun {
  file: string;
  sim: Step[];
  real: Step[];
  diffs: Disagreement[];
  report: string;
}

/** Runs `cases` on as few UML boots as `perBoot` allows (one boot at a time), simulator beside each. */
export async function runCasesOnUml(cases: readonly Case[], perBoot = 60): Promise<CaseRun[]> {
  const out: CaseRun[] = [];
  for (let i = 0; i < cases.length; i += perBoot) out.push(...(await oneBoot(cases.slice(i, i + perBoot))));
  return out;
}

async function oneBoot(cases: readonly Case[]): Promise<CaseRun[]> {
  const spares = Math.min(8, cases.length);
  const hosts = [...cases.map((_, i) => `c${i}`), ...Array.from({ length: spares }, (_, i) => `s${i}`)];
  const sb = await Sandbox.open({ hosts, kernel: 'uml', commandTimeoutMs: 60_000 });
  let spare = 0;
  try {
    const out: CaseRun[] = [];
    for (const [i, c] of cases.entries()) {
      let real: Step[];
      try {
        real = await runOn(sb, c, `c${i}`, true);
      } catch (e) {
        if (!(e instanceof SpeculationMiss) || spare >= spares) throw e;
        real = await runOn(sb, c, `s${spare++}`, false);
      }
      const sim = new Lab({ kernel: UML_PROFILE }).host('host').sh(c.text, { file: c.file });
      const diffs = diffSteps(sim, real);
      out.push({ file: c.file, sim, real, diffs, report: diffs.length ? formatDiff(diffs, real.length) : '' });
    }
    return out;
  } finally {
    await sb.close();
  }
}

function runOn(sb: Sandbox, c: Case, sandboxHost: string, speculate: boolean): Promise<Step[]> {
  const twin = new Twin({ kernel: UML_PROFILE });
  return runScriptReal(c.text, { file: c.file, host: 'host', sandbox: sb, sandboxHost, shadow: { host: twin.host('host'), sim: twin.sim }, speculate });
}
