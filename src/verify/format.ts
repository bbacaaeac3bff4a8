/**
 * `nettwin verify` as text: one line per intent (holds / FAILS, its line in the file), under each
 * failure the forwarding engine's explanation, then a count. Problems with the file come first
 * and alone, as `file:line: message`.
 */
import pc from 'picocolors';
import type { VerifyReport } from './verify.js';

/** picocolors' functions, coloured or plain: the caller decides (the CLI, by its output stream). */
export type Colors = ReturnType<typeof pc.createColors>;

const plain = pc.createColors(false);

/**
 * @example
 * process.stdout.write(formatReport(verifyLabSim(spec)));
 * // holds  line 15  reach node1/NS1 -> 172.16.0.3
 * // FAILS  line 17  reach node1/NS1 -> 172.16.1.2
 * //        ping 172.16.1.2 from node1/NS1 fails at once: connect: Network is unreachable
 */
export function formatReport(r: VerifyReport, c: Colors = plain): string {
  const where = r.file ?? '<intents>';
  if (r.problems.length) {
    let out = '';
    for (const p of r.problems) out += `${where}:${p.line}: ${p.message}\n`;
    return out + c.red(`${r.problems.length} problem${r.problems.length > 1 ? 's' : ''} in the expect section: nothing was checked\n`);
  }
  if (!r.verdicts.length) return `${where}: no intents to check (add an \`expect\` section)\n`;
  const width = Math.max(...r.verdicts.map((v) => String(v.intent.line).length));
  let out = '';
  for (const v of r.verdicts) {
    const word = v.holds ? c.green('holds') : c.red(c.bold('FAILS'));
    out += `${word}  line ${String(v.intent.line).padStart(width)}  ${v.name}\n`;
    const pad = ' '.repeat(7);
    if (!v.holds) {
      out += `${pad}${v.summary}\n`;
      for (const l of v.why) out += `${pad}${c.dim(l)}\n`;
    }
  }
  const bad = r.verdicts.filter((v) => !v.holds).length;
  const mode = r.mode === 'real' ? 'on the kernel' : 'in the simulator';
  const ms = r.timeMs < 10 ? r.timeMs.toFixed(1) : Math.round(r.timeMs).toString();
  const tally = bad ? c.red(`${bad} of ${r.verdicts.length} intents fail`) : c.green(`all ${r.verdicts.length} intents hold`);
  return `${out}${tally} (${mode}, ${ms} ms)\n`;
}

/**
 * The report as one JSON document (`--json`).
 *
 * @example
 * JSON.stringify(reportJson(verifyLabSim(spec)), null, 2);
 */
export function reportJson(r: VerifyReport): unknown {
  return {
    file: r.file,
    mode: r.mode,
    holds: r.holds,
    problems: r.problems,
    counts: { intents: r.verdicts.length, hold: r.verdicts.filter((v) => v.holds).length, fail: r.verdicts.filter((v) => !v.holds).length },
    intents: r.verdicts.map((v) => ({ line: v.intent.line, kind: v.intent.kind, name: v.name, holds: v.holds, summary: v.summary, why: v.why, timeMs: Math.round(v.timeMs * 1000) / 1000 })),
    timeMs: Math.round(r.timeMs * 1000) / 1000,
  };
}
