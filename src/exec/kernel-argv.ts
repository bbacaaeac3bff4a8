/**
 * Which command lines of the modelled programs may reach the kernel's tools, decided once for
 * both modes when a line is classified (invocation.ts), so the simulator and real mode answer
 * every line alike; real mode's guard (adapters/linux/guard.ts) asks the same again before argv.
 *
 * - refused (both modes: unsupported, exit 127, never run): `exec` and `-batch` in ip/bridge
 *   lines (a program or commands nobody checked), a file where a tool opens one (`-n`/`netns`
 *   values other than /run/netns/NAME, `obj`/`file`/`pinned` values, brctl's sysfs-backed
 *   commands, a ping destination), sysctl options that read files and keys outside the
 *   allowlist (kernel-path.ts); for the programs the simulator does not model, what their own
 *   checks refuse (kernel-only-argv.ts: files, other programs, sockets outside the network);
 * - off the kernel: a path-like word where the tool only takes a name (`ip link add a/b`,
 *   `ip netns add ../../x`, `dev /etc/passwd`, `ping -I /path`). No device, namespace or
 *   bridge can be named so, and the tool refuses such a name or finds nothing by it without
 *   touching a file (the sim's answers are checked against the tools in test/security). Such a
 *   line is never run; both modes give the simulator's answer, or report it unsupported when
 *   that answer is not a failure.
 */
import { checkKernelPath, isPathLike, refusal, sysctlKeyPath } from '../model/kernel-path.js';
import { kernelOnlyProblem, tcFileProblem } from './kernel-only-argv.js';

export type ArgvVerdict = { kind: 'refuse'; why: string } | { kind: 'off-kernel'; why: string } | null;

const BATCH_OPT = /^--?b(a(t(ch?)?)?)?$/;
const ALL_OPT = /^--?a(ll?)?$/;
/** `netns` and the abbreviations of it that ip resolves to netns */
const NETNS_OBJECT = /^(?:netns|netn|net)$/;
/** `-n`, `-netns`, `--netns` and what ip and bridge take for them */
const NETNS_OPT = /^--?n(e(t(ns?)?)?)?$/;
/** keywords whose value a tool opens as a file (BPF objects, pinned maps, monitor dumps) */
const FILE_KEYWORDS = new Set(['obj', 'object', 'pinned', 'file', 'section']);
/**
 * a CIDR-ish word: 10.0.0.1/24, 2001:db8::/64, and the typos people make of them
 * (172.16.1.0/24/24: a subnet given where an address goes, then /24 appended); never a
 * word whose first part is only dots (../24 would name a file outside /run/netns)
 */
const PREFIX_WORD = /^(?!\.+\/)[0-9a-fA-F.:]+\/[0-9.]+(?:\/\d+)*$/;
/** keywords whose value is free text the kernel keeps as given: a `/` there is accepted, so not a refusal to rely on */
const TEXT_KEYWORDS = new Set(['label', 'alias']);
/** brctl commands that name bridges and ports only to ioctl(2); the others build sysfs paths from them */
const BRCTL_IOCTL = new Set(['addbr', 'delbr', 'addif', 'delif']);

const SYSCTL_OPTIONS = /^-[wnqe]+$/;
const SYSCTL_LONG = new Set(['--write', '--values', '--quiet', '--ignore']);

/**
 * What may happen to `program argv` on the kernel (null: it may run).
 *
 * @example
 * argvVerdict('ip', ['link', 'add', 'a/b', 'type', 'veth']); // { kind: 'off-kernel', … }
 * argvVerdict('sysctl', ['net.ipv4.//.//.kernel.hostname']); // { kind: 'refuse', … }
 */
export function argvVerdict(program: string, argv: readonly string[]): ArgvVerdict {
  if (argv.some((a) => a.includes('\0'))) return refuse('a NUL byte in an argument');
  switch (program) {
    case 'ip':
    case 'bridge':
      return iproute2Verdict(program, argv);
    case 'tc': {
      const why = tcFileProblem(argv);
      return why ? refuse(why) : iproute2Verdict(program, argv);
    }
    case 'brctl': {
      const path = argv.find(isPathLike);
      if (path === undefined) return null;
      return BRCTL_IOCTL.has(argv[0]) ? offKernel(path) : refuse(refusal(path, 'brctl opens /sys/class/net/NAME/… by it'));
    }
    case 'ping':
    case 'ping6':
      return pingVerdict(argv);
    case 'sysctl':
      return sysctlVerdict(argv);
    default: {
      // the programs the simulator does not model: their own checks (kernel-only-argv.ts)
      const why = kernelOnlyProblem(program, argv);
      return why ? refuse(why) : null;
    }
  }
}

function refuse(why: string): ArgvVerdict {
  return { kind: 'refuse', why };
}

function offKernel(word: string): ArgvVerdict {
  return { kind: 'off-kernel', why: refusal(word, 'a path where the command takes a name') };
}

function iproute2Verdict(program: string, argv: readonly string[]): ArgvVerdict {
  let first: string | null = null;
  let i = 0;
  // options before the object: -batch is refused, -n's value is a file under /run/netns
  for (; i < argv.length && argv[i].startsWith('-'); i++) {
    const a = argv[i];
    if (BATCH_OPT.test(a)) return refuse(`${program} -batch`);
    if (NETNS_OPT.test(a) && argv[i + 1] !== undefined) {
      if (isPathLike(argv[++i])) return refuse(refusal(argv[i], `${program} ${a} takes a namespace name`));
    }
  }
  // do_netns refuses a bad name before anything else, `exec` included ("Invalid netns name")
  const all = argv.slice(0, i).some((a) => ALL_OPT.test(a));
  const name = argv[i + 2];
  if (program === 'ip' && !all && NETNS_OBJECT.test(argv[i] ?? '') && name !== undefined && (name === '' || isPathLike(name))) return offKernel(name);
  for (const a of argv) if (a === 'exec') return refuse(`${program} … exec`);
  for (let j = i; j < argv.length; j++) {
    const a = argv[j];
    if (!isPathLike(a) || PREFIX_WORD.test(a)) continue;
    const prev = argv[j - 1];
    if (prev === 'netns' && j - 1 > i) {
      // `ip link set DEV netns PATH` opens PATH itself: only a namespace file of the run
      const c = checkKernelPath(a);
      if (c.ok && c.file.kind === 'netns') continue;
      return refuse(refusal(a, c.ok ? 'not a network namespace file' : c.why));
    }
    if (FILE_KEYWORDS.has(prev)) return refuse(refusal(a, `${program} opens the file after "${prev}"`));
    if (TEXT_KEYWORDS.has(prev)) return refuse(refusal(a, `a path-like ${prev}`));
    first ??= a;
  }
  return first === null ? null : offKernel(first);
}

function pingVerdict(argv: readonly string[]): ArgvVerdict {
  let name: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const iface = a === '-I' ? argv[++i] : a.startsWith('-I') ? a.slice(2) : undefined;
    if (iface !== undefined) {
      // SO_BINDTODEVICE on a name no device has: ping says so, nothing else happens
      if (isPathLike(iface)) name ??= iface;
      continue;
    }
    // a destination ping would resolve (/etc/hosts, DNS): not a name or an address
    if (isPathLike(a) && !PREFIX_WORD.test(a)) return refuse(refusal(a, 'ping resolves its destination'));
  }
  return name === null ? null : offKernel(name);
}

function sysctlVerdict(argv: readonly string[]): ArgvVerdict {
  for (const a of argv) {
    if (a.startsWith('-')) {
      if (!SYSCTL_OPTIONS.test(a) && !SYSCTL_LONG.has(a)) return refuse(`sysctl option ${a}`);
      continue;
    }
    const key = (a.includes('=') ? a.slice(0, a.indexOf('=')) : a).trim();
    const path = sysctlKeyPath(key);
    const c = checkKernelPath(path);
    // every key the path check allows is a file of the sandbox's own network namespace: one
    // the model does not hold runs on the kernel only (the simulator reports it not modelled)
    if (!c.ok) return refuse(refusal(`${path} (sysctl key ${key})`, c.why));
  }
  return null;
}
