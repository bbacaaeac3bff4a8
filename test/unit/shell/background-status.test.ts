/**
 * `cmd &` has status 0 whatever the line before it did: bash sets $? when it starts the job. A
 * background line after a line nettwin skips (not modelled) was reported with the skipped line's
 * 127 (found by diffing an MTU/L4 script whose tracepath line the simulator did not model).
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

describe('a background command', () => {
  it('has status 0 after a skipped line, in its step and in $?', () => {
    const steps = new Lab().host('h').sh(['apt-get update', 'ip netns add a', 'ip -n a link set lo up', 'apt-get update', 'ip netns exec a nc -l -p 8080 > /dev/null &', 'echo $?'].join('\n'));
    expect(steps.map((s) => [s.line, s.exit])).toEqual([
      [1, 127],
      [2, 0],
      [3, 0],
      [4, 127],
      [5, 0],
      [6, 0],
    ]);
    expect(steps[5]!.stdout).toBe('0\n');
  });
});
