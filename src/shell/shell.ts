/**
 * The shell's state, its steps, lists, `&&`/`||`, if, groups and subshells, with bash's errexit
 * rules (not in conditions, not left of `&&`/`||`, not under `!`, a pipeline's last stage
 * unless pipefail). Loops, case, `((…))` and `[[…]]` are compound.ts's, pipelines
 * pipeline.ts's, simple commands simple.ts's; every command nettwin does not run itself
 * becomes a request.
 */
import type { AndOr, Command, List, Pipeline, ShellCommand } from './ast.js';
import { expandWords, type ExpandEnv, type Run } from './expand.js';
import { evaluate } from './arith.js';
import { Vars } from './vars.js';
import { arithGet, elementOf, setVar, type DeclItems, type ExpansionWarnings } from './assign.js';
import { TERMINAL, write, type Io, type StepRecord } from './io.js';
import { JobTable } from './jobs.js';
import { AbortLine, ExitSignal, LIMITS, LimitSignal } from './signals.js';
import { runSimple } from './simple.js';
import { runBackground, runStages } from './pipeline.js';
import { applyRedirects } from './redirect.js';
import { processSubstitution, restartProcsubs } from './procsub.js';
import { arith, caseCommand, cforLoop, cond, forLoop, loop, testLike } from './compound.js';
import { parseShell } from './parser.js';
import { runExitTrap } from './builtins.js';
import { Scratch } from '../exec/scratch.js';
import type { NetnsWrapper } from '../exec/invocation.js';
import type { Step } from '../exec/step.js';

export interface ShellOptions {
  file: string;
  host: string;
  /** variables set before the script starts */
  env?: Record<string, string>;
  /**
   * `source FILE` / `. FILE`: the text of a file beside the script (the caller applies the same
   * rule as for a lab file's setup scripts), or why not. Without it, `source` is not modelled.
   */
  readSource?: (name: string) => { text: string } | { error: string };
}

type FunctionDef = Extract<Command, { type: 'function' }>;

export class Shell implements ExpandEnv {
  vars: Vars;
  functions = new Map<string, FunctionDef>();
  positional: string[] = [];
  argv0: string;
  opts = { errexit: false, nounset: false, xtrace: false, pipefail: false };
  lastExit = 0;
  /** the last command was not modelled: $? keeps its value and errexit does not fire */
  lastUnsupported = false;
  /** the status of the last `$(…)` of the command being expanded (an assignment's status) */
  lastSub: number | null = null;
  declItems: DeclItems = new Map();
  warnings: ExpansionWarnings = [];
  traps = new Map<string, string>();
  readonly scratch = new Scratch();
  readonly steps: Step[] = [];
  private readonly stack: StepRecord[] = [];
  /** the line (in the script's text) of the command running */
  line = 0;
  /** added to lines of text parsed apart (`$(…)`, `bash -c`, `eval`): they count from their own line */
  lineShift = 0;
  /** > 0 while errexit is ignored (a condition, left of && or ||, under !) */
  suspend = 0;
  /** > 0 while commands run inside one step (`$(…)`, `bash -c`): they open no step of their own */
  inline = 0;
  funcDepth = 0;
  /** > 0 while a file is being sourced (`return` ends it) */
  sourcing = 0;
  loopDepth = 0;
  depth = 0;
  private commandCount = 0;
  slept = 0;
  /** bash's job table: `cmd &`, `$!`, `jobs`, `kill`, `wait` */
  readonly jobs = new JobTable();
  /** the job the last external command started in the background (runExternal → runBackground) */
  startedJob: { handle: number | null; command: string; exit: number } | null = null;
  /** `ip netns exec NS` words in front of every command of a `bash -c` run inside a namespace */
  wrapperPrefix: string[] = [];
  shellWrappers: NetnsWrapper[] = [];
  rematch: string[] = [];

  constructor(readonly options: ShellOptions) {
    this.vars = new Vars({ IFS: ' \t\n', EUID: '0', UID: '0', ...options.env });
    this.argv0 = options.file;
  }

  // --- ExpandEnv ---

  get(name: string): string | undefined {
    switch (name) {
      case '?':
        return String(this.lastExit);
      case '#':
        return String(this.positional.length);
      case '$':
        return '4242';
      case '0':
        return this.argv0;
      case '-':
        return `${this.opts.errexit ? 'e' : ''}${this.opts.nounset ? 'u' : ''}${this.opts.xtrace ? 'x' : ''}hB`;
      case '!':
        return this.jobs.lastPid === null ? undefined : String(this.jobs.lastPid);
      case 'LINENO':
        return String(this.line);
      case '@':
      case '*':
        return this.positional.join(' ');
      case 'BASH_REMATCH':
        return this.rematch[0];
    }
    if (/^[1-9]\d*$/.test(name)) return this.positional[Number(name) - 1];
    return this.vars.get(name);
  }

  array(name: string): string[] | undefined {
    if (name === '@' || name === '*') return this.positional;
    if (name === 'BASH_REMATCH') return this.rematch;
    return this.vars.array(name);
  }

  keys = (name: string): string[] | undefined => (name === 'BASH_REMATCH' ? this.rematch.map((_, i) => String(i)) : this.vars.keys(name));
  element = (name: string, sub: string): string | undefined => elementOf(this, name, sub);

  set(name: string, value: string): void {
    if (!setVar(this, name, value)) throw new ReadonlyError(`${name}: readonly variable`);
  }

  get nounset(): boolean {
    return this.opts.nounset;
  }

  get ifs(): string {
    return this.vars.get('IFS') ?? ' \t\n';
  }

  *cmdsub(text: string, line: number, label = `$(${text.trim()})`): Run<string> {
    const buf = { text: '' };
    const own = this.stack.length === 0 ? this.beginStep(line + this.lineShift, label) : null;
    // bash does not pass -e into $(…) unless inherit_errexit is set
    const status = yield* this.subshell(() => this.runText(text, { ...TERMINAL, out: { kind: 'capture', buf } }, line), { errexit: false, inline: true });
    this.lastSub = status;
    if (own) this.endStep(own, status);
    return buf.text;
  }

  procsub = (text: string, line: number): Run<string> => processSubstitution(this, text, line);

  // --- steps ---

  beginStep(line: number, command: string): StepRecord {
    const rec: StepRecord = { line, command, stdout: '', stderr: '', supported: true };
    this.stack.push(rec);
    return rec;
  }

  endStep(rec: StepRecord, exit: number, keep = true): void {
    const i = this.stack.lastIndexOf(rec);
    if (i !== -1) this.stack.splice(i, 1);
    if (!keep) return;
    const s: Step = {
      line: rec.line,
      file: this.options.file,
      host: this.options.host,
      command: rec.command,
      exit,
      stdout: rec.stdout,
      stderr: rec.stderr,
      supported: rec.supported,
      feature: rec.feature ?? 'shell',
    };
    if (rec.modelled !== undefined) s.modelled = rec.modelled;
    if (rec.ignored?.length) s.ignored = rec.ignored;
    if (rec.ping) s.ping = rec.ping;
    if (rec.jobs?.length) s.jobs = rec.jobs;
    this.steps.push(s);
  }

  /** The step the script's own output goes to now (one is opened for output outside any command). */
  step = (): StepRecord => {
    const top = this.stack[this.stack.length - 1];
    if (top) return top;
    // output outside any command (an error of a compound's redirection …) is a step of its own
    const rec = this.beginStep(this.line, '');
    this.orphans.push(rec);
    return rec;
  };

  private readonly orphans: StepRecord[] = [];

  /** Closes steps opened for output outside any command. */
  flushOrphans(exit: number): void {
    for (const rec of this.orphans.splice(0)) this.endStep(rec, exit);
  }

  out(io: Io, text: string): void {
    write(io.out, text, this.step, this.scratch);
  }

  err(io: Io, text: string): void {
    write(io.err, text, this.step, this.scratch);
  }

  /** An error of the shell's own, as bash words it in a script: `FILE: line N: MESSAGE`. */
  shellError(io: Io, message: string): void {
    this.err(io, `${this.options.file}: line ${this.line}: ${message}\n`);
  }

  countCommand(): void {
    if (++this.commandCount > LIMITS.commands) throw new LimitSignal(`nettwin: command limit (${LIMITS.commands} commands in one run) reached`);
  }

  // --- running ---

  /** Parses and runs text of its own (`$(…)`, `bash -c`, `eval`, `source`), its lines counted from `line`. */
  *runText(text: string, io: Io, line: number): Run<number> {
    const parsed = parseShell(text);
    const shift = this.lineShift;
    this.lineShift = shift + line - 1;
    try {
      for (const list of parsed.lists) yield* this.runList(list, io);
      if (parsed.errors.length) {
        const e = parsed.errors[0]!;
        this.line = this.lineShift + e.line;
        this.shellError(io, e.message);
        this.lastExit = 2;
      }
    } finally {
      this.lineShift = shift;
    }
    return this.lastExit;
  }

  /** Runs `fn` as a subshell: what it changes of the shell's state is undone after; `exit` ends only it. */
  *subshell(fn: () => Run<number>, o: { errexit?: boolean; inline?: boolean } = {}): Run<number> {
    if (++this.depth > LIMITS.depth) throw new LimitSignal(`nettwin: nesting limit (${LIMITS.depth} levels of functions, $(…), source and bash -c) reached`);
    const saved = {
      vars: this.vars,
      functions: this.functions,
      positional: this.positional,
      opts: this.opts,
      traps: this.traps,
      argv0: this.argv0,
      wrapperPrefix: this.wrapperPrefix,
      shellWrappers: this.shellWrappers,
      loopDepth: this.loopDepth,
      funcDepth: this.funcDepth,
    };
    this.vars = this.vars.snapshot();
    this.functions = new Map(this.functions);
    this.positional = [...this.positional];
    this.opts = { ...this.opts, ...(o.errexit === false ? { errexit: false } : {}) };
    this.traps = new Map();
    this.loopDepth = 0;
    if (o.inline) this.inline++;
    let status: number;
    try {
      try {
        status = yield* fn();
      } catch (e) {
        if (e instanceof ExitSignal) status = e.status;
        else throw e;
      }
      // a subshell's own EXIT trap runs when it ends
      if (this.traps.has('EXIT')) {
        this.lastExit = status;
        yield* runExitTrap(this);
        status = this.lastExit;
      }
    } finally {
      if (o.inline) this.inline--;
      this.depth--;
      Object.assign(this, saved);
    }
    this.lastExit = status;
    return status;
  }

  *runList(list: List, io: Io): Run<number> {
    for (const ao of list) yield* this.runAndOr(ao, io);
    return this.lastExit;
  }

  *runAndOr(ao: AndOr, io: Io): Run<number> {
    if (ao.background) return yield* runBackground(this, ao, io);
    const n = ao.rest.length;
    let status = yield* this.runPipeline(ao.first, io, n > 0);
    for (let i = 0; i < n; i++) {
      const { op, pipeline } = ao.rest[i]!;
      if ((op === '&&') !== (status === 0)) continue;
      status = yield* this.runPipeline(pipeline, io, i < n - 1);
    }
    return status;
  }

  *runPipeline(p: Pipeline, io: Io, tested: boolean): Run<number> {
    const quiet = tested || p.bang;
    if (quiet) this.suspend++;
    this.lastUnsupported = false;
    let status: number;
    try {
      status = p.commands.length === 1 ? yield* this.runCommand(p.commands[0]!, io, null) : yield* runStages(this, p, io);
    } finally {
      if (quiet) this.suspend--;
    }
    if (this.lastUnsupported) return this.lastExit;
    if (p.bang) status = status === 0 ? 1 : 0;
    this.lastExit = status;
    const c = p.commands[p.commands.length - 1]!;
    const compound = p.commands.length === 1 && c.type !== 'simple' && c.type !== 'subshell' && c.type !== 'arith' && c.type !== 'cond';
    if (!quiet && !compound && this.suspend === 0 && this.opts.errexit && status !== 0) throw new ExitSignal(status);
    return status;
  }

  /** One command; `texts` collects a pipeline stage's command text (its step is the pipeline's). */
  *runCommand(cmd: Command, io: Io, texts: string[] | null): Run<number> {
    if (cmd.type === 'simple') return yield* runSimple(this, cmd.cmd, io, { texts });
    if (cmd.type === 'function') {
      this.functions.set(cmd.name, cmd);
      this.lastExit = 0;
      return 0;
    }
    this.line = cmd.line + this.lineShift;
    restartProcsubs(this);
    const r = yield* applyRedirects(this, cmd.redirects, io);
    if ('error' in r) {
      this.shellError(io, r.error);
      this.lastExit = 1;
      return 1;
    }
    if ('unsupported' in r || r.kernelOut !== null) {
      const rec = this.beginStep(this.line, '');
      rec.supported = false;
      rec.stderr = `nettwin: unsupported: ${'unsupported' in r ? r.unsupported : `redirect of a compound command to ${r.kernelOut}`}\n`;
      this.endStep(rec, 127);
      this.lastUnsupported = true;
      return this.lastExit;
    }
    const cio = r.io;
    switch (cmd.type) {
      case 'if':
        for (const c of cmd.clauses) {
          if ((yield* this.condition(c.cond, cio)) === 0) return yield* this.runList(c.body, cio);
        }
        if (cmd.otherwise) return yield* this.runList(cmd.otherwise, cio);
        this.lastExit = 0;
        return 0;
      case 'loop':
        return yield* loop(this, cmd, cio);
      case 'for':
        return yield* forLoop(this, cmd, cio);
      case 'cfor':
        return yield* cforLoop(this, cmd, cio);
      case 'case':
        return yield* caseCommand(this, cmd, cio);
      case 'group':
        return yield* this.runList(cmd.body, cio);
      case 'subshell':
        return yield* this.subshell(() => this.runList(cmd.body, cio));
      case 'arith':
        return yield* testLike(this, cio, texts, `((${cmd.expr}))`, () => arith(this, cmd.expr, cio));
      case 'cond':
        return yield* testLike(this, cio, texts, cmd.text, () => cond(this, cmd, cio));
    }
  }

  /** A condition list: errexit is off while it runs. */
  *condition(list: List, io: Io): Run<number> {
    this.suspend++;
    try {
      return yield* this.runList(list, io);
    } finally {
      this.suspend--;
    }
  }

  /** Expands words; an expansion error abandons the line (or the shell) as bash does. */
  *expandOrAbort(words: ShellCommand['words'], io: Io): Run<string[]> {
    try {
      return yield* expandWords(words, this);
    } catch (e) {
      this.expansionFailed(e, io);
    }
  }

  /** Reports an expansion error and leaves as bash does: the shell (set -u, `${x:?}`) or the line. */
  expansionFailed(e: unknown, io: Io): never {
    const fatal = e instanceof Error && 'fatal' in e;
    if (!fatal && !(e instanceof ReadonlyError)) throw e;
    this.shellError(io, (e as Error).message);
    throw fatal && (e as { fatal: boolean }).fatal ? new ExitSignal(1) : new AbortLine(1);
  }

  /** Evaluates with the shell's variables (for `let`). */
  evaluate(expr: string): bigint {
    return evaluate(expr, { get: (n) => arithGet(this, n), set: (n, v) => this.set(n, v) });
  }
}

/** Assigning a read-only variable: bash says so and abandons the command. */
export class ReadonlyError extends Error {}
