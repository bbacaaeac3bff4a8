/**
 * Kernel comparison of commands given as Requests rather than script text: for what a script
 * line cannot say yet (a command's stdin, before the shell reads here-documents), each request
 * runs through the simulator's executor and the kernel's (the same spine `nettwin run` uses)
 * and the outcomes are compared as diff does.
 */
import { KernelExecutor } from '../../adapters/linux/real-driver.js';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { diffSteps, formatDiff } from '../../adapters/linux/diff-steps.js';
import type { Request } from '../../src/exec/executor.js';
import type { Program } from '../../src/exec/catalogue.js';
import type { Step } from '../../src/exec/step.js';
import { classify } from '../../src/exec/invocation.js';
import { SimExecutor } from '../../src/twin/sim-executor.js';
import { Twin } from '../../src/twin/twin.js';

/** One command: a program of the catalogue, its argv, what it reads on stdin, and a namespace to run it in. */
export interface Cmd {
  program: Program;
  argv: string[];
  stdin?: string;
  netns?: string;
}

function request(c: Cmd, line: number): Request {
  const words = [...(c.netns ? ['ip', 'netns', 'exec', c.netns] : []), c.program, ...c.argv];
  // classified as a script line would be (the argv checks of both modes), then given its stdin
  const invocation = classify([{ argv: words, stdoutTo: null }], false);
  if (invocation.kind === 'program' && c.stdin !== undefined) invocation.stdin = c.stdin;
  const command = `${c.netns ? `ip netns exec ${c.netns} ` : ''}${c.program} ${c.argv.join(' ')}${c.stdin !== undefined ? ` <<< ${JSON.stringify(c.stdin)}` : ''}`;
  return { invocation, command, line };
}

function step(req: Request, o: { exit: number; stdout: string; stderr: string; supported: boolean }): Step {
  return { line: req.line, file: '<requests>', host: 'host', command: req.command, exit: o.exit, stdout: o.stdout, stderr: o.stderr, supported: o.supported };
}

/** Runs the commands in both modes; the disagreements as diff prints them ('' when none). */
export async function compareRequests(cmds: Cmd[]): Promise<{ report: string; sim: Step[]; real: Step[] }> {
  const twin = new Twin();
  const host = twin.host('host');
  const simExec = new SimExecutor(host, twin.sim);
  const sim: Step[] = [];
  cmds.forEach((c, i) => {
    const req = request(c, i + 1);
    sim.push(step(req, simExec.exec(req)));
  });
  const sandbox = await Sandbox.open({ hosts: ['host'] });
  const real: Step[] = [];
  try {
    const shadowTwin = new Twin();
    const kernel = new KernelExecutor({ file: '<requests>', host: 'host', sandbox, sandboxHost: 'host', shadow: { host: shadowTwin.host('host'), sim: shadowTwin.sim } });
    for (let i = 0; i < cmds.length; i++) {
      const req = request(cmds[i]!, i + 1);
      real.push(step(req, await kernel.exec(req)));
    }
    await kernel.finish();
  } finally {
    await sandbox.close();
  }
  const diffs = diffSteps(sim, real);
  return { report: diffs.length ? formatDiff(diffs, real.length) : '', sim, real };
}
