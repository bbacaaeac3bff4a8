/** Runs a script on the kernel, in a sandbox opened for the run and closed after it. */
import { Sandbox } from './sandbox.js';
import { runScriptReal } from './real-driver.js';
import { Lab } from '../../src/lab.js';
import type { Step } from '../../src/script/step.js';

/**
 * Runs a script on the kernel (root on Linux) in a sandbox of its own; one Step per command,
 * as the simulator reports them.
 *
 * @example
 * const steps = await runScriptInSandbox('ip netns add NS1\nip netns list', { file: 'x.sh', host: 'host' });
 * steps[1].stdout; // "NS1\n"
 */
export async function runScriptInSandbox(text: string, opts: { file: string; host: string }): Promise<Step[]> {
  const sandbox = await Sandbox.open({ hosts: [opts.host] });
  try {
    const lab = new Lab();
    const shadow = { host: lab.host(opts.host).host, sim: lab.sim };
    return await runScriptReal(text, { ...opts, sandbox, sandboxHost: opts.host, shadow });
  } finally {
    await sandbox.close();
  }
}
