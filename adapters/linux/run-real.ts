/** Runs a script on the kernel, in a sandbox opened for the run and closed after it. */
import { Sandbox, sandboxKernelFor } from './sandbox.js';
import { runScriptReal } from './real-driver.js';
import { SpeculationMiss } from './speculation.js';
import { Twin } from '../../src/twin/twin.js';
import type { Step } from '../../src/exec/step.js';
import type { KernelProfile } from '../../src/model/kernel-profile.js';
import { KernelCapture, type KernelPcap } from './real-pcap.js';

/**
 * Runs a script on the kernel (root on Linux) in a sandbox of its own; one Step per command,
 * as the simulator reports them. Commands that only write state run in checked batches
 * (speculation.ts); should the kernel answer one of them otherwise than predicted, the run is
 * thrown away and done again one command at a time.
 *
 * @example
 * const steps = await runScriptInSandbox('ip netns add NS1\nip netns list', { file: 'x.sh', host: 'host' });
 * steps[1].stdout; // "NS1\n"
 */
export async function runScriptInSandbox(
  text: string,
  opts: {
    file: string;
    host: string;
    speculate?: boolean;
    onProgress?: (line: number, lines: number) => void /** a sandbox already opening for this run (its first attempt uses it, and closes it) */;
    sandbox?: Promise<Sandbox>;
    /** `source FILE`: the text of a file beside the script */
    readSource?: (name: string) => { text: string } | { error: string };
    /** the kernel the shadow simulation models (default: this machine's, kernel-detect.ts) */
    kernel?: KernelProfile;
    /** capture every device on the kernel (`run --real --pcap`): the files, once the script ran */
    pcap?: (files: KernelPcap[]) => void;
  },
): Promise<Step[]> {
  let given = opts.sandbox;
  const kernel = opts.kernel ?? (await (await import('./kernel-detect.js')).resolveKernelProfile('auto')).profile;
  return withSpeculation(opts.speculate ?? true, async (speculate) => {
    // the script is interpreted (and its first commands queued) while the sandbox opens
    const sandbox = given ?? Sandbox.open({ hosts: [opts.host], kernel: sandboxKernelFor(kernel) });
    given = undefined;
    sandbox.catch(() => {}); // awaited below: not an unhandled rejection meanwhile
    try {
      const twin = new Twin({ kernel });
      const shadow = { host: twin.host(opts.host), sim: twin.sim };
      const cap = opts.pcap ? new KernelCapture([opts.host]) : null;
      const beforeTraffic = cap ? (sb: Sandbox) => cap.beforeTraffic(sb) : undefined;
      const steps = await runScriptReal(text, {
        file: opts.file,
        host: opts.host,
        sandbox,
        sandboxHost: opts.host,
        shadow,
        speculate,
        onProgress: opts.onProgress,
        beforeTraffic,
        readSource: opts.readSource,
      });
      if (cap) opts.pcap!(await cap.collect(await sandbox));
      return steps;
    } finally {
      await (await sandbox).close();
    }
  });
}

/**
 * Runs `attempt` speculating, and once more without when a prediction missed.
 * `NETTWIN_SPECULATE=0` in the environment turns speculation off everywhere.
 */
export async function withSpeculation<T>(speculate: boolean, attempt: (speculate: boolean) => Promise<T>): Promise<T> {
  if (!speculate || process.env.NETTWIN_SPECULATE === '0') return attempt(false);
  try {
    return await attempt(true);
  } catch (e) {
    if (!(e instanceof SpeculationMiss)) throw e;
    if (process.env.NETTWIN_DEBUG) process.stderr.write(`nettwin: ${e.message}; running again command by command\n`);
    return attempt(false);
  }
}
