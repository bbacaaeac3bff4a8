/** Runs a script on the kernel, in a sandbox opened for the run and closed after it. */
import { Sandbox } from './sandbox.js';
import { runScriptReal } from './real-driver.js';
import type { Step } from '../../src/script/step.js';

export async function runScriptInSandbox(text: string, opts: { file: string; host: string }): Promise<Step[]> {
  const sandbox = await Sandbox.open({ hosts: [opts.host] });
  try {
    return await runScriptReal(text, { ...opts, sandbox, sandboxHost: opts.host });
  } finally {
    await sandbox.close();
  }
}
