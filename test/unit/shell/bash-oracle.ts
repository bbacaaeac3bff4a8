/**
 * Runs a snippet through the machine's bash (with its grep, sed, awk, sort …) and through
 * nettwin's interpreter, and returns both: stdout, stderr and the exit status. The snippet runs
 * as a script file `t.sh` in an empty temporary folder, inside `( … )` followed by
 * `echo "rc=$?"`, so `exit` and errexit show as a status in both. Only side-effect-free snippets
 * (echo, printf, text tools, variables, files under the folder) are given to bash.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Lab } from '../../../src/lab.js';
import { describe, it } from 'vitest';

export interface Run {
  stdout: string;
  stderr: string;
  status: number;
}

function wrap(snippet: string): string {
  return `(\n${snippet}\n)\necho "rc=$?"\n`;
}

/**
 * Runs the snippet through the machine's bash in a folder of its own; a snippet's scratch files
 * under /tmp (which nettwin keeps in memory) are written in that folder, so bash leaves nothing
 * behind on the machine either.
 */
export function viaBash(snippet: string): Run {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-bash-'));
  try {
    fs.writeFileSync(path.join(dir, 't.sh'), wrap(snippet.replaceAll('/tmp/', `${dir}/`)));
    const r = spawnSync('bash', ['t.sh'], { cwd: dir, encoding: 'utf8', env: { PATH: '/usr/bin:/bin', LC_ALL: 'C', HOME: dir }, timeout: 20_000, input: '' });
    return { stdout: r.stdout, stderr: r.stderr, status: r.status ?? -1 };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

export function viaNettwin(snippet: string): Run & { unsupported: string[] } {
  const steps = new Lab().host('h').sh(wrap(snippet), { file: 't.sh' });
  return {
    stdout: steps.map((s) => s.stdout).join(''),
    stderr: steps.map((s) => s.stderr).join(''),
    status: 0,
    unsupported: steps.filter((s) => !s.supported).map((s) => `${s.command}: ${s.stderr.trim()}`),
  };
}

/**
 * One test per snippet, run by bash and by nettwin's interpreter: nettwin models every line and
 * prints the same stdout and stderr.
 *
 * @example
 * describe('arrays against bash', () => sameAsBash(['a=(1 2); echo ${#a[@]}']));
 */
export function sameAsBash(snippets: readonly string[]): void {
  describe.concurrent('snippets', () => {
    for (const s of snippets) {
      it(s.split('\n')[0]!.slice(0, 100), ({ expect }) => {
        const bash = viaBash(s);
        const nettwin = viaNettwin(s);
        expect(nettwin.unsupported, 'lines nettwin did not model').toEqual([]);
        expect(nettwin.stdout).toBe(bash.stdout);
        expect(nettwin.stderr).toBe(bash.stderr);
      });
    }
  });
}
