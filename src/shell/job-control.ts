/**
 * The builtins that act on background jobs — `kill`, `wait`, `jobs` — with bash's words and
 * statuses (builtins/kill.def, wait.def, jobs.def), over the job table (jobs.ts). A signal
 * reaches the job's process through the executor (a `job-signal` request): the simulator's
 * process takes it as its program does, the kernel sandbox's gets it from the agent. What bash
 * would do that nettwin cannot say — signals other than HUP, KILL, TERM and 0, a process it did
 * not start, waiting for a job that is still running, `%name` specs — is reported not modelled.
 */
import type { Shell } from './shell.js';
import type { Io, StepRecord } from './io.js';
import type { Run } from './expand.js';
import { unsupportedHere } from './simple.js';
import { SIGNAL_NUMBERS, type ShellJob } from './jobs.js';

/** Every signal name Linux has (bash's `kill -l`): a name outside it is an invalid specification. */
const LINUX_SIGNALS = 'HUP INT QUIT ILL TRAP ABRT IOT BUS FPE KILL USR1 SEGV USR2 PIPE ALRM TERM STKFLT CHLD CONT STOP TSTP TTIN TTOU URG XCPU XFSZ VTALRM PROF WINCH IO POLL PWR SYS'.split(' ');

function* none(): Run<void> {
  // a builtin that runs no command still has the generator's shape
}

/** A signal specification: its number, 'invalid', or 'unmodelled' (a real signal nettwin does not send). */
function signalOf(spec: string): number | 'invalid' | 'unmodelled' {
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n === 0 || Object.values(SIGNAL_NUMBERS).includes(n)) return n;
    return n <= 64 ? 'unmodelled' : 'invalid';
  }
  const name = spec.toUpperCase().replace(/^SIG/, '');
  if (Object.hasOwn(SIGNAL_NUMBERS, name)) return SIGNAL_NUMBERS[name]!;
  return LINUX_SIGNALS.includes(name) || /^RTM(IN|AX)([+-]\d+)?$/.test(name) ? 'unmodelled' : 'invalid';
}

const KILL_USAGE = 'kill: usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]\n';

/** `kill [-s SIG | -n NUM | -SIG] %N | PID …` */
export function* kill(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  let signo = 15;
  let i = 1;
  const a1 = argv[1];
  if (a1 === '-l' || a1 === '-L') return unsupportedHere(sh, rec, 'kill -l (listing signals)');
  if (a1 === '-s' || a1 === '-n') {
    if (argv[2] === undefined) {
      sh.shellError(io, `kill: ${a1}: option requires an argument`);
      return 1;
    }
    const s = signalOf(argv[2]);
    if (s === 'unmodelled') return unsupportedHere(sh, rec, `kill ${a1} ${argv[2]} (that signal is not modelled)`);
    if (s === 'invalid') {
      sh.shellError(io, `kill: ${argv[2]}: invalid signal specification`);
      return 1;
    }
    signo = s;
    i = 3;
  } else if (a1 !== undefined && a1.length > 1 && a1.startsWith('-') && a1 !== '--') {
    // `-KILL`, `-SIGKILL`, `-kill`, `-9`
    const s = signalOf(a1.slice(1));
    if (s === 'unmodelled') return unsupportedHere(sh, rec, `kill ${a1} (that signal is not modelled)`);
    if (s === 'invalid') {
      sh.shellError(io, `kill: ${a1.slice(1)}: invalid signal specification`);
      return 1;
    }
    signo = s;
    i = 2;
  }
  if (argv[i] === '--') i++;
  const targets = argv.slice(i);
  if (targets.length === 0) {
    sh.err(io, KILL_USAGE);
    return 2;
  }
  // what is not modelled is found before anything is sent: a failed line changes nothing
  const plan: { target: string; job: ShellJob | null; byPid: boolean }[] = [];
  for (const t of targets) {
    if (t.startsWith('%')) {
      const job = sh.jobs.bySpec(t);
      if (job === 'unsupported') return unsupportedHere(sh, rec, `kill ${t} (job specs by name are not modelled)`);
      if (job?.handle === null) return unsupportedHere(sh, rec, `kill of \`${job.command} &\`, which nettwin ran to its end at once`);
      plan.push({ target: t, job, byPid: false });
    } else if (/^\d+$/.test(t)) {
      const pid = Number(t);
      if (!sh.jobs.knows(pid)) return unsupportedHere(sh, rec, `kill ${t} (a process nettwin did not start)`);
      const job = sh.jobs.byPid(pid);
      if (job?.handle === null) return unsupportedHere(sh, rec, `kill of \`${job.command} &\`, which nettwin ran to its end at once`);
      plan.push({ target: t, job, byPid: true });
    } else if (/^-\d+$/.test(t)) {
      return unsupportedHere(sh, rec, `kill ${t} (a process group)`);
    } else plan.push({ target: t, job: null, byPid: false });
  }
  let sent = false;
  for (const { target, job, byPid } of plan) {
    if (!/^(%.*|\d+)$/.test(target)) {
      sh.shellError(io, `kill: ${target}: arguments must be process or job IDs`);
      continue;
    }
    if (!job) {
      sh.shellError(io, byPid ? `kill: (${target}) - No such process` : `kill: ${target}: no such job`);
      continue;
    }
    if (job.state !== 'running') {
      // bash's kill of a job still listed but dead does nothing and succeeds; kill(2) of its pid finds no process
      if (byPid) sh.shellError(io, `kill: (${target}) - No such process`);
      else sent = true;
      continue;
    }
    sent = true;
    if (signo === 0) continue;
    job.sentSignal = signo;
    const o = yield { invocation: { kind: 'job-signal', job: job.handle!, signal: signo }, command: rec.command || argv.join(' '), line: sh.line };
    if (!o.supported) {
      job.sentSignal = null;
      return unsupportedHere(sh, rec, o.stderr.replace(/^nettwin: unsupported: /, '').replace(/\n$/, ''));
    }
    if (o.jobs?.length) (rec.jobs ??= []).push(...o.jobs);
    sh.jobs.ended(o.jobs);
  }
  return sent ? 0 : 1;
}

/** `wait [%N | PID …]`: the status of jobs that ended; waiting for a running one is not modelled. */
export function* wait(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  yield* none();
  const args = argv.slice(1);
  if (args[0] === '--') args.shift();
  if (args.some((a) => a.startsWith('-'))) return unsupportedHere(sh, rec, `wait ${args.join(' ')}`);
  if (args.length === 0) {
    const running = sh.jobs.list.find((j) => j.state === 'running');
    if (running) return unsupportedHere(sh, rec, `wait for \`${running.command} &\`, still running (when it would end is not modelled)`);
    for (const j of [...sh.jobs.list]) sh.jobs.remove(j);
    return 0;
  }
  let status = 0;
  for (const a of args) {
    if (a.startsWith('%')) {
      const job = sh.jobs.bySpec(a);
      if (job === 'unsupported') return unsupportedHere(sh, rec, `wait ${a} (job specs by name are not modelled)`);
      if (!job) {
        sh.shellError(io, `wait: ${a}: no such job`);
        status = 127;
        continue;
      }
      if (job.state === 'running') return unsupportedHere(sh, rec, `wait for \`${job.command} &\`, still running (when it would end is not modelled)`);
      sh.jobs.remove(job);
      status = job.status;
    } else if (/^\d+$/.test(a)) {
      const pid = Number(a);
      const job = sh.jobs.byPid(pid);
      if (job?.state === 'running') return unsupportedHere(sh, rec, `wait for \`${job.command} &\`, still running (when it would end is not modelled)`);
      const s = sh.jobs.statusOf(pid);
      if (s === undefined) {
        sh.shellError(io, `wait: pid ${a} is not a child of this shell`);
        status = 127;
        continue;
      }
      if (job) sh.jobs.remove(job);
      status = s;
    } else {
      sh.shellError(io, `wait: \`${a}': not a pid or valid job spec`);
      status = 1;
    }
  }
  return status;
}

/** `jobs`, `jobs -l`, `jobs -p`. */
export function* jobs(sh: Shell, argv: string[], io: Io, rec: StepRecord): Run<number> {
  yield* none();
  const args = argv.slice(1);
  const mode = args.length === 0 ? 'plain' : args.length === 1 && args[0] === '-l' ? 'long' : args.length === 1 && args[0] === '-p' ? 'pids' : null;
  if (mode === null) return unsupportedHere(sh, rec, `jobs ${args.join(' ')}`);
  if (mode !== 'pids') {
    const atOnce = sh.jobs.list.find((j) => j.handle === null);
    if (atOnce) return unsupportedHere(sh, rec, `jobs listing \`${atOnce.command} &\`, which nettwin ran to its end at once (bash would list it running)`);
  }
  sh.out(io, sh.jobs.listing(mode));
  return 0;
}
