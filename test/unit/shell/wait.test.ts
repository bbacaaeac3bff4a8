/**
 * `wait`: bash returns 0 at once when no job runs. A background command nettwin reported and did
 * not run started none, so `wait` after it answers as bash does; a background command nettwin
 * ran to its end at once (ping) is waited for with its status; a job still running (a listener)
 * is reported as not modelled (when it would end is not nettwin's to guess).
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

const run = (script: string) => new Lab().host('h').sh(script, { file: 's.sh' });

describe('wait', () => {
  it('returns 0 at once with no job started', () => {
    const steps = run('wait\necho $?');
    expect(steps.map((s) => [s.command, s.supported, s.exit, s.stdout])).toEqual([
      ['wait', true, 0, ''],
      ['echo 0', true, 0, '0\n'],
    ]);
  });

  it('returns 0 at once after a background command that was reported and not run', () => {
    const steps = run('socat /dev/null udp4-listen:34567 &\nwait\necho $?');
    expect(steps[0]).toMatchObject({ supported: false, exit: 127 });
    expect(steps.slice(1).map((s) => [s.supported, s.exit, s.stdout])).toEqual([
      [true, 0, ''],
      [true, 0, '0\n'],
    ]);
  });

  it('takes the status of a command that ran to its end at once', () => {
    const steps = run('ip netns add a\nip netns exec a ping -c 1 -W 1 10.9.9.9 > /dev/null &\nwait $!\necho $?\nwait\necho $?');
    expect(steps.map((s) => [s.supported, s.stdout])).toEqual([
      [true, ''],
      [true, ''],
      [true, ''],
      [true, '2\n'],
      [true, ''],
      [true, '0\n'],
    ]);
  });

  it('is reported, not guessed, while a job runs', () => {
    const steps = run('ip netns add a\nip -n a link set lo up\nip netns exec a nc -l 8080 &\nwait');
    expect(steps[2]).toMatchObject({ supported: true });
    expect(steps[3]).toMatchObject({ supported: false, exit: 127, stderr: 'nettwin: unsupported: wait for `ip netns exec a nc -l 8080 &`, still running (when it would end is not modelled)\n' });
  });
});
