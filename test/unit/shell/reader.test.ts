/**
 * The interpreter reads a script one line (list) at a time (ShellReader): it must give the
 * same steps as when the whole script was parsed first, a syntax error further on included.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseShell, ShellReader } from '../../../src/shell/parser.js';
import type { ShellCommand } from '../../../src/shell/ast.js';
import { Lab } from '../../../src/lab.js';

function lists(src: string): { commands: ShellCommand[]; errors: { line: number; message: string }[]; sizes: number[] } {
  const r = new ShellReader(src);
  const commands: ShellCommand[] = [];
  const sizes: number[] = [];
  for (let l = r.nextList(); l; l = r.nextList()) {
    sizes.push(l.length);
    commands.push(...l);
  }
  return { commands, errors: r.errors, sizes };
}

describe('ShellReader', () => {
  it('gives one list per line, with joiners inside it', () => {
    const { sizes, commands } = lists('a; b && c | d\n\ne &\nf || \\\n  g\n');
    expect(sizes).toEqual([4, 1, 2]);
    expect(commands.map((c) => c.joiner)).toEqual([null, ';', '&&', '|', null, null, '||']);
  });

  it('adds up to parseShell on the repository scripts', () => {
    const root = join(__dirname, '../../cases');
    const files: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        if (e.isDirectory()) walk(join(d, e.name));
        else if (e.name.endsWith('.sh')) files.push(join(d, e.name));
      }
    };
    walk(root);
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const src = readFileSync(f, 'utf8');
      const { commands, errors } = lists(src);
      const whole = parseShell(src);
      expect({ commands, errors }, f).toEqual({ commands: whole.commands, errors: whole.errors });
    }
  });

  it('a syntax error after `exit` is still reported, after the steps that ran', () => {
    const steps = new Lab().host('h').sh('ip link add br0 type bridge\nexit 3\nip link add br1 type bridge; echo "oops\n', { file: 's.sh' });
    expect(steps.map((s) => [s.line, s.exit])).toEqual([
      [1, 0],
      [2, 3],
      [3, 2],
    ]);
    expect(steps[2]!.stderr).toBe('s.sh: line 3: unexpected EOF while looking for matching `"\'\n');
  });
});
