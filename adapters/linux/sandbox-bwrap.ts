/**
 * The bubblewrap command line that holds real mode's sandbox: which namespaces it gets, what of
 * the machine it sees, and with which capabilities its root runs.
 *
 * Defense in depth: nettwin only ever runs checked argv (guard.ts, src/exec/invocation.ts)
 * inside the sandbox, and this view is what still holds when one of those checks is wrong.
 *
 * - Namespaces: network, mount, PID, UTS (hostname `nettwin`), IPC and, where the kernel has
 *   it, cgroup. The agent is PID 1 (`--as-pid-1`); `--die-with-parent` kills it with SIGKILL
 *   when bwrap or its parent (this Node process) dies.
 * - Files: a fresh tmpfs root, remounted read-only, holding only /usr/{bin,sbin,lib,lib64} of
 *   the machine (read-only; /bin, /sbin, /lib* as on the machine), a few files of /etc (the
 *   dynamic linker's cache, iproute2's tables, protocols/services/ethertypes, the program
 *   choices of /etc/alternatives) and a made-up passwd/group/nsswitch.conf/hosts that know
 *   only root and nobody. No /home, /root, /var, /work, /etc/shadow; nothing of the machine is
 *   writable.
 * - Writable, private and bounded: tmpfs on /tmp, /run, /run/netns and /dev/shm.
 * - /proc is the sandbox's own (its PID namespace only) and read-only but for /proc/sys/net
 *   (whose files are those of the network namespace that opens them); /dev holds only null,
 *   zero, full, random, urandom, tty, a private devpts and /dev/net/tun. /sys is mounted by the
 *   agent from inside each network namespace (sandbox-agent.ts).
 * - Capabilities: only what ip, bridge, sysctl, ping, socat and tcpdump use (below); no
 *   CAP_MKNOD, CAP_SYS_MODULE, CAP_DAC_*, CAP_SYS_PTRACE, CAP_SYS_RAWIO, CAP_SYS_BOOT, …
 */
import * as fs from 'node:fs';

/** The sandbox's hostname (its own UTS namespace): what `hostname` prints inside. */
export const SANDBOX_HOSTNAME = 'nettwin';

/** Where the sandbox looks for programs: the machine's, read-only; nothing else is on PATH inside. */
export const SANDBOX_PATH: readonly string[] = ['/usr/sbin', '/usr/bin', '/sbin', '/bin'];

/**
 * The capabilities the sandbox's root keeps: mount, setns and unshare (`ip netns`, the hosts'
 * namespaces, sysfs; entering a mount namespace also takes CAP_SYS_CHROOT), the network's own,
 * raw sockets (ping, tcpdump), low ports (socat), setgid (tcpdump -Z root calls initgroups) and
 * setuid (ra6 drops root for nobody once its raw socket is open, and stops if it cannot).
 */
export const SANDBOX_CAPS: readonly string[] = ['CAP_SYS_ADMIN', 'CAP_SYS_CHROOT', 'CAP_NET_ADMIN', 'CAP_NET_RAW', 'CAP_NET_BIND_SERVICE', 'CAP_SETGID', 'CAP_SETUID'];

const MiB = 1024 * 1024;

/**
 * Made-up /etc files: the sandbox knows only root and nobody. Names resolve from /etc/hosts,
 * then DNS: with no resolv.conf, glibc asks 127.0.0.1 inside the sandbox's own network and
 * fails as a machine without a network does ("Temporary failure in name resolution").
 */
const ETC_DATA: ReadonlyArray<readonly [string, string]> = [
  ['/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/nonexistent:/usr/sbin/nologin\n'],
  ['/etc/group', 'root:x:0:\nnogroup:x:65534:\n'],
  ['/etc/nsswitch.conf', 'passwd: files\ngroup: files\nshadow: files\nhosts: files dns\nnetworks: files\nprotocols: files\nservices: files\nethers: files\n'],
  ['/etc/hosts', `127.0.0.1\tlocalhost\n::1\tlocalhost ip6-localhost ip6-loopback\n127.0.1.1\t${SANDBOX_HOSTNAME}\n`],
];

/** Files and folders of the machine's /etc that the tools read (strace'd); absent ones are skipped. */
const ETC_FROM_MACHINE = ['/etc/ld.so.cache', '/etc/iproute2', '/etc/protocols', '/etc/services', '/etc/ethertypes'];

/** The rest of /usr the tools read (iproute2 ≥ 6.5 keeps its default tables here). */
const USR_EXTRA = ['/usr/share/iproute2'];

/**
 * A bwrap command: `argv` (after the bwrap binary) and the text to write to the extra file
 * descriptors it names (`data[i]` goes to fd 3 + i, read by bwrap before the sandbox starts).
 */
export interface BwrapCommand {
  argv: string[];
  data: string[];
}

function lstat(p: string): fs.Stats | null {
  try {
    return fs.lstatSync(p);
  } catch {
    return null;
  }
}

/** `/bin`, `/sbin`, `/lib*`: the same symlink as on the machine (merged /usr), else a read-only bind. */
function topLevelDirs(): string[] {
  const out: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync('/').filter((n) => /^(bin|sbin|lib(32|64|x32)?)$/.test(n));
  } catch {
    names = ['bin', 'sbin', 'lib', 'lib64'];
  }
  for (const n of names.sort()) {
    const p = `/${n}`;
    const st = lstat(p);
    if (!st) continue;
    if (st.isSymbolicLink()) out.push('--symlink', fs.readlinkSync(p), p);
    else if (st.isDirectory()) out.push('--ro-bind', p, p);
  }
  return out;
}

let alternativesCache: string[] | null = null;

/**
 * `/etc/alternatives` entries that name a program in the bound folders (iptables, nc, …), as
 * symlinks of their own: the programs work, and nothing else of the folder is seen.
 */
function alternatives(): string[] {
  if (alternativesCache) return alternativesCache;
  const links: string[] = [];
  let names: string[] = [];
  try {
    names = fs.readdirSync('/etc/alternatives').sort();
  } catch {
    // none
  }
  for (const n of names) {
    try {
      const target = fs.readlinkSync(`/etc/alternatives/${n}`);
      if (SANDBOX_PATH.some((d) => target.startsWith(`${d}/`))) links.push('--symlink', target, `/etc/alternatives/${n}`);
    } catch {
      // not a symlink
    }
  }
  alternativesCache = links.length > 0 ? ['--dir', '/etc/alternatives', ...links] : [];
  return alternativesCache;
}

/** The Node binary that runs the agent, bound by itself (at its path and its real path) when it lives outside /usr. */
function nodeBinary(execPath: string): string[] {
  const real = fs.realpathSync(execPath);
  const covered = (p: string) => ['/usr/bin/', '/usr/sbin/', '/usr/lib/', '/usr/lib64/'].some((d) => p.startsWith(d));
  return [...new Set([real, execPath])].filter((p) => !covered(p)).flatMap((p) => ['--ro-bind', real, p]);
}

/**
 * The bwrap arguments that run `command` as the sandbox's PID 1.
 *
 * @example
 * const { argv, data } = bwrapCommand([process.execPath, '-e', 'console.log(1)']);
 * spawn('bwrap', argv, { stdio: ['pipe', 'pipe', 'pipe', ...data.map(() => 'pipe' as const)] });
 */
export function bwrapCommand(command: string[], execPath: string = process.execPath): BwrapCommand {
  const argv = [
    '--unshare-net',
    '--unshare-pid',
    '--unshare-uts',
    '--unshare-ipc',
    '--unshare-cgroup-try',
    '--hostname',
    SANDBOX_HOSTNAME,
    '--die-with-parent',
    '--new-session',
    '--as-pid-1',
    '--cap-drop',
    'ALL',
    ...SANDBOX_CAPS.flatMap((c) => ['--cap-add', c]),
    // the machine's programs and libraries, read-only
    ...['/usr/bin', '/usr/sbin', '/usr/lib'].flatMap((d) => ['--ro-bind', d, d]),
    '--ro-bind-try',
    '/usr/lib64',
    '/usr/lib64',
    ...USR_EXTRA.flatMap((d) => ['--ro-bind-try', d, d]),
    ...topLevelDirs(),
    ...nodeBinary(execPath),
    // /etc: a handful of the machine's files, and made-up users
    '--dir',
    '/etc',
    ...ETC_FROM_MACHINE.flatMap((f) => ['--ro-bind-try', f, f]),
    // copied into the root (read-only at the end), which costs no mount
    ...ETC_DATA.flatMap(([dest], i) => ['--perms', '0644', '--file', String(3 + i), dest]),
    ...alternatives(),
    // its own processes only; of the kernel's settings, only the network's are writable
    '--proc',
    '/proc',
    '--remount-ro',
    '/proc',
    '--bind',
    '/proc/sys/net',
    '/proc/sys/net',
    '--dev',
    '/dev',
    '--dev-bind-try',
    '/dev/net/tun',
    '/dev/net/tun',
    '--perms',
    '0700',
    '--size',
    String(64 * MiB),
    '--tmpfs',
    '/dev/shm',
    '--remount-ro',
    '/dev',
    '--size',
    String(16 * MiB),
    '--tmpfs',
    '/run',
    '--size',
    String(4 * MiB),
    '--tmpfs',
    '/run/netns',
    '--dir',
    '/var',
    '--symlink',
    '../run',
    '/var/run',
    '--size',
    String(64 * MiB),
    '--tmpfs',
    '/tmp',
    '--dir',
    '/sys',
    '--remount-ro',
    '/',
    '--chdir',
    '/',
    '--',
    ...command,
  ];
  return { argv, data: ETC_DATA.map(([, text]) => text) };
}
