/**
 * Models made real: compile (no kernel needed), then materialize() in a sandbox and compare the
 * kernel's state with the model's, command by command (`ip -j link`, `ip -4 -j addr`,
 * `ip -4 -j route show table all`, `ip -j rule`, sysctls), both as the kernel prints it and as
 * readBack() rebuilds it; and real pings against the simulator's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileModel, type ModelPlan } from '../../adapters/linux/compile-model.js';
import { sysctlWrites } from '../../adapters/linux/compile-model-sysctl.js';
import { batchLine, compileOp, CompileError, linkNameProblem, netnsNameProblem } from '../../adapters/linux/compile.js';
import { materialize, type Materialized } from '../../adapters/linux/materialize.js';
import { runPing } from '../../src/programs/ping/index.js';
import { runIp } from '../../src/iproute2/ip.js';
import { Lab } from '../../src/lab.js';
import { ip4ToString } from '../../src/model/ip.js';
import type { LabModel } from '../../src/model/lab-model.js';
import type { Netns } from '../../src/model/netns.js';
import { PROFILES } from '../../src/model/sysctl.js';
import * as build from '../../src/ops/build.js';
import { k8sLab } from '../../src/lab.js';
import { describeReal, snapshotMachine } from './require-real.js';

/** host `h`, bridge br0 10.0.0.1/24, n namespaces nsI with 10.0.0.(10+I)/24 and a default route */
function bridgeLab(n: number): Lab {
  const lab = new Lab();
  const h = lab.host('h');
  const root = h.ns();
  root.addBridge('br0').addAddress('br0', '10.0.0.1/24').setUp('br0');
  for (let i = 0; i < n; i++) {
    root.apply({ op: 'netns.add', name: `ns${i}` });
    root
      .addVeth(`v${i}`, 'eth0', { peerNetns: `ns${i}` })
      .setMaster(`v${i}`, 'br0')
      .setUp(`v${i}`);
    h.ns(`ns${i}`)
      .setUp('lo')
      .addAddress('eth0', `10.0.0.${10 + i}/24`)
      .setUp('eth0')
      .addRoute('0.0.0.0/0', { via: '10.0.0.1' });
  }
  return lab;
}

/** Many kinds of state at once, made by a script. */
const RICH = `
ip netns add a
ip netns add b
ip link add br0 type bridge
ip link add v0 type veth peer name v1 netns a
ip link add w0 type veth peer name w1 netns b
ip link set v0 master br0
ip link set w0 master br0
ip addr add 10.0.0.1/24 dev br0
ip addr add 10.0.0.2/24 dev br0
ip addr add 10.7.0.1 peer 10.7.0.2/32 dev br0
ip link set br0 up
ip link set v0 up
ip link set w0 up
ip -n a link set lo up
ip -n a link set v1 mtu 1400
ip -n a addr add 10.0.0.5/24 dev v1
ip -n a link set v1 up
ip -n a route add default via 10.0.0.1
ip -n b addr add 10.0.0.6/24 dev w1
ip -n b link set w1 up
ip -n b route add 10.9.0.0/16 via 10.0.0.1 metric 7
ip route add blackhole 10.9.0.0/16
ip route add 10.8.0.0/16 via 10.0.0.5 table 100
ip route add 10.6.0.0/16 dev br0 proto static scope link
ip rule add from 10.0.0.0/8 lookup 100 prio 100
sysctl -w net.ipv4.ip_forward=1
sysctl -w net.ipv4.conf.br0.rp_filter=2
ip netns exec a sysctl -w net.ipv4.conf.all.accept_local=1
ip link add vx0 type vxlan id 42 dstport 4789 remote 10.0.0.5 dev br0
ip tuntap add dev tun0 mode tun
ip addr add 10.5.0.1/24 dev tun0
ip link add x0 type veth peer name x1
ip addr add 10.4.0.1/24 dev x0
ip link set x0 up
ip link set x1 up
ip link set x0 down
ip -n b link set lo up
ip -n b link set lo down
`;

/** macvlans of every mode but passthru on one lower device, one of them up, and a bridge port in hairpin mode. */
const MACVLANS = `
ip netns add m
ip -n m link add lower type veth peer name wire
ip -n m link add mv-b link lower type macvlan mode bridge
ip -n m link add mv-p link lower type macvlan mode private
ip -n m link add mv-v link lower type macvlan
ip -n m link set wire up
ip -n m link set lower up
ip -n m link set mv-b up
ip -n m addr add 10.7.0.2/24 dev mv-b
ip -n m link add br0 type bridge
ip -n m link add p0 type veth peer name p1
ip -n m link set p0 master br0
ip -n m link set p0 type bridge_slave hairpin on
`;

function macvlanLab(): Lab {
  const lab = new Lab();
  const steps = lab.host('h').sh(MACVLANS);
  const failed = steps.filter((s) => s.exit !== 0 || !s.supported);
  if (failed.length) throw new Error(`macvlan lab script: ${failed.map((s) => `${s.command}: ${s.stderr}`).join('; ')}`);
  return lab;
}

function richLab(): Lab {
  const lab = new Lab();
  const steps = lab.host('h').sh(RICH);
  const failed = steps.filter((s) => s.exit !== 0 || !s.supported);
  if (failed.length) throw new Error(`rich lab script: ${failed.map((s) => `${s.command}: ${s.stderr}`).join('; ')}`);
  return lab;
}

/** The namespace at a model path, the machine room included. */
function nsAt(model: LabModel, path: string): Netns {
  const ns = path === '.infra' ? model.infra.root : model.netns(path);
  if (!ns) throw new Error(`no namespace ${path}`);
  return ns;
}

/** JSON of an `ip -j` answer without what the two sides number differently (peer namespace ids). */
function norm(text: string): string {
  if (!text.trim()) return text;
  return JSON.stringify(JSON.parse(text), (k, v) => (k === 'link_netnsid' ? undefined : v));
}

const COMMANDS = [
  ['-j', 'link'],
  ['-4', '-j', 'addr'],
  ['-4', '-j', 'route', 'show', 'table', 'all'],
  ['-j', 'rule'],
];

/** Every namespace and command where the kernel disagrees with `model` (model-side rendering). */
async function stateDiffs(real: Materialized, model: LabModel, label: string): Promise<string[]> {
  const out: string[] = [];
  for (const p of real.plan.namespaces) {
    for (const c of COMMANDS) {
      const k = await real.exec(p.path, ['ip', ...c]);
      const m = runIp({ ns: nsAt(model, p.path) }, c);
      if (norm(k.stdout) !== norm(m.stdout) || k.exit !== m.exit) {
        out.push(`${label} ${p.path}: ip ${c.join(' ')}\n  kernel: ${k.stdout.trim()}${k.stderr.trim()}\n  ${label}: ${m.stdout.trim()}${m.stderr.trim()}`);
      }
    }
  }
  return out;
}

/** Every address of the model, with the namespace that holds it. */
function addresses(model: LabModel): string[] {
  const out = new Set<string>();
  for (const ns of model.namespaces()) for (const l of ns.linkList()) for (const a of l.addrs) if (a.local >>> 24 !== 127) out.add(ip4ToString(a.local));
  return [...out];
}

describe('compile: Ops to argv', () => {
  it('compiles every kind of Op to argv, never to a shell string', () => {
    expect(compileOp(build.veth('v0', 'v1', 'NS1'))).toEqual({ program: 'ip', argv: ['link', 'add', 'v0', 'type', 'veth', 'peer', 'name', 'v1', 'netns', 'NS1'] });
    expect(compileOp(build.addr('eth0', '10.0.0.1/24')).argv).toEqual(['addr', 'add', '10.0.0.1/24', 'dev', 'eth0']);
    expect(compileOp(build.route('0.0.0.0/0', { via: '10.0.0.1' })).argv).toEqual(['route', 'add', 'default', 'via', '10.0.0.1']);
    expect(compileOp(build.linkSet('v0', { master: 'br0', up: true })).argv).toEqual(['link', 'set', 'dev', 'v0', 'master', 'br0', 'up']);
    expect(compileOp({ op: 'netns.add', name: 'NS1' }).argv).toEqual(['netns', 'add', 'NS1']);
    expect(compileOp({ op: 'sysctl.set', key: 'net.ipv4.conf.eth0.100.rp_filter', value: '2' })).toEqual({ program: 'sysctl', argv: ['-q', '-w', 'net/ipv4/conf/eth0.100/rp_filter=2'] });
    expect(compileOp({ op: 'tuntap.add', name: 'tun0', mode: 'tun', pi: false }).argv).toEqual(['tuntap', 'add', 'dev', 'tun0', 'mode', 'tun']);
    expect(compileOp({ op: 'fdb.add', mode: 'append', mac: '00:00:00:00:00:00', dev: 'vx0', dst: 0x0a000005, master: false, self: false, permanent: true })).toEqual({
      program: 'bridge',
      argv: ['fdb', 'append', '00:00:00:00:00:00', 'dev', 'vx0', 'dst', '10.0.0.5', 'permanent'],
    });
  });

  it('refuses names that are not safe', () => {
    expect(linkNameProblem('sixteen-bytes-xx')).toMatch(/longer than 15 bytes/);
    for (const bad of ['', 'a/b', 'a b', 'a\tb', "a'b", '-x', '..']) expect(linkNameProblem(bad), JSON.stringify(bad)).not.toBeNull();
    expect(linkNameProblem('veth-pod1.100')).toBeNull();
    for (const bad of ['', 'a/b', 'x y', '../etc', '123', 'x'.repeat(65)]) expect(netnsNameProblem(bad), JSON.stringify(bad)).not.toBeNull();
    expect(() => compileOp(build.veth('ok', 'bad name'))).toThrow(CompileError);
    expect(() => compileOp({ op: 'netns.add', name: '/proc/1/ns/net' })).toThrow(CompileError);
    expect(() => compileOp({ op: 'sysctl.set', key: 'kernel.panic', value: '1' })).toThrow(CompileError);
    expect(() => batchLine(['link', 'set', '#x'])).toThrow(CompileError);
  });

  it('compiles a whole model in a safe order, every link with its index and namespace', () => {
    const plan = compileModel(k8sLab({ nodes: 2, podsPerNode: 2 }).model, { target: { kind: 'sandbox', pidOf: (h) => (h === 'node1' ? 11 : 12) } });
    expect(plan.sandboxHosts).toEqual(['node1', 'node2']);
    const creates = plan.create.flatMap((b) => b.lines);
    // namespaces before the links that go into them
    const node1 = plan.create.filter((b) => b.place.host === 'node1').flatMap((b) => b.lines);
    expect(node1.indexOf('netns add pod1')).toBeLessThan(node1.findIndex((l) => l.includes('netns pod1')));
    for (const l of creates.filter((x) => x.startsWith('link add'))) expect(l).toMatch(/ index \d+ /);
    expect(creates).toContain('link add eth0 index 2 address d2:f6:ec:0d:e1:9e netns 11 type veth peer name sw0p0 index 3 address f6:cf:ed:d1:27:cc');
    const pod = plan.configure.find((b) => b.what === 'node1/pod1')!;
    expect(pod.lines).toEqual([
      'addr add 10.244.1.2/24 scope 0 dev eth0',
      'link set dev lo up',
      'link set dev eth0 up',
      'route append default table 254 proto 3 scope 0 metric 0 dev eth0 via 10.244.1.1',
    ]);
    const node = plan.configure.find((b) => b.what === 'node1')!.lines;
    // masters, then addresses, then up, then routes
    const at = (re: RegExp) => node.findIndex((l) => re.test(l));
    expect(at(/master/)).toBeLessThan(at(/^addr/));
    expect(at(/^addr/)).toBeLessThan(at(/ up$/));
    expect(at(/ up$/)).toBeLessThan(at(/^route/));
  });

  it('in persist mode names only the run namespaces and nothing runs in the machine root but netns add', () => {
    const lab = k8sLab({ nodes: 2, podsPerNode: 1 });
    const paths = ['node1', 'node1/pod1', 'node2', 'node2/pod1', '.infra'];
    const names = new Map(paths.map((p, i) => [p, `nt1-test-${i}`]));
    const plan: ModelPlan = compileModel(lab.model, { target: { kind: 'persist', names } });
    const rootBatches = [...plan.create, ...plan.configure].filter((b) => b.place.netns === null);
    expect(rootBatches).toHaveLength(1);
    expect(rootBatches[0].lines.every((l) => /^netns add nt1-test-\d$/.test(l))).toBe(true);
    for (const b of [...plan.create, ...plan.configure]) {
      for (const l of b.lines.filter((x) => !x.startsWith('netns add '))) {
        const w = l.split(' ');
        w.forEach((x, i) => {
          if (x === 'netns') expect(w[i + 1]).toMatch(/^nt1-test-\d$/);
        });
      }
    }
    for (const l of plan.create.flatMap((b) => b.lines).filter((x) => x.startsWith('link add'))) {
      // both ends of every link are put into a run namespace explicitly
      expect(l.split(' ').filter((x) => x === 'netns').length).toBe(l.includes(' veth ') ? 2 : 1);
    }
  });

  it('writes only the sysctls that differ from what the kernel starts with', () => {
    const lab = new Lab();
    const h = lab.host('h');
    h.sh('ip link add v0 type veth peer name v1\nsysctl -w net.ipv4.ip_forward=1\nsysctl -w net.ipv4.conf.v0.rp_filter=2');
    const base = { all: { ...PROFILES.kernel.all }, default: { ...PROFILES.kernel.default } };
    const w = sysctlWrites(h.host.root, base);
    expect(w).toContain('net/ipv4/conf/all/forwarding=1');
    expect(w).toContain('net/ipv4/conf/v0/rp_filter=2');
    expect(w.filter((x) => x.includes('/forwarding=')).length).toBe(1);
    expect(sysctlWrites(new Lab().host('x').host.root, base)).toEqual([]);
  });
});

describeReal('materialize (real kernel)', () => {
  let before = '';
  beforeAll(() => {
    before = snapshotMachine();
  });
  afterAll(() => {
    expect(snapshotMachine()).toBe(before);
  });

  for (const [name, make] of [
    ['k8s lab, 2 nodes x 2 pods', () => k8sLab({ nodes: 2, podsPerNode: 2 })],
    ['a bridge with 5 namespaces', () => bridgeLab(5)],
    ['a script with secondaries, peers, MTUs, a numbered table, rules, sysctls, vxlan and tun', richLab],
    ['macvlans of three modes and a bridge port in hairpin mode', macvlanLab],
  ] as const) {
    it(`${name}: the kernel's state is the model's, and readBack() rebuilds it`, async () => {
      const lab = make();
      const real = await materialize(lab);
      try {
        expect(real.plan.warnings).toEqual([]);
        await real.settle({ dad: true });
        expect((await stateDiffs(real, lab.model, 'model')).join('\n')).toBe('');
        const back = await real.readBack();
        expect((await stateDiffs(real, back, 'readBack')).join('\n')).toBe('');
        // sysctls the model holds
        for (const p of real.plan.namespaces) {
          const ns = nsAt(lab.model, p.path);
          const keys = ['net.ipv4.ip_forward', 'net.ipv4.conf.all.rp_filter', 'net.ipv4.conf.all.accept_local', ...ns.linkList().map((l) => `net.ipv4.conf.${l.name}.rp_filter`)];
          const k = await real.exec(p.path, ['sysctl', ...keys]);
          const want = keys.map((key) => {
            const [scope, leaf] = key === 'net.ipv4.ip_forward' ? ['all', 'forwarding'] : key.split('.').slice(3);
            const conf = scope === 'all' ? ns.all : ns.linkByName(scope)!.conf;
            return `${key} = ${conf[leaf as 'rp_filter']}\n`;
          });
          expect(k.stdout, p.path).toBe(want.join(''));
        }
      } finally {
        await real.destroy();
      }
    });
  }

  it('macvlans: their modes and lower device, and a bridge port in hairpin mode, come back from the kernel as the model has them', async () => {
    const lab = macvlanLab();
    const real = await materialize(lab);
    try {
      expect(real.plan.warnings).toEqual([]);
      const back = nsAt(await real.readBack(), 'h/m');
      for (const [name, mode] of [
        ['mv-b', 'bridge'],
        ['mv-p', 'private'],
        ['mv-v', 'vepa'],
      ] as const) {
        expect([back.linkByName(name)?.macvlan?.mode, back.linkByName(name)?.macvlan?.lower.name]).toEqual([mode, 'lower']);
        const k = await real.exec('h/m', ['ip', '-d', '-j', 'link', 'show', name]);
        expect(JSON.parse(k.stdout)[0].linkinfo.info_data.mode).toBe(mode);
      }
      expect(back.linkByName('p0')?.hairpin).toBe(true);
      expect(back.linkByName('p1')?.hairpin).toBeUndefined();
    } finally {
      await real.destroy();
    }
  });

  for (const [name, make, someFail] of [
    ['k8s lab, 2 nodes x 2 pods', () => k8sLab({ nodes: 2, podsPerNode: 2 }), false],
    ['a bridge with 5 namespaces', () => bridgeLab(5), false],
    ['the script with a numbered table, a blackhole and a namespace without a default route', richLab, true],
  ] as const) {
    it(`${name}: real pings succeed exactly where the simulator's do`, async () => {
      const lab = make();
      const real = await materialize(lab);
      try {
        await real.settle();
        const from = real.plan.namespaces.map((p) => p.path).filter((p) => p !== '.infra');
        const to = addresses(lab.model);
        const jobs: Promise<string | null>[] = [];
        let simOk = 0;
        let simFail = 0;
        for (const f of from) {
          for (const dst of to) {
            const sim = runPing({ ns: nsAt(lab.model, f) }, ['-c', '1', '-W', '1', dst], lab.sim).ping?.received ?? 0;
            if (sim > 0) simOk++;
            else simFail++;
            jobs.push(real.ping(f, dst).then((r) => (r.received === sim ? null : `${f} -> ${dst}: kernel received ${r.received}, simulator ${sim}`)));
          }
        }
        const results = await Promise.all(jobs);
        expect(results.filter((x) => x !== null)).toEqual([]);
        expect(simOk).toBeGreaterThan(0);
        if (someFail) expect(simFail).toBeGreaterThan(0);
        else expect(simFail).toBe(0);
      } finally {
        await real.destroy();
      }
    });
  }

  it('exec runs only modelled commands, and ping only to IPv4 addresses', async () => {
    const real = await materialize(bridgeLab(1));
    try {
      await expect(real.exec('h', ['touch', '/tmp/nettwin-should-not-exist'])).rejects.toThrow(/refusing command touch/);
      await expect(real.exec('h', ['sysctl', '-w', 'kernel.panic=1'])).rejects.toThrow(/refusing path check refused \/proc\/sys\/kernel\/panic \(sysctl key kernel.panic\)/);
      await expect(real.exec('h', ['ip', '-batch', '/etc/passwd'])).rejects.toThrow(/refusing/);
      await expect(real.exec('h', ['ip', 'link', 'set', 'v0', 'netns', '/proc/1/ns/net'])).rejects.toThrow(/refusing path check refused \/proc\/1\/ns\/net/);
      await expect(real.ping('h', 'example.com')).rejects.toThrow(/not an IPv4 address/);
      await expect(real.exec('h/nope', ['ip', 'link'])).rejects.toThrow(/no namespace/);
      expect((await real.exec('h/ns0', ['ip', '-br', 'addr', 'show', 'dev', 'eth0'])).stdout).toMatch(/^eth0@if3 +UP +10\.0\.0\.10\/24/);
    } finally {
      await real.destroy();
    }
    await expect(real.exec('h', ['ip', 'link'])).rejects.toThrow(/destroyed/);
  });
});
