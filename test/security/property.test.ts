/**
 * Generated hostile paths and arguments. The path check refuses every path that is not already
 * in normal form (no empty, `.` or `..` segment) and accepts a normal path exactly when an
 * independent statement of the allowlist (ORACLE below, written apart from kernel-path.ts)
 * does; no sysctl key it accepts leaves /proc/sys/net. Generated lines with those paths and
 * names run in the simulator by the hundred (refused lines change nothing, no supported line
 * touches a refused path) and a few dozen in both modes in one script each, which must
 * classify every line alike and leave the machine as it was.
 */
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runScriptInSandbox } from '../../adapters/linux/run-real.js';
import { Lab } from '../../src/lab.js';
import { checkKernelPath, sysctlKeyPath } from '../../src/model/kernel-path.js';
import { classifyPath } from '../../src/exec/scratch.js';
import { describeReal } from '../real/require-real.js';
import { classification, machineState, makeBait, type Bait } from './lines-harness.js';

const IF = '(?!\\.\\.?/)[!-.0-9;-~]{1,15}';
const K = '[A-Za-z0-9_][A-Za-z0-9_-]*';
const ATTRS =
  'addr_assign_type|addr_len|address|broadcast|carrier|carrier_changes|carrier_down_count|carrier_up_count|dev_id|dev_port|dormant|duplex|flags|ifalias|ifindex|iflink|link_mode|mtu|name_assign_type|netdev_group|operstate|proto_down|speed|testing|tx_queue_len|type';
/** The allowlist of issue #13, stated apart from the code under test (segments already normal). */
const ORACLE = [
  `^/proc/sys/net/ipv4/(?!(conf|neigh|route)$)${K}$`,
  `^/proc/sys/net/ipv6/(?!(conf|neigh|route|icmp)$)${K}$`,
  `^/proc/sys/net/(core|bridge|unix)/${K}$`,
  `^/proc/sys/net/netfilter/(?!nf_log$)${K}$`,
  `^/proc/sys/net/(ipv4|ipv6)/(conf|neigh)/${IF}/${K}$`,
  `^/proc/sys/net/(ipv4|ipv6)/route/${K}$`,
  `^/proc/sys/net/ipv6/icmp/${K}$`,
  `^/proc/sys/net/netfilter/nf_log/[0-9]{1,3}$`,
  `^/sys/class/net/${IF}/(${ATTRS})$`,
  `^(/var)?/run/netns/[!-.0-~]{1,255}$`,
].map((r) => new RegExp(r));

const oracle = (p: string) => !/[*?[]/.test(p) && ORACLE.some((r) => r.test(p) && !/\/\.\.?(\/|$)/.test(p));
const normal = (p: string) => p.startsWith('/') && path.posix.normalize(p) === p && !p.endsWith('/') && !p.includes('\0');

/** Segments that lead somewhere: the allowlist's own names, traversal, links, and the bait. */
const SEGMENT = fc.oneof(
  fc.constantFrom(
    'proc',
    'sys',
    'net',
    'ipv4',
    'ipv6',
    'core',
    'bridge',
    'netfilter',
    'unix',
    'mptcp',
    'conf',
    'neigh',
    'route',
    'icmp',
    'nf_log',
    'all',
    'default',
    'lo',
    'v0',
    'eth0.100',
    'ip_forward',
    'rp_filter',
    'forwarding',
    'class',
    'mtu',
    'address',
    'master',
    'subsystem',
    'device',
    'run',
    'var',
    'netns',
    'NS1',
    'kernel',
    'hostname',
    'etc',
    'shadow',
    'passwd',
    'tmp',
    'self',
    '1',
    'root',
    'cwd',
    'fd',
    'ns',
    '0',
    'x-y',
    'a:b',
  ),
  fc.constantFrom('..', '.', '', '...', '*'),
  fc.stringMatching(/^[a-z0-9_.-]{1,6}$/),
);
const PREFIX = fc.constantFrom(
  ['proc', 'sys', 'net', 'ipv4'],
  ['proc', 'sys', 'net', 'ipv4', 'conf', 'all'],
  ['proc', 'sys', 'net'],
  ['sys', 'class', 'net', 'lo'],
  ['run', 'netns'],
  ['var', 'run', 'netns'],
  ['proc', 'sys', 'net', 'ipv6', 'neigh', 'v0'],
  [],
);
const hostilePath = fc.tuple(fc.constantFrom('/', '//', ''), PREFIX, fc.array(SEGMENT, { maxLength: 8 })).map(([lead, pre, segs]) => lead + [...pre, ...segs].join('/'));
const allowedPath = fc.oneof(
  fc
    .tuple(fc.constantFrom('ipv4', 'ipv6'), fc.constantFrom('conf', 'neigh'), fc.constantFrom('all', 'default', 'lo', 'eth0.100', 'v-0_x'), fc.stringMatching(/^[a-z_][a-z0-9_-]{0,20}$/))
    .map((s) => `/proc/sys/net/${s.join('/')}`),
  fc.tuple(fc.constantFrom('core', 'unix', 'bridge'), fc.stringMatching(/^[a-z_][a-z0-9_-]{0,20}$/)).map((s) => `/proc/sys/net/${s.join('/')}`),
  fc.tuple(fc.constantFrom('lo', 'veth0', 'br-x.1'), fc.constantFrom('mtu', 'address', 'operstate', 'carrier', 'ifindex')).map(([i, a]) => `/sys/class/net/${i}/${a}`),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,20}$/).map((n) => `/run/netns/${n}`),
);
/** procps keys: names, dots, slashes and their repeats in either form. */
const hostileKey = fc.tuple(fc.constantFrom('.', '/'), fc.array(fc.oneof(SEGMENT, fc.constantFrom('.', '/', '//', '..')), { minLength: 1, maxLength: 10 })).map(([sep, p]) => ['net', ...p].join(sep));

describe('the path check against the allowlist', () => {
  it('refuses every path not in normal form, and accepts a normal path exactly when the allowlist names it', () => {
    fc.assert(
      fc.property(fc.oneof(hostilePath, allowedPath), (p) => {
        const ok = checkKernelPath(p).ok;
        if (!normal(p)) expect(ok, p).toBe(false);
        else expect(ok, p).toBe(oracle(p));
        // whatever it accepts names itself: nothing to resolve
        if (ok) expect(path.posix.normalize(p)).toBe(p);
      }),
      { numRuns: 5000 },
    );
  });

  it('accepts the allowed paths', () => {
    fc.assert(
      fc.property(allowedPath, (p) => {
        expect(checkKernelPath(p).ok, p).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('never lets a sysctl key out of /proc/sys/net', () => {
    fc.assert(
      fc.property(hostileKey, (k) => {
        const p = sysctlKeyPath(k);
        if (checkKernelPath(p).ok) {
          expect(path.posix.normalize(p), k).toBe(p);
          expect(p.startsWith('/proc/sys/net/'), k).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

/** A hostile line: a command that opens a file or takes a name, given a generated path or name. */
function lineArb(bait: Bait): fc.Arbitrary<string> {
  const toBait = fc.constant(`${bait.dir.slice(1)}/canary-p`);
  const p = fc.oneof(
    hostilePath,
    allowedPath,
    fc.tuple(PREFIX, fc.integer({ min: 1, max: 7 }), toBait).map(([pre, n, t]) => `/${[...pre, ...Array(n).fill('..'), t].join('/')}`),
  );
  const name = fc.oneof(fc.stringMatching(/^[a-z0-9]{1,5}$/), fc.constantFrom('..', '.', 'a/b', '../x', '/etc/passwd', `${bait.dir}/canary-n`), hostilePath);
  return fc.oneof(
    p.map((x) => `cat ${x}`),
    p.map((x) => `echo 1 | tee ${x}`),
    p.map((x) => `echo 1 | tee -a ${x}`),
    p.map((x) => `echo 1 > ${x}`),
    p.map((x) => `ip netns exec NS1 cat ${x}`),
    p.map((x) => `nsenter --net=${x} ip -br link`),
    p.map((x) => `ip link set v1 netns ${x}`),
    hostileKey.map((k) => `sysctl ${k}`),
    hostileKey.map((k) => `sysctl -w ${k}=1`),
    hostileKey.map((k) => `ip netns exec NS1 sysctl -n ${k}`),
    name.map((n) => `ip link add ${n} type veth`),
    name.map((n) => `ip netns add ${n}`),
    name.map((n) => `ip addr add 10.9.0.1/24 dev ${n}`),
    name.map((n) => `ip -n ${n} link show`),
    name.map((n) => `ping -c 1 -W 1 -I ${n} 127.0.0.1`),
    name.map((n) => `brctl addbr ${n}`),
  );
}

const SETUP = 'ip netns add NS1\nip link add v0 type veth peer name v1\n';
const STATE =
  'ip -d -j link show\nip -j addr\nip -j route show table all\nip netns list\nip -n NS1 -j link\ncat /proc/sys/net/ipv4/ip_forward /proc/sys/net/ipv4/conf/all/rp_filter /proc/sys/net/ipv4/conf/v0/rp_filter';

describe('generated lines in the simulator', () => {
  it('a refused line changes nothing, and no supported line touches a path the check refuses', () => {
    const bait = { dir: '/tmp/nettwin-sec-sim' } as Bait;
    fc.assert(
      fc.property(lineArb(bait), (line) => {
        const h = new Lab({ seed: 1 }).host('h');
        h.sh(SETUP);
        const before = h.sh(STATE).map((s) => s.stdout);
        const steps = h.sh(line);
        const after = h.sh(STATE).map((s) => s.stdout);
        for (const s of steps) {
          if (!s.supported) expect(s.exit, line).toBe(127);
          if (!s.supported || s.exit !== 0) expect(after, line).toEqual(before);
          const file = /^(?:cat|echo 1 \| tee(?: -a)?|echo 1 >|ip netns exec NS1 cat) (\S+)$/.exec(line)?.[1];
          // a supported line names an allowed kernel file, or a temporary file of the run's in-memory scratch area
          if (s.supported && file !== undefined) expect(checkKernelPath(file).ok || classifyPath(file).kind === 'scratch', line).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });
});

describeReal('generated lines in both modes', () => {
  let bait: Bait;
  let before = '';
  beforeAll(() => {
    bait = makeBait();
    before = machineState();
  });
  afterAll(() => {
    bait.remove();
    expect(fs.existsSync(bait.dir)).toBe(false);
  });

  it('classify every line alike, run no refused one, and leave the machine as it was', async () => {
    const listing = bait.listing();
    const lines = fc.sample(lineArb(bait), { numRuns: 60, seed: 13 });
    const text = `${SETUP + lines.join('\n')}\n`;
    const sim = new Lab({ seed: 1 }).host('host').sh(text);
    const real = await runScriptInSandbox(text, { file: 'generated.sh', host: 'host' });
    expect(real.map(classification)).toEqual(sim.map(classification));
    // the lines that did run agree on every word
    const ran = (s: (typeof sim)[number]) => [s.command, s.exit, s.stdout, s.stderr];
    expect(real.filter((s) => s.supported).map(ran)).toEqual(sim.filter((s) => s.supported).map(ran));
    expect(sim.filter((s) => !s.supported).length).toBeGreaterThan(10);
    expect(bait.listing()).toBe(listing);
    expect(machineState()).toBe(before);
  }, 120_000);
});
