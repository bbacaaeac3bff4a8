/**
 * Every command of the README's ```sh blocks runs as written (the quick start apart: its own
 * test runs it on a fresh clone). A line is `[sudo] npx nettwin ARGS`, optionally followed by
 * `# exit N` (the exit status it must end with; 0 when not said). They run in order, with the
 * built CLI, in a temporary folder holding a copy of examples/, so what they write (captures,
 * generated labs, reports) stays there. `sudo` lines need real mode: they run in a real-mode
 * suite (reported as not run without root, failing under NETTWIN_REQUIRE_REAL=1).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeReal } from '../real/require-real.js';
import { cli, ensureBuilt, ROOT } from '../security/built-cli.js';

interface Example {
  sudo: boolean;
  args: string[];
  exit: number;
  text: string;
}

/** The nettwin commands of every ```sh block but the quick start's, in order. */
function readmeExamples(readme: string): Example[] {
  const body = readme
    .split(/^## /m)
    .filter((s) => !s.startsWith('Quick start'))
    .join('\n');
  const out: Example[] = [];
  for (const block of body.matchAll(/```sh\n([\s\S]*?)```/g)) {
    for (const raw of block[1]!.split('\n')) {
      const line = raw.trim();
      if (line === '' || line.startsWith('#')) continue;
      const m = /^(sudo )?npx nettwin ([^#]*?)\s*(?:#\s*exit (\d+))?\s*$/.exec(line);
      if (!m || /[|&;<>$`'"\\]/.test(m[2]!)) throw new Error(`README: a sh block line that is not a plain nettwin command: ${line}`);
      out.push({ sudo: m[1] !== undefined, args: m[2]!.split(/\s+/), exit: Number(m[3] ?? 0), text: line });
    }
  }
  return out;
}

const examples = readmeExamples(readFileSync(join(ROOT, 'README.md'), 'utf8'));

it('the README has examples for every command', () => {
  const commands = new Set(examples.map((e) => e.args[0]));
  for (const c of ['run', 'diff', 'lint', 'explain', 'verify', 'reach', 'graph', 'gen']) expect(commands, c).toContain(c);
});

function suite(sudo: boolean): () => void {
  return () => {
    let tmp = '';
    beforeAll(() => {
      ensureBuilt();
      tmp = mkdtempSync(join(tmpdir(), 'nettwin-readme-'));
      cpSync(join(ROOT, 'examples'), join(tmp, 'examples'), { recursive: true });
    }, 300_000);
    afterAll(() => {
      if (tmp) rmSync(tmp, { recursive: true, force: true });
    });
    for (const ex of examples.filter((e) => e.sudo === sudo)) {
      it(ex.text, () => {
        const r = cli(ex.args, { cwd: tmp, timeoutMs: 120_000 });
        expect(r.signal, 'killed: it hung').toBeNull();
        expect(r.stderr, 'no crash').not.toMatch(/\n\s+at /);
        expect(r.status, `${ex.text}\n${r.stdout.slice(-2000)}\n${r.stderr}`).toBe(ex.exit);
        expect(r.stdout.length + r.stderr.length, 'it says something').toBeGreaterThan(0);
      }, 180_000);
    }
  };
}

describe('README examples (the simulator)', suite(false));
describeReal('README examples (sudo: real mode)', suite(true), { tools: [['tcpdump', 'tcpdump']] });
