/**
 * The simulator against the kernel on random labs (nettwin/testing's arbitraries): every
 * command's exit status and every ping's outcome must agree. A disagreement is shrunk by
 * deleting steps (each candidate run again on both sides) to a short script that still
 * disagrees the same way; the failure prints it, and it is written to a temporary folder to
 * become a file of test/cases/regressions/. Those files run here too, all fields compared.
 *
 * Knobs (environment):
 *   NETTWIN_SOAK_RUNS   labs to run (default 150; `npm run test:soak` runs 2000)
 *   NETTWIN_SEED        seed of the batch (default fixed for CI; random when soaking)
 *   NETTWIN_STRICT=1    compare stdout and stderr too, as the spine corpus does
 *   NETTWIN_SHRINK_MS   time a disagreement may spend shrinking (default 60 s, 300 s when soaking)
 *   NETTWIN_MACVLAN_RUNS labs of the second batch, whose segments may be macvlans (default 40)
 *   NETTWIN_RULES_RUNS  labs of the third batch, which write random iptables rulesets before their
 *                       pings and list them after (default 40; the listings' counters are compared)
 *   NETTWIN_DUAL_RUNS   labs of the fourth batch, in dual stack (nettwin/testing's dualStack: the
 *                       IPv6 twin of every address, route, forwarding switch and ping; default 40)
 *   NETTWIN_SANDBOXES   sandboxes open at once (default 4: a lab mostly waits on kernel timers —
 *                       linkwatch, IPv6 DAD before reads, one-second pings — so four use well
 *                       under one core of the two; 150 labs take about two minutes)
 * Lab N of a batch is `nettwin gen --seed S --count N`'s file N.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'vitest';
import { sampleLabs } from '../../src/testing/sample.js';
import { minimizeLab } from '../../src/testing/shrink-steps.js';
import { toScript, SCRIPT_HEADER_LINES } from '../../src/testing/to-script.js';
import { dualStack } from '../../src/testing/dual-stack.js';
import type { LabDescription } from '../../src/testing/lab-description.js';
import type { Disagreement } from '../../adapters/linux/diff-steps.js';
import { loadCases, type Case } from './cases.js';
import { describeReal } from './require-real.js';

type CompareModule = typeof import('./compare.js');
let compareModule: Promise<CompareModule> | undefined;
function loadCompare(): Promise<CompareModule> {
  return (compareModule ??= import('./compare.js'));
}

const CI_SEED = 20260601;
const soaking = process.env.NETTWIN_SOAK_RUNS !== undefined;
const RUNS = Math.max(1, Number(process.env.NETTWIN_SOAK_RUNS ?? 150) || 150);
const SEED = process.env.NETTWIN_SEED !== undefined ? Number(process.env.NETTWIN_SEED) | 0 : soaking ? (Date.now() % 2 ** 31) | 0 : CI_SEED;
const STRICT = process.env.NETTWIN_STRICT === '1';
const SHRINK_MS = Number(process.env.NETTWIN_SHRINK_MS ?? (soaking ? 300_000 : 60_000));
const OUT_DIR = path.join(os.tmpdir(), 'nettwin-random-labs');

/** Sandboxes open at once (mostly idle: they wait on kernel timers, not on the CPU). */
const SANDBOXES_AT_ONCE = Math.max(1, Number(process.env.NETTWIN_SANDBOXES ?? 4) || 4);
let busy = 0;
const queue: Array<() => void> = [];
async function withSandboxSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (busy < SANDBOXES_AT_ONCE) busy++;
  else await new Promise<void>((resolve) => queue.push(resolve));
  try {
    return await fn();
  } finally {
    const next = queue.shift();
    if (next) next();
    else busy--;
  }
}

/**
 * The disagreements the property is about: exit statuses, pings, and the rule listings' counters
 * when `listings` (all fields when strict). A lab with a bridge lists no counters: a bridge joins
 * 224.0.0.106 and sends IGMP reports, which the simulator does not model and catch-all OUTPUT
 * rules count.
 */
function counted(diffs: Disagreement[], listings: boolean): Disagreement[] {
  return STRICT ? diffs : diffs.filter((d) => (d.field !== 'stdout' && d.field !== 'stderr') || (listings && d.field === 'stdout' && / iptables (?:-t nat )?-L /.test(d.command)));
}

interface LabComparison {
  diffs: Disagreement[];
  all: Disagreement[];
  report: string;
}

async function compareLab(lab: LabDescription, file: string): Promise<LabComparison> {
  const { compareScript } = await loadCompare();
  const r = await withSandboxSlot(() => compareScript(toScript(lab), file));
  return { diffs: counted(r.diffs, !lab.steps.some((s) => s.kind === 'bridge-add')), all: r.diffs, report: r.report };
}

/** The step a disagreement is about (the script's header lines come first). */
function stepIndex(d: Disagreement): number {
  return d.line - SCRIPT_HEADER_LINES - 1;
}

/** Same command, same field: the disagreement a shrunk lab must keep. */
function sameKind(a: Disagreement, b: Disagreement): boolean {
  return a.command === b.command && a.field === b.field;
}

/**
 * The smallest lab that still disagrees the way `first` does: steps after it are cut, then
 * steps are deleted while the disagreement stays.
 */
async function shrink(lab: LabDescription, first: Disagreement, file: string): Promise<{ lab: LabDescription; report: string; runs: number; complete: boolean }> {
  const keeps = async (l: LabDescription): Promise<LabComparison | null> => {
    const c = await compareLab(l, file);
    return c.diffs.some((d) => sameKind(d, first)) ? c : null;
  };
  let start = lab;
  const cut: LabDescription = { ...lab, steps: lab.steps.slice(0, stepIndex(first) + 1) };
  if (cut.steps.length < lab.steps.length && (await keeps(cut))) start = cut;
  const m = await minimizeLab(start, async (l) => (await keeps(l)) !== null, { budgetMs: SHRINK_MS });
  const last = await compareLab(m.lab, file);
  // a disagreement that comes and goes is about timing (ARP's 3 s, linkwatch): say so
  const report = last.diffs.some((d) => sameKind(d, first)) ? last.report : `(did not disagree again on a last run: timing-dependent)\n${last.report}`;
  return { lab: m.lab, report, runs: m.runs, complete: m.complete };
}

const labs = sampleLabs(SEED, RUNS);
/** A second batch whose segments may be macvlans (nettwin/testing's `macvlan` option), with its own seed. */
const MACVLAN_RUNS = Math.max(0, Number(process.env.NETTWIN_MACVLAN_RUNS ?? (soaking ? RUNS >> 2 : 40)) || 0);
const MACVLAN_SEED = SEED + 1;
const macvlanLabs = sampleLabs(MACVLAN_SEED, MACVLAN_RUNS, { macvlan: true });

/** One batch: each lab compared, a disagreement shrunk and written to OUT_DIR before the test fails. */
function batch(title: string, seed: number, batchLabs: LabDescription[], gen: string): void {
  const width = String(batchLabs.length).length;
  describeReal(title, () => {
    describe.concurrent('labs', () => {
      batchLabs.forEach((lab, i) => {
        const name = `lab ${String(i + 1).padStart(width, '0')}`;
        it(
          name,
          async ({ expect }) => {
            const file = `random-lab-${seed}-${i + 1}.sh`;
            const first = await compareLab(lab, file);
            if (!first.diffs.length) return;
            const small = await shrink(lab, first.diffs[0], file);
            fs.mkdirSync(OUT_DIR, { recursive: true });
            const out = path.join(OUT_DIR, `seed-${seed}-lab-${i + 1}.sh`);
            fs.writeFileSync(out, toScript(small.lab));
            expect.fail(
              `the simulator and the kernel disagree on ${name} (nettwin gen --seed ${seed}${gen} --count ${i + 1}, file ${i + 1}):\n` +
                `${first.report}\nshrunk (${small.runs} runs${small.complete ? '' : ', budget ran out'}) to ${out}:\n` +
                `${toScript(small.lab)}\n${small.report}`,
            );
          },
          60_000 + SHRINK_MS,
        );
      });
    });
  });
}

batch(`random labs: simulator = kernel (seed ${SEED}, ${RUNS} labs${STRICT ? ', strict' : ''})`, SEED, labs, '');
batch(`random labs with macvlans: simulator = kernel (seed ${MACVLAN_SEED}, ${MACVLAN_RUNS} labs${STRICT ? ', strict' : ''})`, MACVLAN_SEED, macvlanLabs, ' --macvlan');

/** A third batch whose labs write random iptables rulesets (nettwin/testing's `rules` option), with its own seed. */
const RULES_RUNS = Math.max(0, Number(process.env.NETTWIN_RULES_RUNS ?? (soaking ? RUNS >> 2 : 40)) || 0);
const RULES_SEED = SEED + 2;
const rulesLabs = sampleLabs(RULES_SEED, RULES_RUNS, { rules: 6 });
batch(`random labs with rulesets: simulator = kernel (seed ${RULES_SEED}, ${RULES_RUNS} labs${STRICT ? ', strict' : ''})`, RULES_SEED, rulesLabs, ' --rules 6');

/** A fourth batch in dual stack: the labs of its seed with their IPv6 twins, DAD on for half of them. */
const DUAL_RUNS = Math.max(0, Number(process.env.NETTWIN_DUAL_RUNS ?? (soaking ? RUNS >> 2 : 40)) || 0);
const DUAL_SEED = SEED + 3;
const dualLabs = sampleLabs(DUAL_SEED, DUAL_RUNS).map((l, i) => dualStack(l, { nodad: i % 2 === 1 }));
batch(`random dual-stack labs: simulator = kernel (seed ${DUAL_SEED}, ${DUAL_RUNS} labs${STRICT ? ', strict' : ''})`, DUAL_SEED, dualLabs, ', then dualStack(lab, { nodad: odd lab })');

describeReal('random dual-stack labs: the batch pings both families', () => {
  it('most labs of the batch ping an IPv6 address', ({ expect }) => {
    if (DUAL_RUNS === 0) return;
    const drawn = dualLabs.filter((l) => l.steps.some((s) => s.kind === 'ping' && s.to.includes(':'))).length;
    expect(drawn).toBeGreaterThan(DUAL_RUNS / 2);
  });
});

describeReal('random labs with rulesets: the batch draws them', () => {
  it('most labs of the batch write rules', ({ expect }) => {
    if (RULES_RUNS === 0) return;
    const drawn = rulesLabs.filter((l) => l.steps.some((s) => s.kind === 'iptables' && !s.args.includes('-L'))).length;
    expect(drawn).toBeGreaterThan(RULES_RUNS / 2);
  });
});

describeReal('random labs with macvlans: the batch draws them', () => {
  it('most labs of the batch have a macvlan', ({ expect }) => {
    if (MACVLAN_RUNS === 0) return;
    const drawn = macvlanLabs.filter((l) => l.steps.some((s) => s.kind === 'macvlan-add')).length;
    expect(drawn).toBeGreaterThan(MACVLAN_RUNS / 3);
  });
});

/** Minimal scripts that random labs shrank to; an `# open:` header line marks a known disagreement. */
function regressionCases(): Case[] {
  try {
    return loadCases('regressions');
  } catch {
    return [];
  }
}

const regressions = regressionCases();

describeReal('regressions from random labs: simulator vs kernel', () => {
  if (!regressions.length) {
    it.skip('no regression scripts yet', () => {});
    return;
  }
  describe.concurrent('cases', () => {
    for (const c of regressions) {
      const open = /^# open:/m.test(c.text);
      // an open case is expected to disagree until the simulator is fixed: then drop the marker
      const test = open ? it.fails : it;
      test(c.file, async ({ expect }) => {
        const { compareScript } = await loadCompare();
        const r = await withSandboxSlot(() => compareScript(c.text, c.file));
        expect(r.real.length, 'the kernel run executed no command').toBeGreaterThan(0);
        expect(r.report).toBe('');
      });
    }
  });
});
