/**
 * The speculative queue of real mode, against a fake sandbox: which commands it dares to queue,
 * that commands sharing a namespace run in queue order whatever the processes' timing, that
 * every command runs exactly once, and that a surprise becomes a SpeculationMiss.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { deferrable, Speculation, SpeculationMiss, type Deferred } from '../../../../adapters/linux/speculation.js';
import { withSpeculation } from '../../../../adapters/linux/run-real.js';
import type { ExecResult, Sandbox } from '../../../../adapters/linux/sandbox.js';

const OK: ExecResult = { exit: 0, stdout: '', stderr: '' };

describe('deferrable', () => {
  const d = (argv: string[], expect: ExecResult = OK, wrapper?: string) => deferrable('h', argv[0]!, argv.slice(1), wrapper ? ['ip', 'netns', 'exec', wrapper] : [], wrapper, expect, argv.join(' '));

  it('queues writes that succeed silently as batch lines, in their namespace', () => {
    expect(d(['ip', 'link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'eth0', 'netns', 'ns1'])).toMatchObject({
      ns: null,
      batch: 'link add v0 type veth peer name eth0 netns ns1',
      touches: ['ns1'],
    });
    expect(d(['ip', '-n', 'ns1', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0'])).toMatchObject({ ns: 'ns1', batch: 'addr add 10.0.0.1/24 dev eth0', touches: [] });
    expect(d(['ip', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0'], OK, 'ns2')).toMatchObject({
      ns: 'ns2',
      batch: 'addr add 10.0.0.1/24 dev eth0',
      argv: ['ip', 'netns', 'exec', 'ns2', 'ip', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0'],
    });
    expect(d(['ip', 'netns', 'add', 'ns1'])).toMatchObject({ ns: null, touches: ['ns1', '#netns-dir'] });
  });

  it('queues a predicted failure that only complains as a batch line with the shape of its failure', () => {
    const fail = { exit: 2, stdout: '', stderr: 'Error: Nexthop has invalid gateway.\n' };
    const a = d(['ip', 'route', 'add', 'default', 'via', '10.9.9.9'], fail)!;
    expect(a).toMatchObject({ batch: 'route add default via 10.9.9.9', expect: fail });
    const nodev = (n: string) => d(['ip', 'link', 'set', n, 'up'], { exit: 1, stdout: '', stderr: `Cannot find device "${n}"\n` })!.fails;
    expect(nodev('x1')).toBe(nodev('other7'));
    expect(nodev('x1')).not.toBe(a.fails);
    // exit 255 may be an exit() inside ip, which would end the batch: alone
    expect(d(['ip', 'link', 'add', 'x', 'type', 'nope'], { exit: 255, stdout: '', stderr: 'Error: Unknown device type.\n' })).toMatchObject({ batch: null });
  });

  it('queues a command that prints as a lone command, checked word for word', () => {
    expect(d(['sysctl', '-w', 'net.ipv4.ip_forward=1'], { exit: 0, stdout: 'net.ipv4.ip_forward = 1\n', stderr: '' })).toMatchObject({ batch: null, ns: null });
    expect(d(['ip', '-4', 'route', 'add', '10.0.0.0/8', 'dev', 'eth0'])).toMatchObject({ batch: null });
  });

  it('makes a deletion wait for everything and everything wait for it', () => {
    expect(d(['ip', 'link', 'del', 'v0'])?.touches).toBeNull();
    expect(d(['ip', 'netns', 'del', 'ns1'])?.touches).toBeNull();
  });

  it('runs reads, pings, other programs and unclear namespace references at once', () => {
    expect(d(['ip', 'link', 'show'])).toBeNull();
    expect(d(['ip', 'route', 'get', '10.0.0.1'])).toBeNull();
    expect(d(['ip', 'route', 'flush', 'dev', 'eth0'])).toBeNull();
    expect(d(['ping', '-c', '1', '10.0.0.1'])).toBeNull();
    expect(d(['bridge', 'fdb', 'add', 'aa:bb:cc:dd:ee:ff', 'dev', 'vx0'])).toBeNull();
    expect(d(['sysctl', 'net.ipv4.ip_forward'])).toBeNull();
    expect(d(['ip', 'link', 'set', 'v0', 'netns', '1'])).toBeNull();
    expect(d(['ip', 'link', 'add', 'v0', 'link-netnsid', '0', 'type', 'veth', 'peer', 'name', 'v1'])).toBeNull();
    expect(d(['ip', 'netns', 'set', 'ns1', '7'])).toBeNull();
    expect(deferrable('h', 'ip', ['addr', 'add', '10.0.0.1/24', 'dev', 'eth0'], ['nsenter'], null, OK, 'x')).toBeNull();
  });
});

/**
 * A sandbox that records what ran, answering each process after a random delay, and counting
 * how many lone processes and how many groups (execUnits) are in flight at most.
 */
function fakeSandbox(delays: number[], answer: (argv: string[], input?: string) => ExecResult = () => OK) {
  const ran: string[] = [];
  let k = 0;
  let live = 0;
  let maxLive = 0;
  let groups = 0;
  let maxGroups = 0;
  const run = async (argv: string[], opts?: { input?: string }): Promise<ExecResult> => {
    await new Promise((r) => setTimeout(r, delays[k++ % delays.length]));
    const lines = argv.includes('-batch') ? opts!.input!.trim().split('\n') : [argv.join(' ')];
    ran.push(...lines.map((l) => l.replace(/^ip (netns exec \S+ ip )?/, '')));
    return answer(argv, opts?.input);
  };
  const sb = {
    async exec(_host: string, argv: string[], opts?: { input?: string }): Promise<ExecResult> {
      live++;
      maxLive = Math.max(maxLive, live);
      const r = await run(argv, opts);
      live--;
      return r;
    },
    /** the group's batches one after the other, as the agent's xargs -P1 would */
    async execUnits(_host: string, units: { ns: string; lines: string }[]): Promise<ExecResult> {
      groups++;
      maxGroups = Math.max(maxGroups, groups);
      const rs: ExecResult[] = [];
      for (const u of units) rs.push(await run(['ip', '-n', u.ns, '-batch', '-'], { input: u.lines }));
      groups--;
      const bad = rs.find((r) => r.exit !== 0);
      return { exit: bad ? bad.exit : 0, stdout: rs.map((r) => r.stdout).join(''), stderr: rs.map((r) => r.stderr).join('') };
    },
  };
  return { sb: sb as unknown as Sandbox, ran, maxLive: () => maxLive, maxGroups: () => maxGroups };
}

/** A queued `ip` command in namespace `ns` (null: root) touching `touches`, known by `id`; a read touches only its place. */
function cmd(id: number, ns: string | null, touches: string[] | null, batch: boolean, read = false): Deferred {
  const line = read ? `link show x${id}` : `link set x${id} up`;
  const c: Deferred = {
    host: 'h',
    ns,
    argv: ns === null ? ['ip', ...line.split(' ')] : ['ip', '-n', ns, ...line.split(' ')],
    batch: batch || read ? line : null,
    expect: OK,
    touches: read ? [] : touches,
    command: line,
  };
  if (read) c.read = { options: [], fill: () => {} };
  return c;
}

const NS = [null, 'a', 'b', 'c'];

describe('Speculation', () => {
  it('keeps the order of writes sharing a namespace and of reads with every write and runs each once, whatever the timing', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ ns: fc.constantFrom(...NS), touches: fc.option(fc.subarray(['a', 'b', 'c']), { freq: 8 }), batch: fc.boolean(), read: fc.boolean() }), { minLength: 1, maxLength: 60 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 7 }),
        fc.integer({ min: 1, max: 6 }),
        async (spec, delays, concurrency) => {
          const { sb, ran, maxLive, maxGroups } = fakeSandbox(delays);
          const s = new Speculation(async () => sb, concurrency);
          const cmds = spec.map((c, i) => cmd(i, c.ns, c.touches, c.batch, c.read));
          for (const c of cmds) s.add(c);
          await s.flush();
          const at = new Map(ran.map((l, i) => [Number(/x(\d+)/.exec(l)![1]), i]));
          expect(ran.length).toBe(cmds.length);
          expect(at.size).toBe(cmds.length);
          // lone processes share `concurrency`; named namespaces' batches go through GroupedBatches' two groups
          expect(maxLive()).toBeLessThanOrEqual(concurrency);
          expect(maxGroups()).toBeLessThanOrEqual(2);
          const keys = (c: Deferred) => (c.touches === null ? null : new Set([c.ns ?? '', ...c.touches]));
          for (let i = 0; i < cmds.length; i++) {
            for (let j = i + 1; j < cmds.length; j++) {
              const ki = keys(cmds[i]!);
              const kj = keys(cmds[j]!);
              // reads (speculative-reads.ts) keep their order with every write, not among themselves
              const ri = cmds[i]!.read !== undefined;
              const rj = cmds[j]!.read !== undefined;
              const share = ri || rj ? ri !== rj : ki === null || kj === null || [...ki].some((k) => kj.has(k));
              if (share) expect(at.get(i)!).toBeLessThan(at.get(j)!);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('runs consecutive silent writes of one namespace as one ip -batch', async () => {
    const { sb, ran } = fakeSandbox([0]);
    const calls: string[] = [];
    const spy = {
      exec: (h: string, argv: string[], o?: { input?: string }) => (calls.push(argv.join(' ')), sb.exec(h, argv, o)),
      execUnits: (h: string, units: { ns: string; lines: string }[], p: number) => (
        calls.push(units.map((u) => `${u.ns}: ${u.lines.trim().split('\n').length} lines`).join(', ')), sb.execUnits(h, units, p)
      ),
    } as unknown as Sandbox;
    const s = new Speculation(async () => spy, 4);
    for (let i = 0; i < 5; i++) s.add(cmd(i, 'a', [], true));
    for (let i = 5; i < 8; i++) s.add(cmd(i, null, [], true));
    await s.flush();
    expect(calls).toEqual(['a: 5 lines', 'ip -batch -']);
    expect(ran).toHaveLength(8);
  });

  it('gives a place that keeps writing larger batches: 32 lines at first, doubling every 8 batches up to 1 024', async () => {
    const { sb, ran } = fakeSandbox([0]);
    const sizes: number[] = [];
    const spy = {
      exec: (h: string, argv: string[], o?: { input?: string }) => (sizes.push(o?.input ? o.input.trim().split('\n').length : 1), sb.exec(h, argv, o)),
    } as unknown as Sandbox;
    const s = new Speculation(async () => spy, 4);
    const n = 20_000;
    for (let i = 0; i < n; i++) s.add(cmd(i, null, [], true));
    await s.flush();
    expect(ran).toHaveLength(n);
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
    expect(sizes.slice(0, 8)).toEqual(Array(8).fill(32));
    expect(sizes.slice(8, 16)).toEqual(Array(8).fill(64));
    expect(sizes.slice(40, -1).every((x) => x === 1024)).toBe(true);
    // 20 000 lines of 32 would have been 625 processes
    expect(sizes.length).toBeLessThan(60);
  });

  it('turns an answer other than the predicted one into a SpeculationMiss', async () => {
    const { sb } = fakeSandbox([1], (argv) => (argv.includes('x3') ? { exit: 2, stdout: '', stderr: 'RTNETLINK answers: File exists\n' } : OK));
    const s = new Speculation(async () => sb, 2);
    for (let i = 0; i < 6; i++) s.add(cmd(i, i % 2 ? 'a' : null, [], false));
    await expect(s.flush()).rejects.toBeInstanceOf(SpeculationMiss);
  });

  it('batches predicted failures with -force once a lone run showed their status, each message checked', async () => {
    const nodev = (l: string) => `Cannot find device "${/set (\S+)/.exec(l)![1]}"\n`;
    const answer = (argv: string[], input?: string): ExecResult => {
      if (!argv.includes('-batch')) return argv.some((a) => a.startsWith('nope')) ? { exit: 1, stdout: '', stderr: nodev(argv.join(' ')) } : OK;
      const lines = input!.trim().split('\n');
      const err = lines.map((l, i) => (l.includes('nope') ? `${nodev(l)}Command failed -:${i + 1}\n` : '')).join('');
      return { exit: err ? (argv.includes('-force') ? 1 : 1) : 0, stdout: '', stderr: argv.includes('-force') ? err : err.split('Command failed')[0]! };
    };
    const { sb } = fakeSandbox([0], answer);
    const calls: string[] = [];
    const spy = {
      exec: (h: string, argv: string[], o?: { input?: string }) => (calls.push(`${argv.join(' ')}${o?.input ? ` <${o.input.trim().split('\n').length}` : ''}`), sb.exec(h, argv, o)),
    } as unknown as Sandbox;
    const s = new Speculation(async () => spy, 4);
    const fail = (i: number): Deferred => ({
      ...cmd(i, null, [], true),
      argv: ['ip', 'link', 'set', `nope${i}`, 'up'],
      batch: `link set nope${i} up`,
      expect: { exit: 1, stdout: '', stderr: `Cannot find device "nope${i}"\n` },
      fails: 'link set\0nodev',
    });
    s.add(fail(0));
    for (let i = 1; i < 6; i++) s.add(i % 2 ? fail(i) : cmd(i, null, [], true));
    await s.flush();
    expect(calls).toEqual(['ip link set nope0 up', 'ip -force -batch - <5']);
  });

  it('runs a predicted failure alone when its shape showed another status, and misses on other words', async () => {
    const { sb } = fakeSandbox([0], (argv) =>
      argv.includes('-batch') ? { exit: 1, stdout: '', stderr: 'Cannot find device "nope2"\nCommand failed -:1\n' } : { exit: 1, stdout: '', stderr: 'Cannot find device "nope1"\n' },
    );
    const f = (i: number, exit: number): Deferred => ({
      ...cmd(i, null, [], true),
      batch: `link set nope${i} up`,
      expect: { exit, stdout: '', stderr: `Cannot find device "nope${i}"\n` },
      fails: 'shape',
    });
    const s = new Speculation(async () => sb, 2);
    s.add(f(1, 1));
    s.add(f(2, 1));
    s.add(f(3, 1));
    // nope3's words differ from what the batch printed
    await expect(s.flush()).rejects.toBeInstanceOf(SpeculationMiss);
    const calls: string[] = [];
    const spy = { exec: (h: string, argv: string[], o?: { input?: string }) => (calls.push(argv.join(' ')), sb.exec(h, argv, o)) } as unknown as Sandbox;
    const t = new Speculation(async () => spy, 2);
    t.add(f(1, 1));
    await t.flush();
    t.add(f(2, 2));
    await expect(t.flush()).rejects.toBeInstanceOf(SpeculationMiss);
    expect(calls.every((c) => !c.includes('-batch'))).toBe(true);
  });

  it('turns any output of a batch into a SpeculationMiss', async () => {
    const { sb } = fakeSandbox([0], () => ({ exit: 1, stdout: '', stderr: 'Cannot find device "x1"\nCommand failed -:2\n' }));
    const s = new Speculation(async () => sb, 2);
    for (let i = 0; i < 3; i++) s.add(cmd(i, null, [], true));
    await expect(s.flush()).rejects.toBeInstanceOf(SpeculationMiss);
  });
});

describe('withSpeculation', () => {
  it('runs once more without speculating after a miss, and only then', async () => {
    const tries: boolean[] = [];
    const r = await withSpeculation(true, async (spec) => {
      tries.push(spec);
      if (spec) throw new SpeculationMiss('ip link add x', OK, { exit: 2, stdout: '', stderr: 'boom\n' });
      return 'done';
    });
    expect(r).toBe('done');
    expect(tries).toEqual([true, false]);
    await expect(withSpeculation(true, async () => Promise.reject(new Error('sandbox failed')))).rejects.toThrow('sandbox failed');
  });
});
