/**
 * Which command lines of the modelled programs may reach the kernel's tools, decided once for
 * both modes when a line is classified (invocation.ts), so the simulator and real mode answer
 * every line alike; real mode's guard (adapters/linux/guard.ts) asks the same again before argv.
 *
 * - refused (both modes: unsupported, exit 127, never run): `exec` and `-batch` in ip/bridge
 *   lines (a program or commands nobody checked) — but `ip -batch -` fed by the script itself,
 *   each of whose commands is judged as its own line would be, a file where a tool opens one (`-n`/`netns`
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
import { modprobeAnswer } from './modprobe.js';
import { batchCommands } from '../iproute2/batch.js';

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
/** `fwmark MARK/MASK` of ip rule: two numbers, decimal or hexadecimal, never a file */
const MARK_MASK = /^(?:0[xX][0-9a-fA-F]+|\d+)\/(?:0[xX][0-9a-fA-F]+|\d+)$/;
/** a nexthop group's members: `ID[,WEIGHT]` joined by `/` */
const NEXTHOP_GROUP = /^\d+(?:,\d+)?(?:\/\d+(?:,\d+)?)*$/;
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
export function argvVerdict(program: string, argv: readonly string[], stdin?: string): ArgvVerdict {
  if (argv.some((a) => a.includes('\0'))) return refuse('a NUL byte in an argument');
  switch (program) {
    case 'ip':
      return batchInput(argv) !== null ? batchVerdict(argv, stdin) : iproute2Verdict(program, argv);
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
    case 'iptables':
    case 'iptables-nft':
    case 'iptables-legacy':
    case 'ip6tables':
    case 'ip6tables-nft':
    case 'ip6tables-legacy':
      return xtablesVerdict(argv);
    case 'iptables-save':
    case 'iptables-nft-save':
    case 'iptables-legacy-save':
    case 'ip6tables-save':
    case 'ip6tables-nft-save':
    case 'ip6tables-legacy-save':
      return xtablesSaveVerdict(argv);
    case 'iptables-restore':
    case 'iptables-nft-restore':
    case 'iptables-legacy-restore':
    case 'ip6tables-restore':
    case 'ip6tables-nft-restore':
    case 'ip6tables-legacy-restore':
      return xtablesRestoreVerdict(argv);
    case 'nft':
      return nftVerdict(argv);
    case 'conntrack':
      return conntrackVerdict(argv);
    case 'modprobe':
      return modprobeVerdict(argv);
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

/** The value of `ip`'s -batch option (before the object), or null when there is none. */
function batchInput(argv: readonly string[]): string | null {
  for (let i = 0; i < argv.length && argv[i]!.startsWith('-'); i++) {
    if (BATCH_OPT.test(argv[i]!)) return argv[i + 1] ?? '';
    if (NETNS_OPT.test(argv[i]!) || /^--?(?:f(a(m(i(ly?)?)?)?)?|rc(v(b(uf?)?)?)?|l(o(o(ps?)?)?)?)$/.test(argv[i]!)) i++;
  }
  return null;
}

/**
 * `ip [OPTIONS] -batch -` fed by a here-document or a pipe: each of its commands is judged as
 * the line `ip [OPTIONS] COMMAND` would be (batch.ts splits them as iproute2 does), and any
 * line refused or kept off the kernel refuses the whole batch. A batch file, or stdin nobody
 * gave, is refused: commands nobody checked.
 */
function batchVerdict(argv: readonly string[], stdin: string | undefined): ArgvVerdict {
  if (batchInput(argv) !== '-' || stdin === undefined) return refuse('ip -batch');
  if (stdin.includes('\0')) return refuse('a NUL byte in ip -batch input');
  // the options before -batch apply to every command; -batch and -force are the batch's own
  const opts: string[] = [];
  for (let i = 0; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (BATCH_OPT.test(a)) {
      i++;
      continue;
    }
    if (/^--?fo(r(ce?)?)?$/.test(a)) continue;
    opts.push(a);
    if (NETNS_OPT.test(a) || /^--?(?:f(a(m(i(ly?)?)?)?)?|rc(v(b(uf?)?)?)?|l(o(o(ps?)?)?)?)$/.test(a)) opts.push(argv[++i] ?? '');
  }
  let commands: { argv: string[]; line: number }[];
  try {
    commands = batchCommands(stdin);
  } catch {
    // makeargs' own error (an unterminated quote): ip stops there, having run the lines before
    return refuse('ip -batch input iproute2 cannot split');
  }
  for (const c of commands) {
    // a batch line is an object and its words: an option there is no option to ip
    if (c.argv[0]!.startsWith('-')) return refuse(`ip -batch line ${c.line}: ${c.argv[0]}`);
    const v = iproute2Verdict('ip', [...opts, ...c.argv]);
    if (v) return refuse(`ip -batch line ${c.line}: ${v.why}`);
  }
  return null;
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
  if (NETNS_OBJECT.test(argv[i] ?? '') && /^e(?:x(?:ec?)?)?$/.test(argv[i + 1] ?? '')) return refuse(`${program} … exec`);
  for (let j = i; j < argv.length; j++) {
    const a = argv[j];
    if (!isPathLike(a) || PREFIX_WORD.test(a)) continue;
    const prev = argv[j - 1];
    if (prev === 'fwmark' && MARK_MASK.test(a)) continue;
    // `ip nexthop add … group 1/2,3`: ids and weights, never a file
    if (prev === 'group' && NEXTHOP_GROUP.test(a)) continue;
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

/** `--modprobe=PROG` (and its abbreviations) or `-M PROG`, also inside a bundle of flags (`-nM…`): a program iptables would run. */
const MODPROBE_OPT = /^(?:--mo(?:d(?:p(?:r(?:o(?:be?)?)?)?)?)?(?:=.*)?|-[nvxf46bV]*M.*)$/;
/** extensions that reach outside the namespace: a pinned BPF object or cgroup path opened, the audit log, LED and idletimer devices made in sysfs */
const XT_OUTSIDE = new Set(['bpf', 'cgroup', 'AUDIT', 'LED', 'IDLETIMER']);

function xtExtensionVerdict(argv: readonly string[]): ArgvVerdict {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (MODPROBE_OPT.test(a)) return refuse(`iptables option ${a} (it runs a program)`);
    if ((a === '-m' || a === '--match' || a === '-j' || a === '--jump') && XT_OUTSIDE.has(argv[i + 1] ?? '')) return refuse(`iptables extension ${argv[i + 1]}`);
  }
  return null;
}

/** iptables and ip6tables (either backend): no option that runs a program or opens a file. */
function xtablesVerdict(argv: readonly string[]): ArgvVerdict {
  return xtExtensionVerdict(argv);
}

/** iptables-save: to stdout only (no -f/--file), no --modprobe. */
function xtablesSaveVerdict(argv: readonly string[]): ArgvVerdict {
  for (const a of argv) {
    if (/^(?:-f.*|--f(?:i(?:le?)?)?(?:=.*)?)$/.test(a)) return refuse(`iptables-save option ${a} (it writes a file)`);
    if (MODPROBE_OPT.test(a)) return refuse(`iptables-save option ${a} (it runs a program)`);
  }
  return null;
}

/** iptables-restore: from stdin only (no file argument), no --modprobe. */
function xtablesRestoreVerdict(argv: readonly string[]): ArgvVerdict {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (MODPROBE_OPT.test(a)) return refuse(`iptables-restore option ${a} (it runs a program)`);
    // -T/--table and -w/-W take values; anything else that is not an option is a file to read
    if (/^(?:-T|--table|-W|--wait-interval)$/.test(a)) {
      i++;
      continue;
    }
    if (!a.startsWith('-')) return refuse(`iptables-restore file ${a} (only stdin is read)`);
  }
  return null;
}

/** nft: commands and `-f -` (stdin); no other file, no include path, no interactive shell. */
function nftVerdict(argv: readonly string[]): ArgvVerdict {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '-f' || a === '--file') {
      if (argv[i + 1] !== '-') return refuse(`nft ${a} ${argv[i + 1] ?? ''} (only stdin is read)`);
      i++;
      continue;
    }
    if (/^(?:-f.+|--file=.*|-I.*|--includepath.*|-i|--interactive)$/.test(a)) return refuse(`nft option ${a}`);
    if (/\binclude\b/.test(a)) return refuse('nft include (it reads a file)');
  }
  return null;
}

/** nftables input on stdin: no `include` (a file nft would read). */
export function nftStdinVerdict(text: string): ArgvVerdict {
  return /(^|[\s;{])include\s/m.test(text) ? refuse('nft include (it reads a file)') : null;
}

/** conntrack: no event listening (it never ends) and no file loading. */
function conntrackVerdict(argv: readonly string[]): ArgvVerdict {
  for (const a of argv) {
    if (/^(?:-E|--event|-R|--load-file.*)$/.test(a)) return refuse(`conntrack option ${a}`);
  }
  return null;
}

/** modprobe: never run; only modules this kernel has built in are answered, by local.ts in both modes (exec/modprobe.ts). */
function modprobeVerdict(argv: readonly string[]): ArgvVerdict {
  return modprobeAnswer(argv) === null ? refuse(`modprobe ${argv.join(' ')} (modules are never loaded on this machine)`) : null;
}
