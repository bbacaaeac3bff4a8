/**
 * Real mode answers every line it can with the kernel (issue #15): a line of a known network
 * program the simulator does not model runs in the sandbox as argv and its step carries the
 * kernel's answer — the same answer as the same argv run plainly in a sandbox — while lines
 * that are not allowed never run (canaries they would create inside the sandbox never
 * appear) and nothing reaches a shell. `diff` lists every such line and exits 1 (0 with
 * --allow-unmodelled); a kernel profile decides bond/vrf; `auto` agrees with a probe.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { runScriptReal } from '../../adapters/linux/real-driver.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { normalize } from '../../adapters/linux/diff-steps.js';
import { probeKernelProfile, profileFromRunningConfig, resolveKernelProfile } from '../../adapters/linux/kernel-detect.js';
import { Twin } from '../../src/twin/twin.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import type { Step } from '../../src/exec/step.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';

/** The script as argv lists, so the plain run gives the kernel exactly the same words. */
const LINES: string[][] = [
  ['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1'],
  ['ip', 'link', 'set', 'v0', 'up'],
  ['ip', 'link', 'set', 'v1', 'up'],
  ['ip', 'addr', 'add', '10.0.0.1/24', 'dev', 'v0'],
  ['iptables', '-A', 'INPUT', '-s', '10.9.0.0/16', '-j', 'DROP'],
  // shell syntax in an argument stays one literal word: nothing ran it
  ['iptables', '-A', 'INPUT', '-m', 'comment', '--comment', '$(touch /tmp/canary-shell); touch /tmp/canary-shell2', '-j', 'ACCEPT'],
  ['iptables', '-S', 'INPUT'],
  ['iptables', '-P', 'FORWARD', 'DROP'],
  ['iptables', '-L', 'FORWARD', '-n'],
  ['ip', '-6', 'addr', 'add', 'fd00::1/64', 'dev', 'v0', 'nodad'],
  ['ip', '-6', 'addr', 'add', 'fd00::2/64', 'dev', 'v1', 'nodad'],
  ['tc', 'qdisc', 'add', 'dev', 'v0', 'root', 'handle', '1:', 'pfifo', 'limit', '10'],
  ['tc', 'qdisc', 'show', 'dev', 'v0'],
  ['sysctl', '-w', 'net.ipv6.conf.v1.disable_ipv6=1'],
  ['cat', '/proc/sys/net/ipv6/conf/v1/disable_ipv6'],
  ['cat', '/sys/class/net/v0/speed'],
  // ss -p (the processes holding sockets) is not modelled: the kernel answers
  ['ss', '-tlnp'],
  ['nft', 'list', 'tables'],
  ['ping', '-6', '-c', '1', '-W', '1', '::1'],
  ['ip', '-br', 'link', 'show', 'v0'],
  // never allowed: each would leave a file in the sandbox if it ran
  ['touch', '/tmp/canary-touch'],
  ['sh', '-c', 'touch /tmp/canary-sh'],
  ['socat', '-', 'CREATE:/tmp/canary-socat'],
  ['socat', '-lf', '/tmp/canary-socatlog', '-', 'UDP:127.0.0.1:9'],
  ['iptables-save', '-f', '/tmp/canary-save'],
  ['iptables', '--modprobe=/tmp/canary-modprobe', '-L'],
  ['ss', '-D', '/tmp/canary-ss'],
  ['nc', '-lU', '/tmp/canary-nc'],
  ['ethtool', '-w', 'v0', 'data', '/tmp/canary-ethtool'],
  ['tc', '-batch', '/tmp/canary-tc'],
  ['iptables-restore', '/tmp/canary-restore'],
];

const quote = (w: string) => (/^[\w./:=,@%+-]+$/.test(w) ? w : `'${w.replace(/'/g, "'\\''")}'`);
const SCRIPT = `${LINES.map((l) => l.map(quote).join(' ')).join('\n')}\n`;
/** Lines the kernel answers although the simulator does not model them (iptables, nft and the IPv6 lines are modelled). */
const KERNEL_ONLY = [12, 13, 16, 17];
const REFUSED = [21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31];

describeReal('real mode: the kernel answers the lines the simulator does not model', () => {
  let before = '';
  beforeAll(() => {
    before = snapshotMachine();
  });
  afterAll(() => {
    expect(snapshotMachine()).toBe(before);
  });

  it('each allowed line gets the kernel’s own answer; refused lines never run; nothing reaches a shell', async () => {
    const kernel = (await resolveKernelProfile('auto')).profile;
    const sb = await Sandbox.open({ hosts: ['host'] });
    let steps: Step[];
    let left: string;
    try {
      const twin = new Twin({ kernel });
      steps = await runScriptReal(SCRIPT, { file: 'k.sh', host: 'host', sandbox: sb, sandboxHost: 'host', shadow: { host: twin.host('host'), sim: twin.sim }, speculate: true });
      left = (await sb.exec('host', ['ls', '-a', '/tmp', '/run', '/dev/shm', '/'])).stdout;
    } finally {
      await sb.close();
    }
    expect(steps.length).toBe(LINES.length);
    expect(left).not.toMatch(/canary|ip_tables/);
    expect(steps.filter((s) => s.modelled === false).map((s) => s.line)).toEqual(KERNEL_ONLY);
    expect(steps.filter((s) => !s.supported && s.modelled === undefined).map((s) => s.line)).toEqual(REFUSED);
    for (const l of REFUSED) expect(steps[l - 1].stderr, LINES[l - 1].join(' ')).toMatch(/^nettwin: unsupported: /);
    expect(steps[6].stdout).toContain(`-A INPUT -m comment --comment "$(touch /tmp/canary-shell); touch /tmp/canary-shell2" -j ACCEPT`);

    // the same lines, plainly, in a sandbox of their own: the answers are the kernel's
    const plain = await Sandbox.open({ hosts: ['host'] });
    const answers: { exit: number; stdout: string; stderr: string }[] = [];
    try {
      for (const [i, argv] of LINES.entries()) {
        const s = steps[i];
        answers.push(s.supported || s.modelled === false ? await plain.exec('host', argv) : { exit: -1, stdout: '', stderr: '' });
      }
    } finally {
      await plain.close();
    }
    for (const l of KERNEL_ONLY) {
      const s = steps[l - 1];
      const a = answers[l - 1];
      expect([s.exit, normalize(s.stdout), normalize(s.stderr)], LINES[l - 1].join(' ')).toEqual([a.exit, normalize(a.stdout), normalize(a.stderr)]);
    }
    expect(steps[8].stdout).toMatch(/^Chain FORWARD \(policy DROP\)/);
    expect(steps[18]).toMatchObject({ exit: 0, ping: { transmitted: 1, received: 1 } });
  }, 120_000);

  it('`nettwin diff` lists every line not modelled with the kernel’s answer and exits 1; --allow-unmodelled exits 0', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-kernel-only-'));
    try {
      const file = path.join(dir, 'k.sh');
      fs.writeFileSync(file, SCRIPT);
      const cli = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { cwd: projectRoot, encoding: 'utf8', timeout: 180_000, env: { ...process.env, NO_COLOR: '1' } });
      const r = cli(['diff', file, '--json']);
      expect(r.stderr).toBe('');
      expect(r.status).toBe(1);
      const doc = JSON.parse(r.stdout) as { disagree: unknown[]; unmodelled: { line: number; kernel: { exit: number } }[]; skipped: { line: number }[]; divergedAt: { line: number } };
      expect(doc.disagree).toEqual([]);
      expect(doc.unmodelled.map((u) => u.line)).toEqual(KERNEL_ONLY);
      expect(doc.skipped.map((u) => u.line)).toEqual(REFUSED);
      expect(doc.divergedAt.line).toBe(12);
      const text = cli(['diff', file, '--allow-unmodelled']);
      expect(text.status).toBe(0);
      expect(text.stdout).toMatch(
        /^no disagreement: \d+ commands agree\n4 line\(s\) not modelled by the simulator, answered by the kernel:\n {2}line 12: tc qdisc add dev v0 root handle 1: pfifo limit 10\n {4}kernel: exit 0\n/,
      );
      expect(text.stdout).toContain('nettwin: from line 12 (');
      const run = cli(['run', file, '--real', '--json']);
      const out = JSON.parse(run.stdout) as { kernel: { name: string }; coverage: { total: { notModelled: number; skipped: number } } };
      expect(out.kernel.name).toMatch(/^auto:/);
      expect(out.coverage.total).toMatchObject({ notModelled: 4, skipped: 11 });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);

  it('kernel profiles: team and nlmon get this kernel’s answer with auto, and are not modelled (the kernel answers) with the stock profile', async () => {
    const script = 'ip link add t0 type team\nip link add n0 type nlmon\nip link add m0 link lo type macvlan\n';
    const auto = (await resolveKernelProfile('auto')).profile;
    const here = await runScriptInSandbox(script, { file: 'p.sh', host: 'host', kernel: auto });
    const sim = new Twin({ kernel: auto }).run('host', script, { file: 'p.sh' });
    expect(here.map((s) => [s.exit, s.stderr, s.modelled ?? null])).toEqual(sim.map((s) => [s.exit, s.stderr, s.modelled ?? null]));
    const stock = KERNEL_PROFILES['debian-12'];
    const onStock = await runScriptInSandbox(script, { file: 'p.sh', host: 'host', kernel: stock });
    const simStock = new Twin({ kernel: stock }).run('host', script, { file: 'p.sh' });
    for (const [i, s] of simStock.slice(0, 2).entries()) {
      expect(s).toMatchObject({ supported: false, modelled: false, exit: 127 });
      // real mode runs it on this kernel and reports its answer, still as not modelled
      expect(onStock[i]).toMatchObject({ supported: false, modelled: false });
      expect(onStock[i].stderr).toBe(here[i].stderr);
    }
  }, 120_000);

  it('auto reads the kernel’s config, and agrees with a probe of the kernel in a sandbox', async () => {
    const fromConfig = profileFromRunningConfig();
    expect(fromConfig, 'this machine’s kernel config is readable (/proc/config.gz)').not.toBeNull();
    const probed = await probeKernelProfile();
    const probedKinds = new Set(probed.linkKinds);
    // a probe asks only about the kinds iproute2 can send without hardware: compare on those
    const asked = fromConfig!.linkKinds.filter((k) => !['gtp', 'amt', 'hsr', 'ipoib', 'wwan', 'rmnet', 'virt_wifi', 'netdevsim', 'erspan', 'ip6erspan'].includes(k));
    expect([...probedKinds].sort()).toEqual([...asked].sort());
    for (const q of probed.qdiscs) expect(fromConfig!.qdiscs, q).toContain(q);
    for (const f of probed.netfilter) expect(fromConfig!.netfilter, f).toContain(f);
    expect(fromConfig!.linkKinds).toEqual(KERNEL_PROFILES['ci-6.18'].linkKinds);
  }, 120_000);
});
