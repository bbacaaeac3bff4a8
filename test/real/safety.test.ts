/**
 * Real mode leaves the machine as it found it: after a run, after a run killed with SIGKILL,
 * with two runs at once; and a line nettwin does not model is reported and never executed.
 * The guards and precondition messages are checked without a kernel.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isIpv4Literal, persistIpProblem, realArgvProblem } from '../../adapters/linux/guard.js';
import { materialize } from '../../adapters/linux/materialize.js';
import { checkPreconditions, PreconditionError, requireRealMode, type HostFacts } from '../../adapters/linux/preconditions.js';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { k8sLab } from '../../src/lab.js';
import { projectRoot } from './cases.js';
import { describeReal, snapshotMachine } from './require-real.js';

const facts = (over: Partial<HostFacts>): HostFacts => ({ platform: 'linux', euid: 0, which: (c) => `/usr/bin/${c}`, exists: () => true, ...over });

describe('guards and preconditions (no kernel)', () => {
  it('refuses command lines that could act outside the run', () => {
    expect(realArgvProblem('touch', ['/tmp/x'])).toBe('command touch');
    expect(realArgvProblem('ip', ['-batch', '/etc/x'])).not.toBeNull();
    expect(realArgvProblem('ip', ['-b', 'x'])).not.toBeNull();
    expect(realArgvProblem('ip', ['-all', 'netns', 'exec', 'rm', '-rf', '/'])).not.toBeNull();
    expect(realArgvProblem('ip', ['link', 'set', 'v0', 'netns', '/var/run/docker/netns/x'])).toMatch(/path/);
    expect(realArgvProblem('sysctl', ['-w', 'kernel.panic=1'])).toMatch(/sysctl key/);
    expect(realArgvProblem('sysctl', ['-p'])).toMatch(/sysctl option/);
    expect(realArgvProblem('sysctl', ['-w', 'net.ipv4.conf.../../kernel.x=1'])).not.toBeNull();
    // what scripts need still runs
    expect(realArgvProblem('ip', ['-br', 'addr', 'add', '10.0.0.1/24', 'dev', 'eth0'])).toBeNull();
    expect(realArgvProblem('ip', ['addr', 'add', '172.16.1..2/24', 'dev', 'eth0'])).toBeNull();
    expect(realArgvProblem('sysctl', ['-w', 'net.ipv4.ip_forward=1'])).toBeNull();
    expect(realArgvProblem('sysctl', ['net/ipv4/conf/all/rp_filter'])).toBeNull();
    expect(realArgvProblem('ping', ['-c', '1', '10.0.0.1'])).toBeNull();
    expect(realArgvProblem('bridge', ['fdb', 'show'])).toBeNull();
    expect(persistIpProblem(['-n', 'x', 'link'])).not.toBeNull();
    expect(persistIpProblem(['link', 'set', 'v0', 'netns', 'x'])).not.toBeNull();
    expect(persistIpProblem(['netns', 'list'])).not.toBeNull();
    expect(persistIpProblem(['-br', 'link'])).toBeNull();
    expect(isIpv4Literal('10.0.0.1')).toBe(true);
    expect(isIpv4Literal('example.com')).toBe(false);
    expect(isIpv4Literal('10.0.0.256')).toBe(false);
  });

  it('says plainly what is missing, with the Debian package', () => {
    expect(checkPreconditions(facts({ platform: 'darwin' }))).toEqual(['not Linux (platform is darwin): real mode needs Linux network namespaces']);
    expect(checkPreconditions(facts({ euid: 1000 }))[0]).toMatch(/^not root \(effective uid 1000\)/);
    const missing = checkPreconditions(facts({ which: (c) => (['ip', 'unshare', 'ping', 'socat'].includes(c) ? null : `/bin/${c}`) }));
    expect(missing).toContain('missing `unshare` (install the Debian package util-linux)');
    expect(missing).toContain('missing `ip` (install the Debian package iproute2)');
    expect(missing).toContain('missing `ping` (install the Debian package iputils-ping)');
    expect(missing.find((m) => m.includes('socat'))).toMatch(/^warning: missing `socat` \(install the Debian package socat\)/);
    expect(() => requireRealMode(facts({ euid: 1000 }))).toThrow(PreconditionError);
    expect(requireRealMode(facts({ which: (c) => (c === 'socat' ? null : `/bin/${c}`) }))).toHaveLength(1);
  });
});

/** pid -> parent pid, for every process of the machine. */
function parents(): Map<number, number> {
  const out = new Map<number, number>();
  for (const e of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${e}/stat`, 'utf8');
      out.set(Number(e), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // gone
    }
  }
  return out;
}

function descendants(root: number): number[] {
  const pp = parents();
  const out: number[] = [];
  const walk = (p: number) => {
    for (const [c, parent] of pp) {
      if (parent === p) {
        out.push(c);
        walk(c);
      }
    }
  };
  walk(root);
  return out;
}

function alive(pid: number): boolean {
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

describeReal('real mode leaves nothing behind', () => {
  let before = '';
  let tmp = '';
  beforeAll(() => {
    before = snapshotMachine();
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nettwin-safety-'));
  });
  afterAll(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
    expect(snapshotMachine()).toBe(before);
  });

  it('a script run and a materialized lab leave `ip netns list` and `ip -o link` as they were', async () => {
    const text = fs.readFileSync(path.join(projectRoot, 'examples/seed/node1.sh'), 'utf8');
    const steps = await runScriptInSandbox(text, { file: 'node1.sh', host: 'host' });
    expect(steps.length).toBeGreaterThan(10);
    expect(snapshotMachine()).toBe(before);
    const real = await materialize(k8sLab({ nodes: 2, podsPerNode: 2 }));
    expect((await real.ping('node1/pod1', '10.244.2.2')).received).toBe(1);
    await real.destroy();
    expect(snapshotMachine()).toBe(before);
  });

  it('a run killed with SIGKILL in the middle leaves no process and no namespace', async () => {
    const script = path.join(tmp, 'slow.sh');
    fs.writeFileSync(script, 'ip netns add NS1\nip link add v0 type veth peer name v1 netns NS1\nsleep 30\nip link add v2 type veth peer name v3\n');
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'run', script, '--real'], { cwd: projectRoot, stdio: 'ignore' });
    let agent = 0;
    // started: its sandbox has made NS1 (seen through the sandbox agent's own mount namespace)
    const started = await waitFor(() => {
      for (const p of descendants(child.pid!)) {
        try {
          if (fs.readFileSync(`/proc/${p}/cmdline`, 'utf8').includes('--input-type=module') && fs.existsSync(`/proc/${p}/root/run/netns/NS1`)) {
            agent = p;
            return true;
          }
        } catch {
          // gone
        }
      }
      return false;
    }, 30_000);
    expect(started, 'the run did not get to NS1').toBe(true);
    const procs = [child.pid!, ...descendants(child.pid!)];
    const netns = fs.readlinkSync(`/proc/${agent}/ns/net`);
    expect(procs.length).toBeGreaterThan(2);
    child.kill('SIGKILL');
    expect(await waitFor(() => procs.every((p) => !alive(p)), 10_000), `still running: ${procs.filter(alive).join(' ')}`).toBe(true);
    // no process anywhere is left in the sandbox's network namespace
    const inNs = [...parents().keys()].filter((p) => {
      try {
        return fs.readlinkSync(`/proc/${p}/ns/net`) === netns;
      } catch {
        return false;
      }
    });
    expect(inNs).toEqual([]);
    expect(snapshotMachine()).toBe(before);
  });

  it('two runs at once, with the same names, do not collide', async () => {
    const [a, b] = await Promise.all([materialize(k8sLab({ nodes: 2, podsPerNode: 2 })), materialize(k8sLab({ nodes: 2, podsPerNode: 2 }))]);
    try {
      const [pa, pb] = await Promise.all([a.ping('node1/pod1', '10.244.2.3'), b.ping('node2/pod2', '10.244.1.2')]);
      expect([pa.received, pb.received]).toEqual([1, 1]);
      // each sees only its own namespaces
      expect(
        (await a.exec('node1', ['ip', 'netns', 'list'])).stdout
          .split('\n')
          .filter(Boolean)
          .map((l) => l.split(' ')[0])
          .sort(),
      ).toEqual(['pod1', 'pod2']);
      await a.exec('node1', ['ip', 'link', 'add', 'only-a', 'type', 'bridge']);
      expect((await b.exec('node1', ['ip', 'link', 'show', 'only-a'])).exit).not.toBe(0);
    } finally {
      await Promise.all([a.destroy(), b.destroy()]);
    }
    const text =
      'ip netns add NS1\nip link add v0 type veth peer name v1 netns NS1\nip addr add 10.1.1.1/24 dev v0\nip link set v0 up\nip -n NS1 link set v1 up\nip -n NS1 addr add 10.1.1.2/24 dev v1\nping -c 1 -W 1 10.1.1.2\n';
    const [s1, s2] = await Promise.all([runScriptInSandbox(text, { file: 'x', host: 'host' }), runScriptInSandbox(text, { file: 'x', host: 'host' })]);
    expect(s1.map((s) => s.exit)).toEqual(s2.map((s) => s.exit));
    expect(s1.every((s) => s.exit === 0)).toBe(true);
  });

  it('a line nettwin does not model is reported unsupported and never executed', async () => {
    const marker = path.join(tmp, 'nettwin-should-not-exist');
    const victim = path.join(tmp, 'victim');
    fs.mkdirSync(victim);
    const text = [
      'ip netns add NS1',
      `touch ${marker}`,
      `rm -rf ${victim}`,
      'wget -q http://192.0.2.1/',
      `ip netns exec NS1 touch ${marker}`,
      `sh -c "touch ${marker}"`,
      `bash -c 'touch ${marker}'`,
      `ip -all netns exec touch ${marker}`,
      `echo x > ${marker}`,
      'sysctl -w kernel.printk_ratelimit=6',
      `ip -batch ${marker}`,
      `ip link set lo netns /proc/1/ns/net`,
      'ip netns list',
    ].join('\n');
    const steps = await runScriptInSandbox(text, { file: 'bad.sh', host: 'host' });
    const unsupported = steps.filter((s) => !s.supported).map((s) => s.command);
    expect(unsupported).toHaveLength(10);
    // `echo x > FILE` under /tmp goes to the run's in-memory scratch area: answered, never written
    expect(steps.find((s) => s.command === `echo x > ${marker}`)).toMatchObject({ supported: true, exit: 0 });
    for (const s of steps.filter((x) => !x.supported)) expect(s.stderr).toMatch(/^nettwin: unsupported: /);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(victim)).toBe(true);
    expect(steps[steps.length - 1].stdout).toBe('NS1\n');
    expect(fs.readFileSync('/proc/sys/kernel/printk_ratelimit', 'utf8').trim()).not.toBe('6');
  });
});
