/**
 * Reads under speculation (speculative-reads.ts), against a fake sandbox: which reads may wait
 * in the queue, that a batch's output is cut back into each read's own text only when every
 * piece is its prediction once masked, that anything else runs each read alone, and that a read
 * answering another status is a miss. Which requests the shell marks `shown` is checked here too.
 */
import { describe, expect, it } from 'vitest';
import { ipRead, runReads, type QueuedRead } from '../../../../adapters/linux/speculative-reads.js';
import { Speculation, SpeculationMiss, type Deferred } from '../../../../adapters/linux/speculation.js';
import type { ExecResult, Sandbox } from '../../../../adapters/linux/sandbox.js';
import { interpret } from '../../../../src/shell/interpreter.js';
import type { Request } from '../../../../src/exec/executor.js';

describe('ipRead', () => {
  it('takes plain listings with shareable options, in a namespace or not', () => {
    expect(ipRead(['link', 'show'])).toEqual({ ns: null, options: [], rest: ['link', 'show'] });
    expect(ipRead(['-br', '-n', 'ns1', 'a'])).toEqual({ ns: 'ns1', options: ['-br'], rest: ['a'] });
    expect(ipRead(['-j', 'route', 'get', '10.0.0.1'])).toEqual({ ns: null, options: ['-j'], rest: ['route', 'get', '10.0.0.1'] });
    expect(ipRead(['-4', 'neigh', 'list'])).toMatchObject({ options: ['-4'] });
  });
  it('leaves counters, writes, monitors and unknown options to run at once', () => {
    expect(ipRead(['-s', 'link', 'show'])).toBeNull();
    expect(ipRead(['link', 'set', 'lo', 'up'])).toBeNull();
    expect(ipRead(['monitor'])).toBeNull();
    expect(ipRead(['netns', 'list'])).toBeNull();
    expect(ipRead(['-batch', '-'])).toBeNull();
    expect(ipRead(['-n'])).toBeNull();
    expect(ipRead(['link', 'get'])).toBeNull();
  });
});

const LINK = (mac: string) => `1: lo: <LOOPBACK> mtu 65536\n    link/ether ${mac} brd ff:ff:ff:ff:ff:ff\n`;

/** Reads of `ip link show`, predicted with the simulator's MAC; each read's text lands in `got`. */
function reads(n: number, got: string[]): QueuedRead[] {
  return Array.from({ length: n }, (_, k) => ({
    argv: ['ip', 'link', 'show'],
    batch: 'link show',
    expect: { exit: 0, stdout: LINK('0a:00:00:00:00:01'), stderr: '' },
    read: { options: [], fill: (t: string) => void (got[k] = t) },
    command: `ip link show #${k}`,
  }));
}

function fake(answer: (argv: string[], input?: string) => ExecResult) {
  const ran: string[][] = [];
  const sb = {
    async exec(_h: string, argv: string[], opts?: { input?: string }) {
      ran.push(argv);
      return answer(argv, opts?.input);
    },
  };
  return { sb: sb as unknown as Sandbox, ran };
}

const miss = (c: string, e: ExecResult, g: ExecResult) => new SpeculationMiss(c, e, g);

describe('runReads', () => {
  it('cuts one batch back into each read, keeping the kernel’s own text (its random MAC)', async () => {
    const got: string[] = [];
    const { sb, ran } = fake(() => ({ exit: 0, stdout: LINK('6e:33:66:df:00:e1').repeat(3), stderr: '' }));
    await runReads(sb, 'h', 'ns1', reads(3, got), miss);
    expect(ran).toEqual([['ip', '-n', 'ns1', '-batch', '-']]);
    expect(got).toEqual([0, 1, 2].map(() => LINK('6e:33:66:df:00:e1')));
  });

  it('runs each read alone when the batch is not what was predicted, and keeps what each said', async () => {
    const got: string[] = [];
    let k = 0;
    const { sb, ran } = fake((argv) => (argv.includes('-batch') ? { exit: 0, stdout: 'surprise\n', stderr: '' } : { exit: 0, stdout: `alone ${k++}\n`, stderr: '' }));
    await runReads(sb, 'h', null, reads(2, got), miss);
    expect(ran.length).toBe(3);
    expect(got).toEqual(['alone 0\n', 'alone 1\n']);
  });

  it('throws a miss when a read fails where it was predicted to succeed', async () => {
    const { sb } = fake(() => ({ exit: 1, stdout: '', stderr: 'Cannot find device "x"\n' }));
    await expect(runReads(sb, 'h', null, reads(2, []), miss)).rejects.toBeInstanceOf(SpeculationMiss);
  });

  it('goes through the queue in order with the writes of its place', async () => {
    const got: string[] = [];
    const order: string[] = [];
    const { sb } = fake((argv, input) => {
      order.push(input ?? argv.join(' '));
      return { exit: 0, stdout: argv.includes('-batch') && input?.startsWith('link show') ? LINK('0a:00:00:00:00:01').repeat(2) : '', stderr: '' };
    });
    const s = new Speculation(async () => sb, 2);
    const w = (id: number): Deferred => ({
      host: 'h',
      ns: null,
      argv: ['ip', 'link', 'set', `x${id}`, 'up'],
      batch: `link set x${id} up`,
      expect: { exit: 0, stdout: '', stderr: '' },
      touches: [],
      command: `w${id}`,
    });
    const [r1, r2] = reads(2, got).map((r) => ({ ...r, host: 'h', ns: null, touches: [] }) as Deferred);
    s.add(w(1));
    s.add(r1!);
    s.add(r2!);
    s.add(w(2));
    await s.flush();
    expect(order).toEqual(['ip link set x1 up', 'link show\nlink show\n', 'ip link set x2 up']);
    expect(got.length).toBe(2);
  });
});

/** Each request of a script, with whether its output is only shown. */
function shown(script: string): [string, boolean | undefined][] {
  const it = interpret(script, { file: 'x.sh', host: 'h' });
  const out: [string, boolean | undefined][] = [];
  let r = it.next();
  while (!r.done) {
    const q: Request = r.value;
    out.push([q.command, q.shown]);
    r = it.next({ exit: 0, stdout: 'lo\n', stderr: '', supported: true });
  }
  return out;
}

describe('Request.shown', () => {
  it('is true only when nothing in the script reads what the command prints', () => {
    const s = shown('ip link show\nip link show >/dev/null\nip link show | grep lo\nx=$(ip link show)\nip link show > out.txt\nif ip link show; then :; fi\n');
    expect(s).toEqual([
      ['ip link show', true],
      ['ip link show > /dev/null', true],
      ['ip link show', false],
      ['grep lo', true],
      ['x=$(ip link show)', false],
      ['ip link show > out.txt', false],
      ['ip link show', true],
    ]);
  });
});
