/**
 * `kill`, `wait` and `jobs` where no process is involved, held against bash: usage, invalid
 * signals, job specs and pids that name nothing, an empty job table. (Jobs with processes —
 * listeners signalled and waited for — are compared with the kernel in
 * test/cases/shell/jobs-kill-wait.sh; nettwin's PIDs are its own there.)
 */
import { describe, expect, it } from 'vitest';
import { sameAsBash, viaNettwin } from './bash-oracle.js';

describe('job control builtins against bash', () => {
  sameAsBash([
    'kill; echo $?',
    'kill -s; echo $?',
    'kill -FOO 1; echo $?; kill -s BAR %1; echo $?; kill -99 %1; echo $?',
    'kill %1; echo $?; kill -9 %2 %3; echo $?; kill -s TERM %%; echo $?',
    'kill -0 %1; echo $?; kill -HUP %-; echo $?; kill -n 15 %4; echo $?',
    'kill x; echo $?; kill -- %1; echo $?',
    'wait; echo $?; wait %1; echo $?; wait 99999; echo $?; wait %1 %2; echo $?',
    'jobs; echo $?; jobs -p; echo $?; jobs -l; echo $?',
    'echo "[$!]"',
  ]);
});

describe('job control: what nettwin does not model is reported', () => {
  for (const line of ['kill -l', 'kill -USR1 %1', 'kill -STOP 1', 'kill 12', 'wait -n', 'jobs -r', 'kill %ip']) {
    it(line, () => {
      expect(viaNettwin(line).unsupported.length).toBe(1);
    });
  }
  it('a background command nettwin ran to its end at once cannot be killed or listed', () => {
    const r = viaNettwin('sleep 1 &\nkill $!\njobs');
    expect(r.unsupported.map((u) => u.replace(/:.*/, ''))).toEqual(['kill 4243', 'jobs']);
  });
  it('wait takes its status', () => {
    const r = viaNettwin('false &\nwait $!; echo $?\nwait %1; echo $?');
    expect(r.stdout).toContain('1\n');
  });
});
