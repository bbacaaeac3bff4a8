/**
 * Hostile script lines in both modes, through the CLI as a user runs it (`nettwin run FILE
 * --json` and `--real --json`): traversals through every allowed path form to a secret file
 * and to canaries, by cat, tee, tee -a, echo >, >>, sysctl in both key forms, bare and inside
 * `ip netns exec`, `nsenter`, `sudo`, `bash -c`; lines aimed at the hostname and the machine's
 * own namespace; shell syntax; names no device can have. After each run: no canary, the
 * existing files unchanged, the secret's token in no output, the machine's hostname, links,
 * routes, watched sysctls and named namespaces as before, and no process of the run left. Both
 * modes classify every line alike (supported or not, exit status, the refusal's words).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeReal } from '../real/require-real.js';
import { globalLines, KERNEL_ONLY_BENIGN, kernelOnlyLines, nameLines, readLines, shellLines, writeLines } from './lines-corpus.js';
import { classification, machineState, makeBait, runCli, stepsOf, type Bait } from './lines-harness.js';
import type { Step } from '../../src/exec/step.js';
import { classifyPath } from '../../src/exec/scratch.js';
import { checkKernelPath } from '../../src/model/kernel-path.js';

/** Whether every path a command names stays in memory: scratch files, the standard streams, or allowed kernel files. */
function inMemoryOnly(command: string): boolean {
  const paths = command
    .split(/\s+/)
    .map((w) => w.replace(/^[0-9&]*[<>]+&?/, ''))
    .filter((w) => w.startsWith('/'));
  return paths.every((p) => {
    const c = classifyPath(p);
    if (c.kind === 'kernel') return checkKernelPath(p).ok;
    return c.kind !== 'outside' && c.kind !== 'device';
  });
}

/** Lines of the groups that are not hostile, and must run in both modes. */
const BENIGN = new Set(['ip netns add NS1', 'sysctl -w net.ipv4.ip_forward=1', 'sysctl net.ipv4.ip_forward']);

describeReal('hostile lines in both modes', () => {
  let bait: Bait;
  let scripts = '';
  let before = '';
  let listing = '';
  beforeAll(() => {
    bait = makeBait();
    scripts = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-sec-scripts-'));
    before = machineState();
    listing = bait.listing();
  });
  afterAll(() => {
    const dirs = [bait.dir, scripts];
    bait.remove();
    fs.rmSync(scripts, { recursive: true, force: true });
    for (const d of dirs) expect(fs.existsSync(d)).toBe(false);
  });

  /** Writes a script of the suite's folder. */
  function script(name: string, text: string): string {
    const file = path.join(scripts, name);
    fs.writeFileSync(file, text);
    fs.chmodSync(file, 0o644);
    return file;
  }

  /** Runs one group in both modes with every check of the suite; returns both modes' steps. */
  async function both(name: string, lines: string[], file = script(`${name}.sh`, `${['ip netns add NS1', ...lines].join('\n')}\n`)): Promise<{ sim: Step[]; real: Step[] }> {
    const sim = await runCli(['run', file, '--json']);
    const real = await runCli(['run', file, '--real', '--json']);
    for (const [mode, r] of [
      ['sim', sim],
      ['real', real],
    ] as const) {
      expect(r.stderr, `${mode} stderr`).toBe('');
      expect(r.status, `${mode} exit status`).toBe(0);
      expect(r.stdout.includes(bait.token) || r.stderr.includes(bait.token), `${mode}: the secret's token in the output`).toBe(false);
      expect(r.leftover, `${mode}: processes left`).toEqual([]);
    }
    // the follower saw the sandbox's processes, so it would have seen them left behind
    expect(real.started).toBeGreaterThan(0);
    expect(bait.listing()).toBe(listing);
    expect(machineState()).toBe(before);
    const s = stepsOf(sim);
    const k = stepsOf(real);
    expect(k.map(classification)).toEqual(s.map(classification));
    expect(s.length).toBeGreaterThanOrEqual(lines.length);
    return { sim: s, real: k };
  }

  /**
   * Every hostile step is refused — unsupported, or the tool's own refusal (a failure, answered
   * without running it) — or, when it succeeds, touched only what nettwin's shell keeps in
   * memory: every path it names is a temporary file of the run's scratch area (`> /tmp/x`,
   * `tee /tmp/x`, never written to disk), /dev/null, or a kernel file the path check allows.
   */
  const refusedAll = (steps: Step[]) => {
    const hostile = steps.filter((s) => !BENIGN.has(s.command) && !/^[A-Za-z_]\w*=\S*$/.test(s.command));
    expect(hostile.filter((s) => (s.supported ? s.exit === 0 && !inMemoryOnly(s.command) : !s.stderr.startsWith('nettwin: unsupported: '))).map((s) => s.command)).toEqual([]);
    return hostile;
  };

  it('reads of a secret through every path form, command and wrapper are refused', async () => {
    const { sim } = await both('read', readLines(bait));
    const hostile = refusedAll(sim);
    expect(hostile.length).toBeGreaterThan(150);
    expect(hostile.filter((s) => s.stderr.includes('path check refused')).length).toBeGreaterThan(150);
  }, 240_000);

  it('writes towards canaries and over existing files are refused', async () => {
    const { sim } = await both('write', writeLines(bait));
    expect(refusedAll(sim).length).toBeGreaterThan(500);
  }, 240_000);

  it('lines aimed at the hostname, global sysctls and the machine’s namespace are refused; plain sysctls still run', async () => {
    const { sim, real } = await both('global', globalLines());
    refusedAll(sim);
    expect(real.filter((s) => BENIGN.has(s.command)).map((s) => [s.command, s.exit, s.stdout])).toEqual([
      ['ip netns add NS1', 0, ''],
      ['sysctl -w net.ipv4.ip_forward=1', 0, 'net.ipv4.ip_forward = 1\n'],
      ['sysctl net.ipv4.ip_forward', 0, 'net.ipv4.ip_forward = 1\n'],
    ]);
  }, 240_000);

  it('shell syntax around them runs nothing beyond the modelled subset', async () => {
    const { sim } = await both('shell', shellLines(bait));
    refusedAll(sim);
  }, 240_000);

  it('names no device can have get the tool’s refusal or are refused, never run, alike in both modes', async () => {
    const { sim } = await both('names', nameLines(bait));
    const hostile = sim.filter((s) => !BENIGN.has(s.command));
    // a tool's refusal is a failure; nothing hostile succeeds
    expect(hostile.filter((s) => s.exit === 0).map((s) => s.command)).toEqual([]);
    expect(hostile.filter((s) => s.supported).length).toBeGreaterThan(20);
    expect(hostile.filter((s) => !s.supported).length).toBeGreaterThan(5);
  }, 240_000);

  it('lines of programs the simulator does not model: those that would open a file, run a program or use a unix socket are refused in both modes; the others run on the kernel only in real mode', async () => {
    const { sim, real } = await both('kernel-only', [...kernelOnlyLines(bait), ...KERNEL_ONLY_BENIGN]);
    const hostile = sim.filter((s) => s.command !== 'ip netns add NS1' && !KERNEL_ONLY_BENIGN.includes(s.command));
    expect(hostile.length).toBe(kernelOnlyLines(bait).length);
    expect(hostile.filter((s) => s.supported || s.modelled !== undefined || !s.stderr.startsWith('nettwin: unsupported: ')).map((s) => s.command)).toEqual([]);
    const ran = real.filter((s) => KERNEL_ONLY_BENIGN.includes(s.command));
    expect(ran.map((s) => [s.command, s.supported, s.modelled, s.stderr.startsWith('nettwin:')])).toEqual(KERNEL_ONLY_BENIGN.map((c) => [c, false, false, false]));
    expect(ran.find((s) => s.command === 'cat /sys/class/net/lo/carrier_changes')?.stdout).toBe('0\n');
  }, 240_000);

  it('in a lab file’s setup and run lines, and under diff, the same', async () => {
    const setup = [
      'ip netns add NS1',
      ...globalLines()
        .filter((l) => !BENIGN.has(l))
        .slice(0, 30),
      ...readLines(bait).slice(0, 40),
      ...writeLines(bait).slice(0, 40),
    ];
    script('a.sh', `${setup.join('\n')}\n`);
    const quote = (l: string) => `'${l.replace(/'/g, "''")}'`;
    const run = [...nameLines(bait).slice(0, 12), ...readLines(bait).slice(40, 60), 'sysctl -w net.ipv4.//.//.kernel.hostname=pwnE'];
    const lab = script(
      'lab.yaml',
      `${[
        'hosts:',
        '  a:',
        '    nics: { eth0: 10.0.0.1/24 }',
        '    setup: a.sh',
        '  b:',
        '    nics: { eth0: 10.0.0.2/24 }',
        'links:',
        '  - [a:eth0, b:eth0]',
        'run:',
        ...run.map((l, i) => `  - ${i % 2 ? 'a' : 'b'}: ${quote(l)}`),
      ].join('\n')}\n`,
    );
    const { sim } = await both('lab', [...setup, ...run], lab);
    expect(refusedAll(sim).length).toBe(setup.length - 1 + run.length);
    const diff = await runCli(['diff', lab]);
    // every hostile line is skipped in both modes: listed, never compared, and no reason to fail
    const skipped = sim.filter((s) => !s.supported).length;
    expect(diff.status).toBe(0);
    expect(diff.stdout).toMatch(new RegExp(`^no disagreement: ${sim.length - skipped} commands agree\\n${skipped} line\\(s\\) skipped in both modes \\(never run\\):\\n`));
    expect(diff.leftover).toEqual([]);
    expect(diff.stdout + diff.stderr).not.toContain(bait.token);
    expect(bait.listing()).toBe(listing);
    expect(machineState()).toBe(before);
  }, 240_000);
});
