/**
 * `run FILE --pcap DIR [--real] [--epoch TIME]`: the run with every device that carried traffic
 * captured, one pcap file per device in one layout for both modes (`DIR/<host>/<device>.pcap`,
 * `DIR/<host>/<NS>/<device>.pcap`). In the simulator the virtual clock starts at `--epoch`
 * (default 2024-01-01 00:00:00 UTC, PCAP_EPOCH_US), so the same run gives the same files; on the
 * kernel tcpdump captures in the sandbox (adapters/linux/real-pcap.ts), stamped by its clock.
 */
import { formatSteps } from './format-steps.js';
import { loadRunInput, type RunOptions } from './run.js';
import { writePcapFiles, type PcapToWrite } from './pcap-files.js';
import { makeOutputDir, OutputRefused } from '../files/output-path.js';
import { Lab } from '../lab.js';
import type { Step } from '../exec/step.js';
import { UsageError } from './usage.js';

/** `--epoch`: seconds since 1970 or an ISO 8601 time, as µs; undefined: the default epoch. */
export function parseEpoch(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const ms = /^\d{1,12}$/.test(text) ? Number(text) * 1000 : /^\d{4}-\d\d-\d\d/.test(text) ? Date.parse(text) : NaN;
  if (!Number.isFinite(ms) || ms < 0 || ms > 4_294_967_295_000)
    throw new UsageError(`--epoch ${JSON.stringify(text)}: give seconds since 1970 (e.g. 1704067200) or a UTC time (e.g. 2024-01-01T00:00:00Z) up to 2106`);
  return ms * 1000;
}

export async function runWithPcap(file: string, opts: RunOptions & { epoch?: string }): Promise<number> {
  const epochUs = parseEpoch(opts.epoch);
  if (opts.real && epochUs !== undefined) throw new UsageError('--epoch sets the simulated clock; the kernel stamps its captures with its own');
  if (opts.real) {
    const { requireRealMode } = await import('../../adapters/linux/preconditions.js');
    const { tcpdumpProblems } = await import('../../adapters/linux/real-pcap.js');
    for (const w of requireRealMode(undefined, tcpdumpProblems())) process.stderr.write(`nettwin: ${w}\n`);
  }
  const input = await loadRunInput(file, { allowOutside: opts.allowOutside });
  // the folder is checked and made before anything runs
  try {
    makeOutputDir(opts.pcap!);
  } catch (e) {
    if (!(e instanceof OutputRefused)) throw e;
    process.stderr.write(`nettwin run: --pcap ${opts.pcap}: ${e.reason}\n`);
    return 2;
  }
  let steps: Step[];
  let files: PcapToWrite[] = [];
  if (opts.real) {
    const keep = (f: PcapToWrite[]) => {
      files = f;
    };
    if (input.kind === 'lab') {
      const { runLabReal } = await import('../../adapters/linux/real-lab.js');
      steps = await runLabReal(input.spec, { pcap: keep });
    } else {
      const { runScriptInSandbox } = await import('../../adapters/linux/run-real.js');
      steps = await runScriptInSandbox(input.text, { file: input.file, host: 'host', pcap: keep });
    }
  } else {
    const { Capture, busTap } = await import('../../sim/pcap/capture.js');
    let capture: InstanceType<typeof Capture> | null = null;
    const attach = (lab: { sim: Lab['sim'] }) => {
      capture = new Capture(busTap(lab.sim), undefined, { epochUs });
    };
    if (input.kind === 'lab') {
      const { runLabSim } = await import('../labfile/sim-lab.js');
      steps = runLabSim(input.spec, { attach }).steps;
    } else {
      const lab = new Lab();
      attach(lab);
      steps = lab.host('host').sh(input.text, { file: input.file });
    }
    const c = capture as InstanceType<typeof Capture> | null;
    c?.stop();
    files = c?.files() ?? [];
  }
  const mode = opts.real ? 'real' : 'sim';
  const written = writePcapFiles(opts.pcap!, files);
  if (opts.json) process.stdout.write(`${JSON.stringify({ mode, steps, pcap: written }, null, 2)}\n`);
  else {
    process.stdout.write(formatSteps(steps, mode));
    process.stderr.write(`nettwin: ${written.length} pcap file(s) in ${opts.pcap}${written.map((w) => `\n  ${w.file} (${w.packets} packets)`).join('')}\n`);
  }
  return 0;
}
