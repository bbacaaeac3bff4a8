/**
 * Command lines of network programs the simulator does not model (catalogue.ts), which real
 * mode runs on the kernel inside the sandbox so that every line it can gets the kernel's
 * answer: one check per program of what such a line may contain. The sandbox confines the
 * network, not files, so a line is refused (skipped in both modes, exit 127) whenever the
 * program would open a file it names, run another program or reach outside the sandbox's
 * namespaces: `iptables-restore FILE`, `--modprobe=`, `nft -f FILE` (`-f -`, stdin, is
 * fine) and nft's `include`, `tc -batch FILE` and BPF objects, `ethtool --flash`, socat's
 * file/exec/unix addresses, `nc -U`/`-e`, `ss -D FILE`/`-F FILE`. Options a check does not
 * know are refused, not guessed. Kept apart from kernel-argv.ts, which decides for the
 * programs the simulator models; its `argvVerdict` asks this file for the others.
 *
 * `ss -K` (kill sockets) is allowed: sock_diag only reaches the sockets of the network
 * namespace it runs in, which are the sandbox's.
 */
import { checkKernelPath, isPathLike, refusal } from '../model/kernel-path.js';

/** Why this line may not run on the kernel, or null. */
export type KernelOnlyCheck = (argv: readonly string[]) => string | null;

/** an address, a prefix, an address:port, a value/mask (`0x1/0xff`), a rate (`10/sec`), an ICMP type/code (`3/4`) */
const VALUE_WITH_SLASH = /^!?(?!.*\.\.)(?=[^/]*\d)[0-9a-fA-Fx.:[\]]+\/(?=[^/]*\d)[0-9a-fA-Fx.:]+$|^\d+\/(?:s|sec|second|m|min|minute|h|hour|d|day)$/;

/** The first word that could name a file (a `/` that is not part of a value above, `.`, `..`), or null. */
function pathWord(argv: readonly string[], textAfter: ReadonlySet<string> = new Set()): string | null {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (!isPathLike(a) || VALUE_WITH_SLASH.test(a)) continue;
    if (i > 0 && textAfter.has(argv[i - 1])) continue;
    return a;
  }
  return null;
}

const refusePath = (w: string, why = 'a path where the command takes a name or a value') => refusal(w, why);

/** iptables' text options: the kernel keeps them as given, they name no file. */
const XT_TEXT = new Set(['--comment', '--log-prefix', '--nflog-prefix', '--string', '--hex-string', '--name', '--match-set', '--set-name']);
/** options of iptables*, ip6tables*, ebtables (and their -save/-restore) that open files or run programs */
const XT_FILE_OPTIONS = /^(?:-M|--modprobe(?:=.*)?|--object-pinned(?:=.*)?|--path(?:=.*)?|--atomic-(?:file|init|save|commit)(?:=.*)?)$/;

function xtablesProblem(argv: readonly string[]): string | null {
  for (const a of argv) if (XT_FILE_OPTIONS.test(a)) return `${a}: reads or writes a file, or runs a program`;
  const w = pathWord(argv, XT_TEXT);
  return w === null ? null : refusePath(w);
}

/** iptables, ip6tables, ebtables and their variants (`-f` there is the fragment match). */
const xtablesCheck: KernelOnlyCheck = xtablesProblem;

/** iptables-restore [FILE]: the rules come from stdin only. */
const xtablesRestore: KernelOnlyCheck = (argv) => {
  const positional = argv.filter((a, i) => !a.startsWith('-') && !/^(?:-T|--table|-W|--wait-interval|-w|--wait)$/.test(argv[i - 1] ?? ''));
  if (positional.length) return refusePath(positional[0], 'iptables-restore reads its rules from this file (stdin only)');
  return xtablesProblem(argv);
};

/** iptables-save: `-f FILE` writes there. */
const xtablesSave: KernelOnlyCheck = (argv) => {
  for (const a of argv) if (a === '-f' || a.startsWith('--file')) return `${a}: writes a file`;
  return xtablesProblem(argv);
};

const nftCheck: KernelOnlyCheck = (argv) => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '-f' || a === '--file') && argv[i + 1] !== '-') return `nft ${a} ${argv[i + 1] ?? ''}: reads a file (only - , stdin)`.replace(/ +:/, ':');
    if (a.startsWith('--file=') && a !== '--file=-') return `nft ${a}: reads a file (only -, stdin)`;
    if (a === '-I' || a.startsWith('--includepath')) return `nft ${a}: include paths`;
    if (/\binclude\b/.test(a)) return 'nft include: reads a file';
    if (/cgroupv2/.test(a)) return 'nft cgroupv2: opens a cgroup path';
  }
  const w = pathWord(
    argv.filter((a) => a !== '-f' && a !== '--file'),
    new Set(['comment', 'prefix']),
  );
  return w === null ? null : refusePath(w);
};

const conntrackCheck: KernelOnlyCheck = (argv) => {
  for (const a of argv) if (a === '-R' || a.startsWith('--load-file')) return `conntrack ${a}: reads a file`;
  const w = pathWord(argv);
  return w === null ? null : refusePath(w);
};

/** traceroute, tracepath, arping: addresses, interface names and numbers only. */
const probeCheck: KernelOnlyCheck = (argv) => {
  const w = pathWord(argv);
  return w === null ? null : refusePath(w);
};

/** date: printing the time only (never -s, which sets the machine's clock, nor a file's -f or -r). */
const dateCheck: KernelOnlyCheck = (argv) => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a.startsWith('+') || /^(-u|--utc|--universal|-R|--rfc-email|-I[a-z]*|--iso-8601(=[a-z]+)?|--rfc-3339=[a-z]+|(-d|--date=)@\d+)$/.test(a)) continue;
    if ((a === '-d' || a === '--date') && /^@\d+$/.test(argv[i + 1] ?? '')) {
      i++;
      continue;
    }
    return `date ${a}`;
  }
  return null;
};

/** ra6: the options the simulator models (programs/ra6/args.ts), with an interface name; nothing that floods, loops or listens. */
const RA6_SHORT = new Set('idstcpPrxemo'.split(''));
const RA6_LONG = /^--(?:interface|dst-address|src-address|lifetime|curhop|preference|prefix-opt|reachable|retrans|add-slla-opt|managed|other)$/;

const ra6Check: KernelOnlyCheck = (argv) => {
  for (const a of argv) {
    if (!a.startsWith('-')) continue;
    if (!(a.length === 2 && RA6_SHORT.has(a[1])) && !RA6_LONG.test(a)) return `ra6 option ${a}`;
  }
  const w = pathWord(argv.map((a) => a.split('#')[0]));
  return w === null ? null : refusePath(w);
};

/** netcat-openbsd's options: those taking a value, and flags; anything else is refused. */
const NC_VALUE = new Set('IiMmOPpqsTVwWXx'.split(''));
const NC_FLAG = new Set('46bCDdhklNnuvz'.split(''));

const ncCheck: KernelOnlyCheck = (argv) => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') continue;
    if (!a.startsWith('-') || a === '-') {
      if (isPathLike(a)) return refusePath(a);
      continue;
    }
    for (let j = 1; j < a.length; j++) {
      const c = a[j];
      if (NC_FLAG.has(c)) continue;
      if (!NC_VALUE.has(c)) return `nc option -${c}`;
      const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
      if (v !== undefined && isPathLike(v) && !VALUE_WITH_SLASH.test(v)) return refusePath(v);
      break;
    }
  }
  return null;
};

const SS_FLAGS = new Set('hVHOnrapliemoxsEZzbt46uwdSM0'.split(''));
const SS_LONG =
  /^--(?:help|version|no-header|oneline|numeric|resolve|all|listening|options|extended|memory|processes|threads|info|tos|cgroup|tipcinfo|summary|events|context|contexts|bpf|kill|ipv4|ipv6|packet|tcp|udp|dccp|raw|unix|sctp|vsock|tipc|xdp|mptcp|inet-sockopt|family=\w+|query=[\w,!]+|socket=[\w,!]+)$/;

const ssCheck: KernelOnlyCheck = (argv) => {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      if (a === '--net' || a.startsWith('--net=')) {
        const name = a === '--net' ? argv[++i] : a.slice(6);
        if (name === undefined || isPathLike(name)) return refusePath(name ?? '', 'ss --net takes a namespace name');
        continue;
      }
      if (a === '--family' || a === '--query' || a === '--socket') {
        i++;
        continue;
      }
      if (!SS_LONG.test(a)) return `ss option ${a}`;
      continue;
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let j = 1; j < a.length; j++) {
        const c = a[j];
        if (SS_FLAGS.has(c)) continue;
        if (c === 'K') continue;
        if (c === 'f' || c === 'A' || c === 'N') {
          const v = j + 1 < a.length ? a.slice(j + 1) : argv[++i];
          if (v === undefined || isPathLike(v)) return refusePath(v ?? '', `ss -${c} takes a name`);
          break;
        }
        return `ss option -${c}`;
      }
      continue;
    }
    if (isPathLike(a) && !VALUE_WITH_SLASH.test(a)) return refusePath(a);
  }
  return null;
};

/**
 * curl: only an http:// URL with a literal IPv4 address or a bracketed IPv6 one (nothing resolved, nothing outside the
 * sandbox's namespaces), output only to /dev/null, and the few options the model knows.
 */
const CURL_URL = /^(?:http:\/\/)?(?:\d{1,3}(?:\.\d{1,3}){3}|\[[0-9a-fA-F:.]{2,45}\])(?::\d{1,5})?(?:\/[A-Za-z0-9._~/?=&%-]*)?$/;
const CURL_FLAGS = new Set(['-s', '-S', '-I', '-sS', '-Ss', '-sI', '-Is', '-sSI', '--silent', '--show-error', '--head', '-g', '-4', '-6', '--globoff', '--ipv4', '--ipv6']);
const CURL_VALUES = new Set(['-o', '-w', '-m', '--output', '--write-out', '--max-time', '--connect-timeout']);

const curlCheck: KernelOnlyCheck = (argv) => {
  let urls = 0;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (CURL_FLAGS.has(a)) continue;
    if (CURL_VALUES.has(a)) {
      const v = argv[++i];
      if (v === undefined) return `curl option ${a} without its value`;
      if ((a === '-o' || a === '--output') && v !== '/dev/null') return refusePath(v, 'curl writes only to /dev/null');
      if (a === '-w' || a === '--write-out') {
        if (v.startsWith('@') || /%\{(?!http_code\}|response_code\})/.test(v)) return `curl -w ${v}: only %{http_code}`;
        continue;
      }
      if ((a === '-m' || a === '--max-time' || a === '--connect-timeout') && !/^\d+(?:\.\d+)?$/.test(v)) return `curl timeout ${v}`;
      continue;
    }
    if (a.startsWith('-')) return `curl option ${a}`;
    if (!CURL_URL.test(a)) return `curl URL ${a}: only http:// and a literal address`;
    urls++;
  }
  return urls === 1 ? null : 'curl needs exactly one URL';
};

/** python3: only `-m http.server [PORT] [--bind ADDR]` (run in a private empty folder). */
const python3Check: KernelOnlyCheck = (argv) => {
  if (argv[0] !== '-m' || argv[1] !== 'http.server') return 'python3 other than -m http.server';
  for (let i = 2; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--bind' || a === '-b') {
      const v = argv[++i];
      if (v === undefined || !/^(?:\d{1,3}(?:\.\d{1,3}){3}|[0-9a-fA-F:.]{2,45})$/.test(v) || (!v.includes(':') && !v.includes('.'))) return 'http.server --bind takes a literal address';
      continue;
    }
    if (!/^\d{1,5}$/.test(a)) return `http.server argument ${a}`;
  }
  return null;
};

/** ethtool's query and set options for a device (no firmware, EEPROM, register dumps to files, self tests or LED blinking). */
const ETHTOOL_OPTIONS = new Set([
  '-a',
  '--show-pause',
  '-A',
  '--pause',
  '-c',
  '--show-coalesce',
  '-C',
  '--coalesce',
  '-g',
  '--show-ring',
  '-G',
  '--set-ring',
  '-k',
  '--show-features',
  '--show-offload',
  '-K',
  '--features',
  '--offload',
  '-i',
  '--driver',
  '-P',
  '--show-permaddr',
  '-S',
  '--statistics',
  '-s',
  '--change',
  '-l',
  '--show-channels',
  '-L',
  '--set-channels',
  '-T',
  '--show-time-stamping',
  '--show-eee',
  '--set-eee',
  '--show-priv-flags',
  '--show-fec',
  '-r',
  '--negotiate',
]);
const ETHTOOL_GLOBAL = new Set(['--json', '-I', '--include-statistics', '-h', '--help', '--version']);

const ethtoolCheck: KernelOnlyCheck = (argv) => {
  let i = 0;
  while (i < argv.length && ETHTOOL_GLOBAL.has(argv[i])) i++;
  const op = argv[i];
  if (op !== undefined && op.startsWith('-') && !ETHTOOL_OPTIONS.has(op)) return `ethtool option ${op}`;
  const w = pathWord(argv);
  return w === null ? null : refusePath(w);
};

/** socat's network address types (keywords and aliases, lower case) and its own stdio. */
const SOCAT_NETWORK = new Set([
  ...['tcp', 'tcp4', 'tcp6', 'tcp-connect', 'tcp4-connect', 'tcp6-connect', 'tcp-listen', 'tcp4-listen', 'tcp6-listen', 'tcp-l', 'tcp4-l', 'tcp6-l'],
  ...['udp', 'udp4', 'udp6', 'udp-connect', 'udp4-connect', 'udp6-connect', 'udp-listen', 'udp4-listen', 'udp6-listen', 'udp-l', 'udp4-l', 'udp6-l'],
  ...['udp-datagram', 'udp4-datagram', 'udp6-datagram', 'udp-dgram', 'udp4-dgram', 'udp6-dgram', 'udp-sendto', 'udp4-sendto', 'udp6-sendto'],
  ...['udp-recv', 'udp4-recv', 'udp6-recv', 'udp-recvfrom', 'udp4-recvfrom', 'udp6-recvfrom'],
  ...['ip-sendto', 'ip4-sendto', 'ip6-sendto', 'ip-datagram', 'ip4-datagram', 'ip6-datagram', 'ip-dgram', 'ip-recv', 'ip4-recv', 'ip6-recv', 'ip-recvfrom', 'ip4-recvfrom', 'ip6-recvfrom'],
  ...['sctp', 'sctp-connect', 'sctp4-connect', 'sctp6-connect', 'sctp-listen', 'sctp4-listen', 'sctp6-listen', 'sctp-l'],
  ...['tun', 'interface', 'stdio', 'stdin', 'stdout', 'stderr', '-'],
]);

/** socat address options that only shape sockets and tun devices (canonical names and the aliases people write). */
const SOCAT_SAFE_OPTIONS = new Set([
  ...['bind', 'sourceport', 'sp', 'lowport', 'reuseaddr', 'so-reuseaddr', 'reuseport', 'so-reuseport', 'fork', 'max-children', 'range', 'backlog', 'connect-timeout'],
  ...['retry', 'interval', 'forever', 'ttl', 'ip-ttl', 'tos', 'ip-tos', 'mtu', 'ip-mtu', 'pf', 'protocol-family', 'ipv6only', 'ipv6-v6only', 'broadcast', 'so-broadcast'],
  ...['keepalive', 'so-keepalive', 'linger', 'so-linger', 'rcvbuf', 'so-rcvbuf', 'sndbuf', 'so-sndbuf', 'so-bindtodevice', 'bindtodevice', 'if', 'priority', 'so-priority', 'dontroute'],
  ...['nodelay', 'tcp-nodelay', 'mss', 'tcp-maxseg', 'keepidle', 'tcp-keepidle', 'keepintvl', 'tcp-keepintvl', 'keepcnt', 'tcp-keepcnt', 'syncnt', 'tcp-syncnt', 'quickack', 'tcp-quickack'],
  ...[
    'ip-multicast-ttl',
    'multicast-ttl',
    'ip-multicast-loop',
    'multicast-loop',
    'ip-multicast-if',
    'multicast-if',
    'ip-add-membership',
    'add-membership',
    'ip-recverr',
    'recverr',
    'mtudiscover',
    'ip-mtu-discover',
  ],
  ...['tun-name', 'tun-type', 'iff-no-pi', 'no-pi', 'iff-up', 'up', 'iff-broadcast', 'iff-noarp', 'iff-multicast', 'iff-promisc', 'iff-pointopoint', 'iff-running'],
  ...['crlf', 'cr', 'ignoreeof', 'nonblock', 'rcvtimeo', 'sndtimeo', 'end-close', 'shut-none', 'shut-down', 'shut-close', 'null-eof', 'readbytes', 'bytes'],
]);
/** socat's own options that change only logging to stderr, buffers and timeouts. */
const SOCAT_GLOBAL = /^-(?:d+|D|v|x|s|u|U|g|4|6|lu|lh|b\d*|t\d*(?:\.\d+)?|T\d*(?:\.\d+)?)$/;

/** One socat address: why it may not run on the kernel, or null. */
function socatAddressProblem(text: string): string | null {
  const comma = text.indexOf(',');
  const head = comma < 0 ? text : text.slice(0, comma);
  const colon = head.indexOf(':');
  const keyword = (colon < 0 ? head : head.slice(0, colon)).toLowerCase();
  if (!SOCAT_NETWORK.has(keyword)) return `socat address ${colon < 0 ? head : keyword}: only network addresses run on the kernel`;
  if (/[!"'\\()[\]{}\s]/.test(text.replace(/\[[0-9a-fA-F:.]+\]/g, ''))) return `socat address ${text}: quoting, nesting or a dual address`;
  const params = colon < 0 ? [] : head.slice(colon + 1).split(':');
  for (const p of params) if (isPathLike(p) && !(keyword === 'tun' && VALUE_WITH_SLASH.test(p)) && !VALUE_WITH_SLASH.test(p)) return refusePath(p);
  for (const o of comma < 0 ? [] : text.slice(comma + 1).split(',')) {
    if (o === '') continue;
    const eq = o.indexOf('=');
    const name = (eq < 0 ? o : o.slice(0, eq)).toLowerCase();
    if (!SOCAT_SAFE_OPTIONS.has(name)) return `socat option ${name}`;
    const value = eq < 0 ? '' : o.slice(eq + 1);
    if (isPathLike(value) && !VALUE_WITH_SLASH.test(value)) return refusePath(value);
  }
  return null;
}

/**
 * A socat command line's options that could change more than sockets and tun devices (the
 * user, the root directory, files, programs): the first not on the allowlists, or null. Both
 * modes ask it before socat's own parsing, so such a line is refused, never answered; `known`
 * tells an option socat has from a name it would refuse itself.
 *
 * @example
 * socatOptionProblem(['-', 'TCP:127.0.0.1:9,su=nobody']); // 'socat option su'
 * socatOptionProblem(['/dev/null', 'TCP4-LISTEN:80,reuseaddr,fork']); // null
 */
export function socatOptionProblem(argv: readonly string[], known: (name: string) => boolean = () => true): string | null {
  for (const a of argv) {
    if (a.startsWith('-') && a !== '-') {
      if (!SOCAT_GLOBAL.test(a)) return `socat option ${a}`;
      continue;
    }
    const comma = a.indexOf(',');
    for (const o of comma < 0 ? [] : a.slice(comma + 1).split(',')) {
      if (o === '') continue;
      const eq = o.indexOf('=');
      const name = (eq < 0 ? o : o.slice(0, eq)).toLowerCase();
      // a name socat does not know is harmless: socat refuses it itself (`known` says)
      if (!SOCAT_SAFE_OPTIONS.has(name) && known(name)) return `socat option ${name}`;
    }
  }
  return null;
}

const socatCheck: KernelOnlyCheck = (argv) => {
  let i = 0;
  for (; i < argv.length && argv[i].startsWith('-') && argv[i] !== '-'; i++) {
    if (!SOCAT_GLOBAL.test(argv[i])) return `socat option ${argv[i]}`;
  }
  const addrs = argv.slice(i);
  if (addrs.length !== 2) return 'socat needs two addresses';
  for (const a of addrs) {
    const why = socatAddressProblem(a);
    if (why) return why;
  }
  return null;
};

/** `tc`: as ip (kernel-argv.ts), plus its own file options. */
const TC_FILE = /^(?:-cf|-conf|--?c(?:o(?:nf?)?)?|bytecode-file|object-file|obj|object|pinned|fd)$/;

/** tc's extra refusals on top of ip's (kernel-argv.ts runs ip's rules first). */
export function tcFileProblem(argv: readonly string[]): string | null {
  for (const a of argv) if (TC_FILE.test(a)) return `tc ${a}: reads a file`;
  return null;
}

/** `ping6` is ping -6; ping's own check is kernel-argv.ts's. */
const XTABLES = ['iptables', 'ip6tables', 'iptables-legacy', 'ip6tables-legacy', 'iptables-nft', 'ip6tables-nft', 'ebtables'];
const XTABLES_RESTORE = ['iptables-restore', 'ip6tables-restore', 'iptables-legacy-restore', 'iptables-nft-restore'];
const XTABLES_SAVE = ['iptables-save', 'ip6tables-save', 'iptables-legacy-save', 'iptables-nft-save'];

/** Per program: the check its lines pass before real mode runs them. */
/**
 * net-tools' ifconfig and route take interface names, addresses, masks and keywords, and open
 * no file given on the line: every word must be one of those (an address may carry /LEN).
 */
const netToolsCheck: KernelOnlyCheck = (argv) => {
  for (const a of argv) if (!/^[A-Za-z0-9_.:+-]+(?:\/\d{1,3})?$/.test(a) || a.startsWith('/')) return `net-tools argument ${JSON.stringify(a)}`;
  return null;
};

export const KERNEL_ONLY_CHECKS: Readonly<Record<string, KernelOnlyCheck>> = {
  ...Object.fromEntries(XTABLES.map((p) => [p, xtablesCheck])),
  ...Object.fromEntries(XTABLES_RESTORE.map((p) => [p, xtablesRestore])),
  ...Object.fromEntries(XTABLES_SAVE.map((p) => [p, xtablesSave])),
  nft: nftCheck,
  conntrack: conntrackCheck,
  traceroute: probeCheck,
  tracepath: probeCheck,
  arping: probeCheck,
  date: dateCheck,
  ra6: ra6Check,
  nc: ncCheck,
  ss: ssCheck,
  curl: curlCheck,
  python3: python3Check,
  ethtool: ethtoolCheck,
  socat: socatCheck,
  ifconfig: netToolsCheck,
  route: netToolsCheck,
};

/**
 * Why a line of a program the simulator does not model may not run on the kernel, or null.
 *
 * @example
 * kernelOnlyProblem('iptables', ['-A', 'FORWARD', '-j', 'DROP']); // null
 * kernelOnlyProblem('iptables-restore', ['/etc/iptables/rules.v4']); // 'path check refused …'
 * kernelOnlyProblem('socat', ['TCP-LISTEN:80', 'EXEC:/bin/sh']); // 'socat address exec: …'
 */
export function kernelOnlyProblem(program: string, argv: readonly string[]): string | null {
  const check = Object.hasOwn(KERNEL_ONLY_CHECKS, program) ? KERNEL_ONLY_CHECKS[program] : undefined;
  if (!check) return `command ${program}`;
  return check(argv);
}

/** Whether `path` is a /sys/class/net attribute file (kernel-path.ts) the line may read, or write when the kernel lets root. */
export function sysfsNetProblem(path: string, write: boolean): string | null {
  const c = checkKernelPath(path);
  if (!c.ok) return refusal(path, c.why);
  if (c.file.kind !== 'sysfs-net') return `${path} is not a /sys/class/net attribute`;
  if (write && !c.file.writable) return `${path} is read-only`;
  return null;
}
