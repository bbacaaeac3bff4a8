/** diff's report: what agrees, what disagrees, what could not be compared, and the exit status. */
import { describe, expect, it } from 'vitest';
import { diffFails, diffReport, formatDiffReport } from '../../../../adapters/linux/diff-report.js';
import type { Step } from '../../../../src/exec/step.js';

const step = (line: number, command: string, o: Partial<Step> = {}): Step => ({ line, file: 'x.sh', host: 'host', command, exit: 0, stdout: '', stderr: '', supported: true, ...o });

const sim = [
  step(1, 'ip link add br0 type bridge'),
  step(2, 'iptables -S', { exit: 127, stderr: 'nettwin: unsupported: iptables is not modelled\n', supported: false, modelled: false, feature: 'netfilter' }),
  step(3, 'curl x', { exit: 127, stderr: 'nettwin: unsupported: command curl\n', supported: false }),
  step(4, 'ip link show br0', { stdout: 'a\n' }),
];
const real = [
  step(1, 'ip link add br0 type bridge'),
  step(2, 'iptables -S', { stdout: '-P INPUT ACCEPT\n', supported: false, modelled: false, feature: 'netfilter' }),
  step(3, 'curl x', { exit: 127, stderr: 'nettwin: unsupported: command curl\n', supported: false }),
  step(4, 'ip link show br0', { stdout: 'b\n' }),
];

describe('diff report', () => {
  it('lists disagreements, the lines only the kernel answered and the lines skipped in both modes', () => {
    const r = diffReport(sim, real);
    expect(r.agree).toBe(1);
    expect(r.disagree.map((d) => [d.line, d.field])).toEqual([[4, 'stdout']]);
    expect(r.unmodelled).toEqual([{ line: 2, file: 'x.sh', host: 'host', command: 'iptables -S', feature: 'netfilter', kernel: { exit: 0, stdout: '-P INPUT ACCEPT\n', stderr: '' } }]);
    expect(r.skipped).toEqual([{ line: 3, file: 'x.sh', host: 'host', command: 'curl x', why: 'command curl' }]);
    expect(r.divergedAt).toMatchObject({ line: 2 });
    expect(formatDiffReport(r)).toBe(
      [
        'line 4 [host] ip link show br0',
        '  stdout:',
        '    kernel: "b\\n"',
        '    sim:    "a\\n"',
        '1 disagreement(s) in 2 commands',
        '1 line(s) not modelled by the simulator, answered by the kernel:',
        '  line 2: iptables -S',
        '    kernel: exit 0',
        '    | -P INPUT ACCEPT',
        '1 line(s) skipped in both modes (never run):',
        '  line 3: curl x  (command curl)',
        "nettwin: from line 2 (x.sh) the simulator no longer knows the kernel's state: `iptables -S` is not modelled (the kernel answered it)",
        '',
      ].join('\n'),
    );
  });

  it('fails on a disagreement, and on an unmodelled line unless that is allowed; skipped lines alone do not fail', () => {
    const r = diffReport(sim, real);
    expect([diffFails(r, false), diffFails(r, true)]).toEqual([true, true]);
    const only = diffReport(sim.slice(0, 3), real.slice(0, 3));
    expect([diffFails(only, false), diffFails(only, true)]).toEqual([true, false]);
    const clean = diffReport([sim[0], sim[2]], [real[0], real[2]]);
    expect([diffFails(clean, false), formatDiffReport(clean)]).toEqual([false, 'no disagreement: 1 commands agree\n1 line(s) skipped in both modes (never run):\n  line 3: curl x  (command curl)\n']);
  });
});
