/**
 * Replays command sequences against a fresh model and compares each result with what the
 * real iproute2 6.1 printed on kernel 6.18 (observed in the sandbox, test/tools/sbx).
 */
import { expect } from 'vitest';
import { LabModel } from '../../../src/model/lab-model.js';
import { KERNEL_PROFILES } from '../../../src/model/kernel-profile.js';
import { checkInvariants } from '../../../src/model/invariants.js';
import { runBridge } from '../../../src/iproute2/bridge.js';
import { runBrctl } from '../../../src/iproute2/brctl.js';
import { runIp } from '../../../src/iproute2/ip.js';
import type { CmdContext, CommandResult } from '../../../src/iproute2/types.js';

/**
 * One command and what it gave on Linux: `[cmd, exit, stderr, stdout?]` compared exactly,
 * `[cmd, 'unsupported']` must be reported as not modelled, `[cmd]` only runs (its output
 * belongs to a renderer, or follows from an earlier unsupported step).
 */
export type Step = [cmd: string] | [cmd: string, expect: 'unsupported'] | [cmd: string, exit: number, stderr: string, stdout?: string];

/** Splits a command line on blanks; "double quotes" keep blanks inside one word. */
export function words(line: string): string[] {
  return (line.match(/"[^"]*"|\S+/g) ?? []).map((w) => (w.startsWith('"') ? w.slice(1, -1) : w));
}

/** Runs one command line (`ip ...`, `bridge ...`, `brctl ...`) against the model. */
export function runLine(ctx: CmdContext, line: string): CommandResult {
  const [prog, ...argv] = words(line);
  if (prog === 'ip') return runIp(ctx, argv);
  if (prog === 'bridge') return runBridge(ctx, argv);
  if (prog === 'brctl') return runBrctl(ctx, argv);
  throw new Error(`not a command of this test: ${line}`);
}

/** A fresh lab with one host, and the context of its root namespace. */
export function freshLab(): { lab: LabModel; ctx: CmdContext } {
  // the kernel they were observed on
  const lab = new LabModel({ seed: 1, kernel: KERNEL_PROFILES['ci-6.18'] });
  const h = lab.addHost('h');
  return { lab, ctx: { ns: h.root } };
}

/** Replays `steps` in one fresh namespace, checking each expectation and the model's invariants. */
export function replay(steps: Step[]): void {
  const { lab, ctx } = freshLab();
  for (const step of steps) {
    const r = runLine(ctx, step[0]);
    if (step.length === 2) {
      expect(r.unsupported, step[0]).toBe(true);
      expect(r.exit, step[0]).toBe(127);
    } else if (step.length >= 3) {
      const [, exit, stderr, stdout] = step;
      expect({ cmd: step[0], exit: r.exit, stderr: r.stderr, stdout: r.stdout }).toEqual({ cmd: step[0], exit, stderr, stdout: stdout ?? '' });
    }
    expect(checkInvariants(lab), step[0]).toEqual([]);
  }
}
