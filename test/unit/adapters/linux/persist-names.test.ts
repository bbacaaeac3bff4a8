import { describe, expect, it } from 'vitest';
import { labNameFrom, persistNames } from '../../../../adapters/linux/persist.js';
import { execArgv, ExecRefused } from '../../../../adapters/linux/persist-exec.js';

describe('persisted labs: names', () => {
  it('nt-<lab>-<host>-<ns>, shortened to fit 15 bytes, the machine room as room', () => {
    const m = persistNames(['h1', 'h1/NS1', 'node1', 'node1/NS1', 'node1/pod12', '.infra'], 'nt-seed-');
    expect([...m.values()]).toEqual(['nt-seed-h1', 'nt-seed-h1-NS1', 'nt-seed-node1', 'nt-seed-n1-NS1', 'nt-seed-n1-p12', 'nt-seed-room']);
    for (const n of m.values()) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(15);
  });

  it('shorter still, then numbered, never twice the same name', () => {
    const m = persistNames(['worker1', 'worker1/frontend', 'worker1/frontend2', 'worker2/frontend'], 'nt-abcdef-');
    expect([...m.values()]).toEqual(['nt-abcdef-w1', 'nt-abcdef-w1-f', 'nt-abcdef-w1-f2', 'nt-abcdef-w2-f']);
    const clash = persistNames(['a/x1', 'a/y1', 'b/x1'], 'nt-abcdef-');
    expect(new Set(clash.values()).size).toBe(3);
    const many = persistNames(
      Array.from({ length: 50 }, (_, i) => `verylonghost${i}/verylongns${i}`),
      'nt-abcdef-',
    );
    expect(new Set(many.values()).size).toBe(50);
    for (const n of many.values()) expect(Buffer.byteLength(n)).toBeLessThanOrEqual(15);
  });

  it('a lab name from a file name: letters and digits, at most 6, a letter first', () => {
    expect(labNameFrom('examples/seed/lab-fixed-routes.yaml')).toBe('labfix');
    expect(labNameFrom('node1.sh')).toBe('node1');
    expect(labNameFrom('/x/42-Pods.yml')).toBe('pods');
    expect(labNameFrom('---.sh')).toBe('lab');
  });
});

describe('nettwin exec: what it runs', () => {
  it('a modelled command as argv; cat of a /proc/sys/net file', () => {
    expect(execArgv(['ip', '-br', 'addr'])).toEqual(['ip', '-br', 'addr']);
    expect(execArgv(['ping', '-c', '1', '10.0.0.1'])).toEqual(['ping', '-c', '1', '10.0.0.1']);
    expect(execArgv(['cat', '/proc/sys/net/ipv4/ip_forward'])).toEqual(['cat', '/proc/sys/net/ipv4/ip_forward']);
  });

  it('refuses what a script line may not do, or what would leave the namespace', () => {
    const refused = (argv: string[]) => {
      try {
        execArgv(argv);
        return 'ran';
      } catch (e) {
        expect(e).toBeInstanceOf(ExecRefused);
        return (e as Error).message;
      }
    };
    expect(refused([])).toMatch(/^no command given/);
    expect(refused(['touch', '/tmp/x'])).toMatch(/^not something nettwin runs: /);
    expect(refused(['ip', 'netns', 'exec', 'other', 'ip', 'link'])).toMatch(/^the namespace is HOST\/NS, not ip netns exec/);
    expect(refused(['ip', '-n', 'other', 'link'])).toMatch(/^refused: ip option -n/);
    expect(refused(['ip', '-batch', '/etc/passwd'])).toMatch(/^not something nettwin runs: |^refused: /);
    expect(refused(['sysctl', '-w', 'kernel.hostname=x'])).toMatch(/path check refused|not something nettwin runs/);
    expect(refused(['cat', '/etc/shadow'])).toMatch(/^not something nettwin runs: /);
  });
});
