/**
 * From a shell command (already expanded) to a modelled invocation: which program, in which
 * namespace, with which arguments. Both modes share this step, so a line is supported in the
 * simulator exactly when it is run on the kernel; anything else is reported, never executed.
 */
import { classifySysctl } from '../ops/apply-sysctl.js';
import { argvVerdict } from './kernel-argv.js';
import { checkKernelPath, refusal } from '../model/kernel-path.js';
import { CATALOGUE, isProgram, type Feature, type Program } from './catalogue.js';
import { sysfsNetProblem } from './kernel-only-argv.js';
import { isTextTool, type TextTool } from './text-tools.js';
import { classifyPath, type ScratchView } from './scratch.js';

export type { Program } from './catalogue.js';

/** How the command was put into a namespace, kept so both modes print the same errors. */
export type NetnsWrapper =
  | { kind: 'netns-exec'; name: string; argv: string[] }
  | { kind: 'nsenter'; path: string; name: string; argv: string[] }
  /**
   * `ip -all netns exec`: the command once in every named namespace, in `ip netns list` order,
   * each run announced on stdout by `\nnetns: NAME\n`; ip exits 0 whatever they return.
   */
  | { kind: 'netns-exec-all'; argv: string[] };

export type Invocation =
  /**
   * `offKernel`: why this line never reaches the kernel (kernel-argv.ts): both modes give the
   * simulator's answer, a failure, or report the line unsupported with this reason.
   * `stdin`: what the shell feeds it (a pipe, a here-document), when anything.
   */
  | { kind: 'program'; program: Program; argv: string[]; wrappers: NetnsWrapper[]; background: boolean; offKernel?: string; stdin?: string }
  /**
   * `echo V > /proc/sys/…` (`redirect`: the shell itself opens the file, in its own namespace —
   * the host's, or `shellWrappers`' for a `bash -c` run inside one — whatever namespace `echo`
   * then runs in) or `… | tee /proc/sys/…` (tee opens it, in the namespace its wrappers lead
   * to). `path` passed the path check (kernel-path.ts).
   */
  | { kind: 'proc-write'; path: string; value: string; echoed: string; wrappers: NetnsWrapper[]; redirect: boolean; shellWrappers?: NetnsWrapper[]; notModelled?: string }
  /**
   * `cat FILE…` of the kernel's files (/proc/sys/net, /sys/class/net/IF/ATTR, /proc/net/…),
   * every path checked. `notModelled` (both kinds): a kernel file the model does not hold (a
   * sysctl it lacks, a /sys/class/net attribute it does not answer): the simulator reports the
   * line not modelled, real mode reads or writes the kernel's file
   */
  | { kind: 'proc-read'; paths: string[]; wrappers: NetnsWrapper[]; notModelled?: string }
  /** `ls /sys/class/net`: the namespace's interfaces */
  | { kind: 'netdev-list'; wrappers: NetnsWrapper[] }
  /** `ls /var/run/netns` (or /run/netns): the named namespaces' files; `path` as written, one of those two */
  | { kind: 'netns-dir-list'; path: string; wrappers: NetnsWrapper[] }
  /** a text tool (text-tools.ts), run in-process in both modes on its stdin and the run's scratch files */
  | { kind: 'text'; tool: TextTool; argv: string[]; stdin: string; files: ScratchView; wrappers: NetnsWrapper[] }
  | { kind: 'sleep'; seconds: number }
  /**
   * `kill -SIG %1` / `kill $!` of a job the line `cmd &` left running: `job` is the handle the
   * executor gave that line's outcome (Outcome.job). The shell keeps the job table (bash's);
   * the executor delivers the signal and lets the process end, so the job's end is reported
   * after this command in both modes.
   */
  | { kind: 'job-signal'; job: number; signal: number }
  | { kind: 'noop' }
  /** `feature`: the program's, when a catalogue program's line was refused */
  | { kind: 'unsupported'; why: string; feature?: Feature };

/** Names that reach a command line: no slash, no blank, at most 255 bytes (a file name). */
export function safeName(name: string): boolean {
  return name.length > 0 && name !== '.' && name !== '..' && !/[/\s\0]/.test(name) && Buffer.byteLength(name) <= 255;
}

/** `sudo [opts] cmd`: the options sudo takes that do not change what runs. */
function stripSudo(argv: string[]): string[] | null {
  let i = 0;
  while (argv[i] === 'sudo') {
    i++;
    while (i < argv.length && argv[i].startsWith('-')) {
      const o = argv[i];
      if (o === '--') {
        i++;
        break;
      }
      if (o === '-i' || o === '-s' || o === '--login' || o === '--shell') return null;
      if (o === '-u' || o === '-g' || o === '-C' || o === '-p' || o === '-h' || o === '-U') i += 2;
      else i++;
    }
  }
  return argv.slice(i);
}

/** Peels `ip netns exec NS`, `nsenter --net=/run/netns/NS` and `sudo` layers off a command. */
export function unwrap(argv: string[], wrappers: NetnsWrapper[]): string[] | { why: string } {
  for (;;) {
    const s = stripSudo(argv);
    if (!s) return { why: 'interactive sudo' };
    argv = s;
    if (argv[0] === 'ip' && argv[1] && /^--?a(?:ll?)?$/.test(argv[1]) && argv[2] && NETNS_WORD.test(argv[2]) && NETNS_EXEC.test(argv[3] ?? '')) {
      if (argv.length < 5) return { why: 'ip -all netns exec without a command' };
      // one fan-out, outermost: anything wrapped around or inside it is not modelled
      if (wrappers.length) return { why: 'ip -all netns exec inside another namespace' };
      wrappers.push({ kind: 'netns-exec-all', argv: argv.slice(0, 4) });
      argv = argv.slice(4);
      continue;
    }
    if (wrappers.some((w) => w.kind === 'netns-exec-all') && (argv[0] === 'nsenter' || (argv[0] === 'ip' && NETNS_WORD.test(argv[1] ?? '') && NETNS_EXEC.test(argv[2] ?? '')))) {
      return { why: 'a namespace wrapper inside ip -all netns exec' };
    }
    if (argv[0] === 'ip' && argv[1] && NETNS_WORD.test(argv[1]) && NETNS_EXEC.test(argv[2] ?? '')) {
      const name = argv[3];
      // ip refuses a name with `/`, `.` or `..` before it opens anything ("Invalid netns name")
      if (name !== undefined && (name === '' || name.includes('/') || name === '.' || name === '..')) return argv;
      if (name === undefined || !safeName(name)) return { why: 'ip netns exec without a valid namespace' };
      if (argv.length < 5) return { why: 'ip netns exec without a command' };
      wrappers.push({ kind: 'netns-exec', name, argv: argv.slice(0, 4) });
      argv = argv.slice(4);
      continue;
    }
    if (argv[0] === 'nsenter') {
      let i = 1;
      let path: string | null = null;
      for (; i < argv.length; i++) {
        const a = argv[i];
        const m = /^(?:--net=|-n)(.+)$/.exec(a);
        if (m) path = m[1];
        else if ((a === '--net' || a === '-n') && argv[i + 1]?.startsWith('/')) path = argv[++i];
        else if (a === '--') {
          i++;
          break;
        } else if (a.startsWith('-')) return { why: `nsenter option ${a}` };
        else break;
      }
      const c = path === null ? null : checkKernelPath(path);
      if (!c || !c.ok || c.file.kind !== 'netns' || !safeName(c.file.name)) return { why: 'nsenter into anything but /run/netns/NAME' };
      if (i >= argv.length) return { why: 'nsenter without a command' };
      wrappers.push({ kind: 'nsenter', path: path!, name: c.file.name, argv: argv.slice(0, i) });
      argv = argv.slice(i);
      continue;
    }
    return argv;
  }
}

/** `netns` and the abbreviations of it that ip resolves to netns (`ne` is neighbour, which ip matches first). */
const NETNS_WORD = /^netns$|^net$|^netn$/;

/** `exec` and its abbreviations: ipnetns.c tests no other verb starting with `e` before it (`ip net e NS …`). */
export const NETNS_EXEC = /^e(?:x(?:ec?)?)?$/;

/**
 * Why a line may not touch `path` (the path check refused it, or it is no file a line may
 * read or write), why the model does not answer for it (`kernelOnly`: a sysctl it does not
 * hold, a /sys/class/net attribute it does not answer — real mode reads or writes the
 * kernel's), or null for a file the model answers: a /proc/sys key it holds (or knows this
 * kernel lacks), and, for reading, /sys/class/net/IF/ATTR of READ_ATTRS and
 * /proc/net/{route,arp,dev} (dev from the simulator's counters, sim/dev-stats.ts).
 */
function procProblem(path: string, verb: string, write = false): string | { kernelOnly: string } | null {
  const c = checkKernelPath(path);
  if (!c.ok) return refusal(path, c.why);
  if (c.file.kind === 'proc-net' && !write) return null;
  if (c.file.kind === 'sysfs-net') {
    const why = sysfsNetProblem(path, write);
    if (why) return why;
    return !write && READ_ATTRS.has(c.file.attr) ? null : { kernelOnly: `${verb} ${path}` };
  }
  if (c.file.kind !== 'sysctl') return `${verb} ${path}`;
  if (classifySysctl(c.file.segments.join('/')) === 'unmodelled') return { kernelOnly: `${verb} ${path}` };
  return null;
}

/** Whether the path check allows a file of the kernel's (kernel-path.ts), for the shell's file tests. */
export function kernelPathAllowed(path: string): boolean {
  return checkKernelPath(path).ok;
}

/**
 * Why a shell may not redirect a command's output to `path` (a string), why the model does not
 * answer for it (`kernelOnly`: real mode writes the kernel's file), or null: a sysctl it holds.
 */
export function redirectProblem(path: string): string | { kernelOnly: string } | null {
  return procProblem(path, 'redirect to', true);
}

/** The attributes of /sys/class/net/IF the simulator answers (src/programs/kernel-files). */
export const READ_ATTRS: ReadonlySet<string> = new Set([
  'address',
  'broadcast',
  'mtu',
  'operstate',
  'carrier',
  'ifindex',
  'iflink',
  'type',
  'addr_len',
  'flags',
  'tx_queue_len',
  'ifalias',
  'netdev_group',
  'dormant',
  'proto_down',
  'link_mode',
]);

/** One command of a pipeline, expanded, with what the shell connects to it. */
export interface Stage {
  argv: string[];
  /** what the shell feeds its stdin (a pipe, a here-document, a file), or null */
  stdin: string | null;
  /** `> FILE` when FILE is one of the kernel's files (the shell opens it), else null */
  stdoutTo: string | null;
  /** the run's scratch files, for the text tools */
  files: ScratchView;
}

const NO_FILES: ScratchView = { read: () => undefined };

/**
 * Classifies one command of expanded words (shell builtins and functions are the shell's, and
 * never reach here). `parts` in the old form — a list of `{ argv, stdoutTo }` — is one command.
 *
 * @example classify({ argv: ['ip', 'link'], stdin: null, stdoutTo: null, files }, false) // { kind: 'program', program: 'ip', … }
 */
export function classify(stage: Stage | { argv: string[]; stdoutTo: string | null }[], background: boolean): Invocation {
  const st: Stage = Array.isArray(stage) ? { argv: stage[0]!.argv, stdoutTo: stage[0]!.stdoutTo, stdin: null, files: NO_FILES } : stage;
  const { stdoutTo } = st;
  const wrappers: NetnsWrapper[] = [];
  const u = unwrap(st.argv, wrappers);
  if (!Array.isArray(u)) return { kind: 'unsupported', why: u.why };
  const [word, ...args] = u;
  if (word === undefined) return { kind: 'noop' };
  const cmd = programByPath(word);
  const all = wrappers.some((w) => w.kind === 'netns-exec-all');
  if (cmd === 'echo' && stdoutTo !== null) {
    const text = echoText(args);
    if (text === null) return { kind: 'unsupported', why: 'echo option' };
    const why = procProblem(stdoutTo, 'redirect to', true);
    if (typeof why === 'string') return { kind: 'unsupported', why };
    if (all) return { kind: 'unsupported', why: 'ip -all netns exec echo' };
    const inv: Invocation = { kind: 'proc-write', path: stdoutTo, value: text.trim(), echoed: '', wrappers, redirect: true };
    if (why) inv.notModelled = why.kernelOnly;
    return inv;
  }
  if (stdoutTo !== null) return { kind: 'unsupported', why: `redirect to ${stdoutTo}` };
  if (cmd === 'sleep' && wrappers.length === 0) {
    const s = Number(args[0]?.replace(/s$/, ''));
    if (args.length !== 1 || !Number.isFinite(s) || s < 0) return { kind: 'unsupported', why: 'sleep argument' };
    return { kind: 'sleep', seconds: s };
  }
  if (cmd === 'cat' && args.some((a) => classifyPath(a).kind === 'kernel')) {
    const opt = args.find((a) => a.startsWith('-'));
    if (opt) return { kind: 'unsupported', why: `cat option ${opt}` };
    let kernelOnly: string | undefined;
    for (const a of args) {
      const why = procProblem(a, 'cat of');
      if (typeof why === 'string') return { kind: 'unsupported', why };
      kernelOnly ??= why?.kernelOnly;
    }
    const inv: Invocation = { kind: 'proc-read', paths: args, wrappers };
    if (kernelOnly) inv.notModelled = kernelOnly;
    return inv;
  }
  if (cmd === 'tee' && args.some((a) => classifyPath(a).kind === 'kernel')) return classifyTee(args, st.stdin ?? '', wrappers);
  if (cmd === 'ls') {
    if (args.length === 1 && /^\/sys\/class\/net\/?$/.test(args[0]!)) return all ? { kind: 'unsupported', why: 'ip -all netns exec ls' } : { kind: 'netdev-list', wrappers };
    if (args.length === 1 && /^\/(var\/)?run\/netns\/?$/.test(args[0]!)) return all ? { kind: 'unsupported', why: 'ip -all netns exec ls' } : { kind: 'netns-dir-list', path: args[0]!, wrappers };
    return { kind: 'unsupported', why: `ls ${args.join(' ')}`.trim() };
  }
  if (isTextTool(cmd)) {
    if (all) return { kind: 'unsupported', why: `ip -all netns exec ${cmd}` };
    for (const a of args) {
      // a file of the kernel's as a text tool's operand: only cat and tee know them
      const k = classifyPath(a);
      if (k.kind === 'kernel' && a.startsWith('/') && cmd !== 'echo' && cmd !== 'printf') return { kind: 'unsupported', why: `${cmd} of ${a}` };
    }
    return { kind: 'text', tool: cmd, argv: args, stdin: st.stdin ?? '', files: st.files, wrappers };
  }
  if (isProgram(cmd)) {
    if ((cmd === 'ping' || cmd === 'ping6' || cmd === 'socat' || background) && all) {
      return { kind: 'unsupported', why: `ip -all netns exec ${cmd}` };
    }
    const inv: Invocation = { kind: 'program', program: cmd, argv: args, wrappers, background };
    if (st.stdin !== null) inv.stdin = st.stdin;
    const v = cmd === 'socat' ? null : argvVerdict(cmd, args, st.stdin ?? undefined);
    if (v?.kind === 'refuse') return { kind: 'unsupported', why: v.why, feature: CATALOGUE[cmd].feature };
    if (v) inv.offKernel = v.why;
    return inv;
  }
  return { kind: 'unsupported', why: `command ${cmd}` };
}

/**
 * `/sbin/ip`, `/usr/bin/ping`: a program of the catalogue named by its path in the standard
 * directories (where Debian installs them, /sbin and /bin being links into /usr) is that program.
 */
function programByPath(word: string): string {
  const m = /^\/(?:usr\/)?s?bin\/([^/]+)$/.exec(word);
  return m && isProgram(m[1]!) ? m[1]! : word;
}

/** `… | [sudo] tee [-a] /proc/sys/…`: tee writes its input there and prints it */
function classifyTee(args: string[], input: string, wrappers: NetnsWrapper[]): Invocation {
  const opt = args.find((a) => a.startsWith('-') && a !== '-a' && a !== '--append');
  if (opt) return { kind: 'unsupported', why: `tee option ${opt}` };
  const files = args.filter((a) => a !== '-a' && a !== '--append');
  if (files.length !== 1) return { kind: 'unsupported', why: files.length ? 'tee to several files' : 'tee to no file' };
  const why = procProblem(files[0]!, 'tee to', true);
  if (typeof why === 'string') return { kind: 'unsupported', why };
  if (wrappers.some((w) => w.kind === 'netns-exec-all')) return { kind: 'unsupported', why: 'ip -all netns exec tee' };
  const inv: Invocation = { kind: 'proc-write', path: files[0]!, value: input.trim(), echoed: input, wrappers, redirect: false };
  if (why) inv.notModelled = why.kernelOnly;
  return inv;
}

/** bash's builtin echo: -n, -e, -E; returns the printed text. */
export function echoText(args: string[]): string | null {
  let newline = true;
  let escapes = false;
  let i = 0;
  for (; i < args.length && /^-[neE]+$/.test(args[i]); i++) {
    if (args[i].includes('n')) newline = false;
    if (args[i].includes('e')) escapes = true;
    if (args[i].includes('E')) escapes = false;
  }
  let s = args.slice(i).join(' ');
  if (escapes) s = s.replace(/\\n/g, '\n').replace(/\\t/g, '\t').replace(/\\\\/g, '\\');
  return newline ? `${s}\n` : s;
}

/** The key a checked /proc/sys path names, in sysctl's slash form (a dotted interface name stays whole). */
export function procPathToKey(path: string): string {
  return path.replace(/^\/proc\/sys\//, '');
}
