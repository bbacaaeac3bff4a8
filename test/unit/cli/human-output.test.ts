/**
 * The CLI's human output: colours only on a terminal (never with NO_COLOR, never when piped,
 * even under CI), and a `--help` with examples for every command. Spawns the CLI as a user
 * runs it.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../../src/cli/main.js';
import { useColor } from '../../../src/cli/colors.js';

const ROOT = join(import.meta.dirname, '../../..');
const CLI = ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const SCRIPT = join(ROOT, 'test/unit/graph/fixtures/small.sh');
// eslint-disable-next-line no-control-regex
const ESC = /\x1b\[/;

/** The environment without anything that decides colours, plus `extra`. */
function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const e = { ...process.env };
  for (const k of ['NO_COLOR', 'FORCE_COLOR', 'CI', 'TERM']) delete e[k];
  return { ...e, TERM: 'xterm-256color', ...extra };
}

function cli(args: string[], extra: Record<string, string> = {}) {
  return spawnSync(process.execPath, [...CLI, ...args], { cwd: ROOT, encoding: 'utf8', env: env(extra) });
}

/** Runs the CLI with stdout on a pseudo-terminal (util-linux `script`). */
function cliOnTty(args: string[], extra: Record<string, string> = {}) {
  const cmd = [process.execPath, ...CLI, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  return spawnSync('script', ['-qec', cmd, '/dev/null'], { cwd: ROOT, encoding: 'utf8', env: env(extra) });
}

describe('colours', () => {
  it('are off when stdout is piped, even under CI', () => {
    const r = cli(['run', SCRIPT], { CI: 'true' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('+ ip netns add A\n');
    expect(r.stdout).not.toMatch(ESC);
  });

  it('are off with NO_COLOR, even when forced', () => {
    const r = cli(['run', SCRIPT], { NO_COLOR: '1', FORCE_COLOR: '1' });
    expect(r.stdout).not.toMatch(ESC);
  });

  it('can be forced on a pipe with FORCE_COLOR (so the checks above can fail)', () => {
    expect(cli(['run', SCRIPT], { FORCE_COLOR: '1' }).stdout).toMatch(ESC);
    expect(cli(['run', SCRIPT], { FORCE_COLOR: '0' }).stdout).not.toMatch(ESC);
  });

  it.skipIf(!existsSync('/usr/bin/script'))('are on for a terminal, off there with NO_COLOR or TERM=dumb', () => {
    const tty = cliOnTty(['run', SCRIPT]);
    expect(tty.status).toBe(0);
    expect(tty.stdout).toMatch(/\x1b\[2m\+ ip netns add A\x1b\[22m/);
    expect(cliOnTty(['run', SCRIPT], { NO_COLOR: '1' }).stdout).not.toMatch(ESC);
    expect(cliOnTty(['run', SCRIPT], { TERM: 'dumb' }).stdout).not.toMatch(ESC);
  });

  it('useColor: NO_COLOR first, then FORCE_COLOR, then a TTY that is not dumb', () => {
    expect(useColor({ isTTY: true }, {})).toBe(true);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1' })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '' })).toBe(true);
    expect(useColor({ isTTY: true }, { TERM: 'dumb' })).toBe(false);
    expect(useColor({ isTTY: false }, { CI: 'true' })).toBe(false);
    expect(useColor({}, { FORCE_COLOR: '1' })).toBe(true);
    expect(useColor({}, { FORCE_COLOR: 'false' })).toBe(false);
    expect(useColor({ isTTY: true }, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false);
  });

  it('--json never carries colours', () => {
    const r = cli(['run', SCRIPT, '--json'], { FORCE_COLOR: '1' });
    expect(r.stdout).not.toMatch(ESC);
    expect(JSON.parse(r.stdout).mode).toBe('sim');
  });
});

describe('--help', () => {
  const commands = buildProgram().commands.map((c) => c.name());

  it('lists the commands', () => {
    expect(commands).toEqual(expect.arrayContaining(['run', 'diff', 'lint']));
  });

  for (const name of [null, ...buildProgram().commands.map((c) => c.name())]) {
    it(`${name ?? 'nettwin'} --help shows examples and exit status`, () => {
      const r = cli(name ? [name, '--help'] : ['--help']);
      expect(r.status).toBe(0);
      expect(r.stdout).toMatch(/\nExamples:\n {2}(sudo )?nettwin /);
      expect(r.stdout).toMatch(/\nExit status: 0 /);
    });
  }
});

describe('nettwin --version', () => {
  it("prints package.json's version", async () => {
    const { readFileSync } = await import('node:fs');
    const want = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(buildProgram().version()).toBe(want);
  });
});
