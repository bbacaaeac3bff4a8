/**
 * Real mode's second kernel: the same sandbox (sandbox-bwrap.ts, the same agent) inside a
 * throwaway user-mode Linux kernel (Debian's `user-mode-linux`, 6.1), for the link kinds and
 * qdiscs this machine's kernel lacks.
 *
 * Layers, outermost first:
 * - a private folder `/tmp/nettwin-uml-XXXXXX` (0700, owned by nobody) holding the two boot
 *   scripts, the sandbox's command line and the requests too long for the serial line; it is
 *   removed when the sandbox closes;
 * - a bubblewrap jail on the machine: the machine read-only, its own network (so UML has no
 *   way to the machine's network even at the host level), PID, IPC and UTS namespaces, a
 *   private /tmp holding only the private folder, a private /dev/shm for UML's memory file;
 * - `linux.uml` as the unprivileged user nobody (`setpriv`), started in its own session and
 *   process group (`detached`): the whole group is SIGKILLed at close, on error and when this
 *   process exits; the jail's PID namespace takes anything left with it. UML is given no
 *   network device and no disk;
 * - inside UML, boot-uml.sh: the machine's filesystem as a read-only hostfs root under a
 *   tmpfs overlay (`mount --move` onto /, so the kernel's module loader finds UML's modules
 *   there), then the serial line set raw, a ready marker, and `bwrap` with the usual sandbox
 *   command line, whose agent speaks the usual protocol on the serial line (ssl0 = this
 *   process's pipes; the kernel's own messages go to the console, fd 2).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BwrapCommand } from './sandbox-bwrap.js';
import { which } from './preconditions.js';

export const UML_BINARY = '/usr/bin/linux.uml';
/** The kernel profile (src/model/kernel-profiles/uml.ts) whose real mode runs on user-mode Linux. */
export const UML_PROFILE = 'uml';
export const UML_MODULES = '/usr/lib/uml/modules';
/** The line boot-uml.sh prints on the serial line once it is raw and the agent is being started. */
export const UML_READY = 'NETTWIN-UML-READY';
/** Where the agent inside finds the requests too long for the serial line. */
export const UML_INBOX = '/run/nettwin-in';
/** Requests longer than this go through a file (the serial line drops input past ~60 KB). */
export const UML_LINE_MAX = 2048;
const NOBODY = 65534;

/** The release folder of UML's modules (`6.1.176`), or null when the package is not installed. */
export function umlRelease(): string | null {
  try {
    const names = fs.readdirSync(UML_MODULES).filter((n) => /^[0-9][\w.+-]*$/.test(n));
    return names.sort().at(-1) ?? null;
  } catch {
    return null;
  }
}

/** Why the UML backend cannot run here (empty when it can), as sentences a user can act on. */
export function umlProblems(): string[] {
  const out: string[] = [];
  if (!fs.existsSync(UML_BINARY) || umlRelease() === null) out.push(`user-mode Linux is not installed (${UML_BINARY}, ${UML_MODULES}): apt-get install user-mode-linux`);
  if (!which('modprobe')) out.push('modprobe is missing (UML loads its link kinds as modules): apt-get install kmod');
  if (!which('setpriv')) out.push('setpriv is missing: apt-get install util-linux');
  return out;
}

/** Boot stage 1 (PID 1 of UML, on the read-only hostfs root): overlay root, modules, then stage 2 in it. */
function stage1(dir: string, release: string): string {
  const ovl = `${UML_MODULES}/${release}/kernel/fs/overlayfs/overlay.ko`;
  return `#!/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
mount -t proc proc /proc || exit 1
mount -t tmpfs -o mode=0755 tmpfs /run || exit 1
mkdir -p /run/ov/up /run/ov/work /run/root
grep -qw overlay /proc/filesystems || insmod ${ovl} || exit 1
mount -t overlay -o lowerdir=/,upperdir=/run/ov/up,workdir=/run/ov/work overlay /run/root || exit 1
mkdir -p /run/root/usr/lib/modules/${release}
mount --bind ${UML_MODULES}/${release} /run/root/usr/lib/modules/${release} || exit 1
mkdir -p /run/root/nettwin-in
mount --bind ${dir}/in /run/root/nettwin-in || exit 1
cd /run/root || exit 1
mount --move /run/root / || exit 1
exec chroot . /bin/sh ${dir}/stage2.sh
`;
}

/** Boot stage 2 (in the overlay root): the kernel's file systems, IPv6, the serial line, then the sandbox. */
function stage2(dir: string, data: readonly string[], node: string): string {
  const fds = data.map((_, i) => `${3 + i}<${dir}/data-${i}`).join(' ');
  return `#!/bin/sh
PATH=/usr/sbin:/usr/bin:/sbin:/bin
export PATH
mount -t proc proc /proc && mount -t sysfs sys /sys && mount -t devtmpfs dev /dev || exit 1
mkdir -p /dev/pts /dev/net /dev/shm /run/netns
mount -t devpts devpts /dev/pts
[ -e /dev/net/tun ] || mknod /dev/net/tun c 10 200
mount -t tmpfs tmpfs /run && mount -t tmpfs tmpfs /dev/shm || exit 1
modprobe ipv6 2>/dev/null
exec </dev/ttyS0 >/dev/ttyS0 || exit 1
stty raw -echo || exit 1
echo ${UML_READY}
exec bwrap --args 9 -- ${node} ${UML_INBOX}/agent.mjs ${fds} 9<${dir}/args
`;
}

/** A running UML holding the sandbox: its process (stdio = the agent's protocol), and how to end it. */
export interface UmlLaunch {
  child: ChildProcess;
  /** the private folder (removed by `cleanup`) */
  dir: string;
  /** SIGKILL UML's whole process group (and so the jail); idempotent */
  kill(): void;
  /** resolves when no process of UML's group is left (at most `limitMs`), after `kill` */
  gone(limitMs?: number): Promise<boolean>;
  /** remove the private folder; call once the child has exited */
  cleanup(): void;
  /** a request line too long for the serial line, as a file: returns the short line to send instead */
  spill(line: string): string;
}

/** What UML runs: the sandbox's bwrap options and data (bwrapCommand's, without a command), Node and the agent's source. */
export interface UmlWorkload {
  bwrap: BwrapCommand;
  node: string;
  agent: string;
}

/**
 * Boot UML with the sandbox (bwrap options, then `node AGENT`) as its workload.
 *
 * @example
 * const l = launchUml({ bwrap: bwrapCommand([]), node: process.execPath, agent: AGENT_SOURCE });
 * l.child.stdout.on('data', …); // wait for UML_READY, then speak the agent's protocol
 */
export function launchUml(work: UmlWorkload): UmlLaunch {
  const cmd = work.bwrap;
  const release = umlRelease();
  if (release === null) throw new Error(umlProblems().join('; '));
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-uml-'));
  // it is written into UML's boot scripts and kernel command line: plain path characters only
  if (!/^(\/[\w.-]+)+$/.test(dir) || dir.includes('/..') || dir.startsWith('/proc')) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw new Error(`the temporary folder ${JSON.stringify(dir)} cannot be given to user-mode Linux (set TMPDIR to a plain path)`);
  }
  let spills = 0;
  try {
    fs.mkdirSync(path.join(dir, 'in'));
    fs.mkdirSync(path.join(dir, 'uml'));
    fs.writeFileSync(path.join(dir, 'stage1.sh'), stage1(dir, release), { mode: 0o755 });
    if (!/^(\/[\w.+-]+)+$/.test(work.node)) throw new Error(`launchUml: Node's path ${JSON.stringify(work.node)} is not a plain path`);
    fs.writeFileSync(path.join(dir, 'stage2.sh'), stage2(dir, cmd.data, work.node), { mode: 0o755 });
    fs.writeFileSync(path.join(dir, 'in', 'agent.mjs'), work.agent, { mode: 0o644 });
    cmd.data.forEach((text, i) => {
      fs.writeFileSync(path.join(dir, `data-${i}`), text, { mode: 0o644 });
    });
    // bwrap --args: NUL-separated, so no word of the command line is ever parsed by a shell
    const at = cmd.argv.findIndex((a, i) => a === '--remount-ro' && cmd.argv[i + 1] === '/');
    if (at < 0 || cmd.data.length > 6) throw new Error('launchUml: not a sandbox command line');
    // the options only: bwrap takes the command (`node agent.mjs`) from its own command line
    const end = cmd.argv.indexOf('--');
    const argv = [...cmd.argv.slice(0, at), '--ro-bind', '/nettwin-in', UML_INBOX, ...cmd.argv.slice(at, end < 0 ? undefined : end)];
    fs.writeFileSync(path.join(dir, 'args'), argv.map((a) => `${a}\0`).join(''), { mode: 0o644 });
    for (const f of ['', 'in', 'uml', 'stage1.sh', 'stage2.sh', 'args', 'in/agent.mjs', ...cmd.data.map((_, i) => `data-${i}`)]) fs.chownSync(path.join(dir, f), NOBODY, NOBODY);
    fs.chmodSync(dir, 0o700);
  } catch (e) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const jail = [
    '--ro-bind',
    '/',
    '/',
    '--tmpfs',
    '/tmp',
    '--bind',
    dir,
    dir,
    '--dev',
    '/dev',
    '--perms',
    '1777',
    '--tmpfs',
    '/dev/shm',
    '--proc',
    '/proc',
    '--unshare-net',
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--die-with-parent',
    '--chdir',
    dir,
    '--',
    which('setpriv') ?? 'setpriv',
    `--reuid=${NOBODY}`,
    `--regid=${NOBODY}`,
    '--clear-groups',
    '--',
    UML_BINARY,
    'mem=256M',
    'root=/dev/root',
    'rootfstype=hostfs',
    'rootflags=/',
    'ro',
    `init=${dir}/stage1.sh`,
    'con=null',
    'con0=null,fd:2',
    'ssl=null',
    'ssl0=fd:0,fd:1',
    `uml_dir=${dir}/uml`,
    'umid=nettwin',
    'quiet',
    'pty.legacy_count=0',
  ]; // prettier-ignore
  const child = spawn(which('bwrap') ?? 'bwrap', jail, {
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', TMPDIR: '/dev/shm', LC_ALL: 'C' },
    cwd: dir,
    detached: true, // setsid: its own process group, ended as one
  });
  let killed = false;
  const kill = () => {
    if (killed || child.pid === undefined) return;
    killed = true;
    for (const target of [-child.pid, child.pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  return {
    child,
    dir,
    kill,
    gone: async (limitMs = 15_000) => {
      const until = Date.now() + limitMs;
      while (child.pid !== undefined && groupAlive(child.pid)) {
        if (Date.now() > until) return false;
        await new Promise((r) => setTimeout(r, 50));
      }
      return true;
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
    spill: (line: string) => {
      const name = String(++spills);
      const file = path.join(dir, 'in', `${name}.json`);
      fs.writeFileSync(file, line, { mode: 0o644 });
      return JSON.stringify({ ref: name });
    },
  };
}

/** Whether any process of the group is left (its kernel threads end a moment after the SIGKILL). */
function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
