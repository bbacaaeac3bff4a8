/**
 * Real mode on user-mode Linux (`--kernel uml`) holds SECURITY.md's promises too: UML runs as
 * nobody in a jail with no network of the machine's, sees the machine read-only (even root
 * inside UML, mounting hostfs itself, writes nothing of the machine), a script's line that is
 * not a network program's never runs, and the whole UML process group is gone after a close
 * and after its parent is killed with SIGKILL — no process, no namespace, no link, no file.
 * Two boots in all (the CLI run that is killed, and one sandbox for the rest).
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { inNamespace } from '../../adapters/linux/sandbox-uml.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { KERNEL_PROFILES } from '../../src/model/kernel-profile.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';
import { UML_TOOLS } from './uml-tools.js';

/** Processes whose command line names user-mode Linux's binary: pid -> uid. */
function umlProcesses(): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (!fs.readFileSync(`/proc/${e}/cmdline`, 'utf8').startsWith('/usr/bin/linux.uml\0')) continue;
      const uid = /^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${e}/status`, 'utf8'));
      out.set(Number(e), Number(uid?.[1]));
    } catch {
      // gone
    }
  }
  return out;
}

function pidNs(pid: number): string | null {
  try {
    return fs.readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return null;
  }
}

/** Whether `pid` descends from `root` (its parent chain reaches it). */
function descendsFrom(pid: number, root: number): boolean {
  for (let p = pid, n = 0; p > 1 && n < 64; n++) {
    if (p === root) return true;
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, 'utf8');
      p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    } catch {
      return false;
    }
  }
  return false;
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return cond();
}

function umlFolders(): string[] {
  return fs.readdirSync(os.tmpdir()).filter((n) => n.startsWith('nettwin-uml'));
}

describeReal(
  'real mode on user-mode Linux leaves nothing behind and cannot touch the machine',
  () => {
    let before = '';
    let sb: Sandbox;
    beforeAll(async () => {
      before = snapshotMachine();
      sb = await Sandbox.open({ hosts: ['a', 'b'], kernel: 'uml' });
    }, 300_000);
    afterAll(async () => {
      const ns = sb?.umlPidNamespace;
      await sb?.close();
      if (ns) expect(inNamespace(ns), 'a process of the UML jail is left after close').toBe(false);
      expect(snapshotMachine()).toBe(before);
      expect(umlFolders()).toEqual([]);
    }, 60_000);

    it('runs on UML 6.1 as nobody, jailed without the machine network', async () => {
      expect((await sb.exec('a', ['uname', '-r'])).stdout).toBe(`${KERNEL_PROFILES.uml!.release}\n`);
      expect(sb.kernel).toBe('uml');
      const ns = sb.umlPidNamespace;
      expect(ns).toMatch(/^pid:\[\d+\]$/);
      const mine = [...umlProcesses()].filter(([p]) => pidNs(p) === ns);
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every(([, uid]) => uid === 65534)).toBe(true);
      // the jail's network namespace (where UML's host side lives) has lo alone
      const dev = fs.readFileSync(`/proc/${mine[0]![0]}/net/dev`, 'utf8');
      expect(
        dev
          .split('\n')
          .slice(2)
          .filter(Boolean)
          .map((l) => l.split(':')[0]!.trim()),
      ).toEqual(['lo']);
      // and the UML kernel was given no network device
      expect((await sb.execRoot(['ls', '/sys/class/net'])).stdout).toBe('lo\n');
    });

    it('root inside UML mounting the machine itself (hostfs) writes nothing of it', async () => {
      const probe = `nettwin-uml-probe-${process.pid}`;
      // the mount works (it is the machine's /etc: its hostname is there) …
      expect((await sb.exec('a', ['mount', '-t', 'hostfs', '-o', '/etc', 'hostfs', '/tmp'])).exit).toBe(0);
      expect((await sb.exec('a', ['test', '-f', '/tmp/hostname'])).exit).toBe(0);
      // … but UML is nobody in a read-only jail: no write, and no reading what only root may
      expect((await sb.exec('a', ['touch', `/tmp/${probe}`])).stderr).toMatch(/Permission denied|Read-only/);
      expect(fs.existsSync(`/etc/${probe}`)).toBe(false);
      expect((await sb.exec('a', ['head', '-c', '1', '/tmp/shadow'])).stderr).toMatch(/Permission denied/);
    });

    it('a line that is not a network program is reported unsupported and never runs', async () => {
      const marker = path.join(os.tmpdir(), `nettwin-uml-marker-${process.pid}`);
      // `sh -c` is read by nettwin's own interpreter, never handed to a shell: its `touch` is as unsupported as a bare one
      const text = ['ip link add d0 type dummy', `touch ${marker}`, `sh -c "touch ${marker}"`, 'ip -br link show type dummy'].join('\n');
      const steps = await runScriptInSandbox(text, { file: 'x.sh', host: 'host', kernel: KERNEL_PROFILES.uml });
      expect(steps[1]!.supported).toBe(false);
      expect(steps[2]!.supported).toBe(false);
      expect(steps[3]!.stdout).toMatch(/^d0 +DOWN/);
      expect(fs.existsSync(marker)).toBe(false);
    }, 300_000);

    it('a run killed with SIGKILL leaves no UML process, folder or namespace', async () => {
      // two UML kernels at once at most on this machine: the shared one goes first
      const ns = sb.umlPidNamespace!;
      await sb.close();
      expect(inNamespace(ns), 'a process of the UML jail is left after close').toBe(false);
      const script = path.join(os.tmpdir(), `nettwin-uml-slow-${process.pid}.sh`);
      fs.writeFileSync(script, 'ip link add d0 type dummy\nip netns add NS1\nsleep 60\n');
      const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', script, '--real', '--kernel', 'uml'], { cwd: projectRoot, stdio: 'ignore' });
      try {
        // started: a UML kernel whose parent chain leads to the child
        let jail: string | null = null;
        const started = await waitFor(() => {
          for (const p of umlProcesses().keys()) if (descendsFrom(p, child.pid!)) jail = pidNs(p);
          return jail !== null;
        }, 120_000);
        expect(started, 'the run did not boot UML').toBe(true);
        await new Promise((r) => setTimeout(r, 3000));
        const procs = [...umlProcesses().keys()].filter((p) => pidNs(p) === jail);
        expect(procs.length).toBeGreaterThan(1);
        child.kill('SIGKILL');
        expect(await waitFor(() => !inNamespace(jail!), 20_000), 'UML processes are left after SIGKILL').toBe(true);
      } finally {
        child.kill('SIGKILL');
        fs.rmSync(script, { force: true });
      }
      expect(snapshotMachine()).toBe(before);
    }, 300_000);

    it('diff of a lab file that says kernel: uml runs the kernel side on UML, and the two agree', async () => {
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'diff', 'examples/uml/lab.yaml', '--json'], { cwd: projectRoot, encoding: 'utf8', timeout: 280_000 });
      expect(r.stderr).not.toMatch(/Error|not possible/);
      const out = JSON.parse(r.stdout) as { kernel: string; agree: number; disagree: unknown[]; unmodelled: unknown[] };
      expect(out.kernel).toBe('uml');
      expect(out.disagree).toEqual([]);
      expect(out.unmodelled).toEqual([]);
      expect(out.agree).toBe(11);
      expect(r.status).toBe(0);
      expect(snapshotMachine()).toBe(before);
    }, 300_000);

    it('diff of a lab file whose link has Mininet-style delay and rate (examples/uml-netem): netem on both ends, in both modes, agreeing with UML', async () => {
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'diff', 'examples/uml-netem/lab.yaml', '--json'], { cwd: projectRoot, encoding: 'utf8', timeout: 280_000 });
      expect(r.stderr).not.toMatch(/Error|not possible/);
      const out = JSON.parse(r.stdout) as { kernel: string; agree: number; disagree: unknown[]; unmodelled: unknown[] };
      expect(out.kernel).toBe('uml');
      expect(out.disagree).toEqual([]);
      expect(out.unmodelled).toEqual([]);
      expect(out.agree).toBe(5);
      expect(r.status).toBe(0);
      expect(snapshotMachine()).toBe(before);
    }, 300_000);

    it('diff of the VLAN trunk lab (examples/uml-vlan) agrees with UML on every line, the unanswered VLAN included', async () => {
      const { spawnSync } = await import('node:child_process');
      const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'diff', 'examples/uml-vlan/lab.yaml', '--json'], { cwd: projectRoot, encoding: 'utf8', timeout: 280_000 });
      expect(r.stderr).not.toMatch(/Error|not possible/);
      const out = JSON.parse(r.stdout) as { kernel: string; agree: number; disagree: unknown[]; unmodelled: unknown[] };
      expect(out.kernel).toBe('uml');
      expect(out.disagree).toEqual([]);
      expect(out.unmodelled).toEqual([]);
      expect(out.agree).toBe(19);
      expect(r.status).toBe(0);
      expect(snapshotMachine()).toBe(before);
    }, 300_000);
  },
  { tools: UML_TOOLS },
);
