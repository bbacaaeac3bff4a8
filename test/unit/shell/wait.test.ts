/**
 * `wait`: bash returns 0 at once when no job runs. A background command nettwin reported and did
 * not run started none, so `wait` after it answers as bash does; after a job that did start,
 * waiting is reported as not modelled (when a job ends is the executor's business).
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

  it('is reported, not guessed, once a job runs', () => {
    const steps = run('ip netns add a\nsocat /dev/null tcp4-listen:34567 &\nip netns exec a ping -c 1 127.0.0.1 &\nwait');
    expect(steps[2]).toMatchObject({ supported: true });
    expect(steps[3]).toMatchObject({ supported: false, exit: 127, stderr: 'nettwin: unsupported: wait for background jobs\n' });
  });
});
