import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterEach, beforeAll, expect, it } from 'vitest';
import { Sandbox } from '../../adapters/linux/sandbox.js';
import { settle } from '../../adapters/linux/settle.js';
import { describeReal, snapshotMachine } from './require-real.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const projectRoot = path.resolve(here, '../..');
const sandboxModule = path.join(projectRoot, 'adapters/linux/sandbox.ts');

type NsKind = 'net' | 'mnt' | 'uts' | 'ipc' | 'pid' | 'cgroup';
const NS_KINDS: readonly NsKind[] = ['net', 'mnt', 'uts', 'ipc', 'pid', 'cgroup'];

/** PIDs (on the machine) of processes whose namespace of this kind is `id` (e.g. "net:[4026532...]"). */
function processesInNamespace(kind: NsKind, id: string): number[] {
  const out: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (fs.readlinkSync(`/proc/${entry}/ns/${kind}`) === id) out.push(Number(entry));
    } catch {
      // exited or kernel thread
    }
  }
  return out;
}

/** Running (not gone, not a zombie)? */
function isAlive(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (cond()) return true;
    await new Promise((r) => setTimeout(r, 25));
  }
  return cond();
}

async function nsId(sb: Sandbox, host: string, kind: NsKind): Promise<string> {
  const r = await sb.exec(host, ['readlink', `/proc/self/ns/${kind}`]);
  expect(r.exit).toBe(0);
  return r.stdout.trim();
}

describeReal('linux sandbox (real kernel)', () => {
  let machineBefore = '';

  beforeAll(() => {
    machineBefore = snapshotMachine();
  });

  afterEach(() => {
    expect(snapshotMachine()).toBe(machineBefore);
  });

  it('one host: the host is the sandbox root; only lo, and it is UP', async () => {
    const sb = await Sandbox.open({ hosts: ['h1'] });
    try {
      console.log(`sandbox start-up (1 host): ${sb.startupMs.toFixed(1)} ms`);
      expect(sb.startupMs).toBeLessThan(30_000); // it opens (how fast is the benchmarks' question)
      const r = await sb.exec('h1', ['ip', '-o', 'link']);
      expect(r.exit).toBe(0);
      expect(r.stderr).toBe('');
      const lines = r.stdout.split('\n').filter(Boolean);
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^1: lo: <LOOPBACK,UP,LOWER_UP>/);
      // /sys is this namespace's sysfs, not the machine's
      const sys = await sb.exec('h1', ['ls', '/sys/class/net']);
      expect(sys.stdout).toBe('lo\n');
      // not the machine's namespaces
      expect(await nsId(sb, 'h1', 'net')).not.toBe(fs.readlinkSync('/proc/self/ns/net'));
      expect(await nsId(sb, 'h1', 'mnt')).not.toBe(fs.readlinkSync('/proc/self/ns/mnt'));
    } finally {
      await sb.close();
    }
  });

  it('a proxy entry made without a device does not outlive its sandbox', async () => {
    // The kernel keeps such an entry after its namespace is gone, and a namespace made later at
    // the same address finds it (sandbox-agent.ts, flushProxies): closing flushes them.
    const sb = await Sandbox.open({ hosts: ['h1', 'h2'] });
    try {
      expect(await sb.exec('h1', ['ip', 'neigh', 'add', 'proxy', '10.77.0.1'])).toEqual({ exit: 0, stdout: '', stderr: '' });
      expect(await sb.exec('h2', ['ip', 'netns', 'add', 'n1'])).toEqual({ exit: 0, stdout: '', stderr: '' });
      expect(await sb.exec('h2', ['ip', '-n', 'n1', 'neigh', 'add', 'proxy', '10.77.0.2'])).toEqual({ exit: 0, stdout: '', stderr: '' });
    } finally {
      await sb.close();
    }
    // fresh namespaces, made while the closed ones are freed: none shows the entries
    const after = await Sandbox.open({ hosts: ['h'] });
    try {
      for (let i = 0; i < 40; i++) {
        expect((await after.exec('h', ['ip', 'netns', 'add', `x${i}`])).exit).toBe(0);
        const r = await after.exec('h', ['ip', '-n', `x${i}`, 'neigh', 'show', 'proxy']);
        expect(r).toEqual({ exit: 0, stdout: '', stderr: '' });
        if (i % 2) expect((await after.exec('h', ['ip', 'netns', 'del', `x${i - 1}`])).exit).toBe(0);
      }
    } finally {
      await after.close();
    }
  });

  it('ip netns add inside does not touch the machine', async () => {
    const sb = await Sandbox.open({ hosts: ['h1'] });
    try {
      expect(await sb.exec('h1', ['ip', 'netns', 'add', 'NS1'])).toEqual({ exit: 0, stdout: '', stderr: '' });
      const list = await sb.exec('h1', ['ip', 'netns', 'list']);
      expect(list.stdout).toBe('NS1\n');
      const inner = await sb.exec('h1', ['ip', 'netns', 'exec', 'NS1', 'ip', '-o', 'link']);
      expect(inner.exit).toBe(0);
      expect(inner.stdout.split('\n').filter(Boolean)).toHaveLength(1);
      // while the sandbox is still open, the machine sees nothing
      expect(snapshotMachine()).toBe(machineBefore);
    } finally {
      await sb.close();
    }
  });

  it('two hosts can each ip netns add NS1 without colliding', async () => {
    const sb = await Sandbox.open({ hosts: ['a', 'b'] });
    try {
      console.log(`sandbox start-up (2 hosts): ${sb.startupMs.toFixed(1)} ms`);
      expect(await nsId(sb, 'a', 'net')).not.toBe(await nsId(sb, 'b', 'net'));
      for (const h of ['a', 'b']) {
        expect(await sb.exec(h, ['ip', 'netns', 'add', 'NS1'])).toEqual({ exit: 0, stdout: '', stderr: '' });
      }
      await sb.exec('a', ['ip', 'netns', 'exec', 'NS1', 'ip', 'link', 'add', 'onlyA', 'type', 'bridge']);
      for (const h of ['a', 'b']) {
        const list = await sb.exec(h, ['ip', 'netns', 'list']);
        expect(list.stdout).toBe('NS1\n');
      }
      const inA = await sb.exec('a', ['ip', 'netns', 'exec', 'NS1', 'ip', '-o', 'link']);
      const inB = await sb.exec('b', ['ip', 'netns', 'exec', 'NS1', 'ip', '-o', 'link']);
      expect(inA.stdout).toContain('onlyA');
      expect(inB.stdout).not.toContain('onlyA');
      expect(snapshotMachine()).toBe(machineBefore);
    } finally {
      await sb.close();
    }
  });

  it('cable between hosts, then ping across', async () => {
    const sb = await Sandbox.open({ hosts: ['left', 'right'] });
    try {
      const c = await sb.cable({ host: 'left', ifname: 'eth0' }, { host: 'right', ifname: 'eth0' });
      expect(c).toEqual({ exit: 0, stdout: '', stderr: '' });
      for (const h of ['left', 'right']) {
        const link = await sb.exec(h, ['ip', '-o', 'link', 'show', 'eth0']);
        expect(link.exit).toBe(0);
        expect(link.stdout).toContain('state DOWN');
        const addr = await sb.exec(h, ['ip', '-o', 'addr', 'show', 'eth0']);
        expect(addr.stdout).toBe('');
      }
      const setup: Array<[string, string]> = [
        ['left', '10.99.0.1/24'],
        ['right', '10.99.0.2/24'],
      ];
      for (const [h, a] of setup) {
        expect((await sb.exec(h, ['ip', 'addr', 'add', a, 'dev', 'eth0'])).exit).toBe(0);
        expect((await sb.exec(h, ['ip', 'link', 'set', 'eth0', 'up'])).exit).toBe(0);
      }
      // until linkwatch has run, a new veth holds the noop qdisc and drops what it is given:
      // wait for it as the real driver does before a ping
      await settle(sb, 'left');
      await settle(sb, 'right');
      const ping = await sb.exec('left', ['ping', '-c', '1', '-W', '1', '10.99.0.2']);
      expect(ping.stderr).toBe('');
      expect(ping.exit).toBe(0);
      expect(ping.stdout).toContain('1 received');
      // an unknown host / a clash of names is a plain error result
      const again = await sb.cable({ host: 'left', ifname: 'eth0' }, { host: 'right', ifname: 'eth1' });
      expect(again.exit).not.toBe(0);
      await expect(sb.exec('nosuchhost', ['true'])).rejects.toThrow(/unknown host/);
    } finally {
      await sb.close();
    }
  });

  it('reports real stderr and exit codes, exact output, timeouts, signals, stdin', async () => {
    const sb = await Sandbox.open({ hosts: ['h'], commandTimeoutMs: 10_000 });
    try {
      expect(await sb.exec('h', ['ip', 'link', 'set', 'nosuch', 'up'])).toEqual({
        exit: 1,
        stdout: '',
        stderr: 'Cannot find device "nosuch"\n',
      });
      expect(await sb.exec('h', ['printf', '  a\\n\\nb  \\303\\251'])).toEqual({ exit: 0, stdout: '  a\n\nb  é', stderr: '' });
      expect(await sb.exec('h', ['no-such-command-xyz'])).toMatchObject({ exit: 127, stdout: '' });
      const t0 = Date.now();
      expect(await sb.exec('h', ['sleep', '10'], { timeoutMs: 200 })).toEqual({ exit: 124, stdout: '', stderr: '', timedOut: true });
      expect(Date.now() - t0).toBeLessThan(3000);
      const sig = await sb.exec('h', [process.execPath, '-e', 'process.kill(process.pid, "SIGTERM")']);
      expect(sig.exit).toBe(128 + 15);
      expect(await sb.exec('h', ['cat'], { input: 'hello\n' })).toEqual({ exit: 0, stdout: 'hello\n', stderr: '' });
      const env = await sb.exec('h', ['env']);
      expect(env.stdout).toMatch(/^LC_ALL=C$/m);
      expect((await sb.exec('h', ['id', '-u'])).stdout).toBe('0\n');
    } finally {
      await sb.close();
    }
  });

  it('many commands in flight at once are correlated', async () => {
    const sb = await Sandbox.open({ hosts: ['a', 'b', 'c'] });
    try {
      const jobs = [];
      for (let i = 0; i < 30; i++) {
        const host = ['a', 'b', 'c'][i % 3]!;
        jobs.push(sb.exec(host, ['printf', `${host}-${i}`]).then((r) => [r.stdout, `${host}-${i}`]));
      }
      for (const [got, want] of await Promise.all(jobs)) expect(got).toBe(want);
    } finally {
      await sb.close();
    }
  });

  it('a host whose namespace holder died is reported, not silently re-targeted', async () => {
    const sb = await Sandbox.open({ hosts: ['a', 'b'] });
    try {
      expect((await sb.exec('a', ['kill', '-KILL', String(sb.hostPids.b)])).exit).toBe(0);
      let err: unknown;
      for (let i = 0; i < 100 && !err; i++) {
        err = await sb.exec('b', ['true']).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (!err) await new Promise((r) => setTimeout(r, 20));
      }
      expect(String(err)).toMatch(/namespaces of host b are gone/);
      expect((await sb.exec('a', ['true'])).exit).toBe(0);
    } finally {
      await sb.close();
    }
  });

  it('killing the bwrap process takes the whole sandbox down (--die-with-parent)', async () => {
    const sb = await Sandbox.open({ hosts: ['a', 'b'] });
    const net = await nsId(sb, 'a', 'net');
    const pid = sb.pid!;
    const agentPid = Number(fs.readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/)[0]);
    process.kill(pid, 'SIGKILL');
    await expect(sb.exec('a', ['sleep', '5'])).rejects.toThrow(/sandbox agent exited|closed/);
    expect(await waitFor(() => !isAlive(agentPid) && processesInNamespace('net', net).length === 0, 5000)).toBe(true);
    await sb.close();
  });

  it('two sandboxes at once do not collide', async () => {
    const [s1, s2] = await Promise.all([Sandbox.open({ hosts: ['x'] }), Sandbox.open({ hosts: ['x'] })]);
    try {
      expect(await nsId(s1, 'x', 'net')).not.toBe(await nsId(s2, 'x', 'net'));
      const rs = await Promise.all([s1, s2].flatMap((s) => [s.exec('x', ['ip', 'netns', 'add', 'NS1']), s.exec('x', ['ip', 'link', 'add', 'br0', 'type', 'bridge'])]));
      for (const r of rs) expect(r).toEqual({ exit: 0, stdout: '', stderr: '' });
      for (const s of [s1, s2]) {
        expect((await s.exec('x', ['ip', 'netns', 'list'])).stdout).toBe('NS1\n');
        const links = (await s.exec('x', ['ip', '-o', 'link'])).stdout.split('\n').filter(Boolean);
        expect(links).toHaveLength(2);
      }
      expect(snapshotMachine()).toBe(machineBefore);
    } finally {
      await Promise.all([s1.close(), s2.close()]);
    }
  });

  it('background processes run, report status, and are killed on close', async () => {
    const sb = await Sandbox.open({ hosts: ['a', 'b'] });
    const done = await sb.spawnBackground('a', ['printf', 'bg-out']);
    const { id } = await sb.spawnBackground('b', ['sleep', '30']);
    const net = await nsId(sb, 'b', 'net');
    const all = await Promise.all(NS_KINDS.map(async (k) => [k, await nsId(sb, 'b', k)] as const));
    expect(await waitFor(() => processesInNamespace('net', net).length >= 2, 2000)).toBe(true); // holder + sleep
    expect(await sb.backgroundStatus(id)).toEqual({ running: true, exit: null, stdout: '', stderr: '' });
    let status = await sb.backgroundStatus(done.id);
    for (let i = 0; i < 100 && status.running; i++) {
      await new Promise((r) => setTimeout(r, 20));
      status = await sb.backgroundStatus(done.id);
    }
    expect(status).toEqual({ running: false, exit: 0, stdout: 'bg-out', stderr: '' });
    const pidOnMachine = sb.pid!;
    await sb.close();
    await sb.close(); // idempotent
    expect(isAlive(pidOnMachine)).toBe(false);
    // not a process left in any of its namespaces (network, mount, hostname, IPC, PID, cgroup)
    for (const [k, id] of all) expect(processesInNamespace(k, id), `${k} ${id}`).toEqual([]);
    await expect(sb.exec('a', ['true'])).rejects.toThrow();
  });

  it('kill of a job: only a process it started, only HUP, INT, KILL or TERM', async () => {
    const sb = await Sandbox.open({ hosts: ['a'] });
    try {
      const { id } = await sb.spawnBackground('a', ['sleep', '30']);
      await expect(sb.signalBackground(id, 19)).rejects.toThrow(/not one kill may send/);
      await expect(sb.signalBackground(id + 100, 15)).rejects.toThrow(/unknown background process id/);
      await expect(sb.signalBackground(-1, 15)).rejects.toThrow(/bad background process id/);
      expect((await sb.backgroundStatus(id)).running).toBe(true);
      await sb.signalBackground(id, 9);
      let st = await sb.backgroundStatus(id);
      for (let i = 0; i < 100 && st.running; i++) {
        await new Promise((r) => setTimeout(r, 20));
        st = await sb.backgroundStatus(id);
      }
      expect(st).toMatchObject({ running: false, exit: 137 });
    } finally {
      await sb.close();
    }
  });

  it('leaves nothing behind when its parent Node process is SIGKILLed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-sbkill-'));
    const script = path.join(dir, 'holder.mjs');
    fs.writeFileSync(
      script,
      [
        `import { Sandbox } from ${JSON.stringify(pathToFileURL(sandboxModule).href)};`,
        `const sb = await Sandbox.open({ hosts: ['a', 'b'] });`,
        `const ok = (r) => { if (r.exit !== 0) throw new Error(JSON.stringify(r)); return r.stdout.trim(); };`,
        `ok(await sb.exec('a', ['ip', 'netns', 'add', 'NSK']));`,
        `ok(await sb.cable({ host: 'a', ifname: 'vk0' }, { host: 'b', ifname: 'vk0' }));`,
        `ok(await sb.exec('a', ['ip', 'link', 'add', 'vk1', 'type', 'veth', 'peer', 'name', 'vk2', 'netns', 'NSK']));`,
        `await sb.spawnBackground('b', ['sleep', '300']);`,
        `const nets = [ok(await sb.exec('a', ['readlink', '/proc/self/ns/net'])), ok(await sb.exec('b', ['readlink', '/proc/self/ns/net'])),`,
        `  ok(await sb.exec('a', ['ip', 'netns', 'exec', 'NSK', 'readlink', '/proc/self/ns/net']))];`,
        `const mnts = [ok(await sb.exec('a', ['readlink', '/proc/self/ns/mnt'])), ok(await sb.exec('b', ['readlink', '/proc/self/ns/mnt']))];`,
        `const others = {};`,
        `for (const k of ['uts', 'ipc', 'pid', 'cgroup']) others[k] = ok(await sb.exec('a', ['readlink', '/proc/self/ns/' + k]));`,
        `console.log('READY ' + JSON.stringify({ pid: sb.pid, nets, mnts, others }));`,
        `setInterval(() => {}, 1000);`,
      ].join('\n'),
    );
    const child = spawn(process.execPath, ['--import', 'tsx', script], {
      cwd: projectRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      let out = '';
      let err = '';
      child.stderr.on('data', (b: Buffer) => (err += b.toString()));
      const ready = await new Promise<{ pid: number; nets: string[]; mnts: string[]; others: Record<string, string> }>((resolve, reject) => {
        const t = setTimeout(() => reject(new Error(`no READY from child: ${out}${err}`)), 30_000);
        child.stdout.on('data', (b: Buffer) => {
          out += b.toString();
          const m = /READY (.*)\n/.exec(out);
          if (m) {
            clearTimeout(t);
            resolve(JSON.parse(m[1]!) as { pid: number; nets: string[]; mnts: string[]; others: Record<string, string> });
          }
        });
        child.on('exit', (code) => reject(new Error(`child exited early (${code}): ${out}${err}`)));
      });
      expect(new Set(ready.nets).size).toBe(3);
      const agentPid = Number(fs.readFileSync(`/proc/${ready.pid}/task/${ready.pid}/children`, 'utf8').trim().split(/\s+/)[0]);
      expect(agentPid).toBeGreaterThan(0);
      expect(isAlive(agentPid)).toBe(true);
      expect(processesInNamespace('net', ready.nets[1]!).length).toBeGreaterThanOrEqual(2);
      expect(snapshotMachine()).toBe(machineBefore);

      child.kill('SIGKILL');
      const gone = await waitFor(
        () =>
          !isAlive(ready.pid) &&
          !isAlive(agentPid) &&
          ready.nets.every((n) => processesInNamespace('net', n).length === 0) &&
          ready.mnts.every((m) => processesInNamespace('mnt', m).length === 0) &&
          Object.entries(ready.others).every(([k, id]) => processesInNamespace(k as NsKind, id).length === 0),
        5000,
      );
      expect(gone).toBe(true);
      expect(snapshotMachine()).toBe(machineBefore);
    } finally {
      child.kill('SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
