/** Invocations that never reach the kernel: the same answer in both modes. */
import type { Invocation } from './invocation.js';
import type { Outcome } from './outcome.js';
import { modprobeAnswer } from './modprobe.js';

export function localOutcome(inv: Invocation): Outcome | null {
  switch (inv.kind) {
    case 'noop':
      return { exit: 0, stdout: '', stderr: '', supported: true };
    case 'unsupported':
      return { exit: 127, stdout: '', stderr: `nettwin: unsupported: ${inv.why}\n`, supported: false };
    case 'program':
      // never run in either mode: the kernel has the module built in (modprobe.ts)
      return inv.program === 'modprobe' ? modprobeAnswer(inv.argv) : null;
    default:
      return null;
  }
}

/** Parses iputils ping's summary line, in either mode's output. */
export function pingCounts(stdout: string): { transmitted: number; received: number } {
  const m = /(\d+) packets transmitted, (\d+) (?:packets )?received/.exec(stdout);
  return m ? { transmitted: Number(m[1]), received: Number(m[2]) } : { transmitted: 0, received: 0 };
}

/** The destination operand of a ping command line (its last non-option word). */
export function pingTarget(argv: string[]): string {
  const withValue = new Set(['-c', '-W', '-w', '-i', '-t', '-I', '-s', '-l', '-p', '-Q', '-S', '-M', '-m', '-T', '-F']);
  let target = '';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (withValue.has(a)) i++;
    else if (!a.startsWith('-')) target = a;
  }
  return target;
}
