/**
 * What bash would run forever or without bound ends with a "nettwin: … limit" step and never
 * hangs; `source` reads files beside the script through the caller's rule, and unsupported
 * constructs are reported once, by name.
 */
import { describe, expect, it } from 'vitest';
import { Lab } from '../../../src/lab.js';

function run(script: string, readSource?: (name: string) => { text: string } | { error: string }) {
  return new Lab().host('h').sh(script, { file: 's.sh', readSource });
}

const last = (steps: ReturnType<typeof run>) => steps[steps.length - 1]!;

describe('bounds', () => {
  it('ends a loop without a way out', () => {
    const steps = run('while true; do :; done\necho never');
    expect(last(steps)).toMatchObject({ supported: false, exit: 127 });
    expect(last(steps).stderr).toMatch(/^nettwin: loop limit \(10000 iterations of one while loop\) reached at line 1\n$/);
    expect(steps.some((s) => s.stdout.includes('never'))).toBe(false);
  });

  it('ends runaway recursion', () => {
    expect(last(run('f() { f; }\nf')).stderr).toMatch(/^nettwin: nesting limit/);
    expect(last(run('x=$(x=$(x=$(x=1)))\necho ok')).stdout).toBe('ok\n');
  });

  it('refuses a brace expansion that makes too many words', () => {
    expect(last(run('echo {1..100000000}')).stderr).toMatch(/^nettwin: brace expansion \{1\.\.100000000\} makes more than 100000 words/);
  });

  it('bounds the time a script sleeps', () => {
    const steps = run('while :; do sleep 100; done');
    expect(last(steps).stderr).toMatch(/^nettwin: sleep limit \(600 s of sleep in one run\)/);
    // six sleeps ran; the seventh would pass the bound
    expect(steps.filter((s) => s.command === 'sleep 100').map((s) => s.exit)).toEqual([0, 0, 0, 0, 0, 0, 127]);
  });

  it('bounds what a pipe carries', () => {
    expect(last(run('yes_words() { while :; do echo aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa; done; }\nyes_words | head -1')).stderr).toMatch(/limit/);
  });
});

describe('source', () => {
  it('runs a file beside the script in the same shell', () => {
    const files: Record<string, string> = { 'lib.sh': 'PREFIX=ns\nmk() { ip netns add "$PREFIX$1"; }\n' };
    const steps = run('. ./lib.sh\nsource lib.sh\nmk 1\nmk 2\nip netns list', (n) =>
      files[n.replace(/^\.\//, '')] !== undefined ? { text: files[n.replace(/^\.\//, '')]! } : { error: 'does not exist' },
    );
    expect(last(steps).stdout).toBe('ns2\nns1\n');
    expect(steps.every((s) => s.supported)).toBe(true);
  });

  it('is reported when the caller does not allow it or the file is refused', () => {
    expect(run('source lib.sh')[0]).toMatchObject({ supported: false, stderr: 'nettwin: unsupported: source lib.sh\n' });
    expect(run('. /etc/passwd', () => ({ error: 'is an absolute path' }))[0]!.stderr).toBe('nettwin: unsupported: . /etc/passwd: is an absolute path\n');
  });
});

describe('what is not modelled is reported once, by name', () => {
  it('names the construct', () => {
    const steps = run('tee >(ip link)\nselect x in a b; do echo $x; done\ncd /tmp\ntrap "echo x" ERR\nexec 3>/tmp/x');
    expect(steps.map((s) => [s.supported, s.stderr])).toEqual([
      [false, 'nettwin: unsupported: expansion >(ip link)\n'],
      [false, 'nettwin: unsupported: shell construct select\n'],
      [false, 'nettwin: unsupported: command cd\n'],
      [false, 'nettwin: unsupported: trap on ERR\n'],
      [false, 'nettwin: unsupported: redirection of file descriptor 3\n'],
    ]);
  });
});
