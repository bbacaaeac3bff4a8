/**
 * The one decision about which files a script line may touch, in the simulator and on the
 * kernel alike: `cat`, `tee`, `echo >`, sysctl keys, `nsenter --net=` and the namespace paths
 * `ip` accepts all ask `checkKernelPath` (sysctl keys through `sysctlKeyPath` first).
 *
 * A path is split into segments and each segment is compared with an exact pattern of its
 * position; nothing is ever normalised. So `.`, `..` and empty segments (`//`, a trailing `/`)
 * are refused, not resolved, and a path that passes names the file it spells. Symlinks cannot
 * lead out either: /proc/sys has none, and under /sys/class/net/IF (a symlink into
 * /sys/devices/…/net/IF, where the device's own attributes live) only regular attribute files
 * are allowed, never `master`, `device`, `subsystem`, `upper_*`, `lower_*` or `brport`, which
 * are links or directories. /var/run is the machine's own link to /run.
 *
 * The allowlist (observed with `find /proc/sys/net` and `ls -l /sys/class/net/v0` in a sandbox,
 * kernel 6.18):
 * - `/proc/sys/net/FAMILY/KEY`, FAMILY one of ipv4, ipv6, core, bridge, netfilter, unix;
 * - `/proc/sys/net/{ipv4,ipv6}/{conf,neigh}/IFNAME/KEY` (IFNAME includes `all`, `default`),
 *   `/proc/sys/net/{ipv4,ipv6}/route/KEY`, `/proc/sys/net/ipv6/icmp/KEY`,
 *   `/proc/sys/net/netfilter/nf_log/N`;
 * - `/sys/class/net/IFNAME/ATTR` for the attribute files in SYSFS_NET_ATTRS;
 * - `/run/netns/NAME` and `/var/run/netns/NAME` (a named network namespace, as `ip netns add`
 *   makes it: for `nsenter --net=` and `ip … netns PATH`);
 * - `/proc/net/{dev,route,arp}` (per namespace: /proc/net is /proc/self/net, the tables of the
 *   reader's network namespace), for reading.
 * A KEY is a sysctl file name (`[A-Za-z0-9_][A-Za-z0-9_-]*`, no dot); whether the kernel or
 * the model has it is decided later, as for any key (`classifySysctl`).
 */

/** A file the allowlist names. */
export type KernelFile =
  /** `segments`: the path's segments after /proc/sys (`['net', 'ipv4', 'conf', 'eth0.100', 'rp_filter']`) */
  | { kind: 'sysctl'; path: string; segments: string[] }
  | { kind: 'sysfs-net'; path: string; ifname: string; attr: string; writable: boolean }
  | { kind: 'netns'; path: string; name: string }
  /** `/proc/net/FILE`: the reading process's network namespace's tables (read only) */
  | { kind: 'proc-net'; path: string; file: ProcNetFile };

/** The files of /proc/net a script may read. */
export const PROC_NET_FILES = ['dev', 'route', 'arp'] as const;
export type ProcNetFile = (typeof PROC_NET_FILES)[number];

export type PathCheck = { ok: true; file: KernelFile } | { ok: false; why: string };

/** The families under /proc/sys/net a script may name, and the directories each has. */
const FAMILIES: Record<string, Record<string, 'per-interface' | 'flat' | 'numbered'>> = {
  ipv4: { conf: 'per-interface', neigh: 'per-interface', route: 'flat' },
  ipv6: { conf: 'per-interface', neigh: 'per-interface', route: 'flat', icmp: 'flat' },
  core: {},
  bridge: {},
  netfilter: { nf_log: 'numbered' },
  unix: {},
};

/**
 * The attribute files of /sys/class/net/IF that are regular files, with whether the kernel
 * lets root write them (mode 644) or not (444). `uevent` and the NAPI/GRO knobs are left out:
 * writing them does more than set a value of the device.
 */
export const SYSFS_NET_ATTRS: ReadonlyMap<string, boolean> = new Map([
  ...[
    'addr_assign_type',
    'addr_len',
    'address',
    'broadcast',
    'carrier_changes',
    'carrier_down_count',
    'carrier_up_count',
    'dev_id',
    'dev_port',
    'dormant',
    'duplex',
    'ifindex',
    'iflink',
    'link_mode',
    'name_assign_type',
    'operstate',
    'speed',
    'testing',
    'type',
  ].map((a) => [a, false] as const),
  ...['carrier', 'flags', 'ifalias', 'mtu', 'netdev_group', 'proto_down', 'tx_queue_len'].map((a) => [a, true] as const),
]);

const KEY = /^[A-Za-z0-9_][A-Za-z0-9_-]*$/;

/**
 * An interface name the kernel could hold (dev_valid_name: 1–15 bytes, not `.` or `..`, no
 * `/`, `:` or blank), narrowed to printable ASCII: a name outside that is refused, never guessed.
 *
 * @example isInterfaceName('eth0.100') // true; isInterfaceName('..') // false
 */
export function isInterfaceName(s: string): boolean {
  return /^[\x21-\x7e]{1,15}$/.test(s) && !/[/:]/.test(s) && s !== '.' && s !== '..';
}

/** iproute2's invalid_name() for `ip netns` names, narrowed as above: a file name in /run/netns. */
function isNetnsName(s: string): boolean {
  return /^[\x21-\x7e]{1,255}$/.test(s) && !s.includes('/') && s !== '.' && s !== '..';
}

const ALLOWED = 'only /proc/sys/net/{ipv4,ipv6,core,bridge,netfilter,unix} sysctl files, /sys/class/net/IF/ATTR, /proc/net/{dev,route,arp} and /run/netns/NAME are allowed';

/**
 * Whether a script line may touch `path`, and which kernel file it is.
 *
 * @example
 * checkKernelPath('/proc/sys/net/ipv4/conf/all/rp_filter'); // { ok: true, file: { kind: 'sysctl', … } }
 * checkKernelPath('/proc/sys/net/ipv4/../../kernel/hostname'); // { ok: false, why: 'a ".." segment' }
 */
export function checkKernelPath(path: string): PathCheck {
  if (path.includes('\0')) return { ok: false, why: 'a NUL byte' };
  if (!path.startsWith('/')) return { ok: false, why: 'not an absolute path' };
  const segs = path.slice(1).split('/');
  for (const s of segs) {
    if (s === '') return { ok: false, why: 'an empty segment' };
    if (s === '.') return { ok: false, why: 'a "." segment' };
    if (s === '..') return { ok: false, why: 'a ".." segment' };
    // bash would expand an unquoted one into other paths; nettwin does not glob
    if (/[*?[]/.test(s)) return { ok: false, why: 'a glob character' };
  }
  const no = (why = ALLOWED): PathCheck => ({ ok: false, why });
  if (segs[0] === 'proc' && segs[1] === 'sys') {
    const rest = segs.slice(2);
    const why = sysctlShapeProblem(rest);
    return why ? no(why) : { ok: true, file: { kind: 'sysctl', path, segments: rest } };
  }
  if (segs[0] === 'proc' && segs[1] === 'net' && segs.length === 3) {
    const f = PROC_NET_FILES.find((x) => x === segs[2]);
    return f ? { ok: true, file: { kind: 'proc-net', path, file: f } } : no();
  }
  const [, , , ifname, attr] = segs;
  if (segs[0] === 'sys' && segs[1] === 'class' && segs[2] === 'net' && ifname !== undefined && attr !== undefined && segs.length === 5) {
    const writable = SYSFS_NET_ATTRS.get(attr);
    if (!isInterfaceName(ifname)) return no(`"${ifname}" is not an interface name`);
    if (writable === undefined) return no(`"${attr}" is not an attribute file of /sys/class/net/IF`);
    return { ok: true, file: { kind: 'sysfs-net', path, ifname, attr, writable } };
  }
  const netns = segs[0] === 'var' ? segs.slice(1) : segs;
  const name = netns[2];
  if (netns[0] === 'run' && netns[1] === 'netns' && name !== undefined && netns.length === 3 && isNetnsName(name)) {
    return { ok: true, file: { kind: 'netns', path, name } };
  }
  return no();
}

/** Why segments after /proc/sys do not name an allowed sysctl file, or null when they do. */
function sysctlShapeProblem(s: string[]): string | null {
  const [net, family = '', sub = '', a = '', b = ''] = s;
  const dirs = net === 'net' && Object.hasOwn(FAMILIES, family) ? FAMILIES[family] : undefined;
  if (!dirs || s.length < 3) return ALLOWED;
  const dir = Object.hasOwn(dirs, sub) ? dirs[sub] : undefined;
  if (s.length === 3) return dir ? `/proc/sys/${s.join('/')} is a directory` : KEY.test(sub) ? null : `"${sub}" is not a sysctl name`;
  if (!dir) return ALLOWED;
  if (dir === 'per-interface') {
    if (s.length !== 5) return `a sysctl under net/${family}/${sub} is net/${family}/${sub}/IFNAME/KEY`;
    if (!isInterfaceName(a)) return `"${a}" is not an interface name`;
    return KEY.test(b) ? null : `"${b}" is not a sysctl name`;
  }
  if (s.length !== 4) return `a sysctl under net/${family}/${sub} is net/${family}/${sub}/KEY`;
  const ok = dir === 'numbered' ? /^\d{1,3}$/.test(a) : KEY.test(a);
  return ok ? null : `"${a}" is not a sysctl name`;
}

/**
 * The file procps `sysctl` opens for a key (sysctl.c ReadSetting/WriteSetting): /proc/sys/ and
 * the key with `.` and `/` swapped when its first separator is a dot, as given when it is a
 * slash. So `net.ipv4.conf.eth0/100.rp_filter` is `/proc/sys/net/ipv4/conf/eth0.100/rp_filter`,
 * and `net.ipv4.//.//.kernel.hostname` is `/proc/sys/net/ipv4/../../kernel/hostname`.
 *
 * @example sysctlKeyPath('net.ipv4.ip_forward') // '/proc/sys/net/ipv4/ip_forward'
 */
export function sysctlKeyPath(key: string): string {
  return `/proc/sys/${slashdot(key, '.', '/')}`;
}

/**
 * The name procps prints for a key (its `outname`): dotted, a dot inside a segment shown as `/`.
 *
 * @example sysctlDisplayName('net/ipv4/conf/eth0.100/rp_filter') // 'net.ipv4.conf.eth0/100.rp_filter'
 */
export function sysctlDisplayName(key: string): string {
  return slashdot(key, '/', '.');
}

/** procps slashdot(): swap `old` and `new` throughout, unless the first separator is already `new`. */
function slashdot(key: string, old: string, nu: string): string {
  const first = /[./]/.exec(key);
  if (!first || first[0] === nu) return key;
  return key.replace(/[./]/g, (c) => (c === old ? nu : old));
}

/** The segments of a sysctl key after /proc/sys, null when it is not an allowed sysctl file. */
export function sysctlSegments(key: string): string[] | null {
  const c = checkKernelPath(sysctlKeyPath(key));
  return c.ok && c.file.kind === 'sysctl' ? c.file.segments : null;
}

/**
 * A word a command would take for a file rather than a name: it holds a `/`, is `.` or `..`, or
 * holds a NUL byte. No interface, namespace or bridge can be named so.
 */
export function isPathLike(word: string): boolean {
  return word.includes('/') || word === '.' || word === '..' || word.includes('\0');
}

/**
 * The text of a refusal, the same in both modes (after `nettwin: unsupported: `).
 *
 * @example refusal('/etc/passwd', 'not an absolute path') // 'path check refused /etc/passwd: not an absolute path'
 */
export function refusal(path: string, why: string): string {
  return `path check refused ${path}: ${why}`;
}
