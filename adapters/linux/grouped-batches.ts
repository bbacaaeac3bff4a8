/**
 * `ip -batch` runs for many named namespaces of a sandbox host, gathered into groups that one
 * xargs inside the sandbox starts (Sandbox.execUnits): starting a process from the agent costs
 * more than a small batch, so a thousand namespaces' batches should not be a thousand agent
 * requests. Batches asked for while groups are running wait and form the next group.
 */
import type { ExecResult, Sandbox } from './sandbox.js';

interface Waiting {
  ns: string;
  lines: string;
  resolve: (r: ExecResult) => void;
}

export class GroupedBatches {
  private readonly waiting = new Map<string, Waiting[]>();
  private running = 0;

  /**
   * `groups` run at once, each starting `parallel` ip processes at a time, at most `max`
   * batches each.
   */
  constructor(
    private readonly sb: Sandbox,
    private readonly groups = 2,
    private readonly parallel = 2,
    private readonly max = 32,
  ) {}

  /**
   * One batch in a named namespace of `host`. Its answer is its group's: exit 0 and nothing
   * printed when every batch of the group ran clean; otherwise what they printed.
   */
  run(host: string, ns: string, lines: string): Promise<ExecResult> {
    return new Promise((resolve) => {
      let list = this.waiting.get(host);
      if (!list) this.waiting.set(host, (list = []));
      list.push({ ns, lines, resolve });
      this.pump();
    });
  }

  private pump(): void {
    for (const [host, list] of this.waiting) {
      while (list.length && this.running < this.groups) {
        const group = list.splice(0, this.max);
        this.running++;
        this.sb
          .execUnits(
            host,
            group.map((w) => ({ ns: w.ns, lines: w.lines })),
            this.parallel,
          )
          .catch((e: unknown): ExecResult => ({ exit: 125, stdout: '', stderr: `${e instanceof Error ? e.message : String(e)}\n` }))
          .then((r) => {
            this.running--;
            for (const w of group) w.resolve(r);
            this.pump();
          });
      }
      if (!list.length) this.waiting.delete(host);
    }
  }
}
