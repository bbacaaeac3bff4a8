/**
 * `nettwin diff` on long scripts gives every step and every disagreement (what it costs as the
 * script grows is bench/diff-linear.bench.ts's: speed is measured there, not here).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { diffSteps, formatDiff } from '../../adapters/linux/diff-steps.js';
import { runFile } from '../../src/cli/run.js';
import { kernelSteps as steps, longScript as script } from '../tools/long-script.js';

let dir = '';
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-linear-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('diff of long scripts', () => {
  it('the simulator side of 10 000 lines answers every command line (comments are not steps)', async () => {
    const f = path.join(dir, 'long.sh');
    fs.writeFileSync(f, script(10_000));
    expect((await runFile(f, false)).length).toBe(10_000 - Math.floor(10_000 / 12));
  }, 600_000);

  it('comparing 10 000 steps lists every disagreement (exit and stderr of every other step)', () => {
    const d = diffSteps(steps(10_000, false), steps(10_000, true));
    expect(d.length).toBe(10_000);
    expect(formatDiff(d, 10_000)).toMatch(
      /line 9998 \[host\] ip -br link show dev v9997\n {2}stderr:\n {4}kernel: "Cannot find device \\"v9997\\"\\n"\n {4}sim: {4}""\n[\s\S]*10000 disagreement\(s\) in 10000 commands\n$/,
    );
  });
});
