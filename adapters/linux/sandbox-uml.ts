/**
 * Real mode's second kernel: the same sandbox (sandbox-bwrap.ts, the same agent) inside a
 * throwaway user-mode Linux kernel (Debian's `user-mode-linux`, 6.1), for the link kinds and
 * qdiscs this machine's kernel lacks.
 *
 * Layers, outermost first:
 * - a bubblewrap jail on the machine: the machine read-only, its own network (so UML has no
 *   way to the machine's network even at the host level), PID, IPC and UTS namespaces, and a
 *   private tmpfs on /tmp holding the private folder /tmp/nettwin-uml (the two boot scripts,
 *   the sandbox's command line, the agent, and an inbox for the requests too long for the
 *   serial line, written through /proc/PID/root of the jail): it is on no disk of the machine
 *   and goes with the jail, however the run ends (even SIGKILL); a private /dev/shm for UML's
 *   memory file;
 * - `linux.uml` as the unprivileged user nobody (`setpriv`), in its own session and process
 *   group (`detached`): the whole group is SIGKILLed at close, on error and when this process
 *   exits, and `--die-with-parent` ends the jail (and with its PID namespace everything in
 *   it) if this process dies any other way. UML is given no network device and no disk;
 * - inside UML, stage1.sh: the machine's filesystem (as the jail shows it) as a read-only
 *   hostfs root under a tmpfs overlay (`mount --move` onto /, so the kernel's module loader
 *   finds UML's modules there); stage2.sh: the kernel's file systems, the serial line set raw,
 *   a ready marker, and `bwrap` with the usual sandbox command line, whose agent speaks the
 *   usual protocol on the serial line (ssl0 = this process's pipes; the kernel's own messages
 *   go to the console, fd 2).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import type { Readable, Writable } from 'node:stream';
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
# no fallback tunnels (tunl0, gre0, sit0 …) in every namespace once a tunnel module is loaded
echo 2 > /proc/sys/net/core/fb_tunnels_only_for_init_net || exit 1
exec </dev/ttyS0 >/dev/ttyS0 || exit 1
stty raw -echo || exit 1
echo ${UML_READY}
exec bwrap --args 9 -- ${node} ${UML_INBOX}/agent.mjs ${fds} 9<${dir}/args
`;
}

/** A running UML holding the sandbox: its process (stdio = the agent's protocol), and how to end it. */
export interface UmlLaunch {
  child: ChildProcess;
  /** SIGKILL UML's whole process group (and so the jail); idempotent */
  kill(): void;
  /** resolves when no process of the jail is left (at most `limitMs`), after `kill` */
  gone(limitMs?: number): Promise<boolean>;
  /** the jail's PID namespace (`pid:[N]`), once bwrap said which process holds it */
  pidNamespace(): string | null;
  /** a request line too long for the serial line, as a file of the inbox: returns the short line to send instead */
  spill(line: string): string;
}

/** What UML runs: the sandbox's bwrap options and data (bwrapCommand's, without a command), Node and the agent's source. */
export interface UmlWorkload {
  bwrap: BwrapCommand;
  node: string;
  agent: string;
}

/** The private folder, in the jail's own tmpfs: on no disk of the machine, gone with the jail whatever ends it. */
export const UML_DIR = '/tmp/nettwin-uml';

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
  if (!/^(\/[\w.+-]+)+$/.test(work.node)) throw new Error(`launchUml: Node's path ${JSON.stringify(work.node)} is not a plain path`);
  const at = cmd.argv.findIndex((a, i) => a === '--remount-ro' && cmd.argv[i + 1] === '/');
  if (at < 0 || cmd.data.length > 6) throw new Error('launchUml: not a sandbox command line');
  // the options only: bwrap takes the command (`node agent.mjs`) from its own command line;
  // --args is NUL-separated, so no word of the command line is ever parsed by a shell
  const end = cmd.argv.indexOf('--');
  const args = [...cmd.argv.slice(0, at), '--ro-bind', '/nettwin-in', UML_INBOX, ...cmd.argv.slice(at, end < 0 ? undefined : end)];
  const files: Array<[name: string, text: string, perms: string]> = [
    ['stage1.sh', stage1(UML_DIR, release), '0755'],
    ['stage2.sh', stage2(UML_DIR, cmd.data, work.node), '0755'],
    ['args', args.map((a) => `${a}\0`).join(''), '0644'],
    ['in/agent.mjs', work.agent, '0644'],
    ...cmd.data.map((text, i): [string, string, string] => [`data-${i}`, text, '0644']),
  ];
  const infoFd = 3 + files.length;
  // biome-ignore format: options and their values, one option a line
  const jail = [
    '--ro-bind', '/', '/',
    '--tmpfs', '/tmp',
    '--perms', '0755', '--dir', UML_DIR,
    '--perms', '0755', '--dir', `${UML_DIR}/in`,
    ...files.flatMap(([name, , perms], i) => ['--perms', perms, '--file', String(3 + i), `${UML_DIR}/${name}`]),
    '--dev', '/dev',
    '--perms', '1777', '--tmpfs', '/dev/shm',
    '--proc', '/proc',
    '--unshare-net', '--unshare-pid', '--unshare-ipc', '--unshare-uts', '--unshare-cgroup-try',
    '--die-with-parent',
    '--info-fd', String(infoFd),
    '--chdir', UML_DIR,
    '--',
    which('setpriv') ?? 'setpriv', `--reuid=${NOBODY}`, `--regid=${NOBODY}`, '--clear-groups', '--',
    UML_BINARY,
    'mem=256M', 'root=/dev/root', 'rootfstype=hostfs', 'rootflags=/', 'ro',
    `init=${UML_DIR}/stage1.sh`,
    'con=null', 'con0=null,fd:2', 'ssl=null', 'ssl0=fd:0,fd:1',
    'uml_dir=/dev/shm', 'umid=nettwin', 'quiet', 'pty.legacy_count=0',
  ];
  const child = spawn(which('bwrap') ?? 'bwrap', jail, {
    stdio: ['pipe', 'pipe', 'pipe', ...files.map(() => 'pipe' as const), 'pipe'],
    env: { PATH: '/usr/sbin:/usr/bin:/sbin:/bin', TMPDIR: '/dev/shm', LC_ALL: 'C' },
    cwd: '/',
    detached: true, // setsid: its own process group, ended as one
  });
  files.forEach(([, text], i) => {
    const s = child.stdio[3 + i] as Writable | null;
    s?.on('error', () => {
      // bwrap ended early: its own error comes through 'exit'
    });
    s?.end(text);
  });
  // bwrap says which process holds the jail: the inbox is reached through its root
  let jailPid: number | null = null;
  let pidNs: string | null = null;
  let info = '';
  const infoStream = child.stdio[infoFd] as Readable | null;
  infoStream?.setEncoding('utf8');
  infoStream?.on('data', (c: string) => {
    info += c;
    const m = /"child-pid"\s*:\s*(\d+)/.exec(info);
    if (m && jailPid === null) {
      jailPid = Number(m[1]);
      try {
        pidNs = fs.readlinkSync(`/proc/${jailPid}/ns/pid`);
      } catch {
        // already gone
      }
    }
  });
  infoStream?.on('error', () => undefined);
  for (const s of [...files.map((_, i) => child.stdio[3 + i]), infoStream]) (s as unknown as { unref?: () => void } | null)?.unref?.();
  let killed = false;
  const kill = () => {
    if (killed || child.pid === undefined) return;
    killed = true;
    // UML makes process groups of its own: the jail's PID 1 (jailPid) takes its whole PID namespace with it
    for (const target of [-child.pid, child.pid, ...(jailPid === null ? [] : [jailPid])]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        // gone
      }
    }
  };
  let spills = 0;
  return {
    child,
    kill,
    pidNamespace: () => pidNs,
    gone: async (limitMs = 15_000) => {
      const until = Date.now() + limitMs;
      while ((child.pid !== undefined && groupAlive(child.pid)) || (pidNs !== null && inNamespace(pidNs))) {
        if (Date.now() > until) return false;
        await new Promise((r) => setTimeout(r, 50));
      }
      return true;
    },
    spill: (line: string) => {
      if (jailPid === null) throw new Error('user-mode Linux: the jail did not say which process holds it');
      const name = String(++spills);
      fs.writeFileSync(`/proc/${jailPid}/root${UML_DIR}/in/${name}.json`, line, { mode: 0o644 });
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

/** Whether any process of the machine is in this PID namespace. */
export function inNamespace(pidNs: string): boolean {
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (fs.readlinkSync(`/proc/${e}/ns/pid`) === pidNs) return true;
    } catch {
      // gone, or a kernel thread
    }
  }
  return false;
}
