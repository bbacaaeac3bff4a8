/**
 * The shell around the commands: variables, `&&`/`||`, `set -e`, `exit`, line numbers. It is a
 * generator that yields each modelled invocation and receives its outcome, so one loop drives
 * both the synchronous simulator and the asynchronous kernel sandbox.
 */
import { asAssignment, expandAssignmentValue, expandWords } from './expand.js';
import { parseShell, ShellReader } from './parser.js';
import type { ShellCommand, ShellWord } from './ast.js';
import { classify, type PipelinePart } from '../exec/invocation.js';
import type { Step } from '../exec/step.js';
import { featureOf, type LineFeature } from '../exec/catalogue.js';
import type { Request, Script } from '../exec/executor.js';
import { unsupported, type Outcome } from '../exec/outcome.js';

export interface InterpretOptions {
  file: string;
  host: string;
  /** variables set before the script starts */
  env?: Record<string, string>;
}

export function* interpret(source: string, opts: InterpretOptions): Script {
  const vars = new Map<string, string>(Object.entries(opts.env ?? {}));
  const lookup = (n: string) => (n === '?' ? String(lastExit) : vars.get(n));
  // one line at a time: a long script's parse is not held while it runs
  const reader = new ShellReader(source);
  const steps: Step[] = [];
  let lastExit = 0;
  let errexit = false;
  const step = (c: ShellCommand, command: string, o: Outcome, shift: number, feature: LineFeature = 'shell'): void => {
    const s: Step = { line: c.line + shift, file: opts.file, host: opts.host, command, exit: o.exit, stdout: o.stdout, stderr: o.stderr, supported: o.supported, feature };
    if (o.modelled !== undefined) s.modelled = o.modelled;
    if (o.ignored?.length) s.ignored = o.ignored;
    if (o.ping) s.ping = o.ping;
    if (o.jobs?.length) s.jobs = o.jobs;
    steps.push(s);
  };

  function* run(cmds: ShellCommand[], shift: number): Generator<Request, boolean, Outcome> {
    for (let i = 0; i < cmds.length; i++) {
      const c = cmds[i];
      // A pipeline is the run of commands joined by `|`.
      const pipe = [c];
      while (i + 1 < cmds.length && cmds[i + 1].joiner === '|') pipe.push(cmds[++i]);
      if (c.joiner === '&&' && lastExit !== 0) continue;
      if (c.joiner === '||' && lastExit === 0) continue;

      if (c.compound === 'for') {
        const loopOf = forLoop(c, lookup);
        if (loopOf) {
          for (const item of loopOf.items) {
            vars.set(loopOf.name, item);
            if (!(yield* run(loopOf.body, shift + loopOf.bodyLine - 1))) return false;
          }
          continue;
        }
      }
      if (c.compound) {
        step(c, c.text, unsupported(`shell construct "${c.compound}"`), shift);
        continue;
      }
      // Assignments alone set variables; in front of a command they would only scope to it.
      const words = pipe.length === 1 ? stripExport(c.words) : null;
      if (words && words.length && words.every((w) => asAssignment(w))) {
        let okAll = true;
        for (const w of words) {
          const a = asAssignment(w)!;
          const v = expandAssignmentValue(a.value, lookup);
          if (v === null) okAll = false;
          else vars.set(a.name, v);
        }
        lastExit = 0;
        step(c, c.text, okAll ? { exit: 0, stdout: '', stderr: '', supported: true } : unsupported('command substitution'), shift);
        continue;
      }
      const parts: PipelinePart[] = [];
      let bad: string | null = null;
      const texts: string[] = [];
      for (const p of pipe) {
        const argv = expandWords(p.words, lookup);
        if (argv === null) {
          bad = 'command substitution or an expansion nettwin does not model';
          break;
        }
        let stdoutTo: string | null = null;
        for (const r of p.redirects) {
          const target = expandWords([r.target], lookup)?.join(' ') ?? '';
          if (target === '/dev/null' || (r.op === '>&' && /^[12]$/.test(target))) continue;
          // bash opens (and creates) every target, not only the last: one is all nettwin runs
          if (r.fd === 1 && (r.op === '>' || r.op === '>>') && stdoutTo === null) stdoutTo = target;
          else if (r.fd === 1 && (r.op === '>' || r.op === '>>')) bad = 'several redirects of one command';
          else bad = `redirect to ${target}`;
        }
        if (argv.length && asAssignment(p.words[0])) bad = 'per-command variable assignment';
        parts.push({ argv, stdoutTo });
        texts.push(argv.join(' ') + (stdoutTo ? ` > ${stdoutTo}` : ''));
      }
      const command = texts.join(' | ') + (pipe[pipe.length - 1].background ? ' &' : '');
      if (bad !== null) {
        step(c, command || c.text, unsupported(bad), shift);
        continue;
      }
      const inv = classify(parts, pipe[pipe.length - 1].background);
      if (inv.kind === 'set' && inv.errexit !== null) errexit = inv.errexit;
      const o: Outcome = yield { invocation: inv, command, line: c.line + shift };
      step(c, command, o, shift, featureOf(inv));
      // a line the kernel answered in real mode steers the script as its status says
      const counts = o.supported || o.answeredBy === 'kernel';
      if (counts) lastExit = o.exit;
      if (inv.kind === 'exit') return false;
      // set -e: a failing command ends the script, unless it is tested by && or ||.
      const next = cmds[i + 1];
      const tested = next && (next.joiner === '&&' || next.joiner === '||');
      if (errexit && counts && o.exit !== 0 && !tested && c.joiner !== '&&' && c.joiner !== '||') return false;
    }
    return true;
  }
  for (let list = reader.nextList(); list; list = reader.nextList()) {
    if (!(yield* run(list, 0))) break;
  }
  // a syntax error further on is reported even after `exit`, as when the script was parsed first
  reader.finish();
  if (reader.errors.length) {
    const e = reader.errors[0];
    steps.push({ line: e.line, file: opts.file, host: opts.host, command: '', exit: 2, stdout: '', stderr: `${opts.file}: line ${e.line}: ${e.message}\n`, supported: true });
  }
  return steps;
}

function stripExport(words: ShellWord[]): ShellWord[] {
  if (words[0]?.text === 'export' || words[0]?.text === 'readonly' || words[0]?.text === 'local') return words.slice(1);
  return words;
}

/**
 * `for NAME in WORDS; do BODY; done`: the words expanded now, the body parsed as a script of its
 * own whose lines count from the line it starts on. null for loops nettwin does not model.
 */
function forLoop(c: ShellCommand, lookup: (n: string) => string | undefined): { name: string; items: string[]; body: ShellCommand[]; bodyLine: number } | null {
  const m = /^for\s+([A-Za-z_][A-Za-z0-9_]*)\s+in\s+([^;\n]*?)\s*(?:;|\n)\s*do\b([\s\S]*?)(?:;|\n)?\s*done\s*$/.exec(c.text);
  if (!m) return null;
  const list = parseShell(`: ${m[2]}`);
  if (list.errors.length || list.commands.length !== 1) return null;
  const items = expandWords(list.commands[0].words.slice(1), lookup);
  if (items === null) return null;
  const bodyText = m[3];
  const body = parseShell(bodyText);
  if (body.errors.length) return null;
  const d = /(?:;|\n)\s*do\b/.exec(c.text)!;
  const bodyLine = c.line + (c.text.slice(0, d.index + d[0].length).match(/\n/g)?.length ?? 0);
  return { name: m[1], items, body: body.commands, bodyLine };
}
